import { useSyncExternalStore } from 'react';
import type { LoadProgress } from './load/load-report';
import type { ArrivedRows } from './arriving-rows';

/**
 * What the loads in flight have done so far, by query key: their progress, and the rows
 * already in (shown while the rest loads). TanStack Query keeps results, not these, so the
 * loader reports here and the page subscribes.
 */
function keyedStore<T>() {
  const values = new Map<string, T>();
  const listeners = new Set<() => void>();
  const subscribe = (onChange: () => void) => {
    listeners.add(onChange);
    return () => void listeners.delete(onChange);
  };
  return {
    set(key: string, value: T | undefined) {
      if (value) values.set(key, value);
      else values.delete(key);
      for (const listener of listeners) listener();
    },
    use(key: string): T | undefined {
      return useSyncExternalStore(subscribe, () => values.get(key));
    },
  };
}

const progress = keyedStore<LoadProgress>();
const arrived = keyedStore<ArrivedRows>();

export const setLoadProgress = progress.set;
export const useLoadProgress = progress.use;
export const setArrivedRows = arrived.set;
export const useArrivedRows = arrived.use;
