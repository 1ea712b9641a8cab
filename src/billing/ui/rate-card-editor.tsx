import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { downloadBlob } from '../../shared/download';
import { countryDisplayName, resolveCountry } from '../model/country';
import { fill, pickLabels, RATE_CARD_EDITOR_LABELS, type RateCardEditorLabels } from './labels';
import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  findPeriod,
  parseRateCardJson,
  parseRateText,
  RATE_CATEGORIES,
  serializeRateCard,
  type MarketRates,
  type RateCard,
  type RateCardIssue,
  type RateCategory,
  type RatePeriod,
} from '../model/rate-card';

export interface RateCardEditorProps {
  /** The card being edited (controlled). */
  card: RateCard;
  /** Every valid edit, import, toggle or reset produces a new card. */
  onChange: (card: RateCard) => void;
  /** "Reset to default"; default: `onChange(copy of defaultCard)`. Use `useRateCard().reset` to also clear storage. */
  onReset?: () => void;
  defaultCard?: RateCard;
  /** Export override; default: download `fileName`. */
  onExport?: (json: string, fileName: string) => void;
  locale?: string;
  labels?: Partial<RateCardEditorLabels>;
}

export const RATE_CARD_FILE_NAME = 'wolkvox-whatsapp-rate-card.json';

type Draft = Partial<Record<RateCategory, string>>;
type Message =
  { kind: 'status'; text: string } | { kind: 'error'; text: string; issues?: RateCardIssue[] };

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

/** The rate card as a JSON file, through the app's one download helper. */
function download(json: string, fileName: string): void {
  downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Edit the rates of each pricing period, add countries, reset, import/export JSON. */
export function RateCardEditor({
  card,
  onChange,
  onReset,
  defaultCard = DEFAULT_RATE_CARD,
  onExport = download,
  locale = 'en',
  labels,
}: RateCardEditorProps) {
  const text = pickLabels(RATE_CARD_EDITOR_LABELS, locale, labels);
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosenPeriod, setChosenPeriod] = useState<string | undefined>(
    () => (findPeriod(card, todayIso()) ?? card.periods[card.periods.length - 1])?.id,
  );
  /** Text of inputs that do not hold a valid rate yet, by period → market → category. */
  const [drafts, setDrafts] = useState<Record<string, Record<string, Draft>>>({});
  const [newCountry, setNewCountry] = useState('');
  const [message, setMessage] = useState<Message | undefined>();

  const period: RatePeriod | undefined =
    card.periods.find((p) => p.id === chosenPeriod) ?? card.periods[0];
  if (!period) return null;
  const periodDrafts = drafts[period.id] ?? {};

  const nameOf = (key: string) =>
    card.regions[key]?.name ?? (/^[A-Z]{2}$/.test(key) ? countryDisplayName(key, locale) : key);
  const markets = Object.keys(period.rates).sort((a, b) => {
    const regionA = a in card.regions;
    const regionB = b in card.regions;
    if (regionA !== regionB) return regionA ? 1 : -1;
    return nameOf(a).localeCompare(nameOf(b), locale);
  });
  const pendingMarkets = Object.keys(periodDrafts).filter((key) => !(key in period.rates));

  const setDraft = (market: string, draft: Draft | undefined) => {
    setDrafts((all) => {
      const forPeriod = { ...(all[period.id] ?? {}) };
      if (draft === undefined || Object.keys(draft).length === 0) delete forPeriod[market];
      else forPeriod[market] = draft;
      return { ...all, [period.id]: forPeriod };
    });
  };

  const editRate = (market: string, category: RateCategory, value: string) => {
    const rate = parseRateText(value);
    const existing = period.rates[market];
    const draft: Draft = { ...(periodDrafts[market] ?? {}) };
    if (existing) {
      // The typed text stays while the field is edited ("0," must not become "0").
      draft[category] = value;
      setDraft(market, draft);
      if (rate !== undefined && rate !== existing[category]) {
        onChange(
          withRates(card, period.id, (rates) => ({
            ...rates,
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
        withRates(card, period.id, (rates) => ({
          ...rates,
          [market]: { marketing, utility, authentication, service },
        })),
      );
    } else setDraft(market, draft);
  };

  /** Leaving a valid field drops its draft, so it shows the card's value again. */
  const settle = (market: string, category: RateCategory) => {
    const draft = periodDrafts[market];
    const value = draft?.[category];
    if (!(market in period.rates) || value === undefined || parseRateText(value) === undefined) {
      return;
    }
    const rest = { ...draft };
    delete rest[category];
    setDraft(market, rest);
  };

  const removeMarket = (market: string) => {
    setDraft(market, undefined);
    if (!(market in period.rates)) return;
    onChange(
      withRates(card, period.id, (rates) => {
        delete rates[market];
        return rates;
      }),
    );
  };

  const addCountry = (event: FormEvent) => {
    event.preventDefault();
    const value = newCountry.trim();
    if (value === '') return;
    const key = resolveCountry(value);
    if (!key) {
      setMessage({ kind: 'error', text: fill(text.unknownCountry, { value }) });
      return;
    }
    if (key in period.rates || key in periodDrafts) {
      setMessage({ kind: 'error', text: fill(text.alreadyOnCard, { name: nameOf(key) }) });
      return;
    }
    setDraft(key, { marketing: '' });
    setNewCountry('');
    setMessage(undefined);
  };

  const reset = () => {
    setDrafts({});
    if (onReset) onReset();
    else onChange(cloneRateCard(defaultCard));
    setMessage({ kind: 'status', text: text.resetDone });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const result = parseRateCardJson(await file.text());
    input.value = '';
    if (!result.ok) {
      setMessage({ kind: 'error', text: text.importFailed, issues: result.issues });
      return;
    }
    setDrafts({});
    onChange(result.card);
    setMessage({ kind: 'status', text: text.imported });
  };

  const statusText = {
    confirmed: text.confirmed,
    reported: text.reported,
    uncertain: text.uncertain,
  };
  const categoryText = {
    marketing: text.marketing,
    utility: text.utility,
    authentication: text.authentication,
    service: text.service,
  };
  const isInvalid = (market: string, draft: string | undefined) =>
    draft !== undefined &&
    parseRateText(draft) === undefined &&
    (market in period.rates || draft !== '');
  const anyInvalid = Object.entries(periodDrafts).some(([market, draft]) =>
    Object.values(draft).some((value) => isInvalid(market, value)),
  );

  const rateInput = (market: string, category: RateCategory, stored: number | undefined) => {
    const draft = periodDrafts[market]?.[category];
    const value = draft ?? (stored === undefined ? '' : String(stored));
    const invalid = isInvalid(market, draft);
    const placeholder = !(market in period.rates) ? regionPlaceholder(market, category) : undefined;
    return (
      <input
        type="text"
        inputMode="decimal"
        size={8}
        value={value}
        placeholder={placeholder}
        aria-label={fill(text.rateInput, {
          category: categoryText[category],
          name: nameOf(market),
        })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-invalid` : undefined}
        onChange={(event) => editRate(market, category, event.currentTarget.value)}
        onBlur={() => settle(market, category)}
      />
    );
  };

  const regionPlaceholder = (market: string, category: RateCategory): string | undefined => {
    for (const [key, region] of Object.entries(card.regions)) {
      const rates = period.rates[key];
      if (rates && region.members.includes(market)) return String(rates[category]);
    }
    return undefined;
  };

  return (
    <section aria-labelledby={`${id}-title`} className="billing-rate-card">
      <h3 id={`${id}-title`}>{text.title}</h3>

      <label>
        {text.period}{' '}
        <select value={period.id} onChange={(event) => setChosenPeriod(event.currentTarget.value)}>
          {card.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {fill(text.validity, { from: p.from, to: p.to ?? text.openEnded })} — {p.label}
            </option>
          ))}
        </select>
      </label>

      <ul className="billing-period-facts">
        <li>
          {period.model === 'per-conversation' ? text.perConversation : text.perMessage} (
          {statusText[period.status]}) · {fill(text.asOf, { date: period.asOf })}
        </li>
        <li>
          {period.serviceFreePerConnectorMonth === null
            ? text.serviceAlwaysFree
            : fill(text.serviceAllowance, {
                n: new Intl.NumberFormat(locale).format(period.serviceFreePerConnectorMonth),
              })}
        </li>
        <li>
          {fill(text.utilityFreeInWindow, {
            value: period.utilityFreeInServiceWindow ? text.yes : text.no,
          })}
        </li>
        {period.notes && <li>{period.notes}</li>}
      </ul>
      {period.sources.length > 0 && (
        <details>
          <summary>{text.sources}</summary>
          <ul>
            {period.sources.map((source) => (
              <li key={source}>
                {/^https?:\/\//.test(source) ? (
                  <a href={source} target="_blank" rel="noreferrer">
                    {source}
                  </a>
                ) : (
                  source
                )}
              </li>
            ))}
          </ul>
        </details>
      )}

      {Object.entries(card.regions).map(([key, region]) => (
        <div key={key}>
          <label>
            <input
              type="checkbox"
              checked={card.applyRegionFallback}
              onChange={(event) =>
                onChange({ ...card, applyRegionFallback: event.currentTarget.checked })
              }
            />{' '}
            {fill(text.regionFallback, { region: region.name })}
          </label>
          <p className="billing-note">
            {fill(text.regionMembers, {
              members: region.members.map((m) => countryDisplayName(m, locale)).join(', '),
            })}
          </p>
        </div>
      ))}

      <table>
        <thead>
          <tr>
            <th scope="col">{text.market}</th>
            {RATE_CATEGORIES.map((category) => (
              <th key={category} scope="col">
                {categoryText[category]}
              </th>
            ))}
            <th scope="col">{text.actions}</th>
          </tr>
        </thead>
        <tbody>
          {[...markets, ...pendingMarkets].map((market) => {
            const rates = period.rates[market];
            return (
              <tr key={market}>
                <th scope="row">
                  {nameOf(market)}
                  {!rates && (
                    <>
                      <br />
                      <small>{fill(text.pending, { name: nameOf(market) })}</small>
                    </>
                  )}
                </th>
                {RATE_CATEGORIES.map((category) => (
                  <td key={category}>{rateInput(market, category, rates?.[category])}</td>
                ))}
                <td>
                  <button type="button" onClick={() => removeMarket(market)}>
                    {fill(text.remove, { name: nameOf(market) })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {anyInvalid && (
        <p id={`${id}-invalid`} role="alert">
          {text.invalidRate}
        </p>
      )}

      <form onSubmit={addCountry}>
        <label>
          {text.addCountry}{' '}
          <input
            type="text"
            value={newCountry}
            placeholder={text.addCountryPlaceholder}
            onChange={(event) => setNewCountry(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">{text.add}</button>
      </form>

      <div className="billing-actions">
        <button type="button" onClick={reset}>
          {text.reset}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {text.importJson}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="rate-card-file"
          onChange={(event) => void importFile(event)}
        />
        <button
          type="button"
          onClick={() => onExport(serializeRateCard(card), RATE_CARD_FILE_NAME)}
        >
          {text.exportJson}
        </button>
      </div>

      {message?.kind === 'status' && <p role="status">{message.text}</p>}
      {message?.kind === 'error' && (
        <div role="alert">
          <p>{message.text}</p>
          {message.issues && (
            <ul>
              {message.issues.slice(0, 20).map((issue, index) => (
                <li key={index}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
              {message.issues.length > 20 && <li>…</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
