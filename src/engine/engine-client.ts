import type { ColumnDef } from '../reports/catalog';
import type { ReportRow } from '../reports/column-types';
import type { EngineCalls, EngineMethod, EngineRequest, EngineResponse } from './engine-host';

/** What the client needs from a Worker (a real one, or an in-process stand-in in tests). */
export interface EnginePort {
  postMessage(message: EngineRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null;
  terminate?(): void;
}

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;

/**
 * The report index behind a worker. Every call returns a promise; `query` and `facetsFor`
 * resolve to null when a newer call of the same kind made them obsolete before they ran
 * (typing in the phone box sends a query per keystroke; only the last one is computed).
 */
export type EngineClient = {
  [M in Exclude<EngineMethod, 'query' | 'facetsFor'>]: Async<EngineCalls[M]>;
} & {
  /** Hands the rows over (structured clone: one copy into the worker) and builds the index. */
  load(columns: readonly ColumnDef[], rows: readonly ReportRow[]): Promise<number>;
  query(...args: Parameters<EngineCalls['query']>): Promise<Uint32Array | null>;
  facetsFor(
    ...args: Parameters<EngineCalls['facetsFor']>
  ): Promise<ReturnType<EngineCalls['facetsFor']> | null>;
  terminate(): void;
};

export function createEngineWorker(): EnginePort {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as EnginePort;
}

export function createEngineClient(port: EnginePort = createEngineWorker()): EngineClient {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.onmessage = (event) => {
    const response = event.data;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (!response.ok) waiter.reject(new Error(response.message));
    else waiter.resolve('superseded' in response ? null : response.value);
  };

  const call = (
    method: EngineRequest['method'],
    args: unknown[],
    coalesce?: string,
  ): Promise<never> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ id, method, args, coalesce } as EngineRequest);
    });

  return {
    load: (columns, rows) => call('load', [columns, rows]),
    warm: (...args) => call('warm', args),
    query: (...args) => call('query', args, 'query'),
    sort: (...args) => call('sort', args),
    facets: (...args) => call('facets', args),
    facetsFor: (query, key, order) => call('facetsFor', [query, key, order], `facets:${key}`),
    summarize: (...args) => call('summarize', args),
    crossCount: (...args) => call('crossCount', args),
    timeBuckets: (...args) => call('timeBuckets', args),
    terminate() {
      port.terminate?.();
      for (const waiter of pending.values()) waiter.reject(new Error('Engine terminated'));
      pending.clear();
    },
  };
}
