import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, expect, inject, it } from 'vitest';
import { openBrowser } from '../e2e/browser';
import type { FaultRule } from '../fake-wolkvox/server';
import { controlClient } from './control';
import { exportCsv, openApp, ROW_COUNT, rowCounts } from './page-helpers';

/**
 * Issue 18 through the live proxy: the fake wolkvox answers hostile payloads verbatim
 * (its `body` fault; the relay passes them on untouched), and the test checks what a
 * supervisor sees and gets: rows, counts, notices, links, the exported bytes.
 */

const control = controlClient(inject('controlUrl'));
const REPORT = '/reports/interactions-and-chats';

let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  ({ context, page, errors } = await openBrowser());
});
afterEach(async () => {
  await context.close();
  await control.setFaults([]);
  // No page error: a `__proto__` key once crashed the view ("Minified React error #31").
  expect(errors).toEqual([]);
});
afterAll(async () => {
  await control.setFaults([]);
});

/** Every call for `api` answers exactly `body` with `status`. */
const answerAll = (api: string, status: number, body: string): FaultRule[] => [
  { fault: { kind: 'body', status, body }, api },
];

/** A report 10 row as wolkvox writes it (all strings), plus raw extra JSON members. */
function row10(connId: string, date: string, extra = ''): string {
  return (
    `{"conn_id":"${connId}","session_id":"573001112233.livetest.3581","date":"${date}",` +
    `"customer_phone":"573001112233","template":"yes","destiny":"Colombia"${extra}}`
  );
}

const envelope = (rows: string[], code: number | string = 200, msg?: string) =>
  `{"code":${JSON.stringify(code)},"error":null,"msg":${JSON.stringify(
    msg ?? `${rows.length} records were found`,
  )},"data":[${rows.join(',')}]}`;

async function open(path: string) {
  // Behind the production server (LIVE_TARGET=server) the first visit signs in.
  await openApp(page, `${inject('baseUrl')}${path}`, inject('signIn'));
}

it('1. rows with __proto__ keys (any case, spaces) show, count and export in full', async () => {
  const body = envelope([
    row10('P1', '2026-07-02 10:00:00', ',"__PROTO__ ":"hola","constructor":"c1"'),
    row10('P2', '2026-07-02 11:00:00', ',"__proto__":{"polluted":"yes"},"Constructor ":"c2"'),
  ]);
  await control.setFaults(answerAll('chat_10', 200, body));
  await open(`${REPORT}/10?from=2026-07-02&to=2026-07-02`);
  await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });

  expect(await rowCounts(page)).toEqual({ shown: 2, total: 2 });
  await page.getByRole('columnheader', { name: /__PROTO__/ }).waitFor();
  await page.getByRole('columnheader', { name: /CONSTRUCTOR/ }).waitFor();
  await page.getByText(/wolkvox sent columns whose names this page cannot use as is/).waitFor();
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBe(
    undefined,
  );

  const csv = await exportCsv(page);
  const at = (name: string) => csv.header.indexOf(name);
  expect(csv.records).toHaveLength(2);
  expect(csv.records.map((record) => record[at('CONN_ID')])).toEqual(['P1', 'P2']);
  expect(csv.records.map((record) => record[at('__PROTO__')])).toEqual([
    'hola',
    '{"polluted":"yes"}',
  ]);
  expect(csv.records.map((record) => record[at('CONSTRUCTOR')])).toEqual(['c1', 'c2']);
});

it('2. attachment links only in MESSAGE, only to Cloud Storage, host shown, bidi shown', async () => {
  const evil = '<a href=\\"https://evil.example/payload.exe\\">factura\\u202Efdp.exe</a>';
  const real =
    '<a href=\\"https://storage.googleapis.com/wv-media-0015/chat/att/comprobante_4521.pdf\\">comprobante_4521.pdf</a>';
  const proxy =
    '<a href=\\"/wolkvox/api/v2/reports_manager.php?api=chat_1&date_ini=20260101000000&date_end=20260131235959\\">reporte.pdf</a>';
  const chat =
    `{"conn_id":"A1","agent_name":"Ana","customer_name":"${evil}","conversation":[` +
    `{"channel":"whatsapp","from":"CUSTOMER","from_name":"x","to_name":"y","date":"2026-07-02 10:00:00","message":"${evil}"},` +
    `{"channel":"whatsapp","from":"AGENT","from_name":"Ana","to_name":"x","date":"2026-07-02 10:01:00","message":"${real}"},` +
    `{"channel":"whatsapp","from":"CUSTOMER","from_name":"x","to_name":"y","date":"2026-07-02 10:02:00","message":"${proxy}"}]}`;
  await control.setFaults(answerAll('chat_2', 200, envelope([chat], 200, '1 records were found')));
  const callsBefore = (await control.stats()).fake.calls.length;
  await open(`${REPORT}/2?from=2026-07-02&to=2026-07-02`);
  await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });
  expect(await rowCounts(page)).toEqual({ shown: 3, total: 3 });

  const table = page.locator('.report-table tbody');
  // One link in the whole table: the Cloud Storage file, named by its URL, its bucket beside it.
  const links = table.getByRole('link');
  expect(await links.count()).toBe(1);
  const link = table.getByRole('link', { name: '📎 comprobante_4521.pdf' });
  expect(await link.getAttribute('href')).toBe(
    'https://storage.googleapis.com/wv-media-0015/chat/att/comprobante_4521.pdf',
  );
  await table.getByText('(storage.googleapis.com/wv-media-0015)').waitFor();
  // The customer's anchor stays text, in CUSTOMER_NAME and MESSAGE, its override shown.
  const shownEvil = '<a href="https://evil.example/payload.exe">factura⟦U+202E⟧fdp.exe</a>';
  expect(await table.getByText(shownEvil, { exact: true }).count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('body').innerText()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  // The link to the proxy's own URL is text: nothing was fetched with the token for it.
  await table
    .getByText(/reporte\.pdf/)
    .first()
    .waitFor();
  const calls = (await control.stats()).fake.calls.slice(callsBefore);
  expect(calls.every((call) => call.api === 'chat_2')).toBe(true);
});

it('3a. three chunks answering the same 3 rows, dated outside: 3 shown, 6 copies counted', async () => {
  const rows = [
    row10('H1', '2026-01-05 10:00:00'),
    row10('H2', '2026-01-05 10:01:00'),
    row10('H3', '2026-01-05 10:02:00'),
  ];
  await control.setFaults(answerAll('chat_10', 200, envelope(rows)));
  const callsBefore = (await control.stats()).fake.calls.length;
  // July 30–31, August, September 1–2: three calls.
  await open(`${REPORT}/10?from=2026-07-30&to=2026-09-02`);
  await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });
  const calls = (await control.stats()).fake.calls.slice(callsBefore);
  expect(calls.filter((call) => call.api === 'chat_10')).toHaveLength(3);

  expect(await rowCounts(page)).toEqual({ shown: 3, total: 3 });
  await page
    .getByText(
      '6 repeated rows removed: wolkvox answered CONN_IDs already loaded (H1, H2, H3, H1, H2, H3).',
    )
    .waitFor();
  await page
    .getByText(
      '3 rows are dated outside the period asked for. They are shown and exported; check them: H1, H2, H3.',
    )
    .waitFor();
  const csv = await exportCsv(page);
  expect(csv.records.map((record) => record[csv.header.indexOf('CONN_ID')])).toEqual([
    'H1',
    'H2',
    'H3',
  ]);
});

it('3b. a 404 that carries rows shows them and says so', async () => {
  const body = envelope([row10('N1', '2026-07-02 10:00:00')], '404', 'Validate dates entered');
  await control.setFaults(answerAll('chat_10', 404, body));
  await open(`${REPORT}/10?from=2026-07-02&to=2026-07-02`);
  await page.getByText('1 of 1 row', { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByText('wolkvox answered “not found” (404) yet sent 1 row: it is shown.').waitFor();
  expect(await page.getByText(/has no records/).count()).toBe(0);
});

it('3c. a JSON 404 that is not wolkvox’s "no records" is an error, not an empty report', async () => {
  const refusal = JSON.stringify({
    code: 404,
    error: 'Refused by the proxy',
    msg: 'This request is not forwarded to wolkvox',
  });
  await control.setFaults(answerAll('chat_10', 404, refusal));
  await open(`${REPORT}/10?from=2026-07-02&to=2026-07-02`);
  await page.getByText(/This request is not forwarded to wolkvox/).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Retry this period' }).waitFor();
  expect(await page.getByText(/has no records/).count()).toBe(0);
});

it('5. 10 MB cells: the page stays responsive, cells are cut with the whole text a click away, the export keeps them whole', async () => {
  const MB10 = 10 * 1024 * 1024;
  const rows = [1, 2, 3].map((n) =>
    row10(`B${n}`, `2026-07-02 1${n}:00:00`, `,"comments":"${String(n).repeat(MB10)}"`),
  );
  await control.setFaults(answerAll('chat_10', 200, envelope(rows)));
  const started = Date.now();
  await open(`${REPORT}/10?from=2026-07-02&to=2026-07-02`);
  await page.getByText(ROW_COUNT).waitFor({ timeout: 120_000 });
  const shownMs = Date.now() - started;
  expect(await rowCounts(page)).toEqual({ shown: 3, total: 3 });

  // The main thread answers at once (it froze for minutes before).
  const pingStarted = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const pingMs = Date.now() - pingStarted;
  console.info(`[live] 3 × 10 MB cells: table in ${shownMs} ms, a frame after ${pingMs} ms`);
  expect(pingMs).toBeLessThan(2_000);

  const open10MB = page.getByRole('button', { name: 'Show all (10,485,760 characters)' });
  expect(await open10MB.count()).toBe(3);
  const cells = page.locator('.report-table tbody td', { has: open10MB });
  const lengths = await cells.evaluateAll((tds) => tds.map((td) => td.textContent?.length ?? 0));
  expect(lengths).toHaveLength(3);
  for (const length of lengths) expect(length).toBeLessThan(2_100);
  await open10MB.first().click();
  const box = page.getByRole('textbox', { name: 'Whole text' });
  expect(await box.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(MB10);
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = (await readFile(await download.path())).toString('utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trimEnd(), { delimiter: ',' });
  const [header = [], ...records] = parsed.data;
  const at = header.indexOf('COMMENTS');
  expect(records.map((record) => record[at]!.length)).toEqual([MB10, MB10, MB10]);
  expect(records.map((record) => record[at]![0])).toEqual(['1', '2', '3']);
}, 300_000);
