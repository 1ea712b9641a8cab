import { findReport, REPORTS } from '../../src/report-model/catalog';
import { DAY, dayRange, SECOND } from '../../src/report-model/time-range';
import { generateWireRows } from '../../src/mocks/generate-report';
import { createWolkvoxApi, generatedRows } from '../../src/mocks/wolkvox-api';
import { MARKETS } from '../../src/mocks/vocabulary';
import { formatWireDate } from '../../src/report-model/wire/wire-date';
import { parseSessionId } from '../../src/report-model/connector';
import { parseBsuid } from '../../src/report-model/bsuid';

const week = dayRange('2026-11-16', '2026-11-22')!;
const report10 = findReport(10)!;

/** A call to the one fake wolkvox, on the mock operation's generated rows. */
const mockWolkvox = createWolkvoxApi();
function call(api: string, start: number, end: number, rowsPerDay?: number) {
  const wolkvox = rowsPerDay ? createWolkvoxApi({ rows: generatedRows(rowsPerDay) }) : mockWolkvox;
  const url = new URL('http://mock/wolkvox/api/v2/reports_manager.php');
  url.search = new URLSearchParams({
    api,
    date_ini: formatWireDate(start),
    date_end: formatWireDate(end),
  }).toString();
  const answer = wolkvox.answer({ url, token: wolkvox.token });
  return { status: answer.status, body: JSON.parse(answer.body) as unknown };
}

describe('mock report generator', () => {
  it('gives the same rows for the same report and range', () => {
    expect(generateWireRows(report10, week)).toEqual(generateWireRows(report10, week));
  });

  it('gives the same rows however the range is split', () => {
    const whole = generateWireRows(report10, week);
    const middle = week.start + 3 * DAY + 12 * 3600 * 1000;
    const parts = [
      ...generateWireRows(report10, { start: week.start, end: middle - SECOND }),
      ...generateWireRows(report10, { start: middle, end: week.end }),
    ];
    expect(parts).toEqual(whole);
  });

  it('grows with the range and with rows per day', () => {
    const oneWeek = generateWireRows(report10, week).length;
    const fourWeeks = generateWireRows(report10, dayRange('2026-10-26', '2026-11-22')!).length;
    expect(fourWeeks / oneWeek).toBeGreaterThan(3.3);
    expect(fourWeeks / oneWeek).toBeLessThan(4.7);
    const big = generateWireRows(report10, week, 4000).length;
    expect(big / oneWeek).toBeGreaterThan(8);
  });

  it('sends every value as a string, as the real API does', () => {
    for (const report of REPORTS) {
      const rows = generateWireRows(report, week);
      expect(rows.length, report.api).toBeGreaterThan(0);
      for (const row of rows.slice(0, 50)) {
        for (const [key, value] of Object.entries(row)) {
          if (key === 'conversation') continue;
          expect(typeof value, `${report.api}.${key}`).toBe('string');
        }
      }
    }
  });

  it('writes phone numbers whose country code matches DESTINY, and connectors inside SESSION_ID', () => {
    const rows = generateWireRows(report10, week);
    const connectors = new Set<string>();
    let malformed = 0;
    for (const row of rows) {
      const session = parseSessionId(row.session_id as string);
      if (session.readable) {
        connectors.add(session.connectorId);
        expect(session.phone).toBe(row.customer_phone);
      } else malformed++;
      if (parseBsuid(row.customer_phone as string)) continue; // a BSUID: see below
      const market = MARKETS.find((m) => m.destiny === row.destiny)!;
      expect(String(row.customer_phone).startsWith(market.code)).toBe(true);
    }
    expect(connectors.size).toBeGreaterThanOrEqual(4);
    expect(malformed).toBeLessThan(rows.length * 0.01);
  });

  it('varies the template share by connector', () => {
    const rows = generateWireRows(report10, dayRange('2026-11-01', '2026-11-22')!);
    const share = new Map<string, { yes: number; all: number }>();
    for (const row of rows) {
      const session = parseSessionId(row.session_id as string);
      const connector = session.readable ? session.connectorId : '?';
      const entry = share.get(connector) ?? { yes: 0, all: 0 };
      entry.all++;
      if (row.template === 'yes') entry.yes++;
      share.set(connector, entry);
    }
    const ratios = [...share.entries()]
      .filter(([id]) => id !== '?')
      .map(([, { yes, all }]) => yes / all);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.4);
  });

  it('gives about 10 % of customers a BSUID on some days since July 2026, phones on the others', () => {
    const rows = generateWireRows(report10, dayRange('2026-11-01', '2026-11-30')!);
    const perDay = new Map<string, { bsuid: Set<string>; all: Set<string> }>();
    for (const row of rows) {
      const day = String(row.date).slice(0, 10);
      const entry = perDay.get(day) ?? { bsuid: new Set(), all: new Set() };
      const id = String(row.customer_phone);
      entry.all.add(id);
      const bsuid = parseBsuid(id);
      if (bsuid) {
        entry.bsuid.add(id);
        // The SESSION_ID carries the same id, and the prefix is a market of the mock.
        const session = parseSessionId(row.session_id as string);
        if (session.readable) expect(session.phone).toBe(id);
        expect(['CO', 'MX', 'PE', 'CL', 'EC', 'AR', 'BR', 'PA', 'US', 'ES']).toContain(
          bsuid.country,
        );
      }
      perDay.set(day, entry);
    }
    const days = [...perDay.values()];
    const withBsuids = days.filter((d) => d.bsuid.size > 0);
    expect(withBsuids.length).toBeGreaterThan(3);
    expect(withBsuids.length).toBeLessThan(days.length);
    // About 10 % of those days' customers.
    const share =
      withBsuids.reduce((sum, d) => sum + d.bsuid.size, 0) /
      withBsuids.reduce((sum, d) => sum + d.all.size, 0);
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    // None before July 2026.
    const june = generateWireRows(report10, dayRange('2026-06-01', '2026-06-30')!);
    expect(june.some((row) => parseBsuid(row.customer_phone as string))).toBe(false);
  });

  it('includes ~23 h auto-closed chats and messages with commas, quotes, new lines, emoji and links', () => {
    const chats = generateWireRows(findReport(1)!, week);
    expect(
      chats.some((row) => Number(row.chat_duration) > 82_000 && row.cod_act === 'TIMEOUTCHAT'),
    ).toBe(true);
    expect(chats.every((row) => 'agent_anwers' in row)).toBe(true);

    const messages = generateWireRows(findReport(2)!, week).flatMap(
      (chat) => chat.conversation as { message: string }[],
    );
    const texts = messages.map((m) => m.message);
    expect(texts.some((text) => text.includes(','))).toBe(true);
    expect(texts.some((text) => text.includes('"'))).toBe(true);
    expect(texts.some((text) => text.includes('\n'))).toBe(true);
    expect(texts.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true);
    expect(texts.some((text) => text.startsWith('<a href="'))).toBe(true);
  });

  it('uses names with accents', () => {
    const names = generateWireRows(findReport(1)!, week).map((row) => String(row.customer_name));
    expect(names.some((name) => /[áéíóúñÁÉÍÓÚÑ]/.test(name))).toBe(true);
  });
});

describe('mock wire answers', () => {
  it('answers with the envelope, code sometimes a string, and the row count in msg', () => {
    const codes = new Set<string>();
    for (let day = 0; day < 12; day++) {
      const answer = call('chat_10', week.start + day * DAY, week.start + (day + 1) * DAY - SECOND);
      const body = answer.body as { code: unknown; msg: string; data: unknown[]; error: unknown };
      expect(answer.status).toBe(200);
      expect(body.error).toBeNull();
      expect(body.msg).toBe(`${body.data.length} records were found`);
      codes.add(typeof body.code);
    }
    expect(codes).toEqual(new Set(['string', 'number']));
  });

  it('answers 404 "Validate dates entered" when there is nothing; 400 for an unknown report', () => {
    // One second at 03:00 of a Monday: nothing happened then.
    const night = call('chat_15', week.start + 3 * 3600 * 1000, week.start + 3 * 3600 * 1000);
    expect(night.status).toBe(404);
    expect((night.body as { msg: string }).msg).toBe('Validate dates entered');
    const unknown = call('chat_17', week.start, week.end);
    expect(unknown.status).toBe(400);
    expect((unknown.body as { msg: string }).msg).toBe(
      'THE API YOU WANT TO CONSULT DOES NOT EXIST',
    );
  });

  it('refuses more than 31 days, as it refuses bad dates (406)', () => {
    const answer = call('chat_10', week.start, week.start + 32 * DAY - SECOND);
    expect(answer.status).toBe(406);
    expect((answer.body as { msg: string }).msg).toMatch(/31 days/);
    expect(call('chat_10', week.start, week.start + 31 * DAY - SECOND).status).toBe(200);
  });

  it('caps an answer at 60,000 rows, the first ones', () => {
    const capped = call('chat_10', week.start, week.end, 20_000).body as { data: unknown[] };
    expect(capped.data).toHaveLength(60_000);
    expect(capped.data[0]).toEqual(generateWireRows(report10, week, 20_000)[0]);
  });
});

describe('one operation behind every report', () => {
  it('lets a report 10 chat be found in report 2 with the same customer phone', () => {
    const billing = generateWireRows(report10, week);
    const conversations = generateWireRows(findReport(2)!, dayRange('2026-11-16', '2026-11-23')!);
    const byConn = new Map(conversations.map((chat) => [chat.conn_id, chat]));
    for (const row of billing.slice(0, 200)) {
      const chat = byConn.get(row.conn_id);
      expect(chat, String(row.conn_id)).toBeDefined();
      const messages = chat!.conversation as { customer_phone: string }[];
      expect(messages[0]!.customer_phone).toBe(row.customer_phone);
    }
  });

  it('lists in report 1 the same chats that report 8 sends to an agent', () => {
    const handled = new Set(generateWireRows(findReport(1)!, week).map((row) => row.conn_id));
    const stepped = generateWireRows(findReport(8)!, week).filter(
      (row) => row.go_to_agent === 'yes',
    );
    const inBoth = stepped.filter((row) => handled.has(row.conn_id)).length;
    expect(inBoth / stepped.length).toBeGreaterThan(0.95);
  });
});
