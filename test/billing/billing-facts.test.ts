import {
  billingFactsOf,
  hasBillingFacts,
  prepareBillingFacts,
} from '../../src/billing/model/billing-facts';
import type { ReportRow } from '../../src/report-model/column-types';
import { at } from './fixtures';

const rows: ReportRow[] = Array.from({ length: 120_000 }, (_, i) => ({
  conn_id: String(i),
  session_id: `${573_000_000_000 + (i % 9000)}.acme.${i % 4}`,
  date: at('2026-10-01T00:00') + i * 1000,
  customer_phone: String(573_000_000_000 + (i % 9000)),
  template: i % 3 !== 0,
  destiny: i % 2 ? 'Colombia' : 'México',
}));

describe('prepareBillingFacts', () => {
  it('reads a large set over several tasks, then serves the same facts as a direct build', async () => {
    const preparing = prepareBillingFacts(rows);
    // One slice ran; the rest wait for later tasks, so the page can handle input meanwhile.
    expect(hasBillingFacts(rows)).toBe(false);
    await preparing;
    expect(hasBillingFacts(rows)).toBe(true);
    expect(billingFactsOf(rows)).toEqual(billingFactsOf([...rows]));
  });

  it('stops when aborted and leaves nothing half-built', async () => {
    const other = rows.slice(0, 100_001);
    const controller = new AbortController();
    const preparing = prepareBillingFacts(other, controller.signal);
    controller.abort();
    await expect(preparing).rejects.toBeDefined();
    expect(hasBillingFacts(other)).toBe(false);
  });
});
