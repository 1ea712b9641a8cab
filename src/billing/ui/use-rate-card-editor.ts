import { useState, type FormEvent } from 'react';
import { countryDisplayName, resolveCountry } from '../model/country';
import {
  cloneRateCard,
  findPeriod,
  parseRateCardJson,
  parseRateText,
  RATE_CATEGORIES,
  type MarketRates,
  type RateCard,
  type RateCardIssue,
  type RateCategory,
  type RatePeriod,
} from '../model/rate-card';

/** What the editor has to tell: a code and its values; the view words it. */
export type EditorNotice =
  | { kind: 'resetDone' }
  | { kind: 'imported' }
  | { kind: 'unknownCountry'; value: string }
  | { kind: 'alreadyOnCard'; market: string }
  | { kind: 'importFailed'; issues: RateCardIssue[] };

type Draft = Partial<Record<RateCategory, string>>;

export interface RateCardEditorOptions {
  card: RateCard;
  onChange: (card: RateCard) => void;
  onReset?: () => void;
  defaultCard: RateCard;
  /** For country names and their order. */
  locale: string;
  /** A region's name as the page shows it (the shipped card's names in the user's language). */
  regionName: (key: string) => string | undefined;
  /** The operation's today (YYYY-MM-DD): the period shown first is the one in force then. */
  today: string;
}

function withRates(
  card: RateCard,
  periodId: string,
  update: (rates: Record<string, MarketRates>) => Record<string, MarketRates>,
): RateCard {
  return {
    ...card,
    periods: card.periods.map((period) =>
      period.id === periodId ? { ...period, rates: update({ ...period.rates }) } : period,
    ),
  };
}

/**
 * The rate-card editor's state and actions, apart from its view: the chosen period, the
 * text of rate inputs that do not hold a valid rate yet, the country being added, and the
 * last notice. Every valid edit goes out through `onChange` as a new card.
 */
export function useRateCardEditor({
  card,
  onChange,
  onReset,
  defaultCard,
  locale,
  regionName,
  today,
}: RateCardEditorOptions) {
  const [chosenPeriod, setChosenPeriod] = useState<string | undefined>(
    () => (findPeriod(card, today) ?? card.periods[card.periods.length - 1])?.id,
  );
  /** Text of inputs that do not hold a valid rate yet, by period → market → category. */
  const [drafts, setDrafts] = useState<Record<string, Record<string, Draft>>>({});
  const [newCountry, setNewCountry] = useState('');
  const [notice, setNotice] = useState<EditorNotice | undefined>();

  const period: RatePeriod | undefined =
    card.periods.find((p) => p.id === chosenPeriod) ?? card.periods[0];
  const periodDrafts = (period && drafts[period.id]) ?? {};

  const nameOf = (key: string) =>
    regionName(key) ?? (/^[A-Z]{2}$/.test(key) ? countryDisplayName(key, locale) : key);
  const rates = period?.rates ?? {};
  const markets = Object.keys(rates).sort((a, b) => {
    const regionA = a in card.regions;
    const regionB = b in card.regions;
    if (regionA !== regionB) return regionA ? 1 : -1;
    return nameOf(a).localeCompare(nameOf(b), locale);
  });
  const pendingMarkets = Object.keys(periodDrafts).filter((key) => !(key in rates));

  const setDraft = (market: string, draft: Draft | undefined) => {
    if (!period) return;
    setDrafts((all) => {
      const forPeriod = { ...(all[period.id] ?? {}) };
      if (draft === undefined || Object.keys(draft).length === 0) delete forPeriod[market];
      else forPeriod[market] = draft;
      return { ...all, [period.id]: forPeriod };
    });
  };

  const editRate = (market: string, category: RateCategory, value: string) => {
    if (!period) return;
    const rate = parseRateText(value);
    const existing = period.rates[market];
    const draft: Draft = { ...(periodDrafts[market] ?? {}) };
    if (existing) {
      // The typed text stays while the field is edited ("0," must not become "0").
      draft[category] = value;
      setDraft(market, draft);
      if (rate !== undefined && rate !== existing[category]) {
        onChange(
          withRates(card, period.id, (all) => ({
            ...all,
            [market]: { ...existing, [category]: rate },
          })),
        );
      }
      return;
    }
    // A country being added: it joins the card once its four rates are valid.
    draft[category] = value;
    const values = RATE_CATEGORIES.map((c) => parseRateText(draft[c] ?? ''));
    if (values.every((v): v is number => v !== undefined)) {
      const [marketing, utility, authentication, service] = values as [
        number,
        number,
        number,
        number,
      ];
      setDraft(market, undefined);
      onChange(
        withRates(card, period.id, (all) => ({
          ...all,
          [market]: { marketing, utility, authentication, service },
        })),
      );
    } else setDraft(market, draft);
  };

  /** Leaving a valid field drops its draft, so it shows the card's value again. */
  const settle = (market: string, category: RateCategory) => {
    const draft = periodDrafts[market];
    const value = draft?.[category];
    if (!(market in rates) || value === undefined || parseRateText(value) === undefined) {
      return;
    }
    const rest = { ...draft };
    delete rest[category];
    setDraft(market, rest);
  };

  const removeMarket = (market: string) => {
    setDraft(market, undefined);
    if (!period || !(market in period.rates)) return;
    onChange(
      withRates(card, period.id, (all) => {
        delete all[market];
        return all;
      }),
    );
  };

  const addCountry = (event: FormEvent) => {
    event.preventDefault();
    const value = newCountry.trim();
    if (value === '') return;
    const key = resolveCountry(value);
    if (!key) {
      setNotice({ kind: 'unknownCountry', value });
      return;
    }
    if (key in rates || key in periodDrafts) {
      setNotice({ kind: 'alreadyOnCard', market: key });
      return;
    }
    setDraft(key, { marketing: '' });
    setNewCountry('');
    setNotice(undefined);
  };

  const reset = () => {
    setDrafts({});
    if (onReset) onReset();
    else onChange(cloneRateCard(defaultCard));
    setNotice({ kind: 'resetDone' });
  };

  const importText = (text: string) => {
    const result = parseRateCardJson(text);
    if (!result.ok) {
      setNotice({ kind: 'importFailed', issues: result.issues });
      return;
    }
    setDrafts({});
    onChange(result.card);
    setNotice({ kind: 'imported' });
  };

  /** A typed text that is not a rate (an empty field of a country being added is not yet wrong). */
  const isInvalid = (market: string, draft: string | undefined) =>
    draft !== undefined && parseRateText(draft) === undefined && (market in rates || draft !== '');
  const anyInvalid = Object.entries(periodDrafts).some(([market, draft]) =>
    Object.values(draft).some((value) => isInvalid(market, value)),
  );

  /** What a rate input shows: the text being typed, else the card's rate. */
  const inputText = (market: string, category: RateCategory) => {
    const draft = periodDrafts[market]?.[category];
    const stored = rates[market]?.[category];
    return {
      value: draft ?? (stored === undefined ? '' : String(stored)),
      invalid: isInvalid(market, draft),
    };
  };

  /** For a country being added: its region's rate, as a hint. */
  const regionPlaceholder = (market: string, category: RateCategory): string | undefined => {
    if (market in rates) return undefined;
    for (const [key, region] of Object.entries(card.regions)) {
      const regional = rates[key];
      if (regional && region.members.includes(market)) return String(regional[category]);
    }
    return undefined;
  };

  return {
    period,
    choosePeriod: setChosenPeriod,
    markets,
    pendingMarkets,
    nameOf,
    inputText,
    regionPlaceholder,
    anyInvalid,
    editRate,
    settle,
    removeMarket,
    newCountry,
    setNewCountry,
    addCountry,
    reset,
    importText,
    notice,
  };
}
