import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session));

it('opens the conversation of a report 10 row in a side panel, and closes back to the table', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22`,
  );
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();

  const table = page.locator('.table-scroll');
  await table.evaluate((el) => (el.scrollTop = 3400));
  const rows = page.locator('.report-table tbody tr:not(.spacer)');
  // Wait until the virtualizer has rendered the scrolled-to window, or the row read
  // below could be replaced before the click.
  await expect
    .poll(async () => Number(await rows.first().getAttribute('aria-rowindex')))
    .toBeGreaterThan(50);
  // Past the 8 overscan rows above the viewport, which sit under the sticky header.
  const row = rows.nth(12);
  const connId = (await row.locator('td').first().textContent())!;
  const phone = (await row.locator('td').nth(4).textContent())!;

  await page.getByRole('button', { name: `Open the conversation of chat ${connId}` }).click();
  const panel = page.getByRole('dialog', { name: `Conversation ${connId}` });
  await panel.getByRole('list', { name: /messages$/ }).waitFor();
  // (Playwright scrolled the button into view to click it: measure from here.)
  const scrolled = await table.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(2000);
  expect(await panel.locator('dd').nth(1).textContent()).toBe(phone);
  expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
  expect(await panel.getByText('Customer', { exact: true }).count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await table.evaluate((el) => el.scrollTop)).toBe(scrolled);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(connId);
});

it('renders message text with HTML as text, and attachments as plain links', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/2?from=2026-11-16&to=2026-11-22`,
  );
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  let alerted = false;
  page.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await page.getByLabel('Search in visible columns').fill('onerror');
  await expect
    .poll(() =>
      page.locator('.report-table tbody td', { hasText: '<img src=x onerror="alert(1)">' }).count(),
    )
    .toBeGreaterThan(0);
  expect(await page.locator('.report-table tbody img').count()).toBe(0);

  await page.getByLabel('Search in visible columns').fill('.pdf');
  const link = page
    .locator('.report-table tbody a[href^="https://storage.googleapis.com/wolkvox-demo-media/"]')
    .first();
  await link.waitFor();
  expect(await link.getAttribute('rel')).toContain('noopener');
  expect(alerted).toBe(false);
});
