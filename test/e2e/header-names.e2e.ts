import { expect, inject, it } from 'vitest';
import { openBrowser } from './browser';

const REPORT_16 = '/reports/interactions-and-chats/16?from=2026-11-01&to=2026-11-22';

it('switches the headers to human names from the column menu, keeps them after a reload, and shows the totals row', async () => {
  const { context, page, errors } = await openBrowser({ width: 1366, height: 768 });
  try {
    await page.goto(`${inject('baseUrl')}${REPORT_16}`);
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: /^AGENT_NAME/ }).waitFor();
    const totals = table.getByRole('row', { name: 'Totals over the rows shown' });
    await expect.poll(() => totals.isVisible()).toBe(true);
    expect(await totals.getByRole('rowheader').textContent()).toBe('Total');

    await page
      .locator('summary')
      .filter({ hasText: /^Columns/ })
      .click();
    await page
      .getByRole('group', { name: 'Column headers' })
      .getByRole('radio', { name: /^Human names/ })
      .check();
    await table.getByRole('columnheader', { name: /^Average handling time \(TMO\)/ }).waitFor();
    expect(await table.getByRole('columnheader', { name: /^AGENT_NAME/ }).count()).toBe(0);
    // The header fits its column: nothing cut short.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('th .sort-button span:first-child')]
        .filter((span) => span.scrollWidth > span.clientWidth + 1)
        .map((span) => span.textContent),
    );
    expect(cut).toEqual([]);

    await page.reload();
    await table.getByRole('columnheader', { name: /^Total chats/ }).waitFor();
    // Manager's name is still one hover away.
    expect(await table.getByRole('button', { name: /^Total chats/ }).getAttribute('title')).toMatch(
      /^Total chats \(TOTAL_CHATS\)/,
    );
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
