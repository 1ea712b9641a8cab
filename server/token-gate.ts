/**
 * The token's gate: wolkvox allows 2 simultaneous calls per token, shared by every
 * supervisor, tab and report, so the server holds at most `limit` upstream calls in
 * flight and queues the rest.
 *
 * Fair between users: each user has a queue of its own and a free slot goes to the next
 * user in turn (round-robin), not to the oldest call, so one supervisor's 12-month load
 * (hundreds of calls queued at once) does not hold another's single day behind it: the
 * day waits at most one call per other waiting user. Within one user, calls go in the
 * order they came.
 *
 * A caller that gives up (the browser aborted its fetch, the request closed) leaves the
 * queue at once and is never sent.
 */
export interface GatePosition {
  /** Calls in flight now, every user's. */
  inFlight: number;
  /** Calls waiting, every user's. */
  queued: number;
  /** This user's calls in flight and waiting. */
  mine: { inFlight: number; queued: number };
  /**
   * Calls that go before this user's next waiting one: other users' calls in flight plus
   * those the round-robin serves first (0 when the user has nothing waiting).
   */
  ahead: number;
}

interface Waiter {
  user: string;
  start: () => void;
}

export class TokenGate {
  private inFlight = 0;
  private readonly inFlightBy = new Map<string, number>();
  private readonly queues = new Map<string, Waiter[]>();
  /** Users with waiting calls, in serving order; `turn` is the next one served. */
  private ring: string[] = [];
  private turn = 0;
  /** Most calls in flight at once since the start (tests, the load test). */
  maxInFlight = 0;

  constructor(readonly limit = 2) {}

  /**
   * Waits for a slot. Resolves with the function that gives it back (call it once);
   * rejects with the signal's reason when the caller gives up first.
   */
  acquire(user: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        user,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          this.take(user);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.give(user);
          });
        },
      };
      const onAbort = () => {
        this.remove(waiter);
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const queue = this.queues.get(user);
      if (queue) queue.push(waiter);
      else {
        this.queues.set(user, [waiter]);
        // A newcomer is served after the users already waiting (just before `turn`).
        this.ring.splice(this.turn, 0, user);
        this.turn = (this.turn + 1) % this.ring.length;
      }
      this.dispatch();
    });
  }

  position(user: string): GatePosition {
    let queued = 0;
    for (const queue of this.queues.values()) queued += queue.length;
    const mineQueued = this.queues.get(user)?.length ?? 0;
    const mineInFlight = this.inFlightBy.get(user) ?? 0;
    let ahead = 0;
    if (mineQueued > 0) {
      // Users served before this one in the ring, one call each, and others' calls running.
      const at = this.ring.indexOf(user);
      ahead = (at - this.turn + this.ring.length) % this.ring.length;
      ahead += this.inFlight - mineInFlight;
    }
    return {
      inFlight: this.inFlight,
      queued,
      mine: { inFlight: mineInFlight, queued: mineQueued },
      ahead,
    };
  }

  private dispatch() {
    while (this.inFlight < this.limit && this.ring.length > 0) {
      if (this.turn >= this.ring.length) this.turn = 0;
      const user = this.ring[this.turn]!;
      const queue = this.queues.get(user)!;
      const waiter = queue.shift()!;
      if (queue.length === 0) this.dropUser(user);
      else this.turn = (this.turn + 1) % this.ring.length;
      waiter.start();
    }
  }

  private take(user: string) {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.inFlightBy.set(user, (this.inFlightBy.get(user) ?? 0) + 1);
  }

  private give(user: string) {
    this.inFlight--;
    const left = (this.inFlightBy.get(user) ?? 1) - 1;
    if (left > 0) this.inFlightBy.set(user, left);
    else this.inFlightBy.delete(user);
    this.dispatch();
  }

  private remove(waiter: Waiter) {
    const queue = this.queues.get(waiter.user);
    if (!queue) return;
    const at = queue.indexOf(waiter);
    if (at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) this.dropUser(waiter.user);
  }

  /** Takes a user out of the ring, keeping `turn` on the user that was next. */
  private dropUser(user: string) {
    this.queues.delete(user);
    const at = this.ring.indexOf(user);
    if (at < 0) return;
    this.ring.splice(at, 1);
    if (at < this.turn) this.turn--;
    if (this.turn >= this.ring.length) this.turn = 0;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The caller gave up', 'AbortError');
}
