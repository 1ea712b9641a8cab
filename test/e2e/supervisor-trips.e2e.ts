import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session));
const base = () => inject('baseUrl');
const ROWS = /^[\d,]+ of [\d,]+ rows?$/;

it('never shows the empty-state sentence beside a failed or partial load', async () => {
  for (const mock of ['error', 'malformed']) {
    await page.goto(
      `${base()}/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22&mock=${mock}`,
    );
    await page.getByRole('alert').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(await page.getByText(/wolkvox has no records/).count(), mock).toBe(0);
  }
});

it.each([1, 3, 6])(
  'opens a totals report on its default range on day %i of a month (fixed clock)',
  async (day) => {
    await page.clock.setFixedTime(new Date(Date.UTC(2026, 11, day, 15)));
    for (const number of [13, 16]) {
      await page.goto(`${base()}/reports/interactions-and-chats/${number}`);
      await page.getByText(ROWS).waitFor({ timeout: 30_000 });
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe('2026-12-01');
      expect(url.searchParams.get('to')).toBe(`2026-12-0${day}`);
      expect(await page.getByText(/within one calendar month/).count()).toBe(0);
    }
  },
);

it('lets Back clear a typed phone filter instead of leaving the report', async () => {
  await page.goto(`${base()}/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22`);
  await page.getByText(ROWS).waitFor();
  const all = await page.getByText(ROWS).textContent();
  await page.getByLabel('Phone', { exact: true }).pressSequentially('57300');
  await expect.poll(() => new URL(page.url()).searchParams.get('phone')).toBe('57300');
  await expect.poll(() => page.getByText(ROWS).textContent()).not.toBe(all);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get('phone')).toBeNull();
  expect(new URL(page.url()).pathname).toBe('/reports/interactions-and-chats/10');
  await expect.poll(() => page.getByLabel('Phone', { exact: true }).inputValue()).toBe('');
  await expect.poll(() => page.getByText(ROWS).textContent()).toBe(all);
});
