import { useCallback, useState } from 'react';
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
 * default with a message, and is left in place until the next save or reset.
 */

export const RATE_CARD_STORAGE_KEY = 'wolkvox.rateCard.v1';

export type RateCardProblem = 'corrupt' | 'unavailable';

export interface LoadedRateCard {
  card: RateCard;
  source: 'default' | 'stored';
  /** Why the default is used although something was expected. */
  problem?: RateCardProblem;
  /** English explanation of the problem (the UI may translate by `problem`). */
  message?: string;
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
      message: 'The saved rate card cannot be read (storage unavailable); using the default card.',
    };
  }
  if (text === null) return { card: DEFAULT_RATE_CARD, source: 'default' };
  const result = parseRateCardJson(text);
  if (result.ok) return { card: result.card, source: 'stored' };
  return {
    card: DEFAULT_RATE_CARD,
    source: 'default',
    problem: 'corrupt',
    message: 'The saved rate card is damaged and was not used; using the default card.',
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

/** The rate card, loaded once from storage and saved on every change. */
export function useRateCard(storage?: StorageLike): RateCardState {
  const [state, setState] = useState<LoadedRateCard & { saved: boolean }>(() => ({
    ...loadRateCard(storage ?? defaultStorage()),
    saved: true,
  }));
  const setCard = useCallback(
    (card: RateCard) => {
      const saved = saveRateCard(card, storage ?? defaultStorage());
      setState({ card, source: 'stored', saved });
    },
    [storage],
  );
  const reset = useCallback(() => {
    clearRateCard(storage ?? defaultStorage());
    setState({ card: DEFAULT_RATE_CARD, source: 'default', saved: true });
  }, [storage]);
  const dismissProblem = useCallback(() => {
    setState(({ card, source, saved }) => ({ card, source, saved }));
  }, []);
  return { ...state, setCard, reset, dismissProblem };
}
