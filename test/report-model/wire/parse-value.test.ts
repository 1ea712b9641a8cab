import fc from 'fast-check';
import { isUnparsed } from '../../../src/report-model/column-types';
import {
  parseDateTime,
  parseValue,
  plainDateTime,
} from '../../../src/report-model/wire/parse-value';

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

describe("the plain date-time reader (the fast path for wolkvox's usual form)", () => {
  const two = (n: number) => String(n).padStart(2, '0');
  const shaped = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
      fc.integer({ min: 0, max: 29 }),
      fc.integer({ min: 0, max: 69 }),
      fc.integer({ min: 0, max: 69 }),
    )
    .map(
      ([y, mo, d, h, mi, s]) =>
        `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`,
    );
  // Near misses of the shape: a character changed anywhere.
  const mutated = fc
    .tuple(
      shaped,
      fc.integer({ min: 0, max: 18 }),
      fc.constantFrom('x', ' ', '/', 'T', '٣', '-', ':'),
    )
    .map(([text, at, char]) => text.slice(0, at) + char + text.slice(at + 1));

  it('reads exactly what parseDateTime reads, and leaves the rest to it', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, mutated, fc.string({ maxLength: 21 })), (text) => {
        const fast = plainDateTime(text);
        if (fast !== undefined) expect(fast).toBe(parseDateTime(text));
        expect(parseValue('datetime', text)).toEqual(
          parseDateTime(text.trim()) === undefined
            ? text.trim() === ''
              ? null
              : text
            : parseDateTime(text.trim()),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('takes leap days, refuses impossible ones, and leaves years before 100 to the slow reader', () => {
    expect(plainDateTime('2028-02-29 23:59:59')).toBe(Date.UTC(2028, 1, 29, 23, 59, 59));
    expect(plainDateTime('2026-02-29 10:00:00')).toBeUndefined();
    expect(plainDateTime('2100-02-29 10:00:00')).toBeUndefined();
    expect(plainDateTime('2000-02-29 10:00:00')).toBe(Date.UTC(2000, 1, 29, 10));
    expect(plainDateTime('2026-04-31 10:00:00')).toBeUndefined();
    expect(plainDateTime('2026-10-01 24:00:00')).toBeUndefined();
    expect(plainDateTime('0000-00-00 00:00:00')).toBeUndefined();
    expect(parseValue('datetime', '0000-00-00 00:00:00')).toBeNull();
    expect(plainDateTime('0099-01-01 00:00:00')).toBeUndefined();
  });
});
