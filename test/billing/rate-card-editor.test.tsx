import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  parseRateCardJson,
  serializeRateCard,
  type RateCard,
} from '../../src/billing/model/rate-card';
import { RateCardEditor, type RateCardEditorProps } from '../../src/billing/ui/rate-card-editor';
import { renderIn } from '../render-in-language';

/** A parent that owns the card, as the app will. */
function Harness(props: Partial<RateCardEditorProps> & { initial?: RateCard; seen: RateCard[] }) {
  const { initial = DEFAULT_RATE_CARD, seen, ...rest } = props;
  const [card, setCard] = useState(initial);
  return (
    <RateCardEditor
      card={card}
      onChange={(next) => {
        seen.push(next);
        setCard(next);
      }}
      {...rest}
    />
  );
}

const last = (seen: RateCard[]) => seen[seen.length - 1] as RateCard;

async function choosePeriod(user: ReturnType<typeof userEvent.setup>, id: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: /Pricing period/ }), id);
}

describe('RateCardEditor', () => {
  it('opens on the period in force on the operation’s day, not the browser’s UTC day', () => {
    // 2026-09-30 19:30 in Bogotá is already 2026-10-01 in UTC.
    renderIn(<Harness seen={[]} today="2026-09-30" />);
    expect(screen.getByRole('combobox', { name: /Pricing period/ })).toHaveValue('pmp-2026-07');
    renderIn(<Harness seen={[]} today="2026-10-01" />);
    expect(screen.getAllByRole('combobox', { name: /Pricing period/ })[1]).toHaveValue(
      'pmp-2026-10',
    );
  });

  it('edits a rate of the chosen period only', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await choosePeriod(user, 'pmp-2025-07');
    const input = screen.getByRole('textbox', { name: 'Marketing rate for Mexico' });
    expect((input as HTMLInputElement).value).toBe('0.0305');
    await user.clear(input);
    await user.type(input, '0,031');
    const card = last(seen);
    expect(card.periods[1]?.rates.MX?.marketing).toBe(0.031);
    expect(card.periods[2]?.rates.MX?.marketing).toBe(0.0305);
    expect(card.periods[3]?.rates.MX?.marketing).toBe(0.0397);
    expect(DEFAULT_RATE_CARD.periods[1]?.rates.MX?.marketing).toBe(0.0305);
    // While typing, the text is kept as typed; leaving the field shows the stored value.
    expect((input as HTMLInputElement).value).toBe('0,031');
    await user.tab();
    expect((input as HTMLInputElement).value).toBe('0.031');
  });

  it('keeps an invalid entry out of the card and says why', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await choosePeriod(user, 'pmp-2025-07');
    const input = screen.getByRole('textbox', { name: 'Utility rate for Colombia' });
    await user.clear(input);
    await user.type(input, 'abc');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Enter a rate in USD, e.g. 0.0125.');
    // Clearing produced no valid value, typing "abc" neither: the card never changed.
    expect(seen.every((card) => card.periods[1]?.rates.CO?.utility === 0.0008)).toBe(true);
  });

  it('adds a country once its four rates are filled', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await choosePeriod(user, 'pmp-2025-07');
    await user.type(screen.getByRole('textbox', { name: /Add a country/ }), 'Ecuador');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Fill the four rates to add Ecuador to the card.')).toBeTruthy();
    const marketing = screen.getByRole('textbox', { name: 'Marketing rate for Ecuador' });
    // The region's rate is suggested as a placeholder.
    expect(marketing.getAttribute('placeholder')).toBe('0.074');
    await user.type(marketing, '0.07');
    await user.type(screen.getByRole('textbox', { name: 'Utility rate for Ecuador' }), '0.01');
    await user.type(
      screen.getByRole('textbox', { name: 'Authentication rate for Ecuador' }),
      '0.01',
    );
    expect(seen).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: 'Service rate for Ecuador' }), '0');
    expect(last(seen).periods[1]?.rates.EC).toEqual({
      marketing: 0.07,
      utility: 0.01,
      authentication: 0.01,
      service: 0,
    });
  });

  it('rejects an unknown or duplicate country', async () => {
    const user = userEvent.setup();
    renderIn(<Harness seen={[]} />);
    const field = screen.getByRole('textbox', { name: /Add a country/ });
    await user.type(field, 'Narnia{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      '“Narnia” is not a country this tool recognises.',
    );
    await user.clear(field);
    await user.type(field, 'méxico{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Mexico is already on this period’s card.');
  });

  it('removes a market and resets to the default', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    await choosePeriod(user, 'pmp-2025-07');
    await user.click(screen.getByRole('button', { name: 'Remove Brazil' }));
    expect(last(seen).periods[1]?.rates.BR).toBeUndefined();
    expect(last(seen).periods[0]?.rates.BR).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect(last(seen)).toEqual(DEFAULT_RATE_CARD);
    expect(screen.getByRole('status').textContent).toBe('The default rate card is back.');
  });

  it('toggles the Rest of Latin America fallback', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    const box = screen.getByRole('checkbox', { name: /Rest of Latin America/ });
    expect((box as HTMLInputElement).checked).toBe(true);
    await user.click(box);
    expect(last(seen).applyRegionFallback).toBe(false);
  });

  it('imports a valid file and lists the problems of an invalid one', async () => {
    const user = userEvent.setup();
    const seen: RateCard[] = [];
    renderIn(<Harness seen={seen} />);
    const file = screen.getByTestId('rate-card-file') as HTMLInputElement;

    const broken = JSON.parse(serializeRateCard(DEFAULT_RATE_CARD)) as RateCard;
    (broken.periods[0] as { model: string }).model = 'per-minute';
    await user.upload(
      file,
      new File([JSON.stringify(broken)], 'card.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'periods[0].model: Expected one of per-conversation, per-message, got "per-minute".',
    ]);
    expect(seen).toHaveLength(0);

    const edited = cloneRateCard(DEFAULT_RATE_CARD);
    edited.name = 'Negotiated 2026';
    await user.upload(file, new File([serializeRateCard(edited)], 'card.json'));
    expect((await screen.findByRole('status')).textContent).toBe('Rate card imported.');
    expect(last(seen).name).toBe('Negotiated 2026');
  });

  it('exports the current card as JSON that imports back', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn();
    renderIn(<Harness seen={[]} onExport={onExport} />);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    const [json, fileName] = onExport.mock.calls[0] as [string, string];
    expect(fileName).toBe('wolkvox-whatsapp-rate-card.json');
    expect(parseRateCardJson(json)).toEqual({ ok: true, card: DEFAULT_RATE_CARD });
  });

  it('speaks Spanish', async () => {
    const user = userEvent.setup();
    renderIn(<Harness seen={[]} />, { language: 'es', locale: 'es' });
    await choosePeriodEs(user);
    expect(screen.getByRole('textbox', { name: 'Tarifa de Marketing para México' })).toBeTruthy();
    expect(screen.getByText('Las filas de servicio (sin plantilla) son gratuitas.')).toBeTruthy();
  });
});

async function choosePeriodEs(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(
    screen.getByRole('combobox', { name: /Periodo de tarifas/ }),
    'pmp-2025-07',
  );
}
