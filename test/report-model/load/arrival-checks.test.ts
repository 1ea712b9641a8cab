import fc from 'fast-check';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import { ArrivalChecks, checkLoadedRows } from '../../../src/report-model/load/row-checks';
import { dayRange } from '../../../src/report-model/time-range';

/**
 * The row checks done as the chunks arrive, in any order, against the checks of the finished
 * load in chronological order (checkLoadedRows, the straightforward version).
 */
const REPORT10 = findReport(10)!;
const REPORT1 = findReport(1)!;
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'].map((d) => dayRange(d, d)!);

const rowArb = fc.record({
  conn_id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', ''),
  // Mostly in its chunk's day, sometimes a day off, sometimes no date at all.
  offsetHours: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(-5, 30, null)),
});
const loadArb = fc
  .tuple(fc.array(fc.array(rowArb, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.nat())
  .map(([perChunk, seed]) => {
    let n = 0;
    const chunks = perChunk.map((rows, i) => ({
      range: DAYS[i]!,
      rows: rows.map((r): ReportRow => ({
        conn_id: r.conn_id === '' ? '' : `${r.conn_id}${seed % 3 === 0 ? '' : n++}`,
        date: r.offsetHours === null ? null : DAYS[i]!.start + r.offsetHours * 3_600_000,
        close_date: null,
      })),
    }));
    return { chunks, seed };
  });

describe('ArrivalChecks', () => {
  it.each([
    ['10', REPORT10],
    ['1', REPORT1],
  ])(
    'gives the finished load’s checks whatever order the chunks arrive in, or none when a CONN_ID repeats (report %s)',
    (_, report) => {
      let repeats = 0;
      let known = 0;
      fc.assert(
        fc.property(loadArb, ({ chunks, seed }) => {
          const checks = new ArrivalChecks(report);
          // Arrival order: a rotation of the chronological one.
          for (let i = 0; i < chunks.length; i++) checks.add(chunks[(i + seed) % chunks.length]!);
          const rows = chunks.flatMap((chunk) => chunk.rows);
          const expected = checkLoadedRows(report, chunks);
          const got = checks.result(chunks, rows);
          if (expected.duplicates.length > 0) {
            repeats++;
            expect(got).toBeUndefined();
          } else {
            known++;
            expect(got).toEqual(expected);
          }
        }),
        { numRuns: 300 },
      );
      // Both sides of the rule were tried.
      expect(repeats).toBeGreaterThan(20);
      expect(known).toBeGreaterThan(20);
    },
  );

  it('has no result for a chunk it was not given', () => {
    const chunk = { range: DAYS[0]!, rows: [{ conn_id: 'A', date: DAYS[0]!.start }] };
    const other = { range: DAYS[1]!, rows: [{ conn_id: 'B', date: DAYS[1]!.start }] };
    const checks = new ArrivalChecks(REPORT10);
    checks.add(chunk);
    expect(checks.result([chunk], chunk.rows)).toEqual({
      rows: chunk.rows,
      duplicates: [],
      outOfRange: [],
    });
    expect(checks.result([chunk, other], [...chunk.rows, ...other.rows])).toBeUndefined();
  });

  it('keeps telling ids apart past its first table size (it grows)', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      conn_id: `id-${i}`,
      date: DAYS[0]!.start,
    }));
    const first = { range: DAYS[0]!, rows };
    const checks = new ArrivalChecks(REPORT10);
    checks.add(first);
    expect(checks.result([first], rows)).toBeDefined();
    const again = { range: DAYS[1]!, rows: [{ conn_id: 'id-4999', date: DAYS[1]!.start }] };
    checks.add(again);
    expect(checks.result([first, again], [])).toBeUndefined();
  });
});
