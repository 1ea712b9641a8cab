import { useSyncExternalStore } from 'react';

/**
 * A tiny router over the History API: the app has one page shape
 * (/reports/interactions-and-chats/N) and its view state lives in the query
 * string, so a router library would add weight without adding behaviour.
 */
const NAVIGATE_EVENT = 'app:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

/**
 * One part of the location (`select`, a string of the pathname and query): the component
 * renders again only when that part changes, not at every key typed into a filter that the
 * query string keeps.
 */
export function useLocationPart(select: (pathname: string, search: string) => string): string {
  const part = () => select(window.location.pathname, window.location.search);
  return useSyncExternalStore(subscribe, part, part);
}

/** Push a new entry (Back returns here) or replace the current one (typing, fixes). */
export function navigate(to: string, { replace = false } = {}) {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
