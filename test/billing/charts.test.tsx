import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UNKNOWN_CONNECTOR } from '../../src/report-model/connector';
import { ConnectorShareChart } from '../../src/billing/ui/connector-share-chart';
import { CountryShareChart } from '../../src/billing/ui/country-share-chart';
import { TemplateUsageChart } from '../../src/billing/ui/template-usage-chart';
import { aggregateUsage } from '../../src/billing/model/usage-aggregates';
import { row } from './fixtures';
import { renderIn } from '../render-in-language';

const rows = [
  row('1.op.A', '2025-08-01T08:00', '1', true, 'México'),
  row('2.op.A', '2025-08-01T09:00', '2', false, 'MX'),
  row('3.op.B', '2025-08-03T10:00', '3', true, 'Colombia'),
  row('4.op.B', '2025-08-03T11:00', '4', true, 'Narnia'),
  row('x', null, '5', false, 'Colombia'),
];
const usage = aggregateUsage(rows, undefined, { connectorNames: { A: 'Ventas' } });

/** Bars are SVG paths inside `.recharts-bar-rectangle`, one per drawn segment. */
const bars = (container: HTMLElement, fill: string) =>
  [...container.querySelectorAll<SVGPathElement>('.recharts-bar-rectangle path')].filter(
    (path) => path.getAttribute('fill') === fill,
  );
/** Opens the chart's data table (its rows exist only while open), as a supervisor would. */
async function openDataTable() {
  fireEvent.click(screen.getByText(/^(Data table|Tabla de datos)$/));
  await screen.findByRole('table');
}
const TEMPLATE_FILL = '#2563eb';
const OTHER_FILL = '#94a3b8';

describe('TemplateUsageChart', () => {
  it('draws stacked day bars and drills down on click', () => {
    const onSelectPeriod = vi.fn();
    const { container } = renderIn(
      <TemplateUsageChart
        data={usage.byDay}
        undatedRows={usage.undatedRows}
        onSelectPeriod={onSelectPeriod}
        width={600}
        height={300}
      />,
    );
    expect(
      screen.getByRole('figure', { name: 'Template vs non-template interactions per day' }),
    ).toBeTruthy();
    // Days 1 and 3 have templates; only day 1 has a non-template row (2 Aug is empty).
    expect(bars(container, TEMPLATE_FILL)).toHaveLength(2);
    expect(bars(container, OTHER_FILL)).toHaveLength(1);
    fireEvent.click(bars(container, TEMPLATE_FILL)[1] as SVGPathElement);
    expect(onSelectPeriod).toHaveBeenCalledWith('2025-08-03', '2025-08-03');
    // One row: the singular form (it said "1 rows … are" before plural rules).
    expect(screen.getByText('1 row without a usable date is not charted.')).toBeTruthy();
  });

  it('offers the same drill-down from its data table (keyboard path)', async () => {
    const user = userEvent.setup();
    const onSelectPeriod = vi.fn();
    renderIn(<TemplateUsageChart data={usage.byDay} onSelectPeriod={onSelectPeriod} width={600} />);
    await openDataTable();
    const buttons = screen.getAllByRole('button', { name: /^Show the rows of / });
    // The empty 2 Aug is charted (gap) but not listed.
    expect(buttons.map((b) => b.textContent)).toEqual(['Aug 1', 'Aug 3']);
    await user.click(buttons[0] as HTMLElement);
    expect(onSelectPeriod).toHaveBeenCalledWith('2025-08-01', '2025-08-01');
  });

  it('draws weeks beyond a quarter of days, clipped to the charted days, and drills into a week', async () => {
    const onSelectPeriod = vi.fn();
    // 2026-01-01 (a Thursday) … 2026-04-11 (a Saturday): 101 days, one template row each.
    const long = Array.from({ length: 101 }, (_, i) =>
      row(
        `${i}.op.A`,
        new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 16),
        '1',
        true,
        'CO',
      ),
    );
    const { container } = renderIn(
      <TemplateUsageChart
        data={aggregateUsage(long).byDay}
        onSelectPeriod={onSelectPeriod}
        width={600}
      />,
    );
    expect(
      screen.getByRole('figure', { name: 'Template vs non-template interactions per week' }),
    ).toBeTruthy();
    // Thu–Sun, 13 full weeks, Mon–Sat: 15 bars.
    expect(bars(container, TEMPLATE_FILL)).toHaveLength(15);
    fireEvent.click(bars(container, TEMPLATE_FILL)[1] as SVGPathElement);
    expect(onSelectPeriod).toHaveBeenCalledWith('2026-01-05', '2026-01-11');
    await openDataTable();
    const buttons = screen.getAllByRole('button', { name: /^Show the rows of / });
    expect(buttons.map((b) => b.textContent)).toContain('Jan 1 – Jan 4');
    expect(buttons.at(-1)?.textContent).toBe('Apr 6 – Apr 11');
    expect(screen.getByRole('columnheader', { name: 'Week' })).toBeTruthy();
    fireEvent.click(buttons[0] as HTMLElement);
    expect(onSelectPeriod).toHaveBeenLastCalledWith('2026-01-01', '2026-01-04');
  });

  it('hides and shows a series from the legend', async () => {
    const user = userEvent.setup();
    const { container } = renderIn(
      <TemplateUsageChart data={usage.byDay} width={600} height={300} />,
    );
    const toggle = screen.getByRole('button', { name: 'Template (HSM)' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(bars(container, TEMPLATE_FILL)).toHaveLength(0);
    expect(bars(container, OTHER_FILL)).toHaveLength(1);
    await user.click(toggle);
    expect(bars(container, TEMPLATE_FILL)).toHaveLength(2);
  });

  it('speaks Spanish and says when there is nothing to draw', () => {
    renderIn(<TemplateUsageChart data={[]} width={600} />, { language: 'es', locale: 'es-CO' });
    expect(screen.getByText('No hay filas con fecha para graficar.')).toBeTruthy();
  });
});

describe('ConnectorShareChart', () => {
  it('names connectors, flags unreadable SESSION_IDs and drills down by id', async () => {
    const onSelectConnector = vi.fn();
    const { container } = renderIn(
      <ConnectorShareChart
        data={usage.byConnector}
        onSelectConnector={onSelectConnector}
        width={600}
      />,
    );
    // One row: the singular form (it said "1 rows" before plural rules).
    expect(screen.getByText('1 row with an unreadable SESSION_ID.')).toBeTruthy();
    await openDataTable();
    const rowHeaders = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    // A and B tie on 2 rows each: ordered by id.
    expect(rowHeaders).toEqual(['Ventas', 'B', 'Unreadable SESSION_ID']);
    const shares = screen.getAllByRole('row').map((r) => r.lastElementChild?.textContent);
    expect(shares).toEqual(['Template share', '50.0%', '100.0%', '0.0%']);
    // Segments follow the entries' order: the first template segment is connector A's.
    fireEvent.click(bars(container, TEMPLATE_FILL)[1] as SVGPathElement);
    expect(onSelectConnector).toHaveBeenCalledWith('B');
    const otherBars = bars(container, OTHER_FILL);
    fireEvent.click(otherBars[otherBars.length - 1] as SVGPathElement);
    expect(onSelectConnector).toHaveBeenLastCalledWith(UNKNOWN_CONNECTOR);
  });

  it('summarises entries beyond maxItems', () => {
    renderIn(<ConnectorShareChart data={usage.byConnector} maxItems={2} width={600} />);
    expect(screen.getByText('Showing the 2 largest of 3.')).toBeTruthy();
  });
});

describe('CountryShareChart', () => {
  it('shows localized country names and passes the raw values on drill-down', async () => {
    const onSelectCountry = vi.fn();
    const { container } = renderIn(
      <CountryShareChart data={usage.byCountry} onSelectCountry={onSelectCountry} width={600} />,
      { language: 'es', locale: 'es' },
    );
    await openDataTable();
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Colombia',
      'México',
      'Narnia',
    ]);
    expect(screen.getByText('No reconocidos como país: Narnia.')).toBeTruthy();
    const legend = screen.getByRole('group', { name: 'Series (clic para mostrar u ocultar)' });
    expect(
      within(legend)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Plantilla (HSM)', 'Sin plantilla']);
    // Order: CO (2 rows), MX (2 rows), Narnia — MX's template segment is the second.
    fireEvent.click(bars(container, TEMPLATE_FILL)[1] as SVGPathElement);
    expect(onSelectCountry).toHaveBeenCalledWith('MX', ['MX', 'México']);
  });
});
