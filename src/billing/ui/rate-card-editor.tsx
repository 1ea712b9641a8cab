import { useId, useRef, type ChangeEvent } from 'react';
import { todayIn } from '../../report-model/date-presets';
import { downloadBlob } from '../../shared/download';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { useI18n, type MessageKey } from '../../shared/i18n/i18n';
import { countryDisplayName } from '../model/country';
import {
  DEFAULT_RATE_CARD,
  RATE_CATEGORIES,
  serializeRateCard,
  type RateCard,
  type RateCategory,
  type RateStatus,
} from '../model/rate-card';
import { cardTexts } from './card-texts';
import { describeRateCardIssue } from './rate-card-issue-text';
import { useRateCardEditor, type EditorNotice } from './use-rate-card-editor';

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
  /** The operation's today (Settings' zone); default: today in the default zone. */
  today?: string;
}

export const RATE_CARD_FILE_NAME = 'wolkvox-whatsapp-rate-card.json';

/** The rate card as a JSON file, through the app's one download helper. */
function download(json: string, fileName: string): void {
  downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
}

const STATUS_KEY = {
  confirmed: 'rateCard.confirmed',
  reported: 'rateCard.reported',
  uncertain: 'rateCard.uncertain',
} as const satisfies Record<RateStatus, MessageKey>;
const CATEGORY_KEY = {
  marketing: 'rateCard.marketing',
  utility: 'rateCard.utility',
  authentication: 'rateCard.authentication',
  service: 'rateCard.service',
} as const satisfies Record<RateCategory, MessageKey>;

/** Edit the rates of each pricing period, add countries, reset, import/export JSON. */
export function RateCardEditor({
  card,
  onChange,
  onReset,
  defaultCard = DEFAULT_RATE_CARD,
  onExport = download,
  today = todayIn(DEFAULT_SETTINGS.timeZone),
}: RateCardEditorProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const texts = cardTexts(card, t);
  const editor = useRateCardEditor({
    card,
    onChange,
    onReset,
    defaultCard,
    locale,
    regionName: texts.regionName,
    today,
  });
  const { period, nameOf, notice } = editor;
  if (!period) return null;

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    editor.importText(text);
  };

  const rateInput = (market: string, category: RateCategory) => {
    const { value, invalid } = editor.inputText(market, category);
    return (
      <input
        type="text"
        inputMode="decimal"
        size={8}
        value={value}
        placeholder={editor.regionPlaceholder(market, category)}
        aria-label={t('rateCard.rateInput', {
          category: t(CATEGORY_KEY[category]),
          name: nameOf(market),
        })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-invalid` : undefined}
        onChange={(event) => editor.editRate(market, category, event.currentTarget.value)}
        onBlur={() => editor.settle(market, category)}
      />
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="billing-rate-card">
      <h3 id={`${id}-title`}>{t('rateCard.title')}</h3>

      <label>
        {t('rateCard.period')}{' '}
        <select
          value={period.id}
          onChange={(event) => editor.choosePeriod(event.currentTarget.value)}
        >
          {card.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {t('rateCard.validity', { from: p.from, to: p.to ?? t('rateCard.openEnded') })} —{' '}
              {texts.periodLabel(p)}
            </option>
          ))}
        </select>
      </label>

      <ul className="billing-period-facts">
        <li>
          {period.model === 'per-conversation'
            ? t('rateCard.perConversation')
            : t('rateCard.perMessage')}{' '}
          ({t(STATUS_KEY[period.status])}) · {t('rateCard.asOf', { date: period.asOf })}
        </li>
        <li>
          {period.serviceFreePerConnectorMonth === null
            ? t('rateCard.serviceAlwaysFree')
            : t('rateCard.serviceAllowance', { n: period.serviceFreePerConnectorMonth })}
        </li>
        <li>
          {t('rateCard.utilityFreeInWindow', {
            value: period.utilityFreeInServiceWindow ? t('rateCard.yes') : t('rateCard.no'),
          })}
        </li>
        {period.notes && <li>{texts.periodNotes(period)}</li>}
      </ul>
      {period.sources.length > 0 && (
        <details>
          <summary>{t('rateCard.sources')}</summary>
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
            {t('rateCard.regionFallback', { region: texts.regionName(key) ?? region.name })}
          </label>
          <p className="billing-note">
            {t('rateCard.regionMembers', {
              members: region.members.map((m) => countryDisplayName(m, locale)).join(', '),
            })}
          </p>
        </div>
      ))}

      <table>
        <thead>
          <tr>
            <th scope="col">{t('rateCard.market')}</th>
            {RATE_CATEGORIES.map((category) => (
              <th key={category} scope="col">
                {t(CATEGORY_KEY[category])}
              </th>
            ))}
            <th scope="col">{t('rateCard.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...editor.markets, ...editor.pendingMarkets].map((market) => (
            <tr key={market}>
              <th scope="row">
                {nameOf(market)}
                {!period.rates[market] && (
                  <>
                    <br />
                    <small>{t('rateCard.pending', { name: nameOf(market) })}</small>
                  </>
                )}
              </th>
              {RATE_CATEGORIES.map((category) => (
                <td key={category}>{rateInput(market, category)}</td>
              ))}
              <td>
                <button type="button" onClick={() => editor.removeMarket(market)}>
                  {t('rateCard.remove', { name: nameOf(market) })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editor.anyInvalid && (
        <p id={`${id}-invalid`} role="alert">
          {t('rateCard.invalidRate')}
        </p>
      )}

      <form onSubmit={editor.addCountry}>
        <label>
          {t('rateCard.addCountry')}{' '}
          <input
            type="text"
            value={editor.newCountry}
            placeholder={t('rateCard.addCountryPlaceholder')}
            onChange={(event) => editor.setNewCountry(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">{t('rateCard.add')}</button>
      </form>

      <div className="billing-actions">
        <button type="button" onClick={editor.reset}>
          {t('rateCard.reset')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('rateCard.importJson')}
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
          {t('rateCard.exportJson')}
        </button>
      </div>

      {notice && <NoticeView notice={notice} nameOf={nameOf} />}
    </section>
  );
}

/** The editor's last notice: a status, or an alert with the import's problems. */
function NoticeView({
  notice,
  nameOf,
}: {
  notice: EditorNotice;
  nameOf: (market: string) => string;
}) {
  const { t } = useI18n();
  switch (notice.kind) {
    case 'resetDone':
      return <p role="status">{t('rateCard.resetDone')}</p>;
    case 'imported':
      return <p role="status">{t('rateCard.imported')}</p>;
    case 'unknownCountry':
      return (
        <div role="alert">
          <p>{t('rateCard.unknownCountry', { value: notice.value })}</p>
        </div>
      );
    case 'alreadyOnCard':
      return (
        <div role="alert">
          <p>{t('rateCard.alreadyOnCard', { name: nameOf(notice.market) })}</p>
        </div>
      );
    case 'importFailed':
      return (
        <div role="alert">
          <p>{t('rateCard.importFailed')}</p>
          <ul>
            {notice.issues.slice(0, 20).map((issue, index) => (
              <li key={index}>
                <code>{issue.path}</code>: {describeRateCardIssue(issue, t)}
              </li>
            ))}
            {notice.issues.length > 20 && <li>…</li>}
          </ul>
        </div>
      );
  }
}
