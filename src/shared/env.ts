/** Build-time settings, read once. Nothing secret lives here: VITE_* values reach the browser. */
export const env = {
  /** Mock mode: MSW answers /wolkvox/* inside the page (npm run dev, npm run build:demo). */
  // A live build never mocks, whatever a shell exported as VITE_API_MOCKING.
  apiMocking: import.meta.env.MODE !== 'live' && import.meta.env.VITE_API_MOCKING === 'true',
  /** Where the proxy serves the wolkvox API, relative to the page. */
  apiBasePath: '/wolkvox',
} as const;

/** Absolute base URL of the proxied API (fetch in Node needs absolute URLs, browsers accept both). */
export function apiBaseUrl(): string {
  return new URL(env.apiBasePath, window.location.origin).href;
}
