import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session), { width: 1366, height: 900 });

const count = async () => {
  const text = await page.getByText(/^[\d,]+ of [\d,]+ rows$/).textContent();
  return text!.split(' of ').map((part) => Number(part.replace(/\D/g, '')));
};

it('draws report 10 charts, drills into a connector, and exports the per-connector estimate', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-11-01&to=2026-11-21`,
  );
  const panel = page.getByRole('region', { name: 'WhatsApp usage and estimated cost' });
  await panel.waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20);
  expect(await panel.getByText(/^Estimate:/).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);

  const [, total] = await count();
  // Click the first connector bar (the connector chart is the second figure).
  const connectorChart = page.locator('figure', { hasText: 'Template share per connector' });
  await connectorChart.locator('.recharts-bar-rectangle').first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('f.connector')).toBeTruthy();
  await expect.poll(async () => (await count())[0]).toBeLessThan(total!);
  const filter = new URL(page.url()).searchParams.get('f.connector')!;
  // "Servicio al cliente (3582)": the connector's name, as the chart's axis shows it.
  expect(await connectorChart.textContent()).toContain(filter.replace(/ \(\d+\)$/, ''));
  const connectors = await page
    .locator('.report-table tbody tr:not(.spacer) td:nth-child(3)')
    .allTextContents();
  expect(new Set(connectors)).toEqual(new Set([filter]));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export connectors CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    '10-connectors-estimated-cost_2026-11-01_2026-11-21.csv',
  );
  const text = (await readFile((await download.path())!)).toString('utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text.trimEnd()).data;
  expect(header).toContain('ESTIMATED_COST_EXPECTED_USD');
  expect(rows).toHaveLength(1);
  expect(filter).toContain(rows[0]![0]);
  expect(Number(rows[0]![header!.indexOf('ESTIMATED_COST_EXPECTED_USD')])).toBeGreaterThan(0);
});

it('draws a long range per week and narrows the report to the clicked week', async () => {
  // 2026-06-01 (a Monday) … 2026-09-30: 122 days, 18 weeks.
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-06-01&to=2026-09-30&mockRowsPerDay=200`,
  );
  const usage = page.getByRole('figure', {
    name: 'Template vs non-template interactions per week',
  });
  await usage.locator('.recharts-bar-rectangle').first().waitFor();
  expect(await usage.getByText('Click a bar to show that week’s rows.').count()).toBe(1);
  // The third week: Monday 15 June to Sunday 21 June.
  await usage.getByText('Data table').click();
  await usage.getByRole('button', { name: 'Show the rows of Jun 15 – Jun 21' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-06-15');
  expect(new URL(page.url()).searchParams.get('to')).toBe('2026-06-21');
  // Seven days now: one bar per day again.
  await page
    .getByRole('figure', { name: 'Template vs non-template interactions per day' })
    .locator('.recharts-bar-rectangle')
    .first()
    .waitFor();
});
