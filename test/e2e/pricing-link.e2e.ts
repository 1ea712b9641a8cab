import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserPerTest, openBrowser } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session), { width: 1366, height: 900 });

const REPORT = '/reports/interactions-and-chats/10?from=2026-10-01&to=2026-10-31';

/** The panel's "Estimated cost" figure with its range, once the estimate has settled. */
async function estimatedCost(on: Page): Promise<string> {
  const panel = on.getByRole('region', { name: 'WhatsApp usage and estimated cost' });
  await panel.locator('.summary-cards').waitFor();
  await expect.poll(() => panel.getAttribute('aria-busy')).not.toBe('true');
  const cost = panel.locator('.summary-cards > div', { hasText: 'Estimated cost' }).locator('dd');
  return (await cost.textContent())!;
}

it('a link with assumptions shows the same total in another browser, whatever that browser remembers', async () => {
  await page.goto(`${inject('baseUrl')}${REPORT}`);
  const shipped = await estimatedCost(page);
  // The link always carries the assumptions in force.
  await expect.poll(() => new URL(page.url()).searchParams.get('card')).toBe('default');

  const panel = page.getByRole('region', { name: 'WhatsApp usage and estimated cost' });
  await panel.getByText('Assumptions', { exact: true }).click();
  await panel.getByLabel('Template category (report 10 does not say)').selectOption('utility');
  await panel.getByLabel('Provider markup (%)').fill('15');
  await panel.getByLabel(/^Bill utility templates inside the service window/).uncheck();
  await expect.poll(() => new URL(page.url()).searchParams.get('uiw')).toBe('0');
  await expect.poll(() => new URL(page.url()).searchParams.get('markup')).toBe('15');
  expect(new URL(page.url()).searchParams.get('mix')).toBe('0-100-0');
  const sent = await estimatedCost(page);
  expect(sent).not.toBe(shipped);
  const link = page.url();

  // Finance opens the link in a browser of its own (nothing remembered): the same figure.
  const finance = await openBrowser({ width: 1366, height: 900 });
  try {
    await finance.page.goto(link);
    expect(await estimatedCost(finance.page)).toBe(sent);
    // Without the assumptions, that browser prices with its own defaults: the shipped figure.
    await finance.page.goto(`${inject('baseUrl')}${REPORT}`);
    expect(await estimatedCost(finance.page)).toBe(shipped);
    expect(finance.errors).toEqual([]);
  } finally {
    await finance.context.close();
  }
});

it('writes the per-connector CSV with the delimiter setting, and prints the assumptions', async () => {
  // Settings > CSV delimiter = semicolon, as the settings page stores it.
  await page.addInitScript(() =>
    localStorage.setItem(
      'wolkvox.settings.v1',
      JSON.stringify({ timeZone: 'America/Bogota', csvDelimiter: ';' }),
    ),
  );
  await page.goto(`${inject('baseUrl')}${REPORT}&markup=15&mix=0-100-0&uiw=0&sa=1&card=default`);
  await estimatedCost(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export connectors CSV' }).click(),
  ]);
  const text = (await readFile((await download.path())!)).toString('utf8').replace(/^\uFEFF/, '');
  const header = text.split(/\r?\n/)[0]!;
  expect(header.split(';').length).toBeGreaterThan(5);
  expect(header).not.toContain(',');

  // In print the assumptions (hidden controls on screen) are one sentence.
  const sentence = page.getByTestId('print-assumptions');
  expect(await sentence.isVisible()).toBe(false);
  await page.emulateMedia({ media: 'print' });
  expect(await sentence.isVisible()).toBe(true);
  expect(await sentence.textContent()).toBe(
    'Assumptions: marketing 0, utility 100, authentication 0; markup 15%; rate card Meta WhatsApp Business Platform (docs §3.2) (default); utility templates inside the service window from 1 Oct 2026: free; 1,000 free service messages per number per month (reported): on.',
  );
});
