import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_RATE_CARD,
  parseRateCardJson,
  serializeRateCard,
  type RateCard,
  type RateCardIssue,
} from '../model/rate-card';

/**
 * Persistence of the user's rate card in localStorage. Only an edited card is
 * stored; "reset" removes the key so the shipped default (which may be updated
 * by a release) applies again. Corrupt or invalid stored data falls back to the
 * default with a problem code (the page says it in the user's language), and is left in
 * place until the next save or reset.
 */

export const RATE_CARD_STORAGE_KEY = 'wolkvox.rateCard.v1';

export type RateCardProblem = 'corrupt' | 'unavailable';

export interface LoadedRateCard {
  card: RateCard;
  /** `deployed`: the deployment's /rate-card.json (every supervisor's card until they edit). */
  source: 'default' | 'deployed' | 'stored';
  /** Why the default is used although something was expected. */
  problem?: RateCardProblem;
  issues?: RateCardIssue[];
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // e.g. a SecurityError when storage is blocked
  }
}

export function loadRateCard(storage: StorageLike | undefined = defaultStorage()): LoadedRateCard {
  if (!storage) return { card: DEFAULT_RATE_CARD, source: 'default' };
  let text: string | null;
  try {
    text = storage.getItem(RATE_CARD_STORAGE_KEY);
  } catch {
    return {
      card: DEFAULT_RATE_CARD,
      source: 'default',
      problem: 'unavailable',
    };
  }
  if (text === null) return { card: DEFAULT_RATE_CARD, source: 'default' };
  const result = parseRateCardJson(text);
  if (result.ok) return { card: result.card, source: 'stored' };
  return {
    card: DEFAULT_RATE_CARD,
    source: 'default',
    problem: 'corrupt',
    issues: result.issues,
  };
}

/** Stores the card; false when storage is unavailable or full. */
export function saveRateCard(
  card: RateCard,
  storage: StorageLike | undefined = defaultStorage(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(RATE_CARD_STORAGE_KEY, serializeRateCard(card));
    return true;
  } catch {
    return false;
  }
}

export function clearRateCard(storage: StorageLike | undefined = defaultStorage()): void {
  try {
    storage?.removeItem(RATE_CARD_STORAGE_KEY);
  } catch {
    // nothing to clear
  }
}

export interface RateCardState extends LoadedRateCard {
  /** Replace the card and persist it. */
  setCard: (card: RateCard) => void;
  /** Back to the shipped default; the stored card is removed. */
  reset: () => void;
  /** Forget the load problem (after the user has seen the message). */
  dismissProblem: () => void;
  /** False when the last save failed. */
  saved: boolean;
}

/**
 * Cards this tab uses but could not store (quota full, storage blocked), by storage. A
 * 6 MB import once said "imported" while storage kept the old card, and report 10 then
 * priced with the old one: now the page says the card is not saved, and every user of
 * the card in this tab (report 10's estimate too) gets the card the page shows.
 */
const unsaved = new WeakMap<object, RateCard>();
const NO_STORAGE = {};

/**
 * The deployment's rate card: a `rate-card.json` served beside the app (e.g. copied into
 * dist/). When present and valid, it replaces the shipped default for every supervisor who has
 * not edited their own card. Fetched once per page; absent, unreadable or invalid = none (an
 * invalid file is reported in the console: the deployer, not the supervisor, must fix it).
 */
let deployedCard: Promise<RateCard | undefined> | undefined;
let deployedKnown: RateCard | undefined;

export function loadDeployedRateCard(): Promise<RateCard | undefined> {
  deployedCard ??= (async () => {
    if (typeof fetch !== 'function' || typeof window === 'undefined') return undefined;
    try {
      const response = await fetch(new URL('rate-card.json', document.baseURI), {
        headers: { accept: 'application/json' },
      });
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !type.includes('json')) return undefined;
      const result = parseRateCardJson(await response.text());
      if (!result.ok) {
        console.warn('rate-card.json is not a valid rate card:', result.issues);
        return undefined;
      }
      deployedKnown = result.card;
      return result.card;
    } catch {
      return undefined;
    }
  })();
  return deployedCard;
}

/** The deployment's card once loaded (undefined before, or when there is none). */
export function deployedRateCard(): RateCard | undefined {
  return deployedKnown;
}

/** For tests: forget the deployment's card so the next use fetches it again. */
export function forgetDeployedRateCard(): void {
  deployedCard = undefined;
  deployedKnown = undefined;
}

/** The rate card, loaded from storage (or this tab's unsaved card) and saved on every change. */
export function useRateCard(storage?: StorageLike): RateCardState {
  const [state, setState] = useState<LoadedRateCard & { saved: boolean }>(() => {
    const target = storage ?? defaultStorage();
    const pending = unsaved.get(target ?? NO_STORAGE);
    if (pending) return { card: pending, source: 'stored', saved: false };
    const loaded = loadRateCard(target);
    if (loaded.source === 'default' && deployedKnown) {
      return { ...loaded, card: deployedKnown, source: 'deployed', saved: true };
    }
    return { ...loaded, saved: true };
  });
  const usesDefault = state.source === 'default';
  useEffect(() => {
    if (!usesDefault) return;
    let live = true;
    void loadDeployedRateCard().then((card) => {
      if (!live || !card) return;
      setState((current) =>
        current.source === 'default' ? { ...current, card, source: 'deployed' } : current,
      );
    });
    return () => {
      live = false;
    };
  }, [usesDefault]);
  const setCard = useCallback(
    (card: RateCard) => {
      const target = storage ?? defaultStorage();
      const saved = saveRateCard(card, target);
      if (saved) unsaved.delete(target ?? NO_STORAGE);
      else unsaved.set(target ?? NO_STORAGE, card);
      setState({ card, source: 'stored', saved });
    },
    [storage],
  );
  const reset = useCallback(() => {
    const target = storage ?? defaultStorage();
    unsaved.delete(target ?? NO_STORAGE);
    clearRateCard(target);
    setState(
      deployedKnown
        ? { card: deployedKnown, source: 'deployed', saved: true }
        : { card: DEFAULT_RATE_CARD, source: 'default', saved: true },
    );
  }, [storage]);
  const dismissProblem = useCallback(() => {
    setState(({ card, source, saved }) => ({ card, source, saved }));
  }, []);
  return { ...state, setCard, reset, dismissProblem };
}
