import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dayRange } from '../../src/report-model/time-range';
import { openBrowser } from '../e2e/browser';
import { controlClient } from './control';
import { exportCsv, openApp, ROW_COUNT, rowCounts } from './page-helpers';

/**
 * Rows shown as the answers arrive, in real Chromium through the live proxy and the fake
 * wolkvox: the last period's answer is held back, and meanwhile the supervisor sees the
 * rows already in, sorts them and filters them; when the held answer lands the order and
 * the filter are still right, over every row. A range of its own (no other test asks for
 * these periods), so no cache of an earlier test answers in the fake's place.
 */
const control = controlClient(inject('controlUrl'));
const FROM = '2026-07-06';
const TO = '2026-09-19';
const RANGE = dayRange(FROM, TO)!;
const HELD = dayRange('2026-09-01', TO)!;
const HOLD_MS = 8_000;
const PATH = `/reports/interactions-and-chats/10?from=${FROM}&to=${TO}`;
const SO_FAR = /^([\d,]+) of ([\d,]+) rows so far, more on the way$/;

let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await control.setFaults([
    { fault: { kind: 'delay', ms: HOLD_MS }, overlaps: HELD, api: 'chat_10', times: 1 },
  ]);
  ({ context, page, errors } = await openBrowser());
  await openApp(page, `${inject('baseUrl')}/settings`, inject('signIn'));
});
afterAll(async () => {
  await control.setFaults([]);
  await context?.close();
});

const number = (text: string) => Number(text.replace(/,/g, ''));
/** "09/19/2026, 10:31:05" (en-US) or "2026-09-19 10:31:05" → "2026-09-19 10:31:05". */
function iso(text: string): string {
  const us = /(\d{2})\/(\d{2})\/(\d{4}),? (\d{2}:\d{2}:\d{2})/.exec(text);
  return us ? `${us[3]}-${us[1]}-${us[2]} ${us[4]}` : text.trim();
}
/** DATE cells of the first rows on screen, as ISO text. */
const firstDates = async (count: number) =>
  (
    await page.evaluate((n) => {
      const table = document.querySelector('.report-table')!;
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      const at = headers.findIndex((text) => text.startsWith('DATE'));
      return [...table.querySelectorAll('tbody tr:not(.spacer)')]
        .slice(0, n)
        .map((row) => row.children[at]?.textContent ?? '');
    }, count)
  ).map(iso);

describe('rows as they arrive', () => {
  it('shows, sorts and searches the rows in while a period is still loading, and keeps both right when it lands', async () => {
    const ids = await control.idsIn(RANGE);
    const heldIds = await control.idsIn(HELD);
    expect(heldIds.length).toBeGreaterThan(0);

    const opened = Date.now();
    await openApp(page, `${inject('baseUrl')}${PATH}`, inject('signIn'));
    const soFar = page.getByText(SO_FAR);
    await soFar.waitFor({ timeout: 30_000 });
    const firstRowsMs = Date.now() - opened;
    const [, shown, total] = SO_FAR.exec((await soFar.textContent()) ?? '')!;
    // Some rows, not all: the held period is missing.
    expect(number(total!)).toBeGreaterThan(0);
    expect(number(total!)).toBeLessThanOrEqual(ids.length - heldIds.length);
    expect(number(shown!)).toBe(number(total!));
    // No export of part of a period, no charts drawn from part of it.
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);

    // Sort by DATE, newest first, during the load: the newest row so far is before September.
    await page.getByRole('button', { name: /^DATE/ }).click();
    await page.getByRole('button', { name: /^DATE/ }).click();
    const header = page.getByRole('columnheader', { name: /^DATE/ });
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const during = await firstDates(3);
    expect(during[0]! < '2026-09-01').toBe(true);
    expect([...during].sort().reverse()).toEqual(during);

    // Search for an interaction of the held period: none yet…
    const search = page.getByLabel('Search in visible columns');
    await search.fill(heldIds[0]!);
    await expect.poll(async () => SO_FAR.exec((await soFar.textContent()) ?? '')?.[1]).toBe('0');
    expect(await soFar.count(), 'the held period should still be loading').toBe(1);

    // …the held answer lands, and the filter, still on, finds it among every row.
    await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });
    const allRowsMs = Date.now() - opened;
    expect(await rowCounts(page)).toEqual({ shown: 1, total: ids.length });
    await search.fill('');
    await expect.poll(() => rowCounts(page)).toEqual({ shown: ids.length, total: ids.length });

    // Still newest first, so now a September row leads.
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const after = await firstDates(3);
    expect(after[0]!.startsWith('2026-09-19')).toBe(true);
    expect([...after].sort().reverse()).toEqual(after);

    // The page's thread fetched no answer: a worker did (and parsed it there).
    const onPage = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('reports_manager.php')).length,
    );
    expect(onPage).toBe(0);
    expect(page.workers().some((worker) => worker.url().includes('fetch-parse'))).toBe(true);

    // Exactly the fake's rows, each once, newest first.
    const csv = await exportCsv(page);
    const exported = csv.records.map((record) => record[0]!);
    expect(new Set(exported).size).toBe(exported.length);
    expect([...exported].sort()).toEqual([...ids].sort());
    console.info(
      `[live] arriving rows: first rows after ${firstRowsMs} ms, all ${ids.length} after ${allRowsMs} ms (held ${HOLD_MS} ms)`,
    );
    expect(errors).toEqual([]);
  });
});
