import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A text input's local value, sent on after a pause in typing: the URL (and the
 * filter) update once per burst of keys, not once per key.
 */
export function useDebouncedInput(value: string, onCommit: (value: string) => void, delayMs = 200) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const commit = useRef(onCommit);
  useLayoutEffect(() => {
    commit.current = onCommit;
  });
  if (seen !== value) {
    // Changed from outside (Back, a shared link, "Clear filters").
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => commit.current(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);
  return [draft, setDraft] as const;
}
