import { splitRange } from '../../src/report-model/load/split-range';
import { dayRange, type TimeRange } from '../../src/report-model/time-range';
import type { FaultRule } from '../fake-wolkvox/server';

/**
 * The live-mode scenario shared by the global setup (which builds the fake
 * wolkvox) and the tests (which check what the app made of it).
 *
 * 95 days of report 10 (`chat_10`): 175,000 rows spread evenly (about 1,840 a
 * day, so a 31-day month stays under the 60,000-row cap) plus 75,000 on one
 * day, 250,000 in all. That day alone is over the cap, so its month comes back
 * truncated and the app must halve it until every piece fits.
 */
export const FROM = '2026-07-01';
export const TO = '2026-10-03';
export const RANGE = dayRange(FROM, TO)!;
/** The app's chunks: one call per calendar month. */
export const CHUNKS = splitRange(RANGE);
export const [JUL, AUG, SEP, OCT] = CHUNKS as [TimeRange, TimeRange, TimeRange, TimeRange];
export const CAPPED_DAY = dayRange('2026-08-12', '2026-08-12')!;
export const UNIFORM_ROWS = 175_000;
export const CAPPED_ROWS = 75_000;
export const SEED = 1095;

/** The page of report 10 over the whole range. */
export const REPORT_PATH = `/reports/interactions-and-chats/10?from=${FROM}&to=${TO}`;

/** "2026-09-01 00:00:00 – 2026-09-30 23:59:59", as the partial notice names a period. */
export const SEP_PERIOD = '2026-09-01 00:00:00 – 2026-09-30 23:59:59';

/** How long the slow answer waits before it answers (well under the 65 s proxy timeout). */
export const SLOW_MS = 4_000;

/**
 * One fault of each kind on the four month chunks (each rule matches calls that
 * overlap its month only):
 * - July: HTTP 500 once, then fine (the app retries after its backoff).
 * - August (the capped month): the first call's connection is dropped, which the
 *   proxy turns into a 502; then fine.
 * - September: a 200 whose JSON is cut in half, on every call until healed.
 * - October: answers after SLOW_MS, once.
 */
export function scenarioFaults(): FaultRule[] {
  return [
    { fault: { kind: 'status', status: 500 }, overlaps: JUL, api: 'chat_10', times: 1 },
    { fault: { kind: 'reset' }, overlaps: AUG, api: 'chat_10', times: 1 },
    { fault: { kind: 'truncated-json' }, overlaps: SEP, api: 'chat_10' },
    { fault: { kind: 'delay', ms: SLOW_MS }, overlaps: OCT, api: 'chat_10', times: 1 },
  ];
}
