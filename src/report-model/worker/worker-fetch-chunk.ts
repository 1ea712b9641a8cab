import { env } from '../../shared/env';
import type { ReportDef } from '../catalog';
import type { FetchChunk } from '../load/load-report';
import type { TimeRange } from '../time-range';
import { decodeColumns } from '../wire/column-chunk';
import { fetchReport, type FetchReportOptions } from '../wire/fetch-report';
import { wantsFresh } from '../wire/fresh-requests';
import type { ParsedRows } from '../wire/normalize-rows';
import { receiveError, type WorkerAnswer, type WorkerRequest } from './protocol';

/**
 * The page's chunk fetcher: each call is fetched and parsed in a Web Worker
 * (fetch-parse.worker.ts), so the page's thread never parses a wire answer; it only turns
 * the transferred columns back into rows (a few ms for 60,000). Two workers, as many as the
 * token's calls in flight, so two answers parse side by side. Where there is no Worker (tests
 * under jsdom), or a worker dies, calls are fetched and parsed on the page: same code, same
 * rows.
 */
export function workerFetchChunk(): FetchChunk | undefined {
  // On the mocks the page fetches itself: MSW's service worker answers a worker's requests
  // only through a visible tab, so a load left running in a background tab would get the
  // preview server's 404 instead of the mock wolkvox.
  if (typeof Worker === 'undefined' || env.apiMocking) return undefined;
  return (report, range, options) => (pool ??= new WorkerPool()).fetch(report, range, options);
}

let pool: WorkerPool | undefined;

/**
 * A worker's fetch is not in the page's resource timing: each call is put in the page's
 * timeline as a `wolkvox call` measure instead (asked → whole answer in, as the page learns
 * it, with its size), which the benchmarks read.
 */
export const CALL_MEASURE = 'wolkvox call';

function markCall(call: Call, bytes: number) {
  try {
    performance.measure(CALL_MEASURE, {
      start: call.sentAt,
      end: performance.now(),
      detail: { bytes, api: call.report.api },
    });
  } catch {
    // No User Timing Level 3: the figure is only for the benchmarks.
  }
}

const WORKERS = 2;

interface Call {
  report: ReportDef;
  range: TimeRange;
  options: FetchReportOptions;
  worker: PooledWorker;
  /** When the page asked (performance.now()), for the call's entry in the page's timeline. */
  sentAt: number;
  resolve: (parsed: ParsedRows | Promise<ParsedRows>) => void;
  reject: (error: unknown) => void;
}

interface PooledWorker {
  worker: Worker;
  calls: number;
}

class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private broken = false;

  fetch(report: ReportDef, range: TimeRange, options: FetchReportOptions): Promise<ParsedRows> {
    if (this.broken) return fetchReport(report, range, options);
    const { signal } = options;
    signal?.throwIfAborted();
    const id = this.nextId++;
    let worker: PooledWorker;
    try {
      worker = this.leastBusy();
    } catch {
      // A Worker the page may not start (a policy, a missing file): parsed on the page.
      this.fallBack();
      return fetchReport(report, range, options);
    }
    return new Promise<ParsedRows>((resolve, reject) => {
      const sentAt = performance.now();
      this.calls.set(id, { report, range, options, worker, sentAt, resolve, reject });
      worker.calls++;
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.finish(id)) return;
          this.post(worker, { type: 'abort', id });
          reject(signal.reason);
        },
        { once: true },
      );
      this.post(worker, {
        type: 'fetch',
        id,
        report,
        range,
        baseUrl: options.baseUrl,
        fresh: wantsFresh(report.api, range),
      });
    });
  }

  /**
   * The first worker starts with the first call; the others while it waits for its answer
   * (when the page is idle), so that they are ready when the load's calls first run two at a
   * time (a worker started then took ~70 ms to fetch and run its script, on the path of that
   * round; started with the first, it competed with it for the cores).
   */
  private leastBusy(): PooledWorker {
    if (this.workers.length === 0) {
      this.workers.push(this.start());
      whenIdle(() => {
        if (this.broken) return;
        try {
          while (this.workers.length < WORKERS) this.workers.push(this.start());
        } catch {
          // One worker is enough to load: the calls then wait for it in turn.
        }
      });
    }
    const least = this.workers.reduce((a, b) => (b.calls < a.calls ? b : a));
    // Two calls at once before the page was idle (a density already known): one each.
    if (least.calls > 0 && this.workers.length < WORKERS) {
      this.workers.push(this.start());
      return this.workers.at(-1)!;
    }
    return least;
  }

  private start(): PooledWorker {
    const pooled: PooledWorker = {
      worker: new Worker(new URL('./fetch-parse.worker.ts', import.meta.url), { type: 'module' }),
      calls: 0,
    };
    pooled.worker.onmessage = (event: MessageEvent<WorkerAnswer>) => this.answer(event.data);
    pooled.worker.onerror = () => this.fallBack();
    // An answer that could not cross (never expected): its call would otherwise wait forever.
    pooled.worker.onmessageerror = () => this.fallBack();
    return pooled;
  }

  private post(pooled: PooledWorker, request: WorkerRequest) {
    pooled.worker.postMessage(request);
  }

  private answer(answer: WorkerAnswer) {
    const call = this.calls.get(answer.id);
    if (!call) return;
    if (answer.type === 'received') {
      call.options.onBody?.(answer.bytes);
      markCall(call, answer.bytes);
      return;
    }
    this.finish(answer.id);
    if (answer.type === 'done') call.resolve(decodeColumns(answer.chunk));
    else call.reject(receiveError(answer.error));
  }

  /** Forgets a call; false when it had already ended. */
  private finish(id: number): boolean {
    const call = this.calls.get(id);
    if (!call) return false;
    this.calls.delete(id);
    call.worker.calls--;
    return true;
  }

  /**
   * A worker that cannot start (or crashed): every call still waiting is made again on the
   * page, and so is every later one. Nothing is lost; only the parsing moves back.
   */
  private fallBack() {
    this.broken = true;
    for (const worker of this.workers) worker.worker.terminate();
    for (const [id, call] of [...this.calls]) {
      this.finish(id);
      call.resolve(fetchReport(call.report, call.range, call.options));
    }
  }
}

/** Soon, when the page has nothing else to do (within half a second). */
function whenIdle(work: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 100);
}
