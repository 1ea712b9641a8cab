import { buildCsvBlob, UTF8_BOM, type CsvExportOptions } from '../../src/export/write-csv';
import { csvChunks, toCsvString } from './reference-csv';
import { findReport, type ColumnDef } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';
import { blobBytes, parseCsv, utf8 } from './csv-test-utils';

const byKey = (reportNumber: number, ...keys: string[]): ColumnDef[] => {
  const columns = findReport(reportNumber)!.columns;
  return keys.map((key) => columns.find((column) => column.key === key)!);
};

// Report 10's real columns: CONN_ID, SESSION_ID, DATE, CUSTOMER_PHONE, TEMPLATE, DESTINY.
const BILLING = findReport(10)!.columns;

const billingRows: ReportRow[] = [
  {
    conn_id: 'c-1',
    session_id: 's-1',
    date: Date.UTC(2026, 10, 1, 8, 0, 5),
    customer_phone: '+57 300 123 4567',
    template: true,
    destiny: 'Colombia',
  },
  {
    conn_id: 'c-2',
    session_id: 's-2',
    date: Date.UTC(2026, 10, 2, 23, 59, 59),
    customer_phone: '573001234567',
    template: false,
    destiny: 'México',
  },
  {
    conn_id: 'c-3',
    session_id: null,
    date: '0000-13-45', // unparsed raw text
    customer_phone: null,
    template: 'quizás',
    destiny: 'España, Islas Canarias',
  },
];

// Report 1 columns of every kind, with the headers wolkvox Manager uses.
const CHAT_COLUMNS = byKey(
  1,
  'conn_id',
  'customer_name',
  'comments',
  'customer_phone',
  'date',
  'chat_duration',
  'customer_chars',
  'transfer',
);

const trickyRows: ReportRow[] = [
  {
    conn_id: '1001',
    customer_name: 'María José Peña',
    comments: 'Hola, "buenas" tardes',
    customer_phone: '+34 600 000 000',
    date: Date.UTC(2026, 7, 12, 10, 31, 5),
    chat_duration: 125.5,
    customer_chars: -3,
    transfer: true,
  },
  {
    conn_id: '1002',
    customer_name: 'Zoë 😀 Ñandú',
    comments: 'línea 1\r\nlínea 2\nlínea 3\rfin',
    customer_phone: '3001234567',
    date: null,
    chat_duration: 0,
    customer_chars: 1234567,
    transfer: false,
  },
  {
    conn_id: '=1+1',
    customer_name: '@admin',
    comments: "-2+3+cmd|' /C calc'!A0",
    customer_phone: null,
    date: Date.UTC(2026, 0, 1, 0, 0, 0),
    chat_duration: '1 h', // unparsed
    customer_chars: 0.25,
    transfer: null,
  },
  {
    conn_id: '1004',
    customer_name: '\tTabbed',
    comments: 'a;b;c',
    customer_phone: '',
    date: Date.UTC(2026, 5, 30, 12, 0, 0),
    chat_duration: -7.5,
    customer_chars: -0.001,
    transfer: true,
  },
];

/** What each tricky row must read back as, written out by hand. */
const trickyExpected = [
  [
    'CONN_ID',
    'CUSTOMER_NAME',
    'COMMENTS',
    'CUSTOMER_PHONE',
    'DATE',
    'CHAT_DURATION (s)',
    'CUSTOMER_CHARS',
    'TRANSFER',
  ],
  [
    '1001',
    'María José Peña',
    'Hola, "buenas" tardes',
    "'+34 600 000 000",
    '2026-08-12 10:31:05',
    '125.5',
    '-3',
    'yes',
  ],
  [
    '1002',
    'Zoë 😀 Ñandú',
    'línea 1\r\nlínea 2\nlínea 3\rfin',
    '3001234567',
    '',
    '0',
    '1234567',
    'no',
  ],
  ["'=1+1", "'@admin", "'-2+3+cmd|' /C calc'!A0", '', '2026-01-01 00:00:00', '1 h', '0.25', ''],
  ['1004', "'\tTabbed", 'a;b;c', '', '2026-06-30 12:00:00', '-7.5', '-0.001', 'yes'],
];

describe('toCsvString', () => {
  it('writes BOM, the Manager headers and CRLF records, byte for byte', () => {
    expect(toCsvString({ columns: BILLING, rows: billingRows })).toBe(
      UTF8_BOM +
        'CONN_ID,SESSION_ID,DATE,CUSTOMER_PHONE,TEMPLATE,DESTINY\r\n' +
        `c-1,s-1,2026-11-01 08:00:05,"'+57 300 123 4567",yes,Colombia\r\n` +
        'c-2,s-2,2026-11-02 23:59:59,573001234567,no,México\r\n' +
        'c-3,,0000-13-45,,quizás,"España, Islas Canarias"\r\n',
    );
  });

  it('round-trips commas, quotes, CR/LF, emoji, accents and guarded text through Papa Parse', () => {
    const text = toCsvString({ columns: CHAT_COLUMNS, rows: trickyRows });
    expect(parseCsv(text)).toEqual(trickyExpected);
  });

  it('quotes and doubles embedded quotes as RFC 4180 says', () => {
    const text = toCsvString({ columns: CHAT_COLUMNS.slice(2, 3), rows: trickyRows, bom: false });
    expect(text.split('\r\n')[1]).toBe('"Hola, ""buenas"" tardes"');
  });

  it('uses CRLF between records and keeps newlines inside quoted cells as they were', () => {
    const text = toCsvString({ columns: CHAT_COLUMNS, rows: trickyRows, bom: false });
    // Remove the one quoted multi-line cell; what is left must only break on CRLF.
    const outside = text.replace('"línea 1\r\nlínea 2\nlínea 3\rfin"', 'X');
    expect(outside).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(outside.match(/\r\n/g)).toHaveLength(trickyRows.length + 1);
    expect(outside.endsWith('\r\n')).toBe(true);
  });

  it('quotes guarded cells and leaves typed negative numbers bare', () => {
    const text = toCsvString({ columns: CHAT_COLUMNS, rows: trickyRows, bom: false });
    const lines = text.split('\r\n');
    expect(lines.at(-2)).toBe(`1004,"'\tTabbed",a;b;c,,2026-06-30 12:00:00,-7.5,-0.001,yes`);
    expect(lines[1]).toContain(`,"'+34 600 000 000",2026-08-12 10:31:05,125.5,-3,yes`);
  });

  it('writes with a semicolon delimiter, quoting semicolons and not commas', () => {
    const text = toCsvString({ columns: CHAT_COLUMNS, rows: trickyRows, delimiter: ';' });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      UTF8_BOM +
        'CONN_ID;CUSTOMER_NAME;COMMENTS;CUSTOMER_PHONE;DATE;CHAT_DURATION (s);CUSTOMER_CHARS;TRANSFER',
    );
    expect(lines[1]).toBe(
      `1001;María José Peña;"Hola, ""buenas"" tardes";"'+34 600 000 000";2026-08-12 10:31:05;125.5;-3;yes`,
    );
    expect(text).toContain(';"a;b;c";');
    expect(parseCsv(text, ';')).toEqual(trickyExpected);
  });

  it('follows `order` (the on-screen permutation), including a filtered subset', () => {
    const columns = byKey(10, 'conn_id');
    const all = toCsvString({ columns, rows: billingRows, order: Uint32Array.of(2, 0, 1) });
    expect(parseCsv(all)).toEqual([['CONN_ID'], ['c-3'], ['c-1'], ['c-2']]);
    const filtered = toCsvString({ columns, rows: billingRows, order: [1] });
    expect(parseCsv(filtered)).toEqual([['CONN_ID'], ['c-2']]);
    const none = toCsvString({ columns, rows: billingRows, order: new Uint32Array(0) });
    expect(parseCsv(none)).toEqual([['CONN_ID']]);
  });

  it('writes only the visible columns, in on-screen order', () => {
    const columns = byKey(10, 'destiny', 'conn_id', 'template');
    expect(parseCsv(toCsvString({ columns, rows: billingRows }))).toEqual([
      ['DESTINY', 'CONN_ID', 'TEMPLATE'],
      ['Colombia', 'c-1', 'yes'],
      ['México', 'c-2', 'no'],
      ['España, Islas Canarias', 'c-3', 'quizás'],
    ]);
  });

  it('keeps an empty single-column record as "" so it is not a blank line', () => {
    const columns = byKey(10, 'session_id');
    const text = toCsvString({ columns, rows: billingRows, bom: false });
    expect(text).toBe('SESSION_ID\r\ns-1\r\ns-2\r\n""\r\n');
  });

  it('guards and quotes a header that could run as a formula (extra API columns)', () => {
    const columns: ColumnDef[] = [
      { key: 'x', header: '=X', type: 'text', extra: true },
      { key: 'y', header: 'Y, Z', type: 'text', extra: true },
    ];
    expect(toCsvString({ columns, rows: [], bom: false })).toBe(`"'=X","Y, Z"\r\n`);
  });

  it('rejects an export without columns and an order pointing outside the rows', () => {
    expect(() => toCsvString({ columns: [], rows: billingRows })).toThrow(RangeError);
    expect(() => toCsvString({ columns: BILLING, rows: billingRows, order: [0, 3] })).toThrow(
      'no row at index 3',
    );
  });
});

describe('buildCsvBlob', () => {
  it('starts with the UTF-8 BOM bytes and encodes accents and emoji as UTF-8', async () => {
    const blob = await buildCsvBlob({ columns: CHAT_COLUMNS, rows: trickyRows });
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await blobBytes(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes[3]).toBe('C'.charCodeAt(0));
    const text = utf8(bytes);
    // ñ is C3 B1 and 😀 is F0 9F 98 80 in UTF-8.
    expect(Buffer.from(bytes).includes(Buffer.from([0x50, 0x65, 0xc3, 0xb1, 0x61]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(true);
    expect(parseCsv(text)).toEqual(trickyExpected);
  });

  it('can leave the BOM out', async () => {
    const blob = await buildCsvBlob({
      columns: byKey(10, 'conn_id'),
      rows: billingRows,
      bom: false,
    });
    expect(utf8(await blobBytes(blob))).toBe('CONN_ID\r\nc-1\r\nc-2\r\nc-3\r\n');
  });

  it('exports a table larger than one chunk in full and in order', async () => {
    const rows: ReportRow[] = Array.from({ length: 45_001 }, (_, i) => ({
      conn_id: `c${i}`,
      customer_phone: `+57 300 ${String(i).padStart(7, '0')}`,
    }));
    // Reverse order, as after sorting descending.
    const order = Uint32Array.from({ length: rows.length }, (_, i) => rows.length - 1 - i);
    const progress: number[] = [];
    const blob = await buildCsvBlob({
      columns: byKey(10, 'customer_phone', 'conn_id'),
      rows,
      order,
      onProgress: (written, total) => {
        expect(total).toBe(45_001);
        progress.push(written);
      },
    });
    const data = parseCsv(utf8(await blobBytes(blob)));
    expect(data).toHaveLength(45_002);
    expect(data[1]).toEqual(["'+57 300 0045000", 'c45000']);
    expect(data.at(-1)).toEqual(["'+57 300 0000000", 'c0']);
    expect(progress).toEqual([0, 10_000, 20_000, 30_000, 40_000, 45_001]);
  });

  it('rejects with the abort reason when cancelled mid-way, and at once if already aborted', async () => {
    const rows = Array.from({ length: 10 }, (_, i): ReportRow => ({ conn_id: `c${i}` }));
    const controller = new AbortController();
    const seen: number[] = [];
    const options: CsvExportOptions = {
      columns: byKey(10, 'conn_id'),
      rows,
      chunkRows: 3,
      signal: controller.signal,
      onProgress: (written) => {
        seen.push(written);
        if (written === 3) controller.abort();
      },
    };
    await expect(buildCsvBlob(options)).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 3]);

    const reason = new Error('user left the page');
    await expect(
      buildCsvBlob({ ...options, signal: AbortSignal.abort(reason), onProgress: undefined }),
    ).rejects.toBe(reason);
  });
});

describe('csvChunks', () => {
  it('yields the BOM and header first, then slices of chunkRows records', async () => {
    const chunks: string[] = [];
    for await (const chunk of csvChunks({
      columns: byKey(10, 'conn_id', 'template'),
      rows: billingRows,
      chunkRows: 2,
    })) {
      chunks.push(chunk);
    }
    expect(chunks).toEqual([
      `${UTF8_BOM}CONN_ID,TEMPLATE\r\n`,
      'c-1,yes\r\nc-2,no\r\n',
      'c-3,quizás\r\n',
    ]);
  });
});
