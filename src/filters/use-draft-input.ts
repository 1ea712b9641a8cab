import { useState } from 'react';

/**
 * A text input's value, sent on at every key: no debounce, so the rows follow the
 * keys as fast as the filter runs. The page filters in a deferred render
 * (report-data-view.tsx, useDeferredValue), so typing is never held up by it.
 *
 * `normalize` is what the caller keeps of a draft (the phone filter trims it): when
 * our own commit comes back through the URL, the draft stays as typed (a trailing
 * space while typing "300 123" is kept); a change from outside (Back, a shared link,
 * "Clear filters") replaces it.
 */
export function useDraftInput(
  value: string,
  onCommit: (value: string) => void,
  normalize: (draft: string) => string = (draft) => draft,
) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (normalize(draft) !== value) setDraft(value);
  }
  const change = (next: string) => {
    setDraft(next);
    onCommit(normalize(next));
  };
  return [draft, change] as const;
}
