import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReportCharts, { CHART_COLORS, OTHER_COLOR } from '../../src/charts/report-charts';
import { I18nProvider, type Language } from '../../src/shared/i18n/i18n';
import { findReport, type ReportDef } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

const at = (iso: string) => Date.parse(`${iso}Z`);
const chats = findReport(1)!;

const chat = (
  channel: string,
  agent: string | null,
  feeling: string | null,
  close: string | null,
): ReportRow => ({
  conn_id: 'x',
  channel,
  agent_name: agent,
  feeling,
  date_close: close === null ? null : at(close),
});

const chatRows: ReportRow[] = [
  chat('whatsapp', 'Ana', 'positive', '2026-08-01T09:00:00'),
  chat('whatsapp', 'Ana', 'negative', '2026-08-01T23:59:59'),
  chat('web', 'Bea', 'positive', '2026-08-02T00:00:00'),
  chat('whatsapp', 'Bea', null, '2026-08-03T10:00:00'),
  chat('web', null, 'very positive', null),
  chat('facebook', 'Cruz', 'neutral', '2026-08-03T11:00:00'),
];

const DATA_TABLE = /^(Data table|Tabla de datos)$/;
const everyRow = (rows: readonly unknown[]) => Uint32Array.from(rows.keys());

/** Renders the charts and opens every data table (their rows exist only while open). */
async function renderCharts(
  report: ReportDef,
  rows: ReportRow[],
  options: { order?: ArrayLike<number>; language?: Language; columns?: ReportDef['columns'] } = {},
) {
  const onFilter = vi.fn();
  const result = render(
    <I18nProvider language={options.language ?? 'en'}>
      <ReportCharts
        report={report}
        columns={options.columns ?? report.columns}
        rows={rows}
        order={options.order ?? everyRow(rows)}
        onFilter={onFilter}
        width={500}
      />
    </I18nProvider>,
  );
  const closed = screen.queryAllByText(DATA_TABLE);
  for (const summary of closed) fireEvent.click(summary);
  await waitFor(() =>
    expect(result.container.querySelectorAll('.chart-data-table table')).toHaveLength(
      closed.length,
    ),
  );
  return { ...result, onFilter };
}

/** Bars are SVG paths inside `.recharts-bar-rectangle`, one per drawn segment. */
const bars = (chart: HTMLElement, fill: string = CHART_COLORS[0]) =>
  [...chart.querySelectorAll<SVGPathElement>('.recharts-bar-rectangle path')].filter(
    (path) => path.getAttribute('fill') === fill,
  );
const chart = (name: string) => screen.getByRole('region', { name });
const rowHeaders = (region: HTMLElement) =>
  within(region)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('ReportCharts', () => {
  it('draws one titled card per chart of the report', async () => {
    await renderCharts(chats, chatRows);
    const section = screen.getByRole('region', { name: 'Charts of Chats' });
    expect(
      within(section)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([
      'Chats by channel',
      'Chats by customer sentiment',
      'Chats closed per day',
      'Chats by agent',
    ]);
    // Sentiment in the catalog order, empty last; the table has a total row.
    expect(rowHeaders(chart('Chats by customer sentiment'))).toEqual([
      'negative',
      'neutral',
      'positive',
      'very positive',
      '(empty)',
      'Total',
    ]);
    // One row: the singular form (it said "1 rows … are" before plural rules).
    expect(screen.getByText('1 row without a date is not charted.')).toBeInTheDocument();
  });

  it('filters the table by the clicked bar', async () => {
    const { onFilter } = await renderCharts(chats, chatRows);
    const byChannel = chart('Chats by channel');
    const drawn = bars(byChannel);
    // whatsapp 3, web 2, facebook 1: largest first.
    expect(drawn).toHaveLength(3);
    fireEvent.click(drawn[1]!);
    expect(onFilter).toHaveBeenCalledWith('channel', 'web');
    fireEvent.click(drawn[0]!);
    expect(onFilter).toHaveBeenLastCalledWith('channel', 'whatsapp');
    expect(within(byChannel).getByText('Click a bar to filter the table by it.')).toBeTruthy();
  });

  it('offers the drill-down from the data tables, days as YYYY-MM-DD and empty as ""', async () => {
    const user = userEvent.setup();
    const { onFilter } = await renderCharts(chats, chatRows);
    const perDay = chart('Chats closed per day');
    // Four days drawn; only the days with rows are listed.
    expect(bars(perDay)).toHaveLength(3);
    const buttons = within(perDay).getAllByRole('button', { name: /^Filter the table by / });
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Sat, Aug 1, 2026',
      'Sun, Aug 2, 2026',
      'Mon, Aug 3, 2026',
    ]);
    await user.click(buttons[0]!);
    expect(onFilter).toHaveBeenCalledWith('date_close', '2026-08-01');
    await user.click(
      within(chart('Chats by agent')).getByRole('button', { name: 'Filter the table by (empty)' }),
    );
    expect(onFilter).toHaveBeenLastCalledWith('agent_name', '');
  });

  it('draws a long range per week and drills into the whole week', async () => {
    // 2026-01-01 (a Thursday) … 2026-04-10 (a Friday): 100 days.
    const long = Array.from({ length: 100 }, (_, i) =>
      chat('web', 'Ana', null, new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString().slice(0, 19)),
    );
    const { onFilter } = await renderCharts(chats, long);
    const perDay = chart('Chats closed per week');
    expect(
      within(perDay).getByText(
        'One bar per week (Monday to Sunday): the days span more than a quarter.',
      ),
    ).toBeTruthy();
    expect(bars(perDay)).toHaveLength(15);
    expect(within(perDay).getByRole('columnheader', { name: 'Week' })).toBeTruthy();
    const buttons = within(perDay).getAllByRole('button', { name: /^Filter the table by / });
    expect(buttons[0]?.textContent).toBe('Jan 1 – Jan 4');
    fireEvent.click(bars(perDay)[1]!);
    expect(onFilter).toHaveBeenLastCalledWith('date_close', '2026-01-05', '2026-01-11');
    await userEvent.setup().click(buttons.at(-1)!);
    expect(onFilter).toHaveBeenLastCalledWith('date_close', '2026-04-06', '2026-04-10');
  });

  it('follows the filtered view it is given', async () => {
    await renderCharts(chats, chatRows, { order: [2, 4] });
    const byChannel = chart('Chats by channel');
    expect(bars(byChannel)).toHaveLength(1);
    expect(rowHeaders(byChannel)).toEqual(['web']);
    expect(within(byChannel).getByRole('cell', { name: '2' })).toBeTruthy();
  });

  it('groups agents beyond the top N under a grey Other bar, which does not drill down', async () => {
    // Agent 00: 10 chats; Agents 01–16: 1 each → top 15 + Other (2 agents, 2 chats).
    const many: ReportRow[] = [];
    for (let i = 0; i <= 16; i++) {
      for (let n = 0; n < (i === 0 ? 10 : 1); n++)
        many.push({
          channel: 'web',
          agent_name: `Agent ${String(i).padStart(2, '0')}`,
          feeling: null,
          date_close: null,
        });
    }
    const { onFilter } = await renderCharts(chats, many);
    const byAgent = chart('Chats by agent');
    expect(bars(byAgent)).toHaveLength(15);
    const other = bars(byAgent, OTHER_COLOR);
    expect(other).toHaveLength(1);
    fireEvent.click(other[0]!);
    expect(onFilter).not.toHaveBeenCalled();
    fireEvent.click(bars(byAgent)[0]!);
    expect(onFilter).toHaveBeenCalledWith('agent_name', 'Agent 00');
    expect(within(byAgent).getByText('“Other” groups 2 more values.')).toBeTruthy();
    expect(within(byAgent).queryByRole('button', { name: 'Filter the table by Other' })).toBeNull();
    expect(rowHeaders(byAgent).slice(-2)).toEqual(['Other', 'Total']);
  });

  it('leaves out of the drawing an Other bar that would squash the named ones', async () => {
    const many: ReportRow[] = Array.from({ length: 40 }, (_, i) => ({
      channel: 'web',
      agent_name: `Agent ${String(i % 20).padStart(2, '0')}`,
      feeling: null,
      date_close: null,
    }));
    await renderCharts(chats, many);
    const byAgent = chart('Chats by agent');
    expect(bars(byAgent)).toHaveLength(15);
    expect(bars(byAgent, OTHER_COLOR)).toHaveLength(0);
    expect(
      within(byAgent).getByText(
        '“Other” (10) is not drawn so that the bars stay readable; see the data table.',
      ),
    ).toBeTruthy();
    expect(rowHeaders(byAgent).slice(-2)).toEqual(['Other', 'Total']);
  });

  it('stacks bot vs agent per channel with legend toggles (report 8)', async () => {
    const user = userEvent.setup();
    const rows: ReportRow[] = [
      { channel: 'whatsapp', go_to_agent: true, start_date: at('2026-08-01T10:00:00') },
      { channel: 'whatsapp', go_to_agent: false, start_date: at('2026-08-01T11:00:00') },
      { channel: 'web', go_to_agent: false, start_date: at('2026-08-02T11:00:00') },
    ];
    const { onFilter } = await renderCharts(findReport(8)!, rows);
    const botOrAgent = chart('Chatbot only vs passed to an agent');
    expect(rowHeaders(botOrAgent)).toEqual(['Chatbot only', 'Passed to an agent', 'Total']);
    await user.click(
      within(botOrAgent).getByRole('button', { name: 'Filter the table by Passed to an agent' }),
    );
    expect(onFilter).toHaveBeenCalledWith('go_to_agent', 'yes');

    const stacked = chart('Chats by channel: chatbot vs agent');
    const legend = within(stacked).getByRole('group', { name: 'Series (click to show or hide)' });
    const toggles = within(legend).getAllByRole('button');
    expect(toggles.map((b) => b.textContent)).toEqual(['Chatbot only', 'Passed to an agent']);
    expect(bars(stacked, CHART_COLORS[0])).toHaveLength(2);
    expect(bars(stacked, CHART_COLORS[1])).toHaveLength(1);
    fireEvent.click(bars(stacked, CHART_COLORS[1])[0]!);
    expect(onFilter).toHaveBeenLastCalledWith('channel', 'whatsapp');
    await user.click(toggles[0]!);
    expect(toggles[0]).toHaveAttribute('aria-pressed', 'false');
    expect(bars(stacked, CHART_COLORS[0])).toHaveLength(0);
    expect(bars(stacked, CHART_COLORS[1])).toHaveLength(1);
  });

  it('formats durations as h:mm:ss and percents as percents (report 16)', async () => {
    const rows: ReportRow[] = [
      { agent_name: 'Ana', total_chats: 1200, tmo: 305, percent_transfer: 12.5 },
      { agent_name: 'Bea', total_chats: 800, tmo: 3725, percent_transfer: 3 },
    ];
    await renderCharts(findReport(16)!, rows);
    const tmo = chart('Average handling time (TMO) by agent');
    expect(within(tmo).getByRole('cell', { name: '1:02:05' })).toBeTruthy();
    expect(within(tmo).getByRole('cell', { name: '0:05:05' })).toBeTruthy();
    // Overall TMO weighted by chats: (305×1200 + 3725×800) / 2000 = 1673 s.
    expect(within(tmo).getByRole('cell', { name: '0:27:53' })).toBeTruthy();
    const rate = chart('Transfer rate by agent');
    expect(within(rate).getByRole('cell', { name: '12.50%' })).toBeTruthy();
    const total = chart('Chats by agent');
    expect(within(total).getByRole('cell', { name: '1,200' })).toBeTruthy();
    expect(within(total).getByRole('cell', { name: '60.0%' })).toBeTruthy();
  });

  it('charts the one-row summary of report 15 without drill-down', async () => {
    const rows: ReportRow[] = [
      {
        ad_chatbot: 10,
        ad_agents: 5,
        post_chatbot: 2,
        post_agents: 1,
        total_chatbot: 12,
        total_agents: 6,
      },
    ];
    const { container } = await renderCharts(findReport(15)!, rows);
    const summary = chart('Chats from ads and posts: chatbot vs agents');
    expect(rowHeaders(summary)).toEqual(['Ads', 'Posts', 'Total']);
    expect(
      within(summary)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['', 'Chatbot', 'Agents', 'Total', 'Share']);
    expect(within(summary).queryByRole('button', { name: /^Filter/ })).toBeNull();
    expect(container.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(4);
  });

  it('speaks Spanish', async () => {
    await renderCharts(findReport(8)!, [{ channel: 'web', go_to_agent: true, start_date: null }], {
      language: 'es',
    });
    expect(screen.getByRole('region', { name: 'Gráficos de Chats paso agente' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Solo chatbot vs pasó a un agente' })).toBeTruthy();
    expect(screen.getAllByText('Pasó a un agente').length).toBeGreaterThan(0);
    expect(screen.getByText('No hay filas para graficar.')).toBeTruthy();
    expect(screen.getByText('1 fila sin fecha no se grafica.')).toBeTruthy();
  });

  it('renders nothing for reports without charts or without the charted columns', async () => {
    expect((await renderCharts(findReport(2)!, [])).container).toBeEmptyDOMElement();
    expect((await renderCharts(findReport(10)!, [])).container).toBeEmptyDOMElement();
    const report13 = findReport(13)!;
    expect(
      (await renderCharts(report13, [], { columns: report13.columns.slice(0, 1) })).container,
    ).toBeEmptyDOMElement();
  });

  it('skips a chart whose column the loaded data lacks', async () => {
    await renderCharts(chats, chatRows, {
      columns: chats.columns.filter((column) => column.key !== 'feeling'),
    });
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(3);
  });
});
