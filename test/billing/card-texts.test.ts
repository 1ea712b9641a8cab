import { cloneRateCard, DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { cardTexts } from '../../src/billing/ui/card-texts';
import { translator } from '../../src/shared/i18n/i18n';

describe('cardTexts', () => {
  it('shows the shipped card’s texts as the card says them in English', () => {
    const texts = cardTexts(DEFAULT_RATE_CARD, translator('en'));
    expect(texts.name).toBe(DEFAULT_RATE_CARD.name);
    expect(texts.regionName('LATAM')).toBe(DEFAULT_RATE_CARD.regions.LATAM?.name);
    for (const period of DEFAULT_RATE_CARD.periods) {
      expect(texts.periodLabel(period)).toBe(period.label);
      expect(texts.periodNotes(period)).toBe(period.notes);
    }
  });

  it('shows them in Spanish in the Spanish UI, and an edited text as written', () => {
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.periods[1]!.label = 'Negociado con el BSP';
    const texts = cardTexts(card, translator('es'));
    expect(texts.regionName('LATAM')).toBe('Resto de América Latina');
    expect(texts.periodLabel(card.periods[0]!)).toBe(
      'Por conversación (ventanas de 24 h), servicio gratis',
    );
    expect(texts.periodLabel(card.periods[1]!)).toBe('Negociado con el BSP');
    expect(texts.periodNotes(card.periods[1]!)).toMatch(/^Marketing y autenticación se cobran/);
  });
});
