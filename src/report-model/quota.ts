import { isRecord } from '../shared/is-record';

/**
 * The token's daily quota as last read (`information.php?api=token_info`, which itself costs
 * a call: it is read on demand, never once per load), minus the calls this page has made
 * since. Other supervisors and integrations share the token, so the figure is an upper bound
 * of what is left; the production server will count every call and expose it.
 */
export interface TokenQuota {
  limit: number;
  usedToday: number;
  /** Date.now() when it was read. */
  readAt: number;
  /** Hours until wolkvox restarts the count, as it said (bounds how long the reading holds). */
  hoursToRestart?: number;
}

let known: TokenQuota | undefined;
let callsSince = 0;

/** The quota as `token_info` answered it (its first row), if it reads as one. */
export function readTokenInfo(rows: readonly unknown[], readAt: number): TokenQuota | undefined {
  const row = rows[0];
  if (!isRecord(row)) return undefined;
  const limit = Number(row.token_limit);
  const usedToday = Number(row.token_use_today);
  if (!Number.isFinite(limit) || !Number.isFinite(usedToday)) return undefined;
  const hours = Number(row.hours_to_restart_count);
  return {
    limit,
    usedToday,
    readAt,
    hoursToRestart: Number.isFinite(hours) && hours >= 0 ? hours : undefined,
  };
}

/** Records a reading of the quota (whoever read it: settings, the server's status). */
export function noteQuota(quota: TokenQuota | undefined): void {
  known = quota;
  callsSince = 0;
}

/** Counts calls this page made after the reading. */
export function noteCalls(calls: number): void {
  if (known) callsSince += calls;
}

/** Calls left today as far as this page knows; undefined when not read or the day has turned. */
export function knownQuotaLeft(now: number): number | undefined {
  if (!known) return undefined;
  const validFor = (known.hoursToRestart ?? 1) * 3_600_000;
  if (now - known.readAt >= validFor) return undefined;
  return Math.max(0, known.limit - known.usedToday - callsSince);
}
