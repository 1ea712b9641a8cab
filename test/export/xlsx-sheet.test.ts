// @vitest-environment node
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import {
  reportSheet,
  viewColumns,
  xlsxRefusal,
  XLSX_CELL_CHARS,
  XLSX_MAX_ROWS,
  XLSX_ROW_BUDGET,
} from '../../src/export/xlsx-sheet';
import { findReport } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

const BILLING = findReport(10)!.columns;
const PRODUCTIVITY = findReport(16)!.columns;

const billingRows: ReportRow[] = [
  {
    conn_id: '000123',
    session_id: '573001234567.op.77',
    date: Date.UTC(2026, 10, 22, 7, 30, 7),
    customer_phone: '573511234567',
    template: true,
    destiny: 'Colombia',
  },
  {
    conn_id: 'c-2',
    session_id: 'CO.2026206508304015.op.77',
    date: '0000-13-45', // kept as sent: it did not parse
    customer_phone: 'CO.2026206508304015',
    template: false,
    destiny: '=HYPERLINK("http://evil")',
  },
];

async function roundTrip({ data }: ReturnType<typeof reportSheet>) {
  const buffer = await writeXlsxFile(data).toBuffer();
  return readSheet(buffer);
}

describe('Excel export of the view', () => {
  it('keeps phones and ids as text, dates as dates, unparsed values as sent, rows in screen order', async () => {
    const sheet = await roundTrip(reportSheet(viewColumns(BILLING, billingRows, [1, 0])));
    expect(sheet[0]).toEqual(BILLING.map((column) => column.header));
    expect(sheet).toHaveLength(3); // header + the two rows of `order`
    const [second, first] = [sheet[1]!, sheet[2]!];
    const at = (row: unknown[], key: string) => row[BILLING.findIndex((c) => c.key === key)];
    expect(at(first, 'conn_id')).toBe('000123');
    expect(at(first, 'customer_phone')).toBe('573511234567');
    const date = at(first, 'date') as Date;
    expect(date).toBeInstanceOf(Date);
    // The wall clock, no zone shift (a serial is a double: within a millisecond).
    expect(Math.abs(date.getTime() - Date.UTC(2026, 10, 22, 7, 30, 7))).toBeLessThanOrEqual(1);
    expect(at(first, 'template')).toBe('yes');
    expect(at(second, 'date')).toBe('0000-13-45');
    expect(at(second, 'customer_phone')).toBe('CO.2026206508304015');
    // Text is stored as text, never as a formula.
    expect(at(second, 'destiny')).toBe('=HYPERLINK("http://evil")');
  });

  it('writes durations as times and counts and percentages as numbers', async () => {
    const rows: ReportRow[] = [
      {
        agent_id: '1007',
        agent_name: 'María José Peña',
        total_chats: 1234,
        time: 7_322, // 2:02:02
        tmo: 125,
        percent_transfer: 14.74,
      },
    ];
    const sheet = await roundTrip(reportSheet(viewColumns(PRODUCTIVITY, rows)));
    const row = sheet[1]!;
    const at = (key: string) => row[PRODUCTIVITY.findIndex((c) => c.key === key)];
    expect(at('agent_id')).toBe('1007');
    expect(at('agent_name')).toBe('María José Peña');
    expect(at('total_chats')).toBe(1234);
    // A time cell: Excel's day 0 plus 2:02:02.
    const time = at('time') as unknown as Date;
    expect(Math.abs(time.getTime() - Date.UTC(1899, 11, 30, 2, 2, 2))).toBeLessThanOrEqual(1);
    expect(at('percent_transfer')).toBe(14.74);
  });

  it('cuts text beyond Excel’s cell limit, and counts the cells it cut', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const sheet = reportSheet(viewColumns(BILLING, [{ ...billingRows[0]!, destiny: huge }]));
    expect(sheet.cutCells).toBe(1);
    const [, row] = await roundTrip(sheet);
    expect(String(row![BILLING.findIndex((c) => c.key === 'destiny')])).toHaveLength(
      XLSX_CELL_CHARS,
    );
  });

  it('refuses up front what a sheet cannot hold, or what would take too long', () => {
    expect(xlsxRefusal(10_000)).toBeUndefined();
    expect(xlsxRefusal(XLSX_MAX_ROWS)).toBe('sheet-limit');
    expect(xlsxRefusal(1_000_000)).toBe('too-large');
    expect(xlsxRefusal(XLSX_ROW_BUDGET)).toBeUndefined();
    expect(xlsxRefusal(XLSX_ROW_BUDGET + 1)).toBe('too-large');
  });
});
