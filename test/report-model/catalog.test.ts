import { findReport, REPORTS, reportTitle } from '../../src/report-model/catalog';

describe('report catalog', () => {
  it('lists the 16 reports of Interactions and Chats, numbered like Manager and the API', () => {
    expect(REPORTS.map((report) => report.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    for (const report of REPORTS) expect(report.api).toBe(`chat_${report.number}`);
    expect(reportTitle(findReport(1)!, 'en')).toBe('1. Chats');
    expect(reportTitle(findReport(10)!, 'en')).toBe('10. Official WhatsApp Billing');
    expect(reportTitle(findReport(10)!, 'es')).toBe('10. Facturación WhatsApp Oficial');
    expect(reportTitle(findReport(16)!, 'en')).toBe('16. Agent productivity');
  });

  it('gives every report unique lower-case wire keys and UPPER_SNAKE_CASE headers', () => {
    for (const report of REPORTS) {
      const keys = report.columns.map((column) => column.key);
      expect(new Set(keys).size, report.api).toBe(keys.length);
      for (const column of report.columns) {
        expect(column.key).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(column.header).toMatch(/^[A-Z][A-Z0-9_ ]*$/);
      }
    }
  });

  it('describes report 10 as the spec does', () => {
    const columns = findReport(10)!.columns.map((column) => [column.header, column.type]);
    expect(columns).toEqual([
      ['CONN_ID', 'id'],
      ['SESSION_ID', 'id'],
      ['DATE', 'datetime'],
      ['CUSTOMER_PHONE', 'phone'],
      ['TEMPLATE', 'yesno'],
      ['DESTINY', 'country'],
    ]);
  });

  it('knows the documented key variants', () => {
    const answers = findReport(1)!.columns.find((column) => column.key === 'agent_answers');
    expect(answers?.aliases).toContain('agent_anwers');
    const channel = findReport(13)!.columns.find((column) => column.key === 'channel');
    expect(channel?.aliases).toContain('chanel');
  });

  it('lists enum values for the closed vocabularies', () => {
    const feeling = findReport(1)!.columns.find((column) => column.key === 'feeling');
    expect(feeling?.values).toEqual([
      'very negative',
      'negative',
      'neutral',
      'positive',
      'very positive',
    ]);
  });
});
