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
  const listeners = new Map<string, Set<() => void>>();
  const notify = (key: string) => {
    for (const listener of listeners.get(key) ?? []) listener();
  };
  return {
    set(key: string, value: T | undefined) {
      if (value) values.set(key, value);
      else values.delete(key);
      notify(key);
    },
    /** Forgets `value`, and only it: a later load's value under the same key stays. */
    clear(key: string, value: T | undefined) {
      if (value === undefined || values.get(key) !== value) return;
      values.delete(key);
      notify(key);
    },
    /** Whether a page shows this key now. */
    watched(key: string): boolean {
      return (listeners.get(key)?.size ?? 0) > 0;
    },
    use(key: string): T | undefined {
      return useSyncExternalStore(
        (onChange) => {
          let set = listeners.get(key);
          if (!set) listeners.set(key, (set = new Set()));
          set.add(onChange);
          return () => {
            set.delete(onChange);
            if (set.size === 0) listeners.delete(key);
          };
        },
        () => values.get(key),
      );
    },
  };
}

const progress = keyedStore<LoadProgress>();
const arrived = keyedStore<ArrivedRows>();

export const setLoadProgress = progress.set;
export const useLoadProgress = progress.use;
export const setArrivedRows = arrived.set;
export const clearArrivedRows = arrived.clear;
export const arrivedRowsWatched = arrived.watched;
export const useArrivedRows = arrived.use;
