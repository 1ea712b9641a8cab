import { DEFAULT_ROW_CAP, TARGET_SHARE } from '../../report-model/load/load-report';
import { splitRange } from '../../report-model/load/split-range';
import type { TimeRange } from '../../report-model/time-range';

/** Rows of report 2 per chat: every message, the customer's included (docs §5.3: 3–9). */
export const MESSAGES_PER_CHAT = { low: 3, high: 9 } as const;

export interface MessageLoadPlan {
  /** Report 2 rows expected for the range. */
  rows: { low: number; high: number };
  /** Calls the loader will make: one per calendar chunk at least, more where a chunk is dense. */
  calls: { low: number; high: number };
  /** Share of the token's daily limit (token_info's token_limit), when known: 0–1. */
  quotaShare?: { low: number; high: number };
  /** True when the high estimate needs more calls than are left today. */
  exceedsQuotaLeft?: boolean;
}

/**
 * What loading report 2's counts for report 10's range will take, said before the first call:
 * the interactions of report 10 × 3–9 messages, cut by the loader's rule (calendar chunks of
 * ≤ 31 days, then about 95 % of the 60,000-row cap per call), spread over the range's chunks in
 * proportion to their length (report 10's rows are not known per chunk here).
 */
export function planMessageLoad(
  range: TimeRange,
  interactions: number,
  quota?: { limit?: number; left?: number },
): MessageLoadPlan {
  const chunks = splitRange(range);
  const total = chunks.reduce((sum, c) => sum + (c.end - c.start), 0) || 1;
  const perCall = Math.floor(DEFAULT_ROW_CAP * TARGET_SHARE);
  const callsFor = (rows: number) =>
    chunks.reduce(
      (sum, c) => sum + Math.max(1, Math.ceil((rows * (c.end - c.start)) / total / perCall)),
      0,
    );
  const rows = {
    low: interactions * MESSAGES_PER_CHAT.low,
    high: interactions * MESSAGES_PER_CHAT.high,
  };
  const plan: MessageLoadPlan = {
    rows,
    calls: { low: callsFor(rows.low), high: callsFor(rows.high) },
  };
  if (quota?.limit) {
    plan.quotaShare = { low: plan.calls.low / quota.limit, high: plan.calls.high / quota.limit };
  }
  if (quota?.left !== undefined) plan.exceedsQuotaLeft = plan.calls.high > quota.left;
  return plan;
}
