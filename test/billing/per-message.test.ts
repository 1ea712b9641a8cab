import { estimateCost } from '../../src/billing/model/estimate-cost';
import { estimatePerMessage } from '../../src/billing/model/estimate-per-message';
import { addMessages, newMessageTally } from '../../src/billing/model/message-counts';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { planMessageLoad } from '../../src/billing/model/message-load-plan';
import { dayRange } from '../../src/report-model/time-range';
import type { ReportRow } from '../../src/report-model/column-types';
import { at, row } from './fixtures';

/** A report 2 row (one message). */
const message = (
  conn_id: string,
  when: string,
  from: 'AGENT' | 'CUSTOMER',
  from_name = from === 'AGENT' ? 'Ana' : 'Cliente',
  channel = 'whatsapp',
): ReportRow => ({ conn_id, channel, from, from_name, date: at(when), message: '…' });

/*
 * Mexico, October 2026 (marketing 0.0397; utility = service 0.0085), mix all marketing.
 * Report 10: c1 TEMPLATE yes (10:00), c2 TEMPLATE no (11:00), both on connector A.
 * Report 2:
 *   c1: agent 10:00 and 10:05 (no customer message yet: 2 templates), customer 10:30,
 *       agent 10:31 and the bot 10:32 (inside the window: 2 service messages).
 *   c2: customer 11:00, bot 11:01 and agent 11:05 (2 service), agent the next day at 12:00
 *       (25 h after the customer: a template).
 *   c3: instagram (not WhatsApp); c4: WhatsApp but not in report 10 (not priced).
 * Per message: templates 3 × 0.0397 = 0.1191; service 4 × 0.0085 = 0.0340 (from 2026-10-01,
 *   no allowance): expected = high = 0.1531 USD → 15.31 → 15 cents; low: templates at
 *   0.0085 → 0.0255 + 0.0340 = 0.0595 → 6 cents.
 * Per interaction: c1 one template 0.0397 + c2 one service row 0.0085 = 0.0482 → 5 cents.
 */
const rows10 = [
  { ...row('5255001.op.A', '2026-10-05T10:00', '5255001', true, 'México'), conn_id: 'c1' },
  { ...row('5255002.op.A', '2026-10-05T11:00', '5255002', false, 'México'), conn_id: 'c2' },
];
const answer1 = [
  message('c1', '2026-10-05T10:00', 'AGENT'),
  message('c1', '2026-10-05T10:05', 'AGENT'),
  message('c1', '2026-10-05T10:30', 'CUSTOMER'),
  message('c1', '2026-10-05T10:31', 'AGENT'),
  message('c1', '2026-10-05T10:32', 'AGENT', 'chat_bot'),
  message('c2', '2026-10-05T11:01', 'AGENT', 'chat_bot'),
  message('c2', '2026-10-05T11:00', 'CUSTOMER'), // out of order in the answer
  message('c3', '2026-10-05T11:00', 'AGENT', 'Ana', 'instagram'),
];
const answer2 = [
  message('c2', '2026-10-05T11:05', 'AGENT'),
  message('c2', '2026-10-06T12:00', 'AGENT'),
  message('c4', '2026-10-06T12:00', 'AGENT'),
];

describe('per-message estimate (report 2’s messages) against the interaction estimate', () => {
  const tally = newMessageTally();
  addMessages(tally, answer1);
  addMessages(tally, answer2); // c2 continues in the second answer

  it('tells templates from service messages by the customer’s 24 h window', () => {
    expect(tally).toMatchObject({ businessMessages: 8, customerMessages: 2, otherChannelRows: 1 });
    expect(tally.chats.get('c1')).toMatchObject({ templates: [2], service: [2] });
    expect(tally.chats.get('c2')).toMatchObject({ templates: [0, 1], service: [2, 0] });
  });

  it('prices every message by the rules of its date', () => {
    const estimate = estimatePerMessage(rows10, tally, { card: DEFAULT_RATE_CARD });
    expect(estimate).toMatchObject({
      templates: 3,
      serviceMessages: 4,
      billableServiceMessages: 4,
      matchedChats: 2,
      unmatchedChats: 1,
      unpricedMessages: 0,
    });
    expect(estimate.cost).toEqual({ low: 6, expected: 15, high: 15 });
    // The interaction estimate sees one template and one service row.
    expect(estimateCost(rows10, { card: DEFAULT_RATE_CARD }).totals.cost.expected).toBe(5);
  });

  it('applies the markup once and the reported allowance when switched on', () => {
    // 0.1531 × 1.15 = 0.176065 USD → 17.6 → 18 cents.
    const marked = estimatePerMessage(rows10, tally, {
      card: DEFAULT_RATE_CARD,
      markupPercent: 15,
    });
    expect(marked.cost.expected).toBe(18);
    // With the 1,000 free service messages: templates only, 0.1191 → 12 cents.
    const allowance = estimatePerMessage(rows10, tally, {
      card: DEFAULT_RATE_CARD,
      assumptions: { serviceAllowance: true },
    });
    expect(allowance).toMatchObject({ billableServiceMessages: 0 });
    expect(allowance.cost.expected).toBe(12);
  });

  it('charges no service message before October 2026', () => {
    // The same chats a month earlier: service free; templates 3 × 0.0305 = 0.0915 → 9 cents.
    const shift = (r: ReportRow) => ({ ...r, date: (r.date as number) - 30 * 86_400_000 });
    const september = newMessageTally();
    addMessages(september, [...answer1, ...answer2].map(shift));
    const estimate = estimatePerMessage(rows10.map(shift), september, { card: DEFAULT_RATE_CARD });
    expect(estimate).toMatchObject({
      templates: 3,
      serviceMessages: 4,
      billableServiceMessages: 0,
    });
    expect(estimate.cost.expected).toBe(9);
  });
});

describe('the plan said before loading report 2', () => {
  it('counts the calls and the share of the day’s quota for a 1M-interaction October', () => {
    // 1M chats × 3–9 rows = 3M–9M rows; one calendar chunk (31 days); 57,000 rows a call
    // (95 % of 60,000): ⌈3,000,000 / 57,000⌉ = 53 and ⌈9,000,000 / 57,000⌉ = 158 calls;
    // of a 4,800-call day: 1.1 % – 3.3 %.
    const plan = planMessageLoad(dayRange('2026-10-01', '2026-10-31')!, 1_000_000, {
      limit: 4800,
      left: 100,
    });
    expect(plan.rows).toEqual({ low: 3_000_000, high: 9_000_000 });
    expect(plan.calls).toEqual({ low: 53, high: 158 });
    expect(plan.quotaShare!.low).toBeCloseTo(53 / 4800, 10);
    expect(plan.quotaShare!.high).toBeCloseTo(158 / 4800, 10);
    expect(plan.exceedsQuotaLeft).toBe(true);
  });

  it('makes one call per calendar chunk at least', () => {
    // 15 Oct – 14 Nov: two chunks, 1,000 chats → 3,000–9,000 rows: 2 calls either way.
    const plan = planMessageLoad(dayRange('2026-10-15', '2026-11-14')!, 1000);
    expect(plan.calls).toEqual({ low: 2, high: 2 });
    expect(plan.quotaShare).toBeUndefined();
  });
});
