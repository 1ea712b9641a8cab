import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { en } from '../../src/shared/i18n/messages-en';
import { es } from '../../src/shared/i18n/messages-es';
import { browserPerTest } from './browser';

let page: Page;
browserPerTest((session) => ({ page } = session), { width: 1366, height: 900 });

/** Monday and Tuesday of the first week of the 2026-10 rules (service replies billed). */
const FROM = '2026-10-05';
const TO = '2026-10-06';
const REPORT = `/reports/interactions-and-chats/10?from=${FROM}&to=${TO}`;
const DAY_MS = 86_400_000;

/**
 * Utility rates from 2026-10-01 (= service replies), USD per message, of the mock's markets by
 * calling code (issue 14's table, docs §5.4; Argentina 0.026 since 2025-10, Ecuador and Panama
 * in Rest of Latin America), and the BSUID prefixes the mock gives them.
 */
const SERVICE_RATE_OCT_2026: Record<string, { iso: string; usd: number }> = {
  '593': { iso: 'EC', usd: 0.0113 },
  '507': { iso: 'PA', usd: 0.0113 },
  '57': { iso: 'CO', usd: 0.0008 },
  '52': { iso: 'MX', usd: 0.0085 },
  '51': { iso: 'PE', usd: 0.03 },
  '56': { iso: 'CL', usd: 0.02 },
  '54': { iso: 'AR', usd: 0.026 },
  '55': { iso: 'BR', usd: 0.0068 },
  '34': { iso: 'ES', usd: 0.02 },
  '1': { iso: 'US', usd: 0.0034 },
};
/** A report-10 customer id (phone or BSUID) → the service rate of its market, in 1/10,000 USD. */
function serviceRate(customer: string): number {
  const bsuid = /^([A-Z]{2})\./.exec(customer);
  const market = Object.entries(SERVICE_RATE_OCT_2026).find(([code, { iso }]) =>
    bsuid ? iso === bsuid[1] : customer.startsWith(code),
  );
  if (!market) throw new Error(`no market for ${customer}`);
  return Math.round(market[1].usd * 10_000);
}

/** A catalog text as a pattern whose `{placeholders}` are named groups. */
function pattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\{(\w+)\}/g, '(?<$1>.+?)'));
}
const digits = (text: string | undefined) => Number((text ?? '').replace(/\D/g, ''));
const percent = (text: string | undefined) =>
  Number((text ?? '').replace(/[^\d.,]/g, '').replace(',', '.'));

interface WireMessage {
  channel?: string;
  from?: string;
  date?: string;
}
interface WireChat {
  conn_id: string;
  conversation?: WireMessage[];
}

/**
 * What the mock's report 2 and report 10 hold for the range, asked through the page's own
 * origin (the same mock wolkvox the app asks), counted here without the app's code: per
 * WhatsApp chat, a business message less than 24 h after the customer's last message is a
 * service message, any other a template.
 */
async function independentCounts(on: Page) {
  const wire = (api: string) =>
    on.evaluate(
      async ({ api, from, to }) => {
        const url = `/wolkvox/api/v2/reports_manager.php?api=${api}&date_ini=${from}000000&date_end=${to}235959`;
        const response = await fetch(url);
        return (await response.json()) as { msg: string; data: unknown[] };
      },
      { api, from: FROM.replaceAll('-', ''), to: TO.replaceAll('-', '') },
    );
  const chats = (await wire('chat_2')).data as WireChat[];
  const interactions = (await wire('chat_10')).data as {
    conn_id: string;
    template: string;
    customer_phone: string;
  }[];
  const inReport10 = new Map(interactions.map((row) => [row.conn_id, row.customer_phone]));
  /** Service messages of chats in report 10 × their market's rate, 1/10,000 USD. */
  let serviceCost = 0;
  let templates = 0;
  let service = 0;
  let whatsappChats = 0;
  let unmatched = 0;
  for (const chat of chats) {
    const messages = (chat.conversation ?? [])
      .filter((m) => (m.channel ?? '').toLowerCase() === 'whatsapp')
      .map((m) => ({ ...m, at: Date.parse(`${m.date!.replace(' ', 'T')}Z`) }))
      .sort((a, b) => a.at - b.at);
    if (messages.length === 0) continue;
    whatsappChats++;
    if (!inReport10.has(chat.conn_id)) unmatched++;
    let lastCustomer = -Infinity;
    for (const message of messages) {
      if (message.from === 'CUSTOMER') lastCustomer = message.at;
      else if (message.at - lastCustomer < DAY_MS) {
        service++;
        const customer = inReport10.get(chat.conn_id);
        if (customer !== undefined) serviceCost += serviceRate(customer);
      } else templates++;
    }
  }
  return {
    chatsAnswered: chats.length,
    whatsappChats,
    templates,
    service,
    unmatched,
    /** Service messages billed at their market's rate (no markup, no tiers), in cents. */
    serviceCents: Math.round(serviceCost / 100),
    templateRows: interactions.filter((row) => row.template === 'yes').length,
  };
}

for (const [language, t] of [
  ['en', en],
  ['es', es],
] as const) {
  it(`${language}: says the plan, loads report 2 on request and shows the per-message estimate beside the interaction estimate, with counts the mock's report 2 confirms`, async () => {
    await page.addInitScript((lang) => {
      localStorage.setItem('wolkvox.language', JSON.stringify(lang));
    }, language);
    const report2Calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('api=chat_2')) report2Calls.push(request.url());
    });
    await page.goto(`${inject('baseUrl')}${REPORT}`);
    const panel = page.getByRole('region', { name: t['billing.panel.title'] });
    await panel.locator('.summary-cards').waitFor();
    await expect.poll(() => panel.getAttribute('aria-busy')).not.toBe('true');
    const interactions = digits(
      (await panel
        .locator('.summary-cards > div', { hasText: t['billing.panel.interactions'] })
        .locator('dd')
        .textContent())!,
    );
    expect(interactions).toBeGreaterThan(100);

    // Before anything is loaded: the interaction estimate, labelled as such, and the plan.
    const section = page.getByRole('region', { name: t['billing.perMessage.title'] });
    await section.getByText(t['billing.perMessage.interactionOnly']).waitFor();
    const plan = section.getByText(pattern(t['billing.perMessage.plan']));
    const planText = (await plan.textContent())!;
    const said = pattern(t['billing.perMessage.plan']).exec(planText)!.groups!;
    // 3–9 message rows per interaction, one call per ~57,000 rows (at least one).
    expect(digits(said.rowsLow)).toBe(interactions * 3);
    expect(digits(said.rowsHigh)).toBe(interactions * 9);
    const callsLow = digits(said.callsLow);
    const callsHigh = digits(said.callsHigh);
    expect(callsLow).toBe(Math.max(1, Math.ceil((interactions * 3) / 57_000)));
    expect(callsHigh).toBe(Math.max(1, Math.ceil((interactions * 9) / 57_000)));
    // The share of the day's quota: the mock's token was not read, so wolkvox's example limit.
    const share = pattern(t['billing.perMessage.quotaShareExample']).exec(planText)!.groups!;
    expect(digits(share.limit)).toBe(4800);
    expect(percent(share.low) / 100).toBeCloseTo(callsLow / 4800, 5);
    expect(percent(share.high) / 100).toBeCloseTo(callsHigh / 4800, 5);
    expect(report2Calls).toEqual([]);

    await section.getByRole('button', { name: t['billing.perMessage.load'] }).click();
    const table = section.getByRole('table');
    const perMessageRow = table.getByRole('row', {
      name: new RegExp(t['billing.perMessage.perMessage'].replace(/[()]/g, '\\$&')),
    });
    await perMessageRow.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => section.getByText(t['billing.perMessage.interactionOnly']).count())
      .toBe(0);

    // Both figures, side by side, by row header.
    // US$ amounts in the UI's locale: $1,234.56, US$ 1.234,56 …
    const money = /^\D*\d[\d.,\s]*$/;
    const cells = async (name: string) =>
      table
        .getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
        .getByRole('cell')
        .allTextContents();
    const [perInteraction] = await cells(t['billing.perMessage.perInteraction']);
    const [perMessage] = await cells(t['billing.perMessage.perMessage']);
    expect(perInteraction!.trim()).toMatch(money);
    expect(perMessage!.trim()).toMatch(money);

    // Why they differ, in figures the mock's own answers confirm.
    const why = pattern(t['billing.perMessage.why']).exec(
      (await section.getByText(pattern(t['billing.perMessage.why'])).textContent())!,
    )!.groups!;
    const callsMade = report2Calls.length;
    const counted = await independentCounts(page);
    expect(counted.whatsappChats).toBeGreaterThan(100);
    expect({
      templates: digits(why.templates),
      templateRows: digits(why.templateRows),
      service: digits(why.service),
      unmatched: digits(why.unmatched),
    }).toEqual({
      templates: counted.templates,
      templateRows: counted.templateRows,
      service: counted.service,
      unmatched: counted.unmatched,
    });
    expect(counted.service).toBeGreaterThan(0);
    expect(counted.templateRows).toBeGreaterThan(0);
    // From 2026-10-01 every service reply is billed (the reported free allowance is off).
    expect(digits(why.billable)).toBe(counted.service);
    // The mock's transcripts all open with the customer, so no business message falls outside
    // the window: the per-message figure is then the service replies alone, priced here.
    if (counted.templates === 0) expect(digits(perMessage)).toBe(counted.serviceCents);
    // The load kept to the plan: a range this small is one call.
    expect(callsMade).toBeGreaterThanOrEqual(callsLow);
    expect(callsMade).toBeLessThanOrEqual(callsHigh * 3);
  });
}
