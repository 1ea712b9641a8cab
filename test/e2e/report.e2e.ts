import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { REPORTS } from '../../src/report-model/catalog';
import { browserPerTest } from './browser';

let page: Page;
const base = () => inject('baseUrl');
const WEEK = 'from=2026-11-16&to=2026-11-22';
browserPerTest((session) => ({ page } = session));

const rowCount = async () => {
  const text = await page.getByText(/^[\d,]+ of [\d,]+ rows?$/).textContent();
  return Number(text!.split(' of ')[0]!.replace(/,/g, ''));
};

it('opens a report from the menu, shows rows and sorts by a header', async () => {
  await page.goto(`${base()}/?${WEEK}`);
  await page
    .getByRole('navigation', { name: 'Reports' })
    .getByRole('link', { name: '10. Official WhatsApp Billing' })
    .click();
  await expect.poll(() => page.url()).toContain('/reports/interactions-and-chats/10?');
  await page.getByText(/^[\d,]+ of [\d,]+ rows?$/).waitFor();
  expect(await rowCount()).toBeGreaterThan(1000);

  const rendered = await page.locator('.report-table tbody tr:not(.spacer)').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80); // virtualized: a window, not every row

  await page.getByRole('button', { name: /^DATE/ }).click();
  await page.getByRole('button', { name: /^DATE/ }).click();
  const header = page.getByRole('columnheader', { name: /^DATE/ });
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
  const headers = await page.locator('.report-table').getByRole('columnheader').allTextContents();
  const dateColumn = headers.findIndex((text) => /^DATE\b/.test(text));
  const firstDate = await page
    .locator('.report-table tbody tr:not(.spacer)')
    .first()
    .locator('td')
    .nth(dateColumn)
    .textContent();
  expect(firstDate).toMatch(/^11\/22\/2026, 2\d:/);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('date.desc');
});

it('loads rows for a 7-day range in every one of the 16 reports', async () => {
  for (const report of REPORTS) {
    await page.goto(`${base()}/reports/interactions-and-chats/${report.number}?${WEEK}`);
    await page
      .getByRole('heading', { level: 1, name: `${report.number}. ${report.name.en}` })
      .waitFor();
    await page.getByText(/^[\d,]+ of [\d,]+ rows?$/).waitFor({ timeout: 15_000 });
    expect(await rowCount(), report.api).toBeGreaterThan(0);
  }
});

it('shows a clear message, not a blank page, when wolkvox fails', async () => {
  await page.goto(`${base()}/reports/interactions-and-chats/1?${WEEK}&mock=error`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('The wolkvox server failed.');
  expect(await alert.textContent()).toContain('Error consulting the database');
});
