/**
 * Slows repeated failed sign-ins, per name and per address: after FREE_FAILURES wrong
 * passwords in a row, each further attempt must wait (1 s, 2 s, 4 s … up to MAX_WAIT_MS)
 * and is answered 429 with Retry-After until then. The wait ends on its own, so the
 * right user is never locked out for good; a successful sign-in clears the name's count.
 * (@fastify/rate-limit counts requests, not failures: it caps the sign-in form's rate
 * per address on top of this.)
 */
const FREE_FAILURES = 3;
const MAX_WAIT_MS = 60_000;
const FORGET_AFTER_MS = 15 * 60_000;
/** Names and addresses remembered at most (memory stays bounded under a flood). */
export const MAX_ENTRIES = 100_000;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds left before these keys may try again (0: now). */
  waitMs(keys: readonly string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (now - entry.last > FORGET_AFTER_MS) {
        this.failures.delete(key);
        continue;
      }
      wait = Math.max(wait, entry.last + delayFor(entry.count) - now);
    }
    return Math.max(0, wait);
  }

  /**
   * Counts an attempt as a failure. The sign-in calls it before checking the password
   * (and `succeed` after a right one), so concurrent tries see each other's count and N
   * parallel wrong passwords are slowed like N in a row.
   */
  fail(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key);
      // Re-inserted, so the map stays in order of last failure: oldest first.
      this.failures.delete(key);
      this.failures.set(key, { count: (entry?.count ?? 0) + 1, last: now });
    }
    this.evict(now);
  }

  /** How many names and addresses are remembered. */
  get size(): number {
    return this.failures.size;
  }

  /**
   * A flood of names: forget first what slows no one now (expired, or not yet or no longer
   * waiting), then the least recently failed down to 90 %; never everyone (clearing all
   * would lift the slowdown of the name under attack too).
   */
  private evict(now: number): void {
    if (this.failures.size <= MAX_ENTRIES) return;
    for (const [key, entry] of this.failures)
      if (now - entry.last > FORGET_AFTER_MS || entry.last + delayFor(entry.count) <= now)
        this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_ENTRIES * 0.9) break;
      this.failures.delete(key);
    }
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}

function delayFor(count: number): number {
  if (count < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_FAILURES));
}
