import { expect, inject, it } from 'vitest';
import { openBrowser } from './browser';

const REPORT_10 = '/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22';

/** How far the document itself can scroll: the app scrolls inside its menu and main, never the page. */
const documentOverflow = (page: Awaited<ReturnType<typeof openBrowser>>['page']) =>
  page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);

it.each([
  [1366, 768],
  [820, 900],
  [390, 800],
])('keeps every scroll inside the app at %i px wide', async (width, height) => {
  const { context, page, errors } = await openBrowser({ width, height });
  try {
    await page.goto(`${inject('baseUrl')}${REPORT_10}`);
    await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
    // Charts, hidden legends and column resizers are all on the page by now.
    await page.getByRole('heading', { name: 'WhatsApp usage and estimated cost' }).waitFor();
    expect(await documentOverflow(page)).toBeLessThanOrEqual(0);
    await page.mouse.move(10, height - 10);
    await page.mouse.wheel(0, 2_000);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The title is not hidden under Refresh.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const refresh = await page.getByRole('button', { name: 'Refresh' }).boundingBox();
    expect(title!.x + title!.width).toBeLessThanOrEqual(refresh!.x);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('opens the menu as a drawer at 390 px and closes it once a report is picked', async () => {
  const { context, page, errors } = await openBrowser({ width: 390, height: 800 });
  try {
    await page.goto(`${inject('baseUrl')}${REPORT_10}`);
    const menu = page.getByRole('navigation', { name: 'Reports' });
    const toggle = page.getByRole('button', { name: 'Reports' });
    await expect.poll(() => menu.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const last = menu.getByRole('link', { name: '16. Agent productivity' });
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.isVisible()).toBe(true);
    await menu.getByRole('link', { name: '2. Conversations' }).click();
    await expect.poll(() => page.url()).toContain('/reports/interactions-and-chats/2?');
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('shows report 10’s CONNECTOR whole at 1366 px, numeric headers over their numbers', async () => {
  const { context, page, errors } = await openBrowser({ width: 1366, height: 768 });
  try {
    await page.goto(`${inject('baseUrl')}${REPORT_10}`);
    await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
    const headers = await page.locator('.report-table thead th').allTextContents();
    const connector = headers.findIndex((text) => text.startsWith('CONNECTOR')) + 1;
    expect(connector).toBeGreaterThan(0);
    const cut = await page
      .locator(`.report-table tbody tr:not(.spacer) td:nth-child(${connector})`)
      .evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
      );
    expect(cut).toEqual([]);
    // A sorted header still shows its whole name and its mark.
    await page.getByRole('button', { name: /^CONNECTOR/ }).click();
    const sorted = page.getByRole('columnheader', { name: /^CONNECTOR/ });
    const button = sorted.getByRole('button');
    expect(
      await button.evaluate(
        (el) => el.firstElementChild!.scrollWidth <= el.firstElementChild!.clientWidth,
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
