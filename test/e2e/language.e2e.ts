import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session));

it('switches to Spanish: menu, actions, numbers and CSV delimiter; and remembers it', async () => {
  await page.goto(
    `${inject('baseUrl')}/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22`,
  );
  await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  await page.getByLabel('Language').selectOption('es');
  const menu = page.getByRole('navigation', { name: 'Reportes' });
  await menu.waitFor();
  expect(await menu.getByRole('link', { name: '10. Facturación WhatsApp Oficial' }).count()).toBe(
    1,
  );
  expect(await menu.getByRole('link', { name: '6. Interacciones cerradas por día' }).count()).toBe(
    1,
  );
  expect(await page.getByRole('button', { name: 'Generar reporte' }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-419');
  // Numbers through Intl in Spanish (es-419 here, as the browser is en-US): "1,534 de 1,534 filas".
  const count = await page.getByText(/^[\d.,]+ de [\d.,]+ filas$/).textContent();
  expect(count).toMatch(/^\d[.,]\d{3} de \d[.,]\d{3} filas$/);

  // Semicolon-separated CSV by default in Spanish (Excel in comma-decimal locales).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar CSV', exact: true }).click(),
  ]);
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFFCONN_ID;SESSION_ID;CONNECTOR;DATE;CUSTOMER_PHONE;TEMPLATE;DESTINY',
  );

  await page.reload();
  await page.getByRole('navigation', { name: 'Reportes' }).waitFor();
  expect(await page.getByLabel('Idioma').inputValue()).toBe('es');
});
