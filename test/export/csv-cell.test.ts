import { csvValue, guardFormula, plainNumber, unguardFormula } from '../../src/export/csv-cell';
import type { ColumnDef } from '../../src/report-model/catalog';
import type { ColumnType } from '../../src/report-model/column-types';
import { toIsoDateTime } from '../../src/report-model/time-range';

const column = (type: ColumnType): ColumnDef => ({ key: 'k', header: 'K', type });

describe('csvValue: typed values, not display text', () => {
  it('writes a datetime (wall-clock ms) as ISO date-time without zone', () => {
    expect(csvValue(column('datetime'), Date.UTC(2026, 7, 12, 10, 31, 5))).toBe(
      '2026-08-12 10:31:05',
    );
    // Late evening stays on its day: the UTC fields are the wall-clock fields.
    expect(csvValue(column('datetime'), Date.UTC(2026, 11, 31, 23, 59, 59))).toBe(
      '2026-12-31 23:59:59',
    );
  });

  it('matches toIsoDateTime (with a space for Excel) across days, years, leap days and before 1970', () => {
    const datetime = column('datetime');
    const samples = [
      Date.UTC(2024, 1, 29, 0, 0, 0),
      Date.UTC(2026, 10, 7, 23, 59, 59),
      Date.UTC(1999, 11, 31, 12, 30, 45),
      Date.UTC(1969, 11, 31, 23, 59, 59),
      Date.UTC(2026, 7, 12, 10, 31, 5) + 999, // sub-second part is dropped
    ];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7_777_777) {
      samples.push(ms);
    }
    for (const ms of samples) {
      expect(csvValue(datetime, ms)).toBe(toIsoDateTime(ms).replace('T', ' '));
    }
    expect(csvValue(datetime, Date.UTC(1969, 11, 31, 23, 59, 59))).toBe('1969-12-31 23:59:59');
    expect(csvValue(datetime, Date.UTC(2026, 7, 12, 10, 31, 5) + 999)).toBe('2026-08-12 10:31:05');
  });

  it('writes a wall-clock number beyond what a Date holds as the plain number, without throwing', () => {
    for (const type of ['datetime', 'date'] as const) {
      expect(csvValue(column(type), 1e20)).toBe('100000000000000000000');
      expect(csvValue(column(type), -9e15)).toBe('-9000000000000000');
      expect(csvValue(column(type), 8.64e15 + 1)).toBe('8640000000000001');
    }
    // The last instant a Date holds is still formatted as a date.
    expect(() => csvValue(column('datetime'), 8.64e15)).not.toThrow();
    expect(csvValue(column('datetime'), -8.64e15)).not.toBe('-8640000000000000');
  });

  it('writes a date as YYYY-MM-DD', () => {
    expect(csvValue(column('date'), Date.UTC(2026, 0, 5))).toBe('2026-01-05');
  });

  it('writes durations as plain seconds with a dot decimal', () => {
    expect(csvValue(column('duration'), 3725)).toBe('3725');
    expect(csvValue(column('duration'), 125.5)).toBe('125.5');
    expect(csvValue(column('duration'), 0)).toBe('0');
  });

  it('writes counts and percents without grouping or locale decimals', () => {
    expect(csvValue(column('count'), 1234567)).toBe('1234567');
    expect(csvValue(column('percent'), 34.64)).toBe('34.64');
    expect(csvValue(column('percent'), 0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('never guards a typed negative number', () => {
    expect(csvValue(column('count'), -12)).toBe('-12');
    expect(csvValue(column('percent'), -0.5)).toBe('-0.5');
    expect(csvValue(column('duration'), -3)).toBe('-3');
  });

  it('spells out numbers that String() would print with an exponent', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-9)).toBe('-0.0000000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(2.5e22)).toBe('25000000000000000000000');
    expect(Number(plainNumber(1.234e-25))).toBe(1.234e-25);
    expect(plainNumber(123.45)).toBe('123.45');
  });

  it('writes yes/no booleans as yes and no', () => {
    expect(csvValue(column('yesno'), true)).toBe('yes');
    expect(csvValue(column('yesno'), false)).toBe('no');
  });

  it('writes null and missing values as empty', () => {
    for (const type of ['text', 'datetime', 'count', 'yesno', 'phone'] as const) {
      expect(csvValue(column(type), null)).toBe('');
      expect(csvValue(column(type), undefined)).toBe('');
    }
  });

  it('writes a non-finite number as empty rather than "NaN"', () => {
    expect(csvValue(column('count'), Number.NaN)).toBe('');
    expect(csvValue(column('datetime'), Number.POSITIVE_INFINITY)).toBe('');
  });

  it('keeps unparsed raw text in numeric and yes/no columns', () => {
    expect(csvValue(column('datetime'), '12/08/2026 10:31')).toBe('12/08/2026 10:31');
    expect(csvValue(column('count'), 'n/a')).toBe('n/a');
    expect(csvValue(column('yesno'), 'quizás')).toBe('quizás');
    // ...and guards it like any string: it is text, not a typed number.
    expect(csvValue(column('count'), '-5 días')).toBe("'-5 días");
  });

  it('guards string cells that a spreadsheet would run as a formula', () => {
    const text = column('text');
    expect(csvValue(text, '=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(csvValue(text, '+1+1')).toBe("'+1+1");
    expect(csvValue(text, "-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvValue(text, '@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvValue(text, '\t=1')).toBe("'\t=1");
    expect(csvValue(text, '\r=1')).toBe("'\r=1");
    expect(csvValue(column('enum'), '-')).toBe("'-");
    expect(csvValue(column('id'), '=1')).toBe("'=1");
  });

  it('guards a formula hidden behind white space, zero-width characters or compatibility forms (issue 18)', () => {
    const text = column('text');
    for (const hostile of [
      ' =1+1',
      '   @SUM(1)',
      '\u00A0=1+1', // no-break space
      '\u200B=1+1', // zero-width space
      '\uFEFF=1+1', // byte order mark
      '\n=1+1', // line feed
      '\u2060\u200D -2+3', // word joiner, zero-width joiner, space
      '＝1+1', // fullwidth equals sign
      '﹦1+1', // small equals sign
      '＋57 300', // fullwidth plus
      '＠SUM(1)', // fullwidth commercial at
      "'=1", // a real leading apostrophe is guarded too, so the quote is always removable
    ]) {
      expect(csvValue(text, hostile), JSON.stringify(hostile)).toBe(`'${hostile}`);
      expect(unguardFormula(csvValue(text, hostile))).toBe(hostile);
    }
    // Numbers stay numbers: typed values are never guarded.
    expect(csvValue(column('count'), -12.5)).toBe('-12.5');
    expect(csvValue(column('duration'), -3)).toBe('-3');
    // Text that merely contains a formula character, or white space alone, is left alone.
    expect(csvValue(text, ' a=1')).toBe(' a=1');
    expect(csvValue(text, '\u00A0\u00A0')).toBe('\u00A0\u00A0');
    expect(unguardFormula(' a=1')).toBe(' a=1');
  });

  it('guards E.164 phones, which are strings (documented trap)', () => {
    expect(csvValue(column('phone'), '+57 300 123 4567')).toBe("'+57 300 123 4567");
    expect(csvValue(column('phone'), '573001234567')).toBe('573001234567');
  });

  it('leaves ordinary text alone', () => {
    const text = column('text');
    expect(csvValue(text, 'María José Peña')).toBe('María José Peña');
    expect(csvValue(text, 'a=b, c-d')).toBe('a=b, c-d');
    expect(csvValue(text, '')).toBe('');
    expect(guardFormula('😀 hola')).toBe('😀 hola');
  });
});
