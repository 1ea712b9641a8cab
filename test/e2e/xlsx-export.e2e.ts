import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import readExcelFile from 'read-excel-file/node';
import { expect, inject, it } from 'vitest';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session));

it('exports exactly the view to Excel: typed cells, row count = table count, period and filters on a second sheet', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10` +
      '?from=2026-11-02&to=2026-11-15&phone=57300&sort=date.desc',
  );
  const count = page.getByText(/^[\d,]+ of [\d,]+ rows$/);
  await count.waitFor();
  const shown = Number((await count.textContent())!.split(' of ')[0]!.replace(/,/g, ''));
  expect(shown).toBeGreaterThan(10);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Excel (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    '10-official-whatsapp-billing_2026-11-02_2026-11-15.xlsx',
  );
  const sheets = await readExcelFile(await readFile((await download.path())!));
  expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Rows', 'Period and filters']);
  const [header, ...records] = sheets[0]!.data;
  expect(header).toEqual([
    'CONN_ID',
    'SESSION_ID',
    'CONNECTOR',
    'DATE',
    'CUSTOMER_PHONE',
    'TEMPLATE',
    'DESTINY',
  ]);
  expect(records).toHaveLength(shown);
  for (const record of records.slice(0, 50)) {
    expect(typeof record[0]).toBe('string'); // CONN_ID as text
    expect(record[3]).toBeInstanceOf(Date); // DATE as a date
    expect(typeof record[4]).toBe('string'); // the phone as text, every digit kept
    expect(String(record[4]).replace(/\D/g, '')).toContain('57300');
  }
  const dates = records.map((record) => (record[3] as Date).getTime());
  expect(dates).toEqual([...dates].sort((a, b) => b - a)); // the on-screen order
  expect(sheets[1]!.data).toEqual(
    expect.arrayContaining([
      ['Period', '2026-11-02 to 2026-11-15'],
      ['Phone', '57300'],
    ]),
  );
});
