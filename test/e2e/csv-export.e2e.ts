import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session));

const shownCount = async () => {
  const text = await page.getByText(/^[\d,]+ of [\d,]+ rows$/).textContent();
  return Number(text!.split(' of ')[0]!.replace(/,/g, ''));
};

it('opens a shared URL with range, phone and sort, and exports exactly the rows on screen', async () => {
  const shared =
    `${inject('baseUrl')}/reports/interactions-and-chats/10` +
    '?from=2026-11-02&to=2026-11-15&phone=%2B57%20300&sort=destiny.asc,date.desc';
  await page.goto(shared);
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();

  const shown = await shownCount();
  expect(shown).toBeGreaterThan(10);
  expect(await page.getByLabel('Phone', { exact: true }).inputValue()).toBe('+57 300');
  const destiny = page.getByRole('columnheader', { name: /^DESTINY/ });
  expect(await destiny.getAttribute('aria-sort')).toBe('ascending');

  // Every row on screen has a phone with "57300" in it, whatever its format.
  const phones = await page
    .locator('.report-table tbody tr:not(.spacer) td:nth-child(5)')
    .allTextContents();
  expect(phones.length).toBeGreaterThan(5);
  for (const phone of phones) expect(phone.replace(/\D/g, '')).toContain('57300');

  const firstRows = await page
    .locator('.report-table tbody tr:not(.spacer)')
    .evaluateAll((rows) =>
      rows
        .slice(0, 5)
        .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    '10-official-whatsapp-billing_2026-11-02_2026-11-15.csv',
  );
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.includes('\r\n')).toBe(true);

  const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  const [header, ...records] = parsed.data;
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

  // The first rows of the file are the first rows on screen (raw values vs display text).
  records.slice(0, 5).forEach((record, i) => {
    const screen = firstRows[i]!;
    expect(record[0]).toBe(screen[0]); // CONN_ID
    expect(record[2]).toBe(screen[2]); // CONNECTOR
    expect(record[4]).toBe(screen[4]); // CUSTOMER_PHONE
    expect(record[6]).toBe(screen[6]); // DESTINY
    expect(record[5]).toBe(screen[5] === 'Yes' ? 'yes' : 'no');
    expect(record[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/); // Excel reads it as a date
  });
});
