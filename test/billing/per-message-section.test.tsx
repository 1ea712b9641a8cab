import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { estimatePerMessage } from '../../src/billing/model/estimate-per-message';
import { loadMessageCounts } from '../../src/billing/ui/load-message-counts';
import { PerMessageSection } from '../../src/billing/ui/per-message-section';
import { formatUsdCents } from '../../src/billing/model/money';
import { findReport } from '../../src/report-model/catalog';
import { loadReport } from '../../src/report-model/load/load-report';
import { apiBaseUrl } from '../../src/shared/env';
import { dayRange } from '../../src/report-model/time-range';
import { renderIn } from '../render-in-language';

/*
 * Against the one fake wolkvox (MSW): report 10 and report 2 of the same days describe the
 * same chats (the mock's chat universe), so the per-message figure can be checked against the
 * model run on the same answers.
 */
const range = dayRange('2026-10-05', '2026-10-06')!;
const assumptions = { mix: { marketing: 50, utility: 50, authentication: 0 }, markupPercent: 0 };

describe('per-message section on report 10', () => {
  it('says the plan, loads report 2 without keeping its rows, and shows both figures', async () => {
    const { rows } = await loadReport(findReport(10)!, range, { baseUrl: apiBaseUrl() });
    expect(rows.length).toBeGreaterThan(100);
    const user = userEvent.setup();
    renderIn(
      <PerMessageSection
        rows={rows}
        from="2026-10-05"
        to="2026-10-06"
        card={DEFAULT_RATE_CARD}
        assumptions={assumptions}
      />,
    );
    expect(screen.getByText(/estimate per interaction \(report 10 only\)/)).toBeInTheDocument();
    expect(
      screen.getByText(/calls to wolkvox \(up to about three times that\), 2 at a time/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load report 2 and price per message' }));
    const perMessageRow = await screen.findByRole('row', { name: /^Per message/ });

    // The same answers folded by the model directly.
    const { tally, load } = await loadMessageCounts(range, {
      baseUrl: apiBaseUrl(),
      interactions: rows.length,
    });
    expect(load.rows).toHaveLength(0); // no message row kept
    expect(tally.businessMessages).toBeGreaterThan(rows.length);
    const expected = estimatePerMessage(rows, tally, { card: DEFAULT_RATE_CARD, ...assumptions });
    expect(perMessageRow).toHaveTextContent(formatUsdCents(expected.cost.expected, 'en'));
    const interaction = estimateCost(rows, { card: DEFAULT_RATE_CARD, ...assumptions });
    expect(screen.getByRole('row', { name: /^Per interaction/ })).toHaveTextContent(
      formatUsdCents(interaction.totals.cost.expected, 'en'),
    );
    await waitFor(() => expect(screen.getByText(/^Why they differ/)).toBeInTheDocument());
  });
});
