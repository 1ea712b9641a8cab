import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { REPORTS } from '../../src/report-model/catalog';
import { browserPerTest } from './browser';
import { englishPatterns, findEnglish, openAllDetails, type Leak } from './english-leaks';

let page: Page;
browserPerTest((session) => ({ page } = session), { width: 1366, height: 900 });

const base = () => inject('baseUrl');
const WEEK = 'from=2026-11-16&to=2026-11-22';
const patterns = englishPatterns();

/** The app in `language` from the first paint, as a returning user who chose it. */
async function useLanguage(language: 'en' | 'es') {
  await page.addInitScript((lang) => {
    localStorage.setItem('wolkvox.language', JSON.stringify(lang));
  }, language);
}

const leaksOn = async (where: string): Promise<(Leak & { where: string })[]> =>
  (await findEnglish(page, patterns)).map((leak) => ({ where, ...leak }));

it('finds the catalog’s English where it is shown (the check can see a leak)', async () => {
  expect(patterns.length).toBeGreaterThan(200);
  await useLanguage('en');
  await page.goto(`${base()}/settings`);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const found = new Set((await leaksOn('/settings')).map((leak) => leak.key));
  expect(found).toContain('settings.timeZone');
  expect(found).toContain('settings.delimiterAuto');
});

it('shows no English catalog text on the home, settings and rate-card pages in Spanish, import problems included', async () => {
  await useLanguage('es');
  const leaks: Leak[] = [];
  await page.goto(`${base()}/?${WEEK}`);
  await page.getByRole('navigation', { name: 'Reportes' }).waitFor();
  await openAllDetails(page);
  leaks.push(...(await leaksOn('/')));

  await page.goto(`${base()}/settings`);
  await page.getByRole('heading', { name: 'Configuración', level: 1 }).waitFor();
  await openAllDetails(page);
  leaks.push(...(await leaksOn('/settings')));

  await page.goto(`${base()}/settings/rate-card`);
  await page.getByRole('heading', { name: 'Tarifario de WhatsApp', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Agregar un país' }).fill('Narnia');
  await page.getByRole('button', { name: 'Agregar', exact: true }).click();
  await page.getByRole('alert').waitFor();
  leaks.push(...(await leaksOn('/settings/rate-card, unknown country')));
  const broken = {
    version: 2,
    currency: 'EUR',
    name: 5,
    asOf: 'yesterday',
    regions: { XX: {}, LATAM: { name: '', members: ['Atlantis'] } },
    periods: [
      { id: 'a', from: '2025-01-01', to: null, model: 'per-minute', rates: { Narnia: {} } },
      {
        id: 'a',
        from: '2025-02-01',
        to: '2025-01-01',
        rates: { CO: { marketing: -1, utility: 'x', authentication: 99 } },
      },
    ],
  };
  await page.getByTestId('rate-card-file').setInputFiles({
    name: 'card.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'No se importó el archivo:' });
  await problems.waitFor();
  expect(await problems.getByRole('listitem').count()).toBeGreaterThan(10);
  await openAllDetails(page);
  leaks.push(...(await leaksOn('/settings/rate-card, import problems')));

  expect(leaks).toEqual([]);
});

it('shows no English catalog text on any of the 16 reports in Spanish, charts, data tables and report 10’s billing panel open', async () => {
  await useLanguage('es');
  const leaks: Leak[] = [];
  for (const report of REPORTS) {
    await page.goto(`${base()}/reports/interactions-and-chats/${report.number}?${WEEK}`);
    await page.getByText(/^[\d.,]+ de [\d.,]+ filas?$/).waitFor({ timeout: 20_000 });
    await openAllDetails(page);
    if (report.number === 10) {
      const panel = page.getByRole('region', { name: 'Uso de WhatsApp y costo estimado' });
      await panel.waitFor({ timeout: 20_000 });
      await panel.locator('.recharts-bar-rectangle').first().waitFor();
      await panel.getByRole('table', { name: /^Costo estimado de WhatsApp/ }).waitFor();
      await openAllDetails(page);
    } else if (await page.locator('.report-charts').count()) {
      await page.locator('.report-charts .recharts-surface').first().waitFor();
      await openAllDetails(page);
    }
    leaks.push(...(await leaksOn(`report ${report.number}`)));
  }
  expect(leaks).toEqual([]);
}, 240_000);

it('says what failed in Spanish when wolkvox fails', async () => {
  await useLanguage('es');
  const leaks: Leak[] = [];
  for (const scenario of ['error', 'malformed', 'token', 'empty']) {
    await page.goto(`${base()}/reports/interactions-and-chats/1?${WEEK}&mock=${scenario}`);
    const state = page.locator('.state-error, .partial-notice, .state[role="status"]').first();
    await state.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(
        `mock=${scenario}: ${String(error)}\n${await page.locator('main').innerText()}`,
      );
    });
    leaks.push(...(await leaksOn(`report 1, mock=${scenario}`)));
  }
  expect(leaks).toEqual([]);
}, 240_000);
