import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, with the flags this machine needs (no network beyond localhost). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh profile each time: nothing remembered between tests (like a new browser). */
export async function openBrowser(viewport = { width: 1366, height: 768 }): Promise<{
  context: BrowserContext;
  page: Page;
  errors: string[];
}> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'wolkvox-e2e-')),
    {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport,
      acceptDownloads: true,
      locale: 'en-US',
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}
