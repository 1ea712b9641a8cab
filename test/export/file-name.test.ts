import { csvFileName } from '../../src/export/file-name';
import { findReport } from '../../src/report-model/catalog';
import { dayRange } from '../../src/report-model/time-range';

describe('csvFileName', () => {
  const billing = findReport(10)!;

  it('names the file after report number, slug and ISO range', () => {
    expect(csvFileName(billing, '2026-11-01', '2026-11-07')).toBe(
      '10-official-whatsapp-billing_2026-11-01_2026-11-07.csv',
    );
    expect(csvFileName(findReport(1)!, '2026-08-01', '2026-08-31')).toBe(
      '1-chats_2026-08-01_2026-08-31.csv',
    );
  });

  it('accepts a TimeRange in wall-clock ms, naming the inclusive last day', () => {
    const range = dayRange('2026-11-01', '2026-11-07')!;
    expect(csvFileName(billing, range.start, range.end)).toBe(
      '10-official-whatsapp-billing_2026-11-01_2026-11-07.csv',
    );
  });

  it('rejects dates that are not ISO calendar dates', () => {
    expect(() => csvFileName(billing, '01/11/2026', '2026-11-07')).toThrow(RangeError);
    expect(() => csvFileName(billing, '2026-11-01', '2026-02-30')).toThrow(RangeError);
    expect(() => csvFileName(billing, Number.NaN, '2026-11-07')).toThrow(RangeError);
  });
});
