import { useSyncExternalStore } from 'react';
import type { LoadProgress } from './load/load-report';

/**
 * Progress of the loads in flight, by query key. TanStack Query keeps results,
 * not progress, so the loader reports here and the page subscribes.
 */
const progress = new Map<string, LoadProgress>();
const listeners = new Set<() => void>();

export function setLoadProgress(key: string, value: LoadProgress | undefined) {
  if (value) progress.set(key, value);
  else progress.delete(key);
  for (const listener of listeners) listener();
}

export function useLoadProgress(key: string): LoadProgress | undefined {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => progress.get(key),
  );
}
