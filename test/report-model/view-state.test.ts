import { findReport } from '../../src/report-model/catalog';
import { presetRange } from '../../src/report-model/date-presets';
import {
  parseView,
  reportFromPath,
  serializeView,
  type ViewState,
} from '../../src/report-model/view-state';

const report1 = findReport(1)!;
const TODAY = '2026-11-24';

describe('view state in the URL', () => {
  it('round-trips range, sort, phone, search and column filters', () => {
    const view: ViewState = {
      from: '2026-11-01',
      to: '2026-11-07',
      sort: [
        { id: 'date', desc: true },
        { id: 'agent_name', desc: false },
      ],
      phone: '+57 300 123 4567',
      q: 'factura, "urgente"',
      filters: {
        channel: { values: ['whatsapp', 'web'] },
        feeling: { values: [''] },
        chat_duration: { min: 60, max: 82_800 },
      },
    };
    const search = serializeView(view);
    expect(search).toContain('sort=date.desc%2Cagent_name.asc');
    expect(parseView(search, report1, TODAY)).toEqual({ view, invalid: [] });
  });

  it('keeps unrelated parameters such as the mock scenario', () => {
    const search = serializeView(
      parseView('?mock=slow&from=2026-11-01&to=2026-11-02', report1, TODAY).view,
      '?mock=slow',
    );
    expect(new URLSearchParams(search).get('mock')).toBe('slow');
  });

  it('defaults to the last 7 days of the operation', () => {
    const { view, invalid } = parseView('', report1, TODAY);
    expect(view).toMatchObject({
      ...presetRange('last7', TODAY),
      sort: [],
      phone: '',
      q: '',
      filters: {},
    });
    expect(invalid).toEqual([]);
  });

  it('falls back to defaults, naming every invalid parameter', () => {
    const { view, invalid } = parseView(
      '?from=2026-02-30&to=yesterday&sort=nope.asc,date.sideways,date.asc&f.customer_name=Ana&min.chat_duration=abc&f.channel=web',
      report1,
      TODAY,
    );
    expect(invalid.sort()).toEqual(['f.customer_name', 'from', 'min.chat_duration', 'sort', 'to']);
    expect(view.from).toBe('2026-11-18');
    expect(view.sort).toEqual([{ id: 'date', desc: false }]);
    expect(view.filters).toEqual({ channel: { values: ['web'] } });
  });

  it('refuses an end before the start', () => {
    const { view, invalid } = parseView('?from=2026-11-10&to=2026-11-01', report1, TODAY);
    expect(invalid).toEqual(['to']);
    expect(view.to >= view.from).toBe(true);
  });

  it('reads the report from the path', () => {
    expect(reportFromPath('/reports/interactions-and-chats/10')?.api).toBe('chat_10');
    expect(reportFromPath('/reports/interactions-and-chats/17')).toBeUndefined();
    expect(reportFromPath('/elsewhere')).toBeNull();
  });
});

describe('date presets', () => {
  it.each([
    ['today', '2026-11-24', '2026-11-24'],
    ['yesterday', '2026-11-23', '2026-11-23'],
    ['last7', '2026-11-18', '2026-11-24'],
    ['thisMonth', '2026-11-01', '2026-11-24'],
    ['lastMonth', '2026-10-01', '2026-10-31'],
  ] as const)('%s', (preset, from, to) => {
    expect(presetRange(preset, TODAY)).toEqual({ from, to });
  });

  it('handles January for "last month"', () => {
    expect(presetRange('lastMonth', '2027-01-15')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });
});

describe('today in the operation', () => {
  it('is the operation’s date, not the browser’s', async () => {
    const { todayIn } = await import('../../src/report-model/date-presets');
    const late = new Date('2026-11-25T03:30:00Z'); // 22:30 in Bogotá, already the 25th in UTC
    expect(todayIn('America/Bogota', late)).toBe('2026-11-24');
    expect(todayIn('Europe/Madrid', late)).toBe('2026-11-25');
  });
});
