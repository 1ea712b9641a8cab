/** What the mock wolkvox server does, chosen in development with `?mock=` and in tests with helpers. */
export const MOCK_SCENARIOS = [
  'normal',
  'empty',
  'error',
  'token',
  'slow',
  'large',
  'malformed',
] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];

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
