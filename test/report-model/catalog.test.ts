import {
  columnLabel,
  findReport,
  headerText,
  REPORTS,
  reportTitle,
} from '../../src/report-model/catalog';

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

describe('human column names', () => {
  it('names every catalog column in English and Spanish, beside its Manager header', () => {
    const keys = new Set<string>();
    for (const report of REPORTS)
      for (const column of report.columns) {
        keys.add(column.key);
        expect(column.label?.en, `${report.api} ${column.key}`).toMatch(/^[A-Z].*\S$/);
        expect(column.label?.es, `${report.api} ${column.key}`).toMatch(/^[A-ZÁÉÍÓÚ].*\S$/);
        expect(column.label!.en).not.toBe(column.header);
      }
    expect(keys.size).toBe(81);
    const chats = findReport(1)!.columns.find((c) => c.key === 'last_participant_who_spoke')!;
    expect(columnLabel(chats, 'en')).toBe('Last participant who spoke');
    expect(columnLabel(chats, 'es')).toBe('Último participante en hablar');
  });

  it('shows the header of a column the catalog does not know', () => {
    const extra = { key: 'new_field', header: 'NEW_FIELD', type: 'text', extra: true } as const;
    expect(columnLabel(extra, 'es')).toBe('NEW_FIELD');
    expect(headerText(extra, 'human', 'es')).toBe('NEW_FIELD');
  });
});

describe('totals', () => {
  it('totals only numeric columns, weighting by a count column of the same report', () => {
    for (const report of REPORTS)
      for (const column of report.columns) {
        if (!column.total) continue;
        expect(['count', 'duration', 'percent'], `${report.api} ${column.key}`).toContain(
          column.type,
        );
        const total = column.total;
        if (total.kind === 'mean' && total.weight !== undefined) {
          const weight = report.columns.find((c) => c.key === total.weight);
          expect(weight?.type, `${report.api} ${column.key}`).toBe('count');
        }
      }
    const tmo = findReport(16)!.columns.find((column) => column.key === 'tmo')!;
    expect(tmo.total).toEqual({ kind: 'mean', weight: 'total_chats' });
  });
});
