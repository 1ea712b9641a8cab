import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../../../src/report-model/catalog';
import { findReport } from '../../../src/report-model/catalog';
import type { CellValue, ReportRow } from '../../../src/report-model/column-types';
import { connectorCells, labelConnectors } from '../../../src/report-model/connector-column';
import { decodeColumns, encodeColumns } from '../../../src/report-model/wire/column-chunk';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';

/** What crosses from the worker to the page: a structured clone, buffers transferred. */
function acrossThreads<T>(value: T, transfer: ArrayBuffer[]): T {
  return structuredClone(value, { transfer });
}

function roundTrip(columns: ColumnDef[], rows: ReportRow[], notFoundWithRows?: number) {
  const { chunk, transfer } = encodeColumns({ columns, rows, notFoundWithRows });
  return decodeColumns(acrossThreads(chunk, transfer));
}

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(), // NaN, ±0, ±Infinity included
  fc.integer(),
  fc.string(),
  fc.constantFrom('', ' ', '0', 'null', '=SUM(A1)', '+57 300 123 4567', 'CO.2026206508304015'),
);

const column = (key: string): ColumnDef => ({ key, header: key.toUpperCase(), type: 'text' });

describe('rows as columns between the worker and the page', () => {
  it('gives back every cell with its type and value, whatever the mix', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 60 }),
          ),
        (table) => {
          const width = table[0]?.length ?? 1;
          const columns = Array.from({ length: width }, (_, c) => column(`c${c}`));
          const rows = table.map((cells) =>
            Object.fromEntries(cells.map((value, c) => [`c${c}`, value])),
          );
          const back = roundTrip(columns, rows);
          expect(back.columns).toEqual(columns);
          expect(back.rows).toHaveLength(rows.length);
          // Object.is: -0 stays -0, NaN stays NaN, a number never comes back as a string.
          back.rows.forEach((row, i) =>
            columns.forEach(({ key }) => expect(Object.is(row[key], rows[i]![key])).toBe(true)),
          );
        },
      ),
    );
  });

  it('keeps a real answer of report 10 exactly, unparsed cells, keys in column order and a 404 with rows included', () => {
    const report = findReport(10)!;
    const wire = [
      {
        date: '2026-10-01 08:00:05',
        conn_id: 'C1',
        customer_phone: '573001234567',
        template: 'yes',
      },
      { date: 'ayer', conn_id: 'C2', customer_phone: 'CO.2026206508304015', template: 'quizá' },
      { DATE: '2026-10-01 08:00:07', conn_id: 'C3', __proto__x: 'extra' },
    ];
    const parsed = normalizeRows(report, wire);
    const back = roundTrip(parsed.columns, parsed.rows, 3);
    expect(back.rows).toEqual(parsed.rows);
    expect(back.notFoundWithRows).toBe(3);
    expect(Object.keys(back.rows[2]!)).toEqual(parsed.columns.map((c) => c.key));
    expect(back.rows[1]!.date).toBe('ayer');
    expect(back.rows[1]!.template).toBe('quizá');
    expect(back.rows[0]!.template).toBe(true);
  });

  it('hands over the cells as transferred buffers: the worker keeps none of them', () => {
    const rows = [{ n: 1, s: 'a', b: true }];
    const columns = [column('n'), column('s'), column('b')];
    const { chunk, transfer } = encodeColumns({ columns, rows });
    expect(transfer).toHaveLength(3);
    acrossThreads(chunk, transfer);
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  });
});

describe('the CONNECTOR column worked out in the worker (connectorCells)', () => {
  const sessionId: fc.Arbitrary<CellValue> = fc.oneof(
    cell,
    fc
      .tuple(
        fc.constantFrom('573001112233', 'CO.2026206508304015', 'US.ENT.99', ' 52155 ', ''),
        fc.constantFrom('op', 'op.x', ''),
        fc.constantFrom('3581', '3582', ' 77 ', '', 'Ventas'),
      )
      .map((parts) => parts.join('.')),
  );

  it('gives each row the CONNECTOR labelConnectors gives it, across threads', () => {
    fc.assert(
      fc.property(fc.array(sessionId, { maxLength: 80 }), (ids) => {
        const columns = [column('conn_id'), column('session_id')];
        const rows = ids.map((id, i) => ({ conn_id: `C${i}`, session_id: id }));
        const { chunk, transfer } = encodeColumns({ columns, rows });
        const connector = connectorCells(chunk)!;
        chunk.connector = connector;
        transfer.push(connector.codes.buffer as ArrayBuffer);
        const back = decodeColumns(acrossThreads(chunk, transfer)).rows;
        const expected: ReportRow[] = rows.map((row) => ({ ...row }));
        labelConnectors(expected);
        expect(back.map((row) => row.connector)).toEqual(expected.map((row) => row.connector));
        // Every row has the property, as labelConnectors leaves them (null when unreadable).
        for (const row of back) expect('connector' in row).toBe(true);
      }),
    );
  });

  it('is not made for a report without SESSION_ID', () => {
    const { chunk } = encodeColumns({ columns: [column('conn_id')], rows: [{ conn_id: 'C1' }] });
    expect(connectorCells(chunk)).toBeUndefined();
    expect('connector' in decodeColumns(chunk).rows[0]!).toBe(false);
  });
});
