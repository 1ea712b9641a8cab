import { findReport } from '../../src/report-model/catalog';
import { presetRange } from '../../src/report-model/date-presets';
import {
  MAX_PHONE_CHARS,
  MAX_SEARCH_CHARS,
  parseView,
  reportFromPath,
  serializeView,
  summarizeNames,
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
    expect(parseView(search, report1, TODAY)).toEqual({ view, invalid: [], shortened: [] });
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

describe('parseView: hostile parameters (issue 18)', () => {
  it('caps a huge search and phone, and says which were shortened', () => {
    const huge = 'a'.repeat(100_000);
    const { view, shortened } = parseView(`?q=${huge}&phone=${'3'.repeat(5_000)}`, report1, TODAY);
    expect(view.q).toHaveLength(MAX_SEARCH_CHARS);
    expect(view.phone).toHaveLength(MAX_PHONE_CHARS);
    expect(shortened).toEqual(['phone', 'q']);
    // The URL written back stays far below what a server accepts (431 at ~16–64 kB).
    expect(serializeView(view).length).toBeLessThan(1_000);
  });

  it('reads 8,000 bad f. parameters into a list a notice can summarise', () => {
    const search = Array.from({ length: 8_000 }, (_, i) => `f.nope${i}=x`).join('&');
    const { view, invalid } = parseView(`?${search}`, report1, TODAY);
    expect(view.filters).toEqual({});
    expect(invalid).toHaveLength(8_000);
    const summary = summarizeNames(invalid);
    expect(summary).toEqual({ listed: 'f.nope0, f.nope1, f.nope2, f.nope3, f.nope4', more: 7_995 });
  });

  it('never touches a prototype through f.__proto__ or f.constructor', () => {
    const { view, invalid } = parseView(
      '?f.__proto__=x&f.constructor=y&min.__proto__=1&f.channel=web',
      report1,
      TODAY,
    );
    expect(view.filters).toEqual({ channel: { values: ['web'] } });
    expect(Object.getPrototypeOf(view.filters)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).values).toBeUndefined();
    expect(invalid).toEqual(['f.__proto__', 'f.constructor', 'min.__proto__']);
  });
});
