import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../shared/local-store';
import type { HeaderNames } from '../report-model/catalog';

const STORAGE_KEY = 'wolkvox.headerNames';

function load(): HeaderNames {
  return readStored(STORAGE_KEY) === 'human' ? 'human' : 'wolkvox';
}

/** Whether headers show wolkvox Manager's names or human ones: one choice for every report. */
export function useHeaderNames(): [HeaderNames, (names: HeaderNames) => void] {
  const [names, setNames] = useState<HeaderNames>(load);
  const change = useCallback((next: HeaderNames) => {
    setNames(next);
    writeStored(STORAGE_KEY, next);
  }, []);
  return [names, change];
}
