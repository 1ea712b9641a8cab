import { findReport } from '../../src/report-model/catalog';
import { cellFormats } from '../../src/report-model/cell-format';
import type { ReportRow } from '../../src/report-model/column-types';
import { contentWidths, fillWidth } from '../../src/table/column-widths';

const byChars = (text: string, bold?: boolean) => text.length * (bold ? 8 : 7);
const formats = cellFormats('en-US');
const PRODUCTIVITY = findReport(16)!.columns;

describe('column widths from content', () => {
  it('gives a long name the room it needs and a short id only what it needs', () => {
    const rows: ReportRow[] = Array.from({ length: 50 }, (_, i) => ({
      agent_id: String(1000 + i),
      agent_name: `María Fernanda de los Ángeles Restrepo ${i}`,
      total_chats: 500 + i,
      time: 7_000,
      tmo: 125,
      percent_transfer: 12.5,
    }));
    const widths = contentWidths(PRODUCTIVITY, rows, formats, byChars);
    const name = `María Fernanda de los Ángeles Restrepo 49`;
    expect(widths.agent_name).toBeGreaterThanOrEqual(byChars(name));
    // AGENT_ID's values are 4 characters: the header (with room for "▲2") decides.
    expect(widths.agent_id).toBe(Math.round(byChars('AGENT_ID', true) + 44));
  });

  it('lets one odd value not widen the column for all the others', () => {
    const rows: ReportRow[] = Array.from({ length: 100 }, (_, i) => ({
      agent_name: i === 7 ? 'x'.repeat(300) : 'Ana',
    }));
    const widths = contentWidths(PRODUCTIVITY, rows, formats, byChars);
    expect(widths.agent_name).toBeLessThan(150);
  });

  it('fills the box, growing columns in proportion and keeping hand-resized ones', () => {
    const widths = { a: 100, b: 300, c: 100 };
    const filled = fillWidth(['a', 'b', 'c'], widths, 1000, { c: 150 });
    expect(filled.a! + filled.b! + 150).toBe(1000);
    expect(filled.b! / filled.a!).toBeCloseTo(3, 1);
    expect(fillWidth(['a', 'b'], widths, 300)).toEqual(widths); // no room: unchanged
  });
});
