import { act, renderHook } from '@testing-library/react';
import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  serializeRateCard,
} from '../../src/billing/model/rate-card';
import {
  clearRateCard,
  loadRateCard,
  RATE_CARD_STORAGE_KEY,
  saveRateCard,
  useRateCard,
} from '../../src/billing/ui/rate-card-store';
import {
  describeLoadProblem,
  describeRateCardIssue,
} from '../../src/billing/ui/rate-card-issue-text';
import { translator } from '../../src/shared/i18n/i18n';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('rate card store', () => {
  it('uses the default when nothing is stored', () => {
    expect(loadRateCard(memoryStorage())).toEqual({ card: DEFAULT_RATE_CARD, source: 'default' });
  });

  it('round-trips an edited card under wolkvox.rateCard.v1', () => {
    const storage = memoryStorage();
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.applyRegionFallback = false;
    expect(saveRateCard(card, storage)).toBe(true);
    expect([...storage.data.keys()]).toEqual(['wolkvox.rateCard.v1']);
    expect(loadRateCard(storage)).toEqual({ card, source: 'stored' });
    clearRateCard(storage);
    expect(storage.data.size).toBe(0);
  });

  it('falls back to the default on corrupt JSON, with a message', () => {
    const loaded = loadRateCard(memoryStorage({ [RATE_CARD_STORAGE_KEY]: '{"version":1,' }));
    expect(loaded).toMatchObject({
      card: DEFAULT_RATE_CARD,
      source: 'default',
      problem: 'corrupt',
    });
    // The store gives the problem; the page words it in the user's language.
    expect(describeLoadProblem(loaded.problem!, translator('en'))).toBe(
      'The saved rate card is damaged and was not used; using the default card.',
    );
  });

  it('falls back to the default on a structurally invalid card and keeps the reasons', () => {
    const broken = JSON.parse(serializeRateCard(DEFAULT_RATE_CARD)) as { currency: string };
    broken.currency = 'COP';
    const loaded = loadRateCard(memoryStorage({ [RATE_CARD_STORAGE_KEY]: JSON.stringify(broken) }));
    expect(loaded.problem).toBe('corrupt');
    expect(
      loaded.issues?.map((issue) => ({
        path: issue.path,
        message: describeRateCardIssue(issue, translator('en')),
      })),
    ).toEqual([{ path: 'currency', message: 'Only USD cards are supported, got "COP".' }]);
  });

  it('survives a storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadRateCard(throwing)).toMatchObject({ source: 'default', problem: 'unavailable' });
    expect(saveRateCard(DEFAULT_RATE_CARD, throwing)).toBe(false);
    expect(() => clearRateCard(throwing)).not.toThrow();
  });

  it('useRateCard persists changes and reset removes the stored card', () => {
    const storage = memoryStorage({ [RATE_CARD_STORAGE_KEY]: 'garbage' });
    const { result } = renderHook(() => useRateCard(storage));
    expect(result.current.problem).toBe('corrupt');
    act(() => result.current.dismissProblem());
    expect(result.current.problem).toBeUndefined();

    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.name = 'Mine';
    act(() => result.current.setCard(card));
    expect(result.current).toMatchObject({ source: 'stored', saved: true });
    expect(loadRateCard(storage).card.name).toBe('Mine');

    act(() => result.current.reset());
    expect(result.current.card).toBe(DEFAULT_RATE_CARD);
    expect(storage.data.has(RATE_CARD_STORAGE_KEY)).toBe(false);
  });

  it('uses window.localStorage by default', () => {
    localStorage.removeItem(RATE_CARD_STORAGE_KEY);
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.name = 'In the browser';
    saveRateCard(card);
    expect(loadRateCard().card.name).toBe('In the browser');
    localStorage.removeItem(RATE_CARD_STORAGE_KEY);
  });
});

describe('rate card that cannot be saved (issue 18)', () => {
  /** A storage whose quota is full: every write throws, reads give the old card. */
  function fullStorage(old: string) {
    return {
      getItem: () => old,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
  }

  it('says the card was not saved, and every user in the tab prices with the card shown', () => {
    const oldCard = cloneRateCard(DEFAULT_RATE_CARD);
    oldCard.applyRegionFallback = false;
    const storage = fullStorage(serializeRateCard(oldCard));
    const page = renderHook(() => useRateCard(storage));
    expect(page.result.current.card).toEqual(oldCard);

    const imported = cloneRateCard(DEFAULT_RATE_CARD); // the 6 MB import, in short
    act(() => page.result.current.setCard(imported));
    expect(page.result.current.saved).toBe(false);
    expect(page.result.current.card).toBe(imported);

    // Report 10's panel, mounted afterwards in the same tab, gets the card the page shows,
    // not the old one storage still holds.
    const panel = renderHook(() => useRateCard(storage));
    expect(panel.result.current.card).toBe(imported);
    expect(panel.result.current.saved).toBe(false);

    // Reset forgets the unsaved card.
    act(() => panel.result.current.reset());
    expect(renderHook(() => useRateCard(storage)).result.current.saved).toBe(true);
  });
});
