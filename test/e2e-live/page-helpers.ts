import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';

/** "12,345 of 250,000 rows" above the table. */
export const ROW_COUNT = /^[\d,]+ of [\d,]+ rows$/;

export async function rowCounts(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.getByText(ROW_COUNT).textContent()) ?? '';
  const [shown, total] = text
    .replace(/ rows$/, '')
    .split(' of ')
    .map((part) => Number(part.replace(/,/g, '')));
  return { shown: shown ?? NaN, total: total ?? NaN };
}

export interface Exported {
  /** The file as downloaded (BOM included). */
  text: string;
  header: string[];
  records: string[][];
  ms: number;
}

/** Clicks "Export CSV", waits for the file and parses it. */
export async function exportCsv(page: Page): Promise<Exported> {
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const path = await download.path();
  const ms = Date.now() - started;
  const text = (await readFile(path)).toString('utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trimEnd(), { delimiter: ',' });
  if (parsed.errors.length > 0) throw new Error(`CSV: ${JSON.stringify(parsed.errors[0])}`);
  const [header = [], ...records] = parsed.data;
  return { text, header, records, ms };
}

/** The progress line while loading ("3 of 9 periods, 120,400 rows so far"), sampled until stopped. */
export function sampleProgress(page: Page, everyMs = 250): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const timer = setInterval(() => {
    page
      .evaluate(() => document.querySelector('.load-progress')?.textContent?.trim() ?? '')
      .then((text) => {
        if (text && seen.at(-1) !== text) seen.push(text);
      })
      .catch(() => {});
  }, everyMs);
  return { seen, stop: () => clearInterval(timer) };
}

/**
 * Opens a page of the app. Behind the production server (LIVE_TARGET=server) the
 * first visit lands on the sign-in page: sign in as the supervisor, as a person would,
 * and arrive where the link pointed.
 */
export async function openApp(
  page: Page,
  url: string,
  signIn: { user: string; password: string } | null,
): Promise<void> {
  await page.goto(url);
  if (!signIn || new URL(page.url()).pathname !== '/login') return;
  await page.getByLabel('User / Usuario').fill(signIn.user);
  await page.getByLabel('Password / Contraseña').fill(signIn.password);
  await Promise.all([
    page.waitForURL((current) => current.pathname !== '/login'),
    page.getByRole('button', { name: 'Sign in / Iniciar sesión' }).click(),
  ]);
  const target = new URL(url);
  const landed = new URL(page.url());
  if (landed.pathname + landed.search !== target.pathname + target.search)
    throw new Error(`signed in, but landed on ${page.url()} instead of ${url}`);
}
