import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPerTest } from './browser';

let page: Page;
const WEEK = 'from=2026-11-16&to=2026-11-22';
browserPerTest((session) => ({ page } = session));

it('has no serious or critical axe violations on the menu, a report page and settings', async () => {
  await page.goto(`${inject('baseUrl')}/?${WEEK}`);
  await page.getByRole('navigation', { name: 'Reports' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`${inject('baseUrl')}/reports/interactions-and-chats/1?${WEEK}`);
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`${inject('baseUrl')}/settings`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

it('sorts, filters and exports with the keyboard alone', async () => {
  await page.goto(`${inject('baseUrl')}/reports/interactions-and-chats/10?${WEEK}`);
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  const total = await page.getByText(/^[\d,]+ of [\d,]+ rows$/).textContent();

  // Sort: focus the DESTINY header button and press Enter.
  await page.getByRole('button', { name: /^DESTINY/ }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByRole('columnheader', { name: /^DESTINY/ }).getAttribute('aria-sort'))
    .toBe('ascending');

  // Filter: Tab into the phone box from the search landmark, type digits.
  await page.getByLabel('Phone', { exact: true }).focus();
  await page.keyboard.type('57300');
  await expect.poll(() => page.getByText(/^[\d,]+ of [\d,]+ rows$/).textContent()).not.toBe(total);

  // Export: reach the button with Tab and press Enter.
  await page.getByRole('button', { name: 'Export CSV' }).focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^10-official-whatsapp-billing_2026-11-16_2026-11-22\.csv$/,
  );
});
