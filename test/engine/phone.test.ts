import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  hasPhoneDigits,
  parsePhoneQuery,
  phoneCellMatches,
} from '../../src/engine/phone';
import { createReportIndex } from '../../src/engine/report-index';

const columns = [
  { key: 'customer_phone', header: 'CUSTOMER_PHONE', type: 'phone' as const },
  { key: 'other', header: 'OTHER', type: 'phone' as const },
];

function find(stored: (string | null)[], input: string, other: (string | null)[] = []): number[] {
  const rows = stored.map((phone, i) => ({ customer_phone: phone, other: other[i] ?? null }));
  return Array.from(createReportIndex(columns, rows).query({ phone: input }));
}

describe('phone search', () => {
  const stored = [
    '573001234567',
    '3001234567',
    '+57 300 123 4567',
    '6001234567',
    '573109876543',
    null,
  ];

  it.each([
    '+57 300 123 4567',
    '573001234567',
    '300-123-4567',
    '1234567',
    '(300) 123 4567',
    '0057 300 123 4567',
  ])('finds the customer 573001234567 from %j', (input) => {
    expect(find(stored, input)).toContain(0);
  });

  it('drops a country code only as the start of a stored number', () => {
    // "+57 300 123 4567" finds numbers stored with or without the country code…
    expect(find(stored, '+57 300 123 4567')).toEqual([0, 1, 2]);
    // …but not 6001234567, which merely contains "001234567".
    expect(find(stored, '+57 300 123 4567')).not.toContain(3);
  });

  it('matches a digit run anywhere, in any phone column of the row', () => {
    expect(find(stored, '1234567')).toEqual([0, 1, 2, 3]);
    expect(find(stored, '98765')).toEqual([4]);
    expect(find([null, '1'], '12', ['555 12 00', null])).toEqual([0]);
  });

  it('never matches across two cells of a row', () => {
    // "…4567" + "1…" must not make "45671" match.
    expect(find(['3001234567'], '45671', ['1999'])).toEqual([]);
  });

  it('treats input without digits as no filter', () => {
    expect(parsePhoneQuery(' + - ')).toBeUndefined();
    expect(find(stored, 'abc')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('builds the anchored alternatives only for inputs longer than ten digits', () => {
    expect(parsePhoneQuery('300-123-4567')).toEqual({ contains: '3001234567', startsWith: [] });
    expect(parsePhoneQuery('+57 300 123 4567')).toEqual({
      contains: '573001234567',
      startsWith: ['73001234567', '3001234567', '001234567'],
    });
    expect(parsePhoneQuery('0057 300 123 4567')!.contains).toBe('573001234567');
    expect(parsePhoneQuery('+1 212 555 1234')!.startsWith).toContain('2125551234');
  });

  it('agrees with the plain rule cell by cell', () => {
    const query = parsePhoneQuery('+57 300 123 4567')!;
    expect(phoneCellMatches('3001234567', query)).toBe(true);
    expect(phoneCellMatches('+57 (300) 123-4567', query)).toBe(true);
    expect(phoneCellMatches('6001234567', query)).toBe(false);
    expect(phoneCellMatches(null, query)).toBe(false);
  });
});

describe('phone filter input in other scripts (issue 18)', () => {
  it('reads fullwidth and Arabic-Indic digits as the digits they are', () => {
    expect(asciiDigits('３００１２３')).toBe('300123');
    expect(asciiDigits('٣٠٠１２٣')).toBe('300123');
    expect(asciiDigits('۳۰۰ ۱۲۳')).toBe('300 123'); // Eastern Arabic-Indic (Persian keyboard)
    expect(asciiDigits('𝟑𝟎𝟎')).toBe('300'); // mathematical bold digits, side by side with other runs
    expect(asciiDigits('+57 300')).toBe('+57 300');
    expect(parsePhoneQuery('３００１２３')).toEqual({ contains: '300123', startsWith: [] });
    expect(parsePhoneQuery('٣٠٠１２３')).toEqual({ contains: '300123', startsWith: [] });
    expect(phoneCellMatches('573001234567', parsePhoneQuery('٣٠٠١٢٣')!)).toBe(true);
  });

  it('says when an input has no digit at all, rather than matching every row', () => {
    expect(hasPhoneDigits('💩')).toBe(false);
    expect(parsePhoneQuery('💩')).toBeUndefined();
    expect(hasPhoneDigits('٣')).toBe(true);
  });
});
