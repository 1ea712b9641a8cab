import { columnTotals, hasTotals } from '../../src/engine/column-totals';
import { findReport, type ColumnDef } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

const AGENTS = findReport(16)!;
const all = (rows: readonly unknown[]) => Uint32Array.from(rows.keys());

describe('columnTotals', () => {
  const rows: ReportRow[] = [
    { agent_name: 'Ana', total_chats: 1200, time: 366_000, tmo: 305, percent_transfer: 12.5 },
    { agent_name: 'Bea', total_chats: 800, time: 2_980_000, tmo: 3725, percent_transfer: 3 },
    { agent_name: 'Cai', total_chats: 0, time: 0, tmo: 0, percent_transfer: 0 },
  ];

  it('sums counts and times, and weights TMO and the transfer rate by each agent’s chats', () => {
    const totals = columnTotals(AGENTS.columns, rows, all(rows));
    expect(totals.total_chats).toEqual({ kind: 'sum', value: 2000, rows: 3 });
    expect(totals.time).toEqual({ kind: 'sum', value: 3_346_000, rows: 3 });
    // (305×1200 + 3725×800) / 2000 = 1673 s; an agent with no chats weighs nothing.
    expect(totals.tmo).toEqual({ kind: 'mean', value: 1673, weight: 'total_chats', rows: 2 });
    // (12.5×1200 + 3×800) / 2000 = 8.7 %, not the plain mean of the rows (5.17 %).
    expect(totals.percent_transfer!.value).toBeCloseTo(8.7, 10);
    expect(totals.agent_name).toBeUndefined();
    expect(totals.agent_id).toBeUndefined();
  });

  it('totals only the rows in view (the table’s filters)', () => {
    const totals = columnTotals(AGENTS.columns, rows, Uint32Array.of(1));
    expect(totals.total_chats!.value).toBe(800);
    expect(totals.tmo!.value).toBe(3725);
  });

  it('skips what is not a number (unreadable text, empty cells), never reading it as 0', () => {
    const odd: ReportRow[] = [
      { total_chats: 10, tmo: 100 },
      { total_chats: '1O', tmo: 900 },
      { total_chats: 30, tmo: null },
      { total_chats: Number.NaN, tmo: 'n/a' },
    ];
    const totals = columnTotals(AGENTS.columns, odd, all(odd));
    expect(totals.total_chats).toEqual({ kind: 'sum', value: 40, rows: 2 });
    // Row 2's weight is unreadable and row 3 has no TMO: only row 1 counts.
    expect(totals.tmo).toMatchObject({ value: 100, rows: 1 });
  });

  it('has no figure when no row has a number', () => {
    const totals = columnTotals(AGENTS.columns, [{ total_chats: null }], Uint32Array.of(0));
    expect(totals.total_chats!.value).toBeNull();
    expect(totals.tmo!.value).toBeNull();
    expect(columnTotals(AGENTS.columns, rows, new Uint32Array(0)).time!.value).toBeNull();
  });

  it('averages plainly without a weight column', () => {
    const columns: ColumnDef[] = [
      { key: 'score', header: 'SCORE', type: 'count', total: { kind: 'mean' } },
    ];
    const scores = [{ score: 2 }, { score: 4 }, { score: 9 }];
    expect(columnTotals(columns, scores, all(scores)).score).toEqual({
      kind: 'mean',
      value: 5,
      rows: 3,
    });
  });

  it('knows which reports have a totals row', () => {
    const withTotals = [3, 5, 6, 7, 13, 15, 16];
    for (const number of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])
      expect(hasTotals(findReport(number)!.columns), `report ${number}`).toBe(
        withTotals.includes(number),
      );
  });
});
