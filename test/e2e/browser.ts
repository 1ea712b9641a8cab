import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

export { CHROMIUM } from '../chromium.mjs';

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
      args: CHROMIUM_ARGS,
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

export type BrowserSession = Awaited<ReturnType<typeof openBrowser>>;

/**
 * A fresh browser for every test of the file, handed to `use`; afterwards it is
 * closed, and the test fails if the page threw an uncaught error.
 */
export function browserPerTest(
  use: (session: BrowserSession) => void,
  viewport?: { width: number; height: number },
) {
  let session: BrowserSession | undefined;
  beforeEach(async () => {
    session = await openBrowser(viewport);
    use(session);
  });
  afterEach(async () => {
    await session?.context.close();
    expect(session?.errors).toEqual([]);
  });
}
