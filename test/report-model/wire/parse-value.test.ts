import { isUnparsed } from '../../../src/report-model/column-types';
import { parseValue } from '../../../src/report-model/wire/parse-value';

describe('parseValue', () => {
  it.each([
    ['2026-08-12 10:31:05', Date.UTC(2026, 7, 12, 10, 31, 5)],
    ['2026-08-12T10:31:05', Date.UTC(2026, 7, 12, 10, 31, 5)],
    ['2026-08-12 10:31', Date.UTC(2026, 7, 12, 10, 31)],
    ['20260818', Date.UTC(2026, 7, 18)],
    ['20260818103105', Date.UTC(2026, 7, 18, 10, 31, 5)],
    ['0000-00-00 00:00:00', null],
    ['', null],
    ['2026-02-30 10:00:00', '2026-02-30 10:00:00'],
    ['ayer', 'ayer'],
  ])('datetime %j → %j', (raw, expected) => {
    expect(parseValue('datetime', raw)).toBe(expected);
  });

  it.each([
    ['00:15:10', 910],
    ['25:00:00', 90_000],
    ['2:05', 125],
    ['1295', 1295],
    ['12.5', 12.5],
    ['00:61:00', '00:61:00'],
    ['-', '-'],
  ])('duration %j → %j', (raw, expected) => {
    expect(parseValue('duration', raw)).toBe(expected);
  });

  it('reads percents with or without the sign and a decimal comma', () => {
    expect(parseValue('percent', '34.64 %')).toBe(34.64);
    expect(parseValue('percent', '12,5%')).toBe(12.5);
    expect(parseValue('percent', '7')).toBe(7);
  });

  it('reads yes/no in English and Spanish', () => {
    expect(parseValue('yesno', 'yes')).toBe(true);
    expect(parseValue('yesno', 'Sí')).toBe(true);
    expect(parseValue('yesno', 'NO')).toBe(false);
    expect(parseValue('yesno', 'maybe')).toBe('maybe');
  });

  it('keeps text exactly, including surrounding spaces and line breaks', () => {
    expect(parseValue('text', '  hola,\n"mundo"  ')).toBe('  hola,\n"mundo"  ');
    expect(parseValue('id', ' 123 ')).toBe('123');
  });

  it('accepts numbers sent as JSON numbers', () => {
    expect(parseValue('count', 12)).toBe(12);
  });

  it('flags raw text in numeric and yes/no columns only', () => {
    expect(isUnparsed('count', 'N/A')).toBe(true);
    expect(isUnparsed('yesno', 'maybe')).toBe(true);
    expect(isUnparsed('text', 'N/A')).toBe(false);
    expect(isUnparsed('count', 3)).toBe(false);
  });
});
