// What both benchmarks (run.mjs on mocks, live.mjs through the production server) do in the
// browser: a fresh Chromium profile with the probe installed, watches armed in the page, the
// heap after GC, a sort click, the CSV export, and the run's environment.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { installProbe } from './probe.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

const ARGS = [
  ...CHROMIUM_ARGS,
  // gc() in the comparison page (between TanStack runs) and exact performance.memory.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/** A persistent context on a fresh temporary profile, the probe installed before any script. */
export async function openContext() {
  const profileDir = mkdtempSync(join(tmpdir(), 'wolkvox-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  await context.addInitScript(installProbe);
  // Every page load starts with the charts section open (the app remembers folding it).
  await context.addInitScript(() => {
    try {
      localStorage.removeItem('wolkvox.chartsOpen.v1');
    } catch {
      // no storage: open by default anyway
    }
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export const evaluate = (page, fn, arg) => page.evaluate(fn, arg);

/** Arms a watch in the page, runs `action`, and returns the in-page result. */
export async function watch(page, spec, action) {
  const id = await evaluate(page, (s) => window.__bench.arm(s), spec);
  if (typeof action === 'function') await action(id);
  return evaluate(page, (i) => window.__bench.result(i), id);
}

/** Main-thread JS heap after two full GCs (CDP). */
export async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return {
    usedMb: usage.usedSize / 2 ** 20,
    totalMb: usage.totalSize / 2 ** 20,
    // ArrayBuffer backing stores (typed arrays: sort keys, orders) live outside the JS heap.
    backingStoreMb:
      usage.backingStorageSize !== undefined ? usage.backingStorageSize / 2 ** 20 : null,
  };
}

export const SORT_STEPS = [
  ['SESSION_ID', 'ascending'],
  ['SESSION_ID', 'descending'],
  ['DATE', 'ascending'],
  ['DATE', 'descending'],
  ['CONN_ID', 'ascending'],
  ['CONN_ID', 'descending'],
  ['DESTINY', 'ascending'],
  ['DESTINY', 'descending'],
  ['DESTINY', null],
];

/** Click on `column`'s header → the frame after aria-sort reads `aria` and the rows changed. */
export async function sortStep(page, headers, column, aria) {
  const th = headers.findIndex((header) => header.text === column);
  if (th < 0) throw new Error(`no ${column} header (have ${headers.map((h) => h.text)})`);
  const prevFirst = await evaluate(page, () => window.__bench.firstRows());
  return watch(page, { kind: 'sort', th, aria, prevFirst, startOn: 'click', quietMs: 300 }, () =>
    page.locator('.report-table thead th').nth(th).locator('button').click(),
  );
}

/**
 * Phone digits that match rows: typed from the start, as a supervisor copies a number, the
 * first 4 and the first 7 digits of the phone on the first row ("5733", "5733706"), and
 * `narrow`: of the two phones on screen that share the longest start, one's digits up to the
 * first that tells it from the other (which then leaves the set: the count changes even where
 * the rows repeat a few phones, and 7 digits match no fewer rows than 6).
 */
export async function phoneQueries(page, headers) {
  const col = headers.findIndex((header) => header.text === 'CUSTOMER_PHONE');
  const phones = await evaluate(
    page,
    (c) =>
      Array.from(
        document.querySelectorAll('.report-table tbody tr:not(.spacer)'),
        (row) => row.children[c]?.textContent ?? '',
      ),
    col,
  );
  const phone = phones[0] ?? '';
  const digits = phone.replace(/\D/g, '');
  const all = [...new Set(phones.map((text) => text.replace(/\D/g, '')).filter(Boolean))];
  let narrow = digits.slice(0, 4);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i], all[j]];
      let n = 0;
      while (n < a.length && a[n] === b[n]) n++;
      if (n + 1 > narrow.length && n < a.length) narrow = a.slice(0, n + 1);
    }
  }
  return { phone, q4: digits.slice(0, 4), q7: digits.slice(0, 7), narrow };
}

/**
 * For each query: the Phone input filled with all but its last digit (let settle), then one
 * key press → the frame after the row count changed (from the `input` event's timeStamp),
 * then the input cleared → the same. Each measured keystroke narrows a prefix that matches
 * more rows, so the count changes. `extra`: more of the count watch (needSummary: also wait
 * for the billing summary before the next step).
 */
export async function phoneKeystrokes(page, queries, extra = {}) {
  const input = page.getByLabel('Phone', { exact: true });
  const prevCount = () => evaluate(page, () => window.__bench.countText());
  const keyWatch = async (more = {}) => ({
    kind: 'count',
    quietMs: 400,
    startOn: 'input',
    prevCount: await prevCount(),
    ...extra,
    ...more,
  });
  const out = [];
  await input.click();
  for (const query of queries) {
    // The prefix may match as many rows as before: then the count does not change.
    await watch(page, await keyWatch({ timeoutMs: 30_000 }), () => input.fill(query.slice(0, -1)));
    // A keystroke that leaves the count as it was (few rows: the shorter prefix matched only
    // this phone already) is reported as not ok after 20 s instead of the default 120 s.
    const key = await watch(page, await keyWatch({ timeoutMs: 20_000 }), () =>
      page.keyboard.press(query.at(-1)),
    );
    out.push({ how: 'keystroke', digits: query.length, query, ...key });
    const clear = await watch(page, await keyWatch(), () => input.fill(''));
    out.push({ how: 'keystroke', digits: 0, query: '', ...clear });
  }
  return out;
}

/**
 * "Export CSV" of the view: click → the app's click on its <a download> (page clock), and
 * click → Playwright's download event (Node clock); the file's size and lines. `around`
 * brackets the click (the CPU profiler of run.mjs).
 */
export async function exportCsv(page, around = {}) {
  const button = page.getByRole('button', { name: 'Export CSV', exact: true });
  const downloadsBefore = await evaluate(page, () => window.__bench.downloads.length);
  const id = await evaluate(page, (s) => window.__bench.arm(s), {
    kind: 'download',
    downloadsBefore,
    startOn: 'click',
    quietMs: 100,
    timeoutMs: 300_000,
  });
  const downloadEvent = page.waitForEvent('download', { timeout: 300_000 });
  await around.start?.();
  const t0 = performance.now();
  await button.click();
  const download = await downloadEvent;
  const nodeMs = performance.now() - t0;
  await around.stop?.();
  const inPage = await evaluate(page, (i) => window.__bench.result(i), id);
  const file = await download.path();
  const bytes = statSync(file).size;
  const lines = countLines(file);
  await download.delete();
  return {
    nodeMs,
    inPageMs: inPage.downloadMs,
    // Long tasks (≥ 50 ms) from the click until 100 ms after the download: is the page responsive?
    longTasks: inPage.longTasks,
    longestTaskMs: inPage.longestTaskMs,
    bytes,
    lines,
    name: download.suggestedFilename(),
  };
}

function countLines(file) {
  const bytes = readFileSync(file);
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

/** Node, Chromium, CPUs, the commit and the files changed in src/ (uncommitted work measured). */
export function environment(root) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return CHROMIUM;
      }
    })(),
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
    // BENCH_COMMIT: a run from an export of a commit (git archive), which has no .git.
    commit: git('rev-parse', '--short', 'HEAD') || process.env.BENCH_COMMIT || '',
    dirty: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  };
}
