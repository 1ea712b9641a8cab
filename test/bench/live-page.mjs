// What `npm run bench -- --live` measures in the page (page clock, probe.mjs): opening the
// report until the first row and all rows are shown, the longest main-thread task of the
// load, the heap after it, then a few sorts, phone keystrokes and the CSV export.
import {
  evaluate,
  exportCsv,
  heap,
  phoneKeystrokes,
  phoneQueries,
  SORT_STEPS,
  sortStep,
} from './page-tools.mjs';

/** Sorts timed per load: a text id, a date, then back to the loaded order. */
const LIVE_SORTS = [
  ...SORT_STEPS.filter(([column]) => column === 'SESSION_ID' || column === 'DATE'),
  ['DATE', null],
];

/**
 * Opens `url` in a new page of `context` and waits until all rows are shown: the count reads
 * "N of N rows" and the "Loading…" status is gone. Times from the navigation's start (0 in
 * the page's clock) to the frame after the first data row, and after all rows.
 */
export async function openReport(context, url, timeoutMs) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const wallStart = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.painted !== null, null, {
    timeout: timeoutMs,
    polling: 200,
  });
  const load = await evaluate(page, () => {
    const B = window.__bench;
    // The app's calls, as it measures them in the page (its workers' fetches are not in the
    // page's resource timing): "wolkvox call", asked → answer in.
    const calls = performance.getEntriesByName('wolkvox call');
    const during = B.longTasks.filter((task) => task.start <= B.painted);
    return {
      firstRowMs: B.firstRow,
      firstRowDomMs: B.firstRowDom,
      allRowsMs: B.painted,
      allRowsDomMs: B.paintedDom,
      longestTaskMs: during.reduce((max, task) => Math.max(max, task.duration), 0),
      longTasks: during.length,
      pageCalls: calls.length,
      firstCallStartMs: calls.length ? Math.min(...calls.map((e) => e.startTime)) : null,
      counts: B.counts(),
    };
  });
  load.wallMs = Date.now() - wallStart;
  return { page, load, errors };
}

/** After the load: heap, sorts, phone keystrokes and the CSV export, on the open page. */
export async function operate(context, page) {
  const out = {};
  const cdp = await context.newCDPSession(page);
  // Idle first (no long task for 1.5 s): what the app warms up after the load is done.
  out.idleWaitMs = await evaluate(page, () => window.__bench.idle(1500, 60_000));
  out.heapAfterLoad = await heap(cdp);
  out.workers = page.workers().length;
  const headers = await evaluate(page, () => window.__bench.headers());
  out.sorts = [];
  for (const [column, aria] of LIVE_SORTS) {
    out.sorts.push({ column, aria, ...(await sortStep(page, headers, column, aria)) });
  }
  out.phoneQueries = await phoneQueries(page, headers);
  const { q4, narrow } = out.phoneQueries;
  out.phone = await phoneKeystrokes(page, [...new Set([q4, narrow])]);
  await evaluate(page, () => window.__bench.idle(500, 30_000));
  out.csv = await exportCsv(page);
  return out;
}
