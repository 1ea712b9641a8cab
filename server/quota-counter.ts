import type { QuotaView } from '../src/report-model/wire/server-quota';
import type { OperationClock } from './operation-clock';

/**
 * The token's daily quota as the server knows it: its own calls counted per operation
 * day, the limit and use last read from `information.php?api=token_info` (which costs a
 * call, so it is read on demand, from Settings), and a used-up quota remembered until the
 * operation's midnight, so that further calls are answered here without spending anything.
 *
 * Other integrations may share the token: `callsToday` is this server's calls only, and
 * `left` is an upper bound (the reading's use plus this server's calls since).
 */
export type { QuotaView };

export interface RememberedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class QuotaCounter {
  private day: string;
  private calls = 0;
  private reading: { limit: number; used: number; callsAt: number; readAt: number } | undefined;
  private exhaustedAnswer: RememberedAnswer | undefined;

  constructor(
    private readonly clock: OperationClock,
    private readonly now: () => number,
  ) {
    this.day = clock.day(now());
  }

  /** One call wolkvox counts against the quota. */
  count() {
    this.roll();
    this.calls++;
  }

  /** wolkvox's answer TOKEN LIMIT EXCEEDED, to give every further call until the reset. */
  exhausted(answer: RememberedAnswer) {
    this.roll();
    this.exhaustedAnswer = answer;
  }

  /** The remembered quota answer, while the quota is used up. */
  remembered(): RememberedAnswer | undefined {
    this.roll();
    return this.exhaustedAnswer;
  }

  /** A `token_info` answer's first row (strings, as wolkvox sends them). */
  read(row: Record<string, unknown>) {
    this.roll();
    const limit = Number(row.token_limit);
    const used = Number(row.token_use_today);
    if (!Number.isFinite(limit) || !Number.isFinite(used)) return;
    this.reading = { limit, used, callsAt: this.calls, readAt: this.now() };
    // wolkvox says calls are left: the quota was reset or raised.
    if (used < limit) this.exhaustedAnswer = undefined;
  }

  view(): QuotaView {
    this.roll();
    const reading = this.reading;
    const used = reading ? reading.used + (this.calls - reading.callsAt) : null;
    return {
      day: this.day,
      timeZone: this.clock.timeZone,
      callsToday: this.calls,
      limit: reading?.limit ?? null,
      usedToday: used,
      left: reading && used !== null ? Math.max(0, reading.limit - used) : null,
      readAt: reading ? new Date(reading.readAt).toISOString() : null,
      exhausted: this.exhaustedAnswer !== undefined,
      resetsAt: new Date(this.clock.nextMidnight(this.now())).toISOString(),
    };
  }

  private roll() {
    const today = this.clock.day(this.now());
    if (today === this.day) return;
    this.day = today;
    this.calls = 0;
    this.reading = undefined;
    this.exhaustedAnswer = undefined;
  }
}
