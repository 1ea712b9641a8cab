import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { cloneRateCard, DEFAULT_RATE_CARD, type RateCard } from '../../src/billing/model/rate-card';
import { parseTiersText, TiersEditor } from '../../src/billing/ui/tiers-editor';
import { renderIn } from '../render-in-language';

function Harness({ seen }: { seen: RateCard[] }) {
  const [card, setCard] = useState(() => cloneRateCard(DEFAULT_RATE_CARD));
  return (
    <TiersEditor
      card={card}
      onChange={(next) => {
        seen.push(next);
        setCard(next);
      }}
    />
  );
}

describe('volume tiers editor', () => {
  it('reads "messages: rate" lists', () => {
    expect(parseTiersText('1000: 0.007; 10000: 0,006')).toEqual([
      { above: 1000, rate: 0.007 },
      { above: 10000, rate: 0.006 },
    ]);
    expect(parseTiersText('')).toEqual([]);
    expect(parseTiersText('many: 1')).toBeUndefined();
  });

  it('sets the tiers of one market and category on the latest version, and removes them', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Market' }), 'MX');
    const steps = screen.getByRole('textbox', { name: /Thresholds and rates/ });
    await user.type(steps, '10000: 0.006; 100: 0.0050');
    await user.click(screen.getByRole('button', { name: 'Apply tiers' }));
    const card = seen[seen.length - 1]!;
    expect(card.periods[3]!.tiers).toEqual({
      MX: {
        utility: [
          { above: 100, rate: 0.005 },
          { above: 10000, rate: 0.006 },
        ],
      },
    });
    expect(card.periods[2]!.tiers).toBeUndefined();
    await user.clear(steps);
    await user.click(screen.getByRole('button', { name: 'Apply tiers' }));
    expect(seen[seen.length - 1]!.periods[3]!.tiers).toBeUndefined();
  });

  it('says what is wrong and changes nothing', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await user.type(screen.getByRole('textbox', { name: /Thresholds and rates/ }), '100 at 0.1');
    await user.click(screen.getByRole('button', { name: 'Apply tiers' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/messages: rate/);
    await user.clear(screen.getByRole('textbox', { name: /Thresholds and rates/ }));
    await user.type(screen.getByRole('textbox', { name: /Thresholds and rates/ }), '100: 62.5');
    await user.click(screen.getByRole('button', { name: 'Apply tiers' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/62.5/);
    expect(seen).toHaveLength(0);
  });
});
