/**
 * In-page instrumentation, installed with page.addInitScript(installProbe) before any app
 * script runs. Everything is timed in the page's own clock (performance.now()): Node-side
 * timers would add CDP round trips to every figure.
 *
 * "Frame after": when the DOM first satisfies a condition (seen by a MutationObserver, i.e. in
 * the microtask right after React's commit), the probe asks for the next animation frame and
 * takes performance.now() in its requestAnimationFrame callback: the browser's rendering step
 * for that frame (rAF callbacks, then style, layout, paint) has begun, so that frame is the
 * first one to show the change. That moment ends every interaction figure. Any long task that
 * runs before that frame (e.g. a deferred React render queued right after the commit) delays
 * it, as it delays what the user sees. (Stamping in a task posted from rAF would instead wait
 * behind tasks queued earlier and could count work done after the paint.)
 *
 * This function is serialized into the page: it must not use anything from this module.
 */
export function installProbe() {
  const B = {
    reports: [],
    longTasks: [],
    painted: null,
    paintedDom: null,
    watches: new Map(),
    nextId: 1,
    downloads: [],
  };
  window.__bench = B;

  const afterFrame = (callback) => requestAnimationFrame(() => callback(performance.now()));
  B.afterFrame = afterFrame;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name.includes('reports_manager.php')) {
          B.reports.push({
            url: entry.name,
            start: entry.startTime,
            end: entry.responseEnd,
            bytes: entry.encodedBodySize,
          });
        }
      }
    }).observe({ type: 'resource', buffered: true });
    // Calls made by the app's fetch-and-parse workers are not in the page's resource timing:
    // the app measures each one in the page's timeline ("wolkvox call", worker-fetch-chunk.ts).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'wolkvox call') continue;
        B.reports.push({
          url: entry.detail?.api ?? '',
          start: entry.startTime,
          end: entry.startTime + entry.duration,
          bytes: entry.detail?.bytes ?? 0,
        });
      }
    }).observe({ type: 'measure', buffered: true });
  } catch {
    // resource timing unavailable: the load figure falls back to getEntriesByType
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        B.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API
  }

  const COUNT = /([\d.,\s\u00a0\u202f]+?)\s+(?:of|de)\s+([\d.,\s\u00a0\u202f]+)/;
  const digits = (text) => Number(String(text).replace(/\D/g, ''));
  B.countText = () => document.querySelector('.row-count')?.textContent ?? '';
  B.counts = () => {
    const match = COUNT.exec(B.countText());
    return match ? { shown: digits(match[1]), total: digits(match[2]) } : null;
  };
  const bodyRows = () => document.querySelectorAll('.report-table tbody tr:not(.spacer)');
  B.domRows = () => bodyRows().length;
  /** Identity of the first rows on screen: their whole text (CONN_ID is unique per row). */
  B.firstRows = (n = 3) =>
    Array.from(bodyRows())
      .slice(0, n)
      .map((row) => row.textContent)
      .join('\n');
  B.summaryText = () => {
    for (const item of document.querySelectorAll('.billing-panel .summary-cards > div')) {
      const term = item.querySelector('dt')?.textContent ?? '';
      if (/interactions|interacciones/i.test(term)) return item.querySelector('dd')?.textContent;
    }
    return null;
  };
  B.headers = () =>
    Array.from(document.querySelectorAll('.report-table thead th')).map((th) => ({
      text: th.querySelector('button span')?.textContent ?? th.textContent,
      sort: th.getAttribute('aria-sort'),
    }));

  // Load: the first frame showing a data row (`firstRow`), and the first frame showing a full
  // "<n> of <n> rows" count with the load done, i.e. no "Loading…" status (`painted`): rows
  // may be shown as chunks arrive, with a count that still grows.
  B.firstRow = null;
  B.firstRowDom = null;
  const loadObserver = new MutationObserver(() => {
    if (B.paintedDom !== null) return;
    const hasRow = document.querySelector('.report-table tbody tr:not(.spacer) td') !== null;
    if (!hasRow) return;
    if (B.firstRowDom === null) {
      B.firstRowDom = performance.now();
      afterFrame((t) => (B.firstRow = t));
    }
    const counts = B.counts();
    if (!counts || counts.total === 0 || counts.shown !== counts.total) return;
    if (document.querySelector('.load-status')) return;
    B.paintedDom = performance.now();
    loadObserver.disconnect();
    afterFrame((t) => (B.painted = t));
  });
  loadObserver.observe(document, { childList: true, subtree: true, characterData: true });

  // CSV: the app hands the Blob to a temporary <a download> and clicks it.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLAnchorElement && target.hasAttribute('download')) {
        B.downloads.push({ at: performance.now(), name: target.download });
      }
    },
    true,
  );

  /**
   * Arms a watch: `kind` 'sort' waits for aria-sort on header `th` to be `aria` (null = none)
   * and the first rows to differ from `prevFirst`; 'count' for the row count text to differ
   * from `prevCount`; 'download' for the <a download> click. Start: the trusted event
   * `startOn` ('click' | 'input'), or B.trigger(id, ...) for a programmatic change.
   * Besides the condition it records the frame after the table's last change, after the
   * billing summary's "Interactions" number first changes, and after the panel's last change,
   * until `quietMs` without any mutation.
   */
  B.arm = (spec) => {
    const id = B.nextId++;
    const w = {
      spec,
      start: null,
      startSource: null,
      met: null,
      metDom: null,
      tableLast: null,
      summaryFirst: null,
      panelLast: null,
      lastMutation: null,
      summaryBefore: B.summaryText(),
      mutations: 0,
      fallback: false,
    };
    B.watches.set(id, w);
    const check = () => {
      if (spec.kind === 'sort') {
        const th = document.querySelectorAll('.report-table thead th')[spec.th];
        if (!th || th.getAttribute('aria-sort') !== spec.aria) return false;
        return B.firstRows() !== spec.prevFirst;
      }
      if (spec.kind === 'count') return B.countText() !== spec.prevCount;
      if (spec.kind === 'download') return B.downloads.length > spec.downloadsBefore;
      return false;
    };
    w.check = check;
    const onMutations = (records) => {
      if (w.start === null) return;
      const now = performance.now();
      w.mutations += records.length;
      w.lastMutation = now;
      let table = false;
      let panel = false;
      for (const record of records) {
        const node =
          record.target.nodeType === Node.ELEMENT_NODE
            ? record.target
            : record.target.parentElement;
        if (!node) continue;
        if (!table && node.closest('.report-table, .row-count')) table = true;
        if (!panel && node.closest('.billing-panel')) panel = true;
      }
      if (table) afterFrame((t) => (w.tableLast = t));
      if (panel) {
        afterFrame((t) => (w.panelLast = t));
        if (w.summaryFirst === null && B.summaryText() !== w.summaryBefore) {
          w.summaryFirst = -1;
          afterFrame((t) => (w.summaryFirst = t));
        }
      }
      if (w.metDom === null && check()) {
        w.metDom = now;
        afterFrame((t) => (w.met = t));
      }
    };
    w.observer = new MutationObserver(onMutations);
    w.observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-sort'],
    });
    if (spec.startOn) {
      w.listener = (event) => {
        if (w.start !== null || !event.isTrusted) return;
        const now = performance.now();
        // The event's own time stamp (when the browser got the input), unless it is off.
        w.start = event.timeStamp > 0 && now - event.timeStamp < 1000 ? event.timeStamp : now;
        w.startSource = event.type;
      };
      window.addEventListener(spec.startOn, w.listener, true);
    }
    return id;
  };

  /** Starts watch `id` now and runs a programmatic change: 'url' sets query params + popstate. */
  B.trigger = (id, action) => {
    const w = B.watches.get(id);
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(action.params ?? {})) {
      if (value === '' || value === null) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    w.start = performance.now();
    w.startSource = 'popstate';
    window.history.replaceState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  /** Resolves when the condition held and the page was quiet, or at the timeout. */
  B.result = (id) =>
    new Promise((resolve) => {
      const w = B.watches.get(id);
      const { quietMs = 400, timeoutMs = 120_000, needSummary = false } = w.spec;
      const began = performance.now();
      const poll = () => {
        const now = performance.now();
        const met = w.met !== null;
        const summaryDone = !needSummary || (w.summaryFirst !== null && w.summaryFirst > 0);
        const quiet = now - (w.lastMutation ?? w.start ?? began) >= quietMs;
        const timedOut = now - (w.start ?? began) > timeoutMs;
        if (!(met && summaryDone && quiet) && !timedOut) {
          setTimeout(poll, 50);
          return;
        }
        w.observer.disconnect();
        if (w.listener) window.removeEventListener(w.spec.startOn, w.listener, true);
        B.watches.delete(id);
        const rel = (t) => (t === null || t < 0 || w.start === null ? null : t - w.start);
        const tasks = B.longTasks.filter((task) => task.start + task.duration >= (w.start ?? 0));
        resolve({
          ok: met,
          timedOut: !met,
          startSource: w.startSource,
          ms: rel(w.met),
          domMs: rel(w.metDom),
          tableLastMs: rel(w.tableLast),
          summaryMs: rel(w.summaryFirst),
          // The app's own measure of the report-10 totals (usage + estimate) computed for it.
          totalsMs:
            performance
              .getEntriesByName('billing totals')
              .filter((entry) => entry.startTime >= (w.start ?? 0))
              .at(-1)?.duration ?? null,
          panelLastMs: w.summaryFirst !== null ? rel(w.panelLast) : null,
          downloadMs:
            w.spec.kind === 'download' && B.downloads.length > w.spec.downloadsBefore
              ? B.downloads[w.spec.downloadsBefore].at - w.start
              : null,
          mutations: w.mutations,
          longTasks: tasks.length,
          longestTaskMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
          countText: B.countText(),
          summaryText: B.summaryText(),
        });
      };
      poll();
    });

  /** Resolves after `quietMs` without a long task (the app's idle warm-up has finished). */
  B.idle = (quietMs = 1500, timeoutMs = 60_000) =>
    new Promise((resolve) => {
      const began = performance.now();
      const poll = () => {
        const now = performance.now();
        const last = B.longTasks.reduce(
          (max, task) => Math.max(max, task.start + task.duration),
          began,
        );
        if (now - last >= quietMs || now - began > timeoutMs) resolve(now - began);
        else setTimeout(poll, 100);
      };
      setTimeout(poll, 100);
    });

  /**
   * Scrolls the table's scroller from top to bottom in `durationMs`, one scrollTop step per
   * animation frame (every frame shows new rows: the virtualizer's worst case), counting
   * frames. Then waits a few frames and reads the last row the table shows.
   */
  B.scrollSweep = (durationMs) =>
    new Promise((resolve) => {
      const scroller = document.querySelector('.table-scroll');
      scroller.scrollTop = 0;
      const range = scroller.scrollHeight - scroller.clientHeight;
      const frames = [];
      let maxRows = 0;
      let began = null;
      const step = (t) => {
        if (began === null) began = t;
        frames.push(t);
        maxRows = Math.max(maxRows, B.domRows());
        const p = Math.min(1, (t - began) / durationMs);
        scroller.scrollTop = p * range;
        if (p < 1) requestAnimationFrame(step);
        else settle(0);
      };
      const settle = (n) => {
        if (n < 10) {
          requestAnimationFrame(() => {
            maxRows = Math.max(maxRows, B.domRows());
            settle(n + 1);
          });
          return;
        }
        const rows = document.querySelectorAll('.report-table tbody tr:not(.spacer)');
        const last = rows[rows.length - 1];
        resolve({
          ...frameStats(frames),
          maxRows,
          scrollHeight: scroller.scrollHeight,
          clientHeight: scroller.clientHeight,
          scrollTop: scroller.scrollTop,
          lastRowIndex: Number(last?.getAttribute('aria-rowindex') ?? NaN),
          rowCount: Number(
            document.querySelector('.report-table')?.getAttribute('aria-rowcount') ?? NaN,
          ),
        });
      };
      requestAnimationFrame(step);
    });

  const frameStats = (frames) => {
    const gaps = [];
    for (let i = 1; i < frames.length; i++) gaps.push(frames[i] - frames[i - 1]);
    const duration = frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
    return {
      frames: frames.length,
      durationMs: duration,
      fps: duration > 0 ? ((frames.length - 1) * 1000) / duration : 0,
      maxFrameMs: gaps.reduce((max, gap) => Math.max(max, gap), 0),
      slowFrames: gaps.filter((gap) => gap > 25).length,
    };
  };

  /** Counts animation frames (and max DOM rows) until stop() — around wheel scrolling. */
  B.frameCounter = () => {
    const frames = [];
    let maxRows = 0;
    let running = true;
    const step = (t) => {
      frames.push(t);
      maxRows = Math.max(maxRows, B.domRows());
      if (running) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    B.stopFrames = () => {
      running = false;
      const scroller = document.querySelector('.table-scroll');
      return { ...frameStats(frames), maxRows, scrollTop: scroller?.scrollTop ?? null };
    };
  };
}
