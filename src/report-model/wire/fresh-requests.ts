import type { TimeRange } from '../time-range';

/**
 * The page's Refresh asks past every cache, the server's too: for a while after it, a call
 * for that report overlapping the refreshed range is sent with `cache-control: no-cache`,
 * which the production server reads as "not from the closed-period cache" (server/README.md).
 * A window, not one flag per call, because the loader splits the range into many calls
 * made over the next minutes.
 */
const FRESH_FOR_MS = 10 * 60_000;

interface FreshRequest {
  api: string;
  range: TimeRange;
  until: number;
}

let requests: FreshRequest[] = [];

/** Refresh of `api` over `range`: its calls bypass the server's cache for a while. */
export function askFresh(api: string, range: TimeRange, now = Date.now()): void {
  requests = requests.filter((request) => request.until > now);
  requests.push({ api, range, until: now + FRESH_FOR_MS });
}

/** Whether a call of `api` over `range` is part of a refresh. */
export function wantsFresh(api: string, range: TimeRange, now = Date.now()): boolean {
  return requests.some(
    (request) =>
      request.until > now &&
      request.api === api &&
      request.range.start <= range.end &&
      range.start <= request.range.end,
  );
}
