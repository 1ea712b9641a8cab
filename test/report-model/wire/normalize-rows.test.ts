import { readFixture } from '../../fixtures/read-fixture';
import { findReport } from '../../../src/report-model/catalog';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';
import { parseEnvelope } from '../../../src/report-model/wire/parse-envelope';

const rowsOf = (name: string) => parseEnvelope(200, readFixture(name));

describe('normalizeRows', () => {
  it('types report 1 values by column and keeps what does not parse', () => {
    const { rows } = normalizeRows(findReport(1)!, rowsOf('chat_1-real-shape.json'));
    const [first, second] = rows;
    expect(first).toMatchObject({
      conn_id: '20260812000123',
      channel: 'whatsapp',
      date: Date.UTC(2026, 7, 12, 10, 31, 5),
      customer_name: 'María José Peña',
      customer_chars: 412,
      time_on_agent: 910,
      chat_duration: 1295,
      transfer: false,
      agent_answers: 14,
      comments: 'Pidió factura, "urgente"',
    });
    // "N/A" is not a count: kept as sent (the unparsed flag), never dropped.
    expect(second!.customer_chars).toBe('N/A');
    expect(second!.time_on_agent).toBe(125);
    expect(second!.chat_duration).toBe(82_992);
    expect(second!.customer_phone).toBeNull();
  });

  it('maps the misspelled agent_anwers, with or without its trailing space', () => {
    const postman = normalizeRows(findReport(1)!, [{ 'agent_anwers ': '7' }]);
    const spelled = normalizeRows(findReport(1)!, [{ AGENT_ANSWERS: '8' }]);
    expect(postman.rows[0]!.agent_answers).toBe(7);
    expect(spelled.rows[0]!.agent_answers).toBe(8);
    expect(postman.columns.some((column) => column.extra)).toBe(false);
  });

  it('maps `chanel` onto CHANNEL for report 13', () => {
    const { rows } = normalizeRows(findReport(13)!, rowsOf('chat_13-single-object.json'));
    expect(rows).toEqual([{ channel: 'whatsapp', interaction: 1520 }]);
  });

  it('keeps unknown columns as extra text columns', () => {
    const { columns, rows } = normalizeRows(findReport(1)!, rowsOf('chat_1-real-shape.json'));
    const extra = columns.filter((column) => column.extra);
    expect(extra).toEqual([{ key: 'bsuid', header: 'BSUID', type: 'text', extra: true }]);
    expect(rows[0]!.bsuid).toBe('CO.123456789');
    expect(rows[1]!.bsuid).toBeNull();
  });

  it('flattens report 2 into one row per message carrying the chat header', () => {
    const { rows } = normalizeRows(findReport(2)!, rowsOf('chat_2-nested.json'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      conn_id: '7788',
      agent_name: 'Laura Beltrán',
      customer_name: 'Sofía Gómez',
      from: 'CUSTOMER',
      message: 'Hola, ¿me ayudan? 🙏',
      date: Date.UTC(2026, 7, 12, 9, 0, 1),
    });
    expect(rows[1]!.message).toContain('<a href=');
    // A chat with no messages is still listed once.
    expect(rows[2]).toMatchObject({ conn_id: '7789', customer_name: 'Iván Díaz', message: null });
  });

  it('reads the empty Postman example as one row of nulls', () => {
    const { rows } = normalizeRows(findReport(1)!, rowsOf('chat_1-postman-example.json'));
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!).every((value) => value === null)).toBe(true);
  });
});
