import { loadMessageCounts } from '../../src/billing/ui/load-message-counts';
import { findReport } from '../../src/report-model/catalog';
import { loadReport } from '../../src/report-model/load/load-report';
import { dayRange } from '../../src/report-model/time-range';
import { apiBaseUrl } from '../../src/shared/env';
import { givenVolume } from '../msw-server';

/*
 * Report 2's counts for a month at volume, against the fake wolkvox (MSW), measured:
 * `PERF=1 PERF_ROWS_PER_DAY=40000 npx vitest run test/billing/per-message.perf.test.ts`.
 * Prints report 10's rows, report 2's calls and message rows, the most calls in flight, the
 * seconds and the heap after the load (nothing of report 2 kept but the counts).
 */
const perf = process.env.PERF === '1' ? it : it.skip;

perf(
  'loads a month of report 2 counts within 2 calls in flight and the row cap',
  async () => {
    const rowsPerDay = Number(process.env.PERF_ROWS_PER_DAY ?? 40_000);
    const range = dayRange(
      process.env.PERF_FROM ?? '2026-10-01',
      process.env.PERF_TO ?? '2026-10-31',
    )!;
    givenVolume(rowsPerDay);
    const report10 = await loadReport(findReport(10)!, range, { baseUrl: apiBaseUrl() });
    let inFlight = 0;
    let most = 0;
    let largest = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        const response = await fetch(input, init);
        const text = await response.clone().text();
        const found = /"msg"\s*:\s*"(\d+) records/.exec(text);
        if (found) largest = Math.max(largest, Number(found[1]));
        return response;
      } finally {
        inFlight--;
      }
    };
    const started = performance.now();
    const { tally, load } = await loadMessageCounts(range, {
      baseUrl: apiBaseUrl(),
      interactions: report10.rows.length,
      fetch: counting,
    });
    const seconds = (performance.now() - started) / 1000;
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = process.memoryUsage().heapUsed / 1e6;
    const messages = tally.businessMessages + tally.customerMessages + tally.otherChannelRows;
    console.log(
      JSON.stringify({
        report10Rows: report10.rows.length,
        report2Calls: load.requests,
        report2Rows: messages,
        chats: tally.chats.size,
        mostInFlight: most,
        largestAnswerChats: largest,
        rowsKept: load.rows.length,
        complete: load.complete,
        seconds: Math.round(seconds * 10) / 10,
        heapMb: Math.round(heapMb),
      }),
    );
    expect(most).toBeLessThanOrEqual(2);
    expect(load.rows).toHaveLength(0);
  },
  3_600_000,
);
