import { findReport } from '../../../src/report-model/catalog';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';
import { parseEnvelope, readEnvelope } from '../../../src/report-model/wire/parse-envelope';
import { WolkvoxError } from '../../../src/report-model/wire/wolkvox-error';
import {
  CHECK_SLICE_ROWS,
  checkLoadedRows,
  checkLoadedRowsInSlices,
} from '../../../src/report-model/load/row-checks';
import { dayRange } from '../../../src/report-model/time-range';

/** Hostile answers from issue 18, read by the wire client and the load checks. */
const REPORT1 = findReport(1)!;
const REPORT2 = findReport(2)!;
const REPORT10 = findReport(10)!;

describe('rows with reserved keys (issue 18, point 1)', () => {
  const body = `{"code":200,"error":null,"msg":"1 records were found","data":[
    {"conn_id":"C1","__PROTO__ ":"x","__proto__":{"polluted":true},"Constructor":"y","customer_name":"Ana"}]}`;

  it('keeps every value under a safe key, names the column as sent, and pollutes nothing', () => {
    const { columns, rows } = normalizeRows(REPORT1, parseEnvelope(200, body));
    const row = rows[0]!;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const renamed = columns.filter((column) => column.renamedFrom);
    // "__PROTO__ " and "__proto__" are one key once normalised (as wolkvox's own variants are).
    expect(renamed.map((c) => [c.key, c.header, c.renamedFrom])).toEqual([
      ['wire_proto', '__PROTO__', '__proto__'],
      ['wire_constructor', 'CONSTRUCTOR', 'constructor'],
    ]);
    expect(row.wire_proto).toBe('{"polluted":true}');
    expect(row.wire_constructor).toBe('y');
    expect(row.customer_name).toBe('Ana');
    // Every cell is a string, number, boolean or null: nothing React cannot render.
    for (const value of Object.values(row))
      expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
    for (const value of Object.values(row)) if (typeof value === 'object') expect(value).toBeNull();
  });

  it('never merges a later real "wire_proto" column into the renamed one', () => {
    const raw = JSON.parse('[{"__proto__":"a","wire_proto":"b"}]') as unknown[];
    const { columns, rows } = normalizeRows(REPORT1, raw);
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    const extras = columns.filter((c) => c.extra).map((c) => [c.header, rows[0]![c.key]]);
    expect(extras).toEqual([
      ['__PROTO__', 'a'],
      ['WIRE_PROTO', 'b'],
    ]);
  });

  it('reads a __proto__ key in a report 2 chat header and in its messages', () => {
    const raw = JSON.parse(
      '[{"conn_id":"C9","__proto__":"h","conversation":[{"message":"hola","__Proto__":"m"}]}]',
    ) as unknown[];
    const { rows } = normalizeRows(REPORT2, raw);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.message).toBe('hola');
    expect(rows[0]!.wire_proto).toBe('m');
  });
});

describe('"no records" only from wolkvox (issue 18, point 3)', () => {
  it('reads wolkvox’s own 404 as no rows', () => {
    const body = '{"code":404,"error":"Not Found","msg":"Validate dates entered"}';
    expect(readEnvelope(404, body)).toEqual({ rows: [], notFound: false });
    expect(readEnvelope(200, body.replace('404', '"404"'))).toEqual({ rows: [], notFound: false });
  });

  it('keeps the rows of a 404 that carries rows, and says so', () => {
    const body =
      '{"code":"404","error":null,"msg":"Validate dates entered","data":[{"conn_id":"C1"},{"conn_id":"C2"}]}';
    expect(readEnvelope(404, body)).toEqual({
      rows: [{ conn_id: 'C1' }, { conn_id: 'C2' }],
      notFound: true,
    });
    expect(readEnvelope(200, body).notFound).toBe(true);
  });

  it('treats the proxy’s own JSON 404 refusal as an error, not as no rows', () => {
    const body = JSON.stringify({
      code: 404,
      error: 'Refused by the proxy',
      msg: 'This request is not forwarded to wolkvox',
    });
    expect(() => parseEnvelope(404, body)).toThrow(WolkvoxError);
    expect(() => parseEnvelope(404, body)).toThrow('This request is not forwarded to wolkvox');
  });
});

describe('rows outside their chunk, and repeated rows (issue 18, point 3)', () => {
  const day = (iso: string) => dayRange(iso, iso)!;
  /** The same 3 rows, dated 2026-01-05, answered by three chunks of 2026-03. */
  const hostile = () =>
    ['C1', 'C2', 'C3'].map((conn_id, i) => ({
      conn_id,
      date: Date.UTC(2026, 0, 5, 10, i),
      session_id: `573001112233.op.3581`,
    }));
  const chunks = [day('2026-03-01'), day('2026-03-02'), day('2026-03-03')].map((range) => ({
    range,
    rows: hostile(),
  }));

  it('keeps one copy per CONN_ID, counts the copies and flags rows dated outside', () => {
    const checked = checkLoadedRows(REPORT10, chunks);
    expect(checked.rows.map((row) => row.conn_id)).toEqual(['C1', 'C2', 'C3']);
    expect(checked.duplicates).toHaveLength(6);
    expect(checked.outOfRange.map((row) => row.conn_id)).toEqual(['C1', 'C2', 'C3']);
    // Every answered row is accounted for: shown or counted.
    expect(checked.rows.length + checked.duplicates.length).toBe(9);
  });

  it('de-duplicates within one chunk too, and keeps rows whose dates are in range', () => {
    const range = day('2026-03-01');
    const at = Date.UTC(2026, 2, 1, 23, 59, 59) + 500; // the last second, half-way through
    const checked = checkLoadedRows(REPORT10, [
      {
        range,
        rows: [
          { conn_id: 'A', date: at },
          { conn_id: 'A', date: at },
          { conn_id: 'B', date: range.start },
        ],
      },
    ]);
    expect(checked.rows.map((row) => row.conn_id)).toEqual(['A', 'B']);
    expect(checked.duplicates).toHaveLength(1);
    expect(checked.outOfRange).toEqual([]);
  });

  it('report 1 is in range by its close date; report 2 (many rows per CONN_ID) is left alone', () => {
    const range = day('2026-03-02');
    const chat = {
      conn_id: 'C',
      date: Date.UTC(2026, 2, 1, 20),
      date_close: Date.UTC(2026, 2, 2, 9),
    };
    expect(checkLoadedRows(REPORT1, [{ range, rows: [chat] }]).outOfRange).toEqual([]);
    const messages = [
      { conn_id: 'C', date: Date.UTC(2026, 2, 1, 20) },
      { conn_id: 'C', date: Date.UTC(2026, 2, 1, 21) },
    ];
    const checked = checkLoadedRows(REPORT2, [{ range, rows: messages }]);
    expect(checked.rows).toHaveLength(2);
    expect(checked.duplicates).toEqual([]);
    expect(checked.outOfRange).toEqual([]);
  });
});

describe('row checks in slices', () => {
  it('gives the same result as the one-pass check, yielding between slices', async () => {
    const range = dayRange('2026-03-01', '2026-03-01')!;
    const n = CHECK_SLICE_ROWS * 2 + 7;
    const rows = Array.from({ length: n }, (_, i) => ({
      conn_id: `C${i % (n - 100)}`, // the last 100 repeat earlier ones
      date: i % 1000 === 0 ? Date.UTC(2026, 1, 1) : range.start + (i % 86_400) * 1000,
    }));
    let pauses = 0;
    const sliced = await checkLoadedRowsInSlices(REPORT10, [{ range, rows }], async () => {
      pauses++;
    });
    const whole = checkLoadedRows(REPORT10, [{ range, rows }]);
    expect(pauses).toBe(2);
    expect(sliced.rows).toEqual(whole.rows);
    expect(sliced.duplicates).toHaveLength(100);
    expect(sliced.outOfRange).toEqual(whole.outOfRange);
    expect(sliced.rows.length + sliced.duplicates.length).toBe(n);
  });
});
