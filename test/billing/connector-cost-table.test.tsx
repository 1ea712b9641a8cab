import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UNKNOWN_CONNECTOR } from '../../src/report-model/connector';
import { ConnectorCostTable } from '../../src/billing/ui/connector-cost-table';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { row } from './fixtures';
import { renderIn } from '../render-in-language';

// Same pricing as the hand-computed fixture of estimate-cost.test.ts, smaller:
//   A: CO template (per-message) → 800 / 6650 / 12500 µUSD; × 1.4 → 1120 / 9310 / 17500
//      MX template → 8500 / 19500 / 30500; × 1.4 → 11900 / 27300 / 42700
//      A = 13020 / 36610 / 60200 µUSD → 1 / 4 / 6 cents
//   B: "Narnia" template → no rate; "Alemania" template → no rate
//   unreadable SESSION_ID: ES template → 20000 / 40750 / 61500; × 1.4 → 28000 / 57050 / 86100
//      → 3 / 6 / 9 cents
//   total 41020 / 93660 / 146300 µUSD → 4 / 9 / 15 cents
const rows = [
  row('1.op.A', '2025-08-01T10:00', '1', true, 'Colombia'),
  row('2.op.A', '2025-08-01T11:00', '2', true, 'México'),
  row('3.op.A', '2025-08-01T12:00', '3', false, 'México'),
  row('4.op.B', '2025-08-01T10:00', '4', true, 'Narnia'),
  row('5.op.B', '2025-08-01T10:00', '5', true, 'Alemania'),
  row('6', '2025-08-01T10:00', '6', true, 'España'),
];
const estimate = estimateCost(rows, {
  card: DEFAULT_RATE_CARD,
  mix: { marketing: 50, utility: 30, authentication: 20 },
  markupPercent: 40,
  connectorNames: { A: 'Ventas' },
});

describe('ConnectorCostTable', () => {
  it('lists each connector with its estimated range, labelled as an estimate', () => {
    renderIn(<ConnectorCostTable estimate={estimate} />);
    const table = screen.getByRole('table', {
      name: 'Estimated WhatsApp cost per connector (estimate, USD)',
    });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => [...r.children].map((cell) => cell.textContent));
    expect(cells).toEqual([
      [
        'Connector',
        'Interactions',
        'Templates',
        'Countries',
        'Estimated cost (low – high)',
        'Expected (estimate)',
        'Rows without a rate',
      ],
      ['Unreadable SESSION_ID', '1', '1', 'Spain', '$0.03 – $0.09', '$0.06', '0'],
      ['Ventas', '3', '2', 'Mexico, Colombia', '$0.01 – $0.06', '$0.04', '0'],
      ['B', '2', '2', 'Germany, Narnia', '$0.00 – $0.00', '$0.00', '2'],
      ['Total', '6', '5', '5', '$0.04 – $0.15', '$0.09', '2'],
    ]);
  });

  it('explains what was not priced and how the figure was made', () => {
    renderIn(<ConnectorCostTable estimate={estimate} />);
    const notes = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(notes).toEqual([
      'Estimate from Meta’s published rates; the report does not tell the template category, so the expected figure assumes 50% marketing, 30% utility, 20% authentication.',
      'Includes a 40% markup (BSP fee).',
      '2 rows have no rate for their country and are not priced: Germany (1), Narnia (1).',
      // One row: the singular form (it said "1 rows … are grouped" before plural rules).
      '1 row with an unreadable SESSION_ID is grouped as “Unreadable SESSION_ID”.',
      // Spain's marketing rate before July 2026 (0.0615) is flagged "reported" on the card.
      'Includes figures or rules marked “reported” on the rate card (e.g. the 1,000 free service messages per number per month), not confirmed by Meta.',
      'Totals are rounded once and may differ by a cent from the sum of the lines.',
    ]);
  });

  it('drills down by connector id, including the unreadable bucket', async () => {
    const user = userEvent.setup();
    const onSelectConnector = vi.fn();
    renderIn(<ConnectorCostTable estimate={estimate} onSelectConnector={onSelectConnector} />);
    await user.click(screen.getByRole('button', { name: 'Show the rows of Ventas' }));
    await user.click(
      screen.getByRole('button', { name: 'Show the rows of Unreadable SESSION_ID' }),
    );
    expect(onSelectConnector.mock.calls).toEqual([['A'], [UNKNOWN_CONNECTOR]]);
  });

  it('formats money and text for Spanish', () => {
    renderIn(<ConnectorCostTable estimate={estimate} maxCountries={1} />, {
      language: 'es',
      locale: 'es-CO',
    });
    const ventas = screen.getByRole('row', { name: /Ventas/ });
    // Intl puts a no-break space between "US$" and the amount.
    const text = [...ventas.children].map((cell) => cell.textContent?.replace(/\u00a0/g, ' '));
    expect(text).toEqual([
      'Ventas',
      '3',
      '2',
      'México +1 más',
      'US$ 0,01 – US$ 0,06',
      'US$ 0,04',
      '0',
    ]);
  });

  it('says so when there is nothing to estimate', () => {
    renderIn(<ConnectorCostTable estimate={estimateCost([], { card: DEFAULT_RATE_CARD })} />);
    expect(screen.getByText('No rows to estimate.')).toBeTruthy();
  });
});
