/**
 * The token's daily quota as the production server reports it in `/wolkvox-proxy/status`
 * (`quota`): written by server/quota-counter.ts, read by the settings page. One type for
 * both ends of the wire.
 */
export interface QuotaView {
  /** The operation's day the count is for (YYYY-MM-DD) and its zone. */
  day: string;
  timeZone: string;
  /** Calls this server sent wolkvox today that wolkvox counts (not the refused ones). */
  callsToday: number;
  /** From the last `token_info` reading today; null when not read today. */
  limit: number | null;
  usedToday: number | null;
  /** limit − (reading's use + this server's calls since); null without a reading. */
  left: number | null;
  readAt: string | null;
  /** wolkvox answered TOKEN LIMIT EXCEEDED today: calls are answered here until `resetsAt`. */
  exhausted: boolean;
  resetsAt: string;
}
