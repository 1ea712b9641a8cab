import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import readExcelFile from 'read-excel-file/node';
import { expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session), { width: 1366, height: 900 });

const fixture = (name: string) => `${process.cwd()}/test/fixtures/billed/${name}`;

/** "$1,234.56", "-$0.60", "+USD 4.35" (es-419), "US$ 4,35" (decimalComma) → cents. */
function cents(text: string, decimalComma: boolean): number {
  const sign = /-|−/.test(text) ? -1 : 1;
  let digits = text.replace(/[^\d.,]/g, '');
  digits = decimalComma ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  return sign * Math.round(Number(digits) * 100);
}

async function open(language: 'en' | 'es') {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-11-01&to=2026-11-14`,
  );
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
}

it('explains the bill in English: comparison, import, forecast signal and the pack', async () => {
  await open('en');
  const explain = page.getByRole('region', { name: 'Explain the bill' });
  await explain.waitFor();

  // Month over month: the previous 14 days, loaded on request.
  const mom = explain.getByRole('region', { name: 'Month over month' });
  expect(
    await mom.getByText('Previous period of equal length (2026-10-18 – 2026-10-31)').count(),
  ).toBe(1);
  await mom.getByRole('button', { name: 'Compare' }).click();
  const summary = mom.getByRole('table', { name: 'Month over month' });
  await summary.waitFor();
  const cell = async (row: string, column: number) =>
    (await summary
      .getByRole('row', { name: new RegExp(`^${row}`) })
      .locator('td')
      .nth(column)
      .textContent())!;
  const change = cents((await cell('Estimated cost', 2)).split('(')[0]!, false);
  const previous = cents(await cell('Estimated cost', 0), false);
  const current = cents(await cell('Estimated cost', 1), false);
  expect(change).toBe(current - previous);
  const effects = await Promise.all(
    ['Volume', 'Mix', 'Rate'].map(async (name) => cents(await cell(name, 2), false)),
  );
  // The three effects add up to the change, to the cent, as the supervisor reads them.
  expect(effects.reduce((a, b) => a + b, 0)).toBe(change);
  const waterfall = mom.getByRole('figure', {
    name: 'Why the estimated cost changed: volume, mix and rate',
  });
  expect(await waterfall.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
  expect(
    await mom.getByRole('table', { name: 'Per connector' }).getByRole('row').count(),
  ).toBeGreaterThan(2);

  // Reconciliation: a plain sheet, then a malformed file refused by line.
  const rec = explain.getByRole('region', { name: 'Estimate against billed' });
  await rec.getByLabel('Import billed figures (CSV)').setInputFiles(fixture('plain.csv'));
  await rec
    .getByText(
      /^3 billed lines from plain\.csv \(plain sheet\), remembered for 2026-11-01 – 2026-11-14/,
    )
    .waitFor();
  const colombia = rec
    .getByRole('table', { name: 'Per country' })
    .getByRole('row', { name: /^Colombia/ });
  expect(await colombia.locator('td').nth(1).textContent()).toBe('$12.50');
  await rec.getByLabel('Import billed figures (CSV)').setInputFiles(fixture('malformed.csv'));
  expect(await rec.getByRole('alert').textContent()).toBe(
    'Line 3: amount “twelve” is not an amount.',
  );
  expect(await seriousViolations(page)).toEqual([]);
  // Remembered for the period: the billed lines survive a reload.
  await page.reload();
  await rec.getByText(/^3 billed lines from plain\.csv/).waitFor();

  // Forecast and budget: a budget of $1 is passed; a large one is not.
  const forecast = explain.getByRole('region', { name: 'Month-end forecast and budget' });
  await forecast.getByText(/^Forecast for 2026-11: \$[\d,.]+ \(between/).waitFor();
  await forecast.getByLabel('Monthly budget for the operation (USD)').fill('1');
  expect(await forecast.getByRole('alert').textContent()).toMatch(
    /^The forecast passes the budget: \$[\d,.]+ > \$1\.00\.$/,
  );
  await forecast.getByLabel('Monthly budget for the operation (USD)').fill('100000');
  expect(await forecast.getByRole('alert').count()).toBe(0);
  expect(await forecast.getByText('Within budget').count()).toBe(1);

  // The pack: seven sheets; its cost is the page's.
  await mom.getByRole('button', { name: 'Compare' }).click();
  await summary.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    explain.getByRole('button', { name: 'Download the billing pack (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('10-billing-pack_2026-11-01_2026-11-14.xlsx');
  const book = await readExcelFile(await readFile((await download.path())!));
  expect(book.map((s) => s.sheet)).toEqual([
    'Summary',
    'Assumptions',
    'Connectors',
    'Countries',
    'Days',
    'Month over month',
    'Reconciliation',
  ]);
  const costRow = book[0]!.data.find((r) => r[0] === 'Estimated cost')!;
  expect(Math.round(Number(costRow[1]) * 100)).toBe(current);
  expect(book[4]!.data[1]![0]).toBeInstanceOf(Date);
  expect(book[6]!.data[0]![0]).toBe('Country');
});

it('explains the bill in Spanish', async () => {
  await open('es');
  const explain = page.getByRole('region', { name: 'Explicar la factura' });
  await explain.waitFor();
  const mom = explain.getByRole('region', { name: 'Mes contra mes' });
  await mom.getByRole('button', { name: 'Comparar' }).click();
  await mom
    .getByRole('figure', { name: 'Por qué cambió el costo estimado: volumen, mezcla y tarifa' })
    .waitFor();
  const summary = mom.getByRole('table', { name: 'Mes contra mes' });
  const cell = async (row: string) =>
    cents(
      (await summary
        .getByRole('row', { name: new RegExp(`^${row}`) })
        .locator('td')
        .nth(2)
        .textContent())!.split('(')[0]!,
      false,
    );
  const effects = (await cell('Volumen')) + (await cell('Mezcla')) + (await cell('Tarifa'));
  expect(effects).toBe(await cell('Costo estimado'));

  const rec = explain.getByRole('region', { name: 'Estimado contra facturado' });
  await rec
    .getByLabel('Importar lo facturado (CSV)')
    .setInputFiles(fixture('whatsapp-manager.csv'));
  await rec
    .getByText(/^2 líneas facturadas de whatsapp-manager\.csv \(WhatsApp Manager\)/)
    .waitFor();
  await rec.getByLabel('Importar lo facturado (CSV)').setInputFiles(fixture('unknown-layout.csv'));
  expect(await rec.getByRole('alert').textContent()).toMatch(
    /^Línea 1: la página no puede leer este archivo\. Sus columnas son fecha, valor;/,
  );

  const forecast = explain.getByRole('region', {
    name: 'Pronóstico de cierre de mes y presupuesto',
  });
  await forecast.getByLabel('Presupuesto mensual de la operación (USD)').fill('1');
  expect(await forecast.getByRole('alert').textContent()).toMatch(
    /^El pronóstico supera el presupuesto: USD\s[\d.,]+ > USD\s1\.00\.$/,
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    explain.getByRole('button', { name: 'Descargar el paquete de facturación (.xlsx)' }).click(),
  ]);
  const book = await readExcelFile(await readFile((await download.path())!));
  expect(book.map((s) => s.sheet)).toEqual([
    'Resumen',
    'Supuestos',
    'Conectores',
    'Países',
    'Días',
    'Mes contra mes',
    'Conciliación',
  ]);
  expect(book[2]!.data[0]).toEqual([
    'Conector',
    'Interacciones',
    'Plantillas',
    'Proporción de plantillas',
    'Costo estimado',
  ]);
});

it('compares with a chosen period and refuses one that ends before it starts', async () => {
  await open('en');
  const mom = page.getByRole('region', { name: 'Month over month' });
  await mom.getByRole('radio', { name: 'Another period' }).check();
  await mom.getByLabel('From').fill('2026-10-08');
  await mom.getByLabel('To').fill('2026-10-01');
  expect(await mom.getByRole('alert').textContent()).toBe(
    'Choose a period whose start is not after its end.',
  );
  expect(await mom.getByRole('button', { name: 'Compare' }).isDisabled()).toBe(true);
  await mom.getByLabel('To').fill('2026-10-14');
  await mom.getByRole('button', { name: 'Compare' }).click();
  const summary = mom.getByRole('table', { name: 'Month over month' });
  await summary.waitFor();
  expect(await summary.getByRole('columnheader').nth(1).textContent()).toBe(
    'Previous2026-10-08 – 2026-10-14',
  );
  expect(await summary.getByRole('columnheader').nth(2).textContent()).toBe(
    'This period2026-11-01 – 2026-11-14',
  );
});

it("reuses the comparison period's answers when the page then shows that period", async () => {
  const reportCalls: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes('/reports') && url.includes('chat_10')) reportCalls.push(url);
  });
  await open('en');
  const callsForThePage = reportCalls.length;
  expect(callsForThePage).toBeGreaterThan(0);
  const mom = page.getByRole('region', { name: 'Month over month' });
  await mom.getByRole('button', { name: 'Compare' }).click();
  await mom.getByRole('table', { name: 'Month over month' }).waitFor();
  const callsForTheComparison = reportCalls.length - callsForThePage;
  expect(callsForTheComparison).toBeGreaterThan(0);

  // The page's own range set to the comparison period: assembled from what is loaded.
  const range = page.getByRole('form', { name: 'Date range' });
  await range.getByLabel('From').fill('2026-10-18');
  await range.getByLabel('To (inclusive)').fill('2026-10-31');
  await range.getByRole('button', { name: 'Generate report' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-10-18');
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  expect(reportCalls.length).toBe(callsForThePage + callsForTheComparison);
});

it('compares a whole calendar month with the month before, in English and Spanish', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-03-01&to=2026-03-31`,
  );
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  const mom = page.getByRole('region', { name: 'Month over month' });
  await mom.getByText('Previous calendar month (2026-02-01 – 2026-02-28)').waitFor();
  await mom.getByRole('button', { name: 'Compare' }).click();
  const summary = mom.getByRole('table', { name: 'Month over month' });
  await summary.waitFor();
  expect(await summary.getByRole('columnheader').nth(1).textContent()).toBe(
    'Previous2026-02-01 – 2026-02-28',
  );
  await page.getByLabel('Language').selectOption('es');
  await page
    .getByRole('region', { name: 'Mes contra mes' })
    .getByText('Mes calendario anterior (2026-02-01 – 2026-02-28)')
    .waitFor();
});
