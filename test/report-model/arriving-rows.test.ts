import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findReport } from '../../src/report-model/catalog';
import { arrivingRows, type ArrivedRows } from '../../src/report-model/arriving-rows';
import { nameConnectors } from '../../src/report-model/connector-column';
import type { LoadedChunk } from '../../src/report-model/load/load-report';
import { dayRange } from '../../src/report-model/time-range';

const REPORT_10 = findReport(10)!;

function chunk(day: string, ids: string[]): LoadedChunk {
  return {
    range: dayRange(day, day)!,
    columns: [...REPORT_10.columns],
    rows: ids.map((conn_id) => ({
      conn_id,
      session_id: '573001234567.1.3581',
      date: ids.indexOf(conn_id) === 0 ? 'not a date' : 0,
    })),
  };
}

describe('rows shown while a load runs', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('shows the first chunk at once, then every row in chronological order, whatever order the answers came in', () => {
    const shown: ArrivedRows[] = [];
    const arriving = arrivingRows(REPORT_10, (rows) => shown.push(rows));
    arriving.add(chunk('2026-10-03', ['c1', 'c2']));
    vi.advanceTimersByTime(0);
    expect(shown.map((s) => s.rows.map((row) => row.conn_id))).toEqual([['c1', 'c2']]);

    // Two answers arrive together, the earlier period last: one showing, in time order.
    arriving.add(chunk('2026-10-05', ['e1']));
    arriving.add(chunk('2026-10-01', ['a1', 'a2']));
    vi.advanceTimersByTime(399);
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shown.at(-1)!.rows.map((row) => row.conn_id)).toEqual(['a1', 'a2', 'c1', 'c2', 'e1']);
    // CONNECTOR right after SESSION_ID, filled from it; unparsed dates counted once each.
    const keys = shown.at(-1)!.columns.map((column) => column.key);
    expect(keys.indexOf('connector')).toBe(keys.indexOf('session_id') + 1);
    expect(shown.at(-1)!.rows.every((row) => row.connector === '3581')).toBe(true);
    expect(shown.at(-1)!.unparsedCells).toBe(3);
  });

  it('leaves a period reused from the cache as it is: other loads show those very rows, named', () => {
    const reused = chunk('2026-10-01', ['a1', 'a2']);
    for (const row of reused.rows) row.connector = 'Ventas Colombia (3581)';
    const arriving = arrivingRows(REPORT_10, () => {});
    arriving.add(reused);
    arriving.stop();
    expect(reused.rows.map((row) => row.connector)).toEqual([
      'Ventas Colombia (3581)',
      'Ventas Colombia (3581)',
    ]);
    // Its unparsed cells still count.
    expect(arriving.unparsedCells).toBe(1);
  });

  it('labels and counts without merging when nobody shows the rows', () => {
    const arriving = arrivingRows(REPORT_10, undefined);
    const fresh = chunk('2026-10-01', ['a1']);
    arriving.add(fresh);
    vi.advanceTimersByTime(1_000);
    expect(fresh.rows[0]!.connector).toBe('3581');
    expect(arriving.unparsedCells).toBe(1);
  });

  it('shows nothing more once stopped', () => {
    const shown: ArrivedRows[] = [];
    const arriving = arrivingRows(REPORT_10, (rows) => shown.push(rows));
    arriving.add(chunk('2026-10-01', ['a1']));
    vi.advanceTimersByTime(0);
    arriving.add(chunk('2026-10-02', ['b1']));
    arriving.stop();
    vi.advanceTimersByTime(10_000);
    expect(shown).toHaveLength(1);
  });
});

describe('connector names after the load', () => {
  it('names the connectors whose id has a name, leaves the others and the unreadable ones', async () => {
    const rows = [
      { connector: '3581' },
      { connector: '3597' },
      { connector: null },
      { connector: 'Ventas Colombia (3581)' },
    ];
    const names = new Map([['3581', 'Ventas Colombia']]);
    let pauses = 0;
    await nameConnectors(rows, names, async () => void pauses++, 2);
    expect(rows.map((row) => row.connector)).toEqual([
      'Ventas Colombia (3581)',
      '3597',
      null,
      'Ventas Colombia (3581)',
    ]);
    expect(pauses).toBe(1);
  });
});
