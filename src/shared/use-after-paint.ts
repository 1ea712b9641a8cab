import { useEffect, useState, type DependencyList } from 'react';

/**
 * Runs a heavy computation after the browser has painted the current frame, so
 * the table shows its new rows first and the totals follow. Returns the latest
 * result and whether a newer one is being computed.
 */
export function useAfterPaint<T>(
  compute: () => T,
  deps: DependencyList,
): { value: T | undefined; pending: boolean } {
  const [state, setState] = useState<{ value: T | undefined; deps: DependencyList | null }>({
    value: undefined,
    deps: null,
  });
  useEffect(() => {
    let cancelled = false;
    // rAF fires before the next paint; the timeout after it runs once that frame is on screen.
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        if (!cancelled) setState({ value: compute(), deps });
      }, 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
    // The caller's deps decide when to recompute, as with useMemo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const current =
    state.deps !== null &&
    state.deps.length === deps.length &&
    state.deps.every((d, i) => Object.is(d, deps[i]));
  return { value: state.value, pending: !current };
}
