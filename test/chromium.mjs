/**
 * Debian's Chromium and the flags this machine needs (no network beyond localhost), shared
 * by the browser tests (test/e2e/browser.ts) and the benchmark (test/bench/run.mjs). Plain
 * .mjs so the benchmark, which Node runs as is, can import it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
