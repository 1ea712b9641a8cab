/** What the mock wolkvox server does, chosen in development with `?mock=` and in tests with helpers. */
export const MOCK_SCENARIOS = [
  'normal',
  'empty',
  'error',
  'token',
  'slow',
  'large',
  'malformed',
  'busy',
  'quota',
  'maintenance',
] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];

/**
 * - normal: the mock operation's rows; empty: nothing in any period (404 "Validate dates
 *   entered"); large: 50 times the rows; slow: every answer after `slowMs`.
 * - token: wolkvox refuses the token (403 "PLEASE VALIDATE TOKEN").
 * - busy: another integration holds one of the token's two slots, so a second simultaneous
 *   report call is refused (403 "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)").
 * - quota: the day's quota is used up (403 "TOKEN LIMIT EXCEEDED"; token_info still answers).
 * - maintenance: wolkvox's backup window (a 403 HTML "Forbidden" page, not JSON).
 * - error, malformed: something between the app and wolkvox fails (HTTP 500; an HTML page).
 */
export interface MockConfig {
  scenario: MockScenario;
  /** Interactions per weekday for report 10 (other reports scale from it). */
  rowsPerDay?: number;
  /** Extra latency for the `slow` scenario, ms. */
  slowMs?: number;
}

/** `?mock=empty&mockRowsPerDay=20000` → a MockConfig; anything unknown falls back to normal. */
export function readMockConfig(search: string): MockConfig {
  const params = new URLSearchParams(search);
  const name = params.get('mock') ?? 'normal';
  const scenario = (MOCK_SCENARIOS as readonly string[]).includes(name)
    ? (name as MockScenario)
    : 'normal';
  const rows = Number(params.get('mockRowsPerDay'));
  return { scenario, rowsPerDay: Number.isFinite(rows) && rows > 0 ? rows : undefined };
}
