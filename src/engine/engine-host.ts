import type { ColumnDef } from '../reports/catalog';
import type { ReportRow } from '../reports/column-types';
import { createReportIndex, type ReportIndex, type WarmOptions } from './report-index';
import type {
  CrossCount,
  FacetEntry,
  FacetOrder,
  NumberSummary,
  ReportQuery,
  SortSpec,
  TimeBuckets,
  TimeUnit,
} from './types';

/**
 * The postMessage protocol between engine-client.ts (main thread) and engine.worker.ts.
 * The report is loaded once; afterwards only small requests go in and row-index arrays come
 * back as transferred buffers (no copy).
 */
export interface EngineCalls {
  /** Runs warmTasks one per macrotask, so queries sent meanwhile are answered in between. */
  warm(options?: WarmOptions): void;
  query(query: ReportQuery): Uint32Array;
  sort(spec: SortSpec, subset?: Uint32Array): Uint32Array;
  facets(key: string, indices?: Uint32Array, order?: FacetOrder): FacetEntry[];
  facetsFor(query: ReportQuery, key: string, order?: FacetOrder): FacetEntry[];
  summarize(key: string, indices?: Uint32Array): NumberSummary;
  crossCount(rowKey: string, columnKey: string, indices?: Uint32Array): CrossCount;
  timeBuckets(key: string, unit: TimeUnit, indices?: Uint32Array): TimeBuckets;
}

export type EngineMethod = keyof EngineCalls;

export type EngineRequest =
  | { id: number; method: 'load'; args: [columns: ColumnDef[], rows: ReportRow[]] }
  | {
      [M in EngineMethod]: {
        id: number;
        method: M;
        args: Parameters<EngineCalls[M]>;
        /** A newer request with the same key makes this one, if still waiting, superseded. */
        coalesce?: string;
      };
    }[EngineMethod];

export type EngineResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: true; superseded: true }
  | { id: number; ok: false; message: string };

export type PostResponse = (response: EngineResponse, transfer: Transferable[]) => void;

/**
 * Runs requests against one report index. Requests that carry a `coalesce` key wait one
 * macrotask: if a newer request with the same key arrives meanwhile (the user kept typing),
 * only the newest runs and the older ones are answered as superseded.
 */
export function createEngineHost(post: PostResponse): { receive(request: EngineRequest): void } {
  let index: ReportIndex | undefined;
  const waiting = new Map<string, EngineRequest>();

  const run = (request: EngineRequest) => {
    try {
      if (request.method === 'load') {
        const [columns, rows] = request.args;
        index = createReportIndex(columns, rows);
        post({ id: request.id, ok: true, value: rows.length }, []);
        return;
      }
      if (!index) throw new Error('No report loaded');
      if (request.method === 'warm') {
        const tasks = index.warmTasks(...request.args);
        const loaded = index;
        const next = () => {
          // A new report replaced this one: its warm-up is moot.
          if (index !== loaded) return post({ id: request.id, ok: true, superseded: true }, []);
          const task = tasks.shift();
          if (!task) return post({ id: request.id, ok: true, value: undefined }, []);
          try {
            task();
          } catch (error) {
            return post({ id: request.id, ok: false, message: String(error) }, []);
          }
          setTimeout(next, 0);
        };
        next();
        return;
      }
      const method = index[request.method] as (...args: unknown[]) => unknown;
      const value = method.apply(index, request.args);
      post({ id: request.id, ok: true, value }, transferables(value));
    } catch (error) {
      post(
        {
          id: request.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        },
        [],
      );
    }
  };

  return {
    receive(request) {
      const key = request.method === 'load' ? undefined : request.coalesce;
      if (key === undefined) {
        run(request);
        return;
      }
      const older = waiting.get(key);
      if (older) post({ id: older.id, ok: true, superseded: true }, []);
      waiting.set(key, request);
      setTimeout(() => {
        if (waiting.get(key) !== request) return;
        waiting.delete(key);
        run(request);
      }, 0);
    },
  };
}

function transferables(value: unknown): Transferable[] {
  if (ArrayBuffer.isView(value)) return [value.buffer as ArrayBuffer];
  if (value && typeof value === 'object') {
    const out: Transferable[] = [];
    for (const field of Object.values(value))
      if (ArrayBuffer.isView(field)) out.push(field.buffer as ArrayBuffer);
    return out;
  }
  return [];
}
