import { isRecord } from '../shared/is-record';

/**
 * The token's daily quota as last read, minus the calls this page has made since: the check
 * before a load (load-limits.ts `quotaShortfall`). Nothing here spends a call: the figure
 * comes from a reading someone already made, `information.php?api=token_info` (it costs a
 * call, so it is read on demand, never per load) or the production server's
 * `/wolkvox-proxy/status` (its `quota.left`, once wolkvox's figures were read). Other
 * supervisors and integrations share the token, so it is an upper bound of what is left:
 * a load is refused only when even that is too little.
 */
export interface KnownQuota {
  /** Calls left when read. */
  left: number;
  /** The token's daily limit (token_info's `token_limit`), when the reading gave it. */
  limit?: number;
  /** Date.now() when read. */
  readAt: number;
  /** When wolkvox restarts the count (Date.now() ms): the reading holds until then. */
  validUntil: number;
}

let known: KnownQuota | undefined;
let callsSince = 0;

/** The quota as `token_info` answered it (its first row), if it reads as one. */
export function readTokenInfo(rows: readonly unknown[], readAt: number): KnownQuota | undefined {
  const row = rows[0];
  if (!isRecord(row)) return undefined;
  const limit = Number(row.token_limit);
  const used = Number(row.token_use_today);
  const hours = Number(row.hours_to_restart_count);
  if (!Number.isFinite(limit) || !Number.isFinite(used)) return undefined;
  return {
    left: Math.max(0, limit - used),
    limit,
    readAt,
    // Without wolkvox's countdown the reading is trusted for an hour.
    validUntil: readAt + (Number.isFinite(hours) && hours >= 0 ? hours : 1) * 3_600_000,
  };
}

/** The quota in the production server's status (`quota.left`, null until wolkvox was read). */
export function readServerQuota(status: unknown, readAt: number): KnownQuota | undefined {
  if (!isRecord(status) || !isRecord(status.quota)) return undefined;
  const { left, limit, resetsAt } = status.quota;
  const validUntil = typeof resetsAt === 'string' ? Date.parse(resetsAt) : Number.NaN;
  if (typeof left !== 'number' || !Number.isFinite(left) || !Number.isFinite(validUntil))
    return undefined;
  const known: KnownQuota = { left: Math.max(0, left), readAt, validUntil };
  if (typeof limit === 'number' && Number.isFinite(limit) && limit > 0) known.limit = limit;
  return known;
}

/** Records a reading, when it is newer than the one held. */
export function noteQuota(quota: KnownQuota | undefined): void {
  if (!quota || (known && known.readAt >= quota.readAt)) return;
  known = quota;
  callsSince = 0;
}

/** Counts calls this page made after the reading. */
export function noteCalls(calls: number): void {
  if (known) callsSince += calls;
}

/** The token's daily limit as last read; undefined when not read or the day has turned. */
export function knownQuotaLimit(now: number): number | undefined {
  if (!known || now >= known.validUntil) return undefined;
  return known.limit;
}

/** Calls left today as far as this page knows; undefined when not read or the day has turned. */
export function knownQuotaLeft(now: number): number | undefined {
  if (!known || now >= known.validUntil) return undefined;
  return Math.max(0, known.left - callsSince);
}
