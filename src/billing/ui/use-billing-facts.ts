import { useEffect, useState } from 'react';
import type { ReportRow } from '../../report-model/column-types';
import { hasBillingFacts, prepareBillingFacts } from '../model/billing-facts';

/**
 * Whether the billing facts of `rows` are ready. After a load they are prepared in slices in
 * the background (a million rows take most of a second to read), so the table and typing
 * stay responsive meanwhile; the panel shows its totals once they are.
 */
export function useBillingFacts(rows: readonly ReportRow[]): boolean {
  const [, setPrepared] = useState<readonly ReportRow[] | null>(null);
  useEffect(() => {
    if (hasBillingFacts(rows)) return;
    const controller = new AbortController();
    prepareBillingFacts(rows, controller.signal).then(
      () => setPrepared(rows),
      () => undefined, // aborted: the rows were replaced or the panel closed
    );
    return () => controller.abort();
  }, [rows]);
  return hasBillingFacts(rows);
}
