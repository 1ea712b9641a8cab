import { renderHook, waitFor, act } from '@testing-library/react';
import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  rateCardId,
  serializeRateCard,
} from '../../src/billing/model/rate-card';
import { http, HttpResponse } from 'msw';
import {
  forgetDeployedRateCard,
  loadDeployedRateCard,
  useRateCard,
} from '../../src/billing/ui/rate-card-store';
import { server } from '../msw-server';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

/**
 * The deployment serves `json` as /rate-card.json (or nothing: 404); `requests` counts the
 * calls answered, so a test can tell the fetch happened.
 */
function serveRateCard(json: string | undefined) {
  const served = { requests: 0 };
  server.use(
    http.get('*/rate-card.json', () => {
      served.requests++;
      return json === undefined
        ? new HttpResponse(null, { status: 404 })
        : new HttpResponse(json, { headers: { 'content-type': 'application/json' } });
    }),
  );
  return served;
}

/** Waits until the page's fetch of rate-card.json has been answered and read, and React has applied it. */
async function deployedCardSettled() {
  const card = await loadDeployedRateCard();
  await act(async () => {});
  return card;
}

const deployed = cloneRateCard(DEFAULT_RATE_CARD);
deployed.name = 'Negotiated with our BSP';
deployed.periods[3]!.rates.CO!.marketing = 0.011;

describe('the deployment’s rate card (/rate-card.json beside the app)', () => {
  afterEach(() => forgetDeployedRateCard());

  it('prices for everyone who has not edited their card, and reset returns to it', async () => {
    const served = serveRateCard(serializeRateCard(deployed));
    const { result } = renderHook(() => useRateCard(memoryStorage()));
    await waitFor(() => expect(result.current.source).toBe('deployed'));
    expect(served.requests).toBe(1);
    expect(result.current.card).toEqual(deployed);
    const edited = cloneRateCard(deployed);
    edited.name = 'Mine';
    act(() => result.current.setCard(edited));
    expect(result.current.source).toBe('stored');
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ source: 'deployed', card: deployed });
  });

  it('does not replace a card the supervisor edited', async () => {
    const served = serveRateCard(serializeRateCard(deployed));
    const mine = cloneRateCard(DEFAULT_RATE_CARD);
    mine.name = 'Mine';
    const storage = memoryStorage({ 'wolkvox.rateCard.v1': serializeRateCard(mine) });
    const { result } = renderHook(() => useRateCard(storage));
    // The deployed card is fetched (by this page, for any card still on the default) and in
    // effect: a supervisor with no card of their own gets it.
    expect(await deployedCardSettled()).toEqual(deployed);
    expect(served.requests).toBe(1);
    const fresh = renderHook(() => useRateCard(memoryStorage()));
    expect(fresh.result.current).toMatchObject({ source: 'deployed', card: deployed });
    // …and the edited card stays.
    expect(result.current).toMatchObject({ source: 'stored', card: mine });
  });

  it.each([
    ['absent', undefined],
    ['invalid', '{"version": 2}'],
    ['invalid in one rate', serializeRateCard(deployed).replace('0.011', '"0.011"')],
  ])('is ignored when %s (the shipped card stays)', async (_, json) => {
    const served = serveRateCard(json);
    const { result } = renderHook(() => useRateCard(memoryStorage()));
    expect(await deployedCardSettled()).toBeUndefined();
    expect(served.requests).toBe(1);
    expect(result.current).toMatchObject({ source: 'default', card: DEFAULT_RATE_CARD });
  });

  it('has an id that links can name: "default" for the shipped card, a hash otherwise', () => {
    expect(rateCardId(DEFAULT_RATE_CARD)).toBe('default');
    expect(rateCardId(cloneRateCard(DEFAULT_RATE_CARD))).toBe('default');
    expect(rateCardId(deployed)).toMatch(/^c-[0-9a-f]{8}$/);
    expect(rateCardId(cloneRateCard(deployed))).toBe(rateCardId(deployed));
  });
});
