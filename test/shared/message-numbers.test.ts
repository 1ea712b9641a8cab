import { translator } from '../../src/shared/i18n/i18n';
import { fillPlaceholders, formattersFor } from '../../src/shared/i18n/message-format';

describe('numbers in messages', () => {
  it('writes every number placeholder in the locale’s digits, plural counts included', () => {
    const en = translator('en', 'en-US');
    expect(en('billing.connectorShare.unreadableNote', { count: 1978 })).toBe(
      '1,978 rows with an unreadable SESSION_ID.',
    );
    expect(en('table.rowCount', { shown: 12_345, count: 1_000_000 })).toBe(
      '12,345 of 1,000,000 rows',
    );
    expect(en('print.note', { rows: 1000, total: 25_000 })).toMatch(/first 1,000 of 25,000 rows/);
  });

  it('groups digits as the Spanish-speaking region does', () => {
    expect(translator('es', 'es-CO')('table.rowCount', { shown: 1978, count: 12_345 })).toBe(
      '1.978 de 12.345 filas',
    );
    expect(translator('es', 'es-MX')('table.rowCount', { shown: 1978, count: 12_345 })).toBe(
      '1,978 de 12,345 filas',
    );
  });

  it('picks the plural form by the number, not by its text', () => {
    const es = translator('es', 'es-CO');
    expect(es('table.sumTitle', { count: 1 })).toBe('Suma de 1 fila mostrada');
    expect(es('table.sumTitle', { count: 1978 })).toBe('Suma de las 1.978 filas mostradas');
  });

  it('leaves text placeholders as written (ids and phones are not numbers)', () => {
    const number = formattersFor('en-US').number;
    expect(fillPlaceholders('{conn} · {n}', { conn: '20261122000123', n: 20261122 }, number)).toBe(
      '20261122000123 · 20,261,122',
    );
  });
});
