import { renderHook, waitFor, act } from '@testing-library/react';
import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  rateCardId,
  serializeRateCard,
} from '../../src/billing/model/rate-card';
import { forgetDeployedRateCard, useRateCard } from '../../src/billing/ui/rate-card-store';
import { givenDeployedRateCard } from '../msw-server';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const deployed = cloneRateCard(DEFAULT_RATE_CARD);
deployed.name = 'Negotiated with our BSP';
deployed.periods[3]!.rates.CO!.marketing = 0.011;

describe('the deployment’s rate card (/rate-card.json beside the app)', () => {
  afterEach(() => forgetDeployedRateCard());

  it('prices for everyone who has not edited their card, and reset returns to it', async () => {
    givenDeployedRateCard(serializeRateCard(deployed));
    const { result } = renderHook(() => useRateCard(memoryStorage()));
    await waitFor(() => expect(result.current.source).toBe('deployed'));
    expect(result.current.card).toEqual(deployed);
    const edited = cloneRateCard(deployed);
    edited.name = 'Mine';
    act(() => result.current.setCard(edited));
    expect(result.current.source).toBe('stored');
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ source: 'deployed', card: deployed });
  });

  it('does not replace a card the supervisor edited', async () => {
    givenDeployedRateCard(serializeRateCard(deployed));
    const mine = cloneRateCard(DEFAULT_RATE_CARD);
    mine.name = 'Mine';
    const storage = memoryStorage({ 'wolkvox.rateCard.v1': serializeRateCard(mine) });
    const { result } = renderHook(() => useRateCard(storage));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toMatchObject({ source: 'stored', card: { name: 'Mine' } });
  });

  it('is ignored when absent or invalid (the shipped card stays)', async () => {
    givenDeployedRateCard('{"version": 2}');
    const { result } = renderHook(() => useRateCard(memoryStorage()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.source).toBe('default');
  });

  it('has an id that links can name: "default" for the shipped card, a hash otherwise', () => {
    expect(rateCardId(DEFAULT_RATE_CARD)).toBe('default');
    expect(rateCardId(cloneRateCard(DEFAULT_RATE_CARD))).toBe('default');
    expect(rateCardId(deployed)).toMatch(/^c-[0-9a-f]{8}$/);
    expect(rateCardId(cloneRateCard(deployed))).toBe(rateCardId(deployed));
  });
});
