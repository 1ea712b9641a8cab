import { UNKNOWN_CONNECTOR } from '../../src/report-model/connector';
import { aggregateUsage, dayBounds } from '../../src/billing/model/usage-aggregates';
import { at, row } from './fixtures';

const rows = [
  /* 0 */ row('1.op.A', '2025-08-01T08:00', '1', true, 'México'),
  /* 1 */ row('2.op.A', '2025-08-01T23:59', '2', false, 'MX'),
  /* 2 */ row('3.op.B', '2025-08-03T00:00', '3', true, 'Colombia'),
  /* 3 */ row('4.op.B', '2025-08-03T12:00', '4', true, 'Narnia'),
  /* 4 */ row('5.op.B', null, '5', false, 'Colombia'),
  /* 5 */ row('bad', { raw: 'ayer' }, '6', 'quizás', 'colombia'),
  /* 6 */ row('7.op.A', '2025-08-03T13:00', '7', 'sí', 'mexico'),
];

describe('aggregateUsage', () => {
  const usage = aggregateUsage(rows, undefined, { connectorNames: { A: 'Ventas' } });

  it('counts per day, filling the empty day in between', () => {
    expect(usage.byDay).toEqual([
      { day: '2025-08-01', total: 2, templates: 1, nonTemplates: 1, unknown: 0 },
      { day: '2025-08-02', total: 0, templates: 0, nonTemplates: 0, unknown: 0 },
      { day: '2025-08-03', total: 3, templates: 3, nonTemplates: 0, unknown: 0 },
    ]);
    expect(usage.undatedRows).toBe(2);
    expect(usage).toMatchObject({ total: 7, templates: 4, nonTemplates: 2, unknown: 1 });
  });

  it('gives each connector its template share over rows with a readable flag', () => {
    expect(usage.byConnector).toEqual([
      {
        key: 'A',
        label: 'Ventas',
        readable: true,
        total: 3,
        templates: 2,
        nonTemplates: 1,
        unknown: 0,
        templateShare: 2 / 3,
      },
      {
        key: 'B',
        label: 'B',
        readable: true,
        total: 3,
        templates: 2,
        nonTemplates: 1,
        unknown: 0,
        templateShare: 2 / 3,
      },
      {
        key: UNKNOWN_CONNECTOR,
        label: 'Unreadable SESSION_ID',
        readable: false,
        total: 1,
        templates: 0,
        nonTemplates: 0,
        unknown: 1,
        templateShare: 0,
      },
    ]);
    expect(usage.unreadableSessionRows).toBe(1);
  });

  it('groups spellings of one country and keeps unresolved values apart', () => {
    expect(
      usage.byCountry.map((c) => [c.key, c.market, c.total, c.templateShare, c.values]),
    ).toEqual([
      ['CO', 'CO', 3, 0.5, ['Colombia', 'colombia']],
      ['MX', 'MX', 3, 2 / 3, ['MX', 'México', 'mexico']],
      ['Narnia', undefined, 1, 1, ['Narnia']],
    ]);
  });

  it('follows a filtered, reordered index view', () => {
    const view = aggregateUsage(rows, Uint32Array.from([3, 0, 99]));
    expect(view.total).toBe(2);
    expect(view.byDay.map((d) => d.day)).toEqual(['2025-08-01', '2025-08-02', '2025-08-03']);
    expect(view.byConnector.map((c) => [c.key, c.total])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('does not fill a span longer than the limit', () => {
    const far = [
      row('1.op.A', '2020-01-01T00:00', '1', true, 'CO'),
      row('1.op.A', '2025-01-01T00:00', '1', true, 'CO'),
    ];
    expect(aggregateUsage(far).byDay).toHaveLength(2);
  });

  it('returns the wall-clock bounds of a day for drill-down', () => {
    expect(dayBounds('2025-08-03')).toEqual({
      start: at('2025-08-03T00:00'),
      end: at('2025-08-04T00:00') - 1,
    });
    expect(dayBounds('2025-02-30')).toBeUndefined();
  });
});
