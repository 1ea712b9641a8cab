import { useQuery } from '@tanstack/react-query';
import { DateRangeFields } from '../../shared/date-range-fields';
import { useEffect, useState } from 'react';
import { describeError } from '../../report-model/describe-error';
import { findReport } from '../../report-model/catalog';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import type { ReportRow } from '../../report-model/column-types';
import { useLoadProgress } from '../../report-model/load-progress';
import { progressKey, reportQueryKey, reportQueryOptions } from '../../report-model/report-query';
import { useI18n } from '../../shared/i18n/i18n';
import { useAfterPaint } from '../../shared/use-after-paint';
import { countryDisplayName } from '../model/country';
import { billingTotals, type BillingInputs } from '../model/billing-totals';
import type { CostEstimate } from '../model/estimate-cost';
import { formatUsdCents } from '../model/money';
import {
  monthOverMonth,
  periodFigures,
  previousPeriod,
  shareOfTemplates,
  type ComparedLine,
  type MonthOverMonth,
  type PeriodFigures,
} from '../model/month-over-month';
import { useComparisonFacts } from './use-comparison-facts';
import { WaterfallChart } from './waterfall-chart';

const REPORT_10 = findReport(10)!;

/** Figures of every row of a period (cached per rows array by `billingTotals`). */
export function figuresOf(
  rows: readonly ReportRow[],
  inputs: BillingInputs,
  from: string,
  to: string,
  /** The name of the bucket of unreadable SESSION_IDs, in the UI language. */
  unknownLabel: string,
): { figures: PeriodFigures; estimate: CostEstimate; low: number; high: number } {
  const { usage, estimate } = billingTotals(rows, { length: rows.length }, inputs);
  const figures = periodFigures(rows, estimate, usage, from, to);
  return {
    figures: {
      ...figures,
      connectors: figures.connectors.map((c) =>
        c.key === UNKNOWN_CONNECTOR ? { ...c, label: unknownLabel } : c,
      ),
    },
    estimate,
    low: estimate.totals.cost.low,
    high: estimate.totals.cost.high,
  };
}

export interface MonthOverMonthSectionProps {
  current: PeriodFigures;
  inputs: Omit<BillingInputs, 'connectorNames'>;
  onResult: (result: MonthOverMonth | undefined) => void;
}

/**
 * This period against the previous one (the calendar months before for whole months, else
 * as many days before), or a chosen one. The comparison
 * period is loaded only when asked, through the report's own query (same key, loader, chunk
 * reuse and limits as loading it on the page).
 */
export function MonthOverMonthSection({ current, inputs, onResult }: MonthOverMonthSectionProps) {
  const { t, locale } = useI18n();
  const previous = previousPeriod(current.from, current.to)!;
  const [mode, setMode] = useState<'previous' | 'chosen'>('previous');
  const [chosen, setChosen] = useState<{ from: string; to: string }>(previous);
  const [asked, setAsked] = useState<{ from: string; to: string } | undefined>();
  const query = useQuery({
    ...reportQueryOptions(REPORT_10, asked?.from ?? '', asked?.to ?? ''),
    enabled: asked !== undefined,
  });
  const progress = useLoadProgress(
    progressKey(reportQueryKey(REPORT_10, asked?.from ?? '', asked?.to ?? '')),
  );
  const data = asked ? query.data : undefined;
  const factsReady = useComparisonFacts(REPORT_10, asked, query.isFetching, data?.rows ?? EMPTY);
  const computed = useAfterPaint(() => {
    if (!data || !asked || !factsReady) return undefined;
    const started = performance.now();
    const other = figuresOf(
      data.rows,
      { ...inputs, connectorNames: data.connectorNames },
      asked.from,
      asked.to,
      t('billing.unreadableSession'),
    ).figures;
    const result = monthOverMonth(other, current);
    performance.measure('month over month', { start: started });
    return result;
  }, [data, asked, factsReady, current, inputs, t]);
  const result = computed.value;
  // The pack reads the latest comparison.
  useEffect(() => onResult(result), [result, onResult]);

  const money = (cents: number) => formatUsdCents(cents, locale);
  const signedMoney = (cents: number) => (cents > 0 ? '+' : '') + money(cents);
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const plainPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  // A change of shares, in percentage points.
  const points = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const change = (before: number, after: number) =>
    before === 0 ? '–' : percent.format((after - before) / before);
  const range = mode === 'previous' ? { from: previous.from, to: previous.to } : chosen;
  const rangeOk = range.from !== '' && range.to !== '' && range.from <= range.to;

  return (
    <section className="explain-section" aria-labelledby="mom-title">
      <h3 id="mom-title">{t('billing.mom.title')}</h3>
      <form
        className="mom-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (rangeOk) setAsked(range);
        }}
      >
        <fieldset>
          <legend>{t('billing.mom.compareWith')}</legend>
          <label>
            <input
              type="radio"
              name="mom-mode"
              checked={mode === 'previous'}
              onChange={() => setMode('previous')}
            />
            {previous.months === undefined
              ? t('billing.mom.previousOption', previous)
              : t('billing.mom.previousMonths', { ...previous, count: previous.months })}
          </label>
          <label>
            <input
              type="radio"
              name="mom-mode"
              checked={mode === 'chosen'}
              onChange={() => setMode('chosen')}
            />
            {t('billing.mom.chosenOption')}
          </label>
          {mode === 'chosen' && (
            <span className="mom-dates">
              <DateRangeFields
                value={chosen}
                onChange={setChosen}
                labels={{ from: t('billing.mom.from'), to: t('billing.mom.to') }}
              />
            </span>
          )}
        </fieldset>
        <button type="submit" disabled={!rangeOk}>
          {t('billing.mom.compare')}
        </button>
        <p className="field-hint">{t('billing.mom.callsNote')}</p>
        {!rangeOk && <p role="alert">{t('billing.mom.badRange')}</p>}
      </form>

      {asked && query.isFetching && (
        <p className="state" role="status">
          <span className="spinner" aria-hidden="true" /> {t('billing.mom.loading', asked)}
          {progress && ` (${number.format(progress.rows)})`}
        </p>
      )}
      {asked && query.isError && (
        <p role="alert">
          {t('billing.mom.failed', { reason: describeError(query.error, t).summary })}
        </p>
      )}
      {data && !data.load.complete && <p role="note">{t('billing.mom.incomplete')}</p>}

      {result && (
        <>
          {/* Scrolls sideways on a phone, as the other tables: at 390 px the Change column was cut off. */}
          <div className="explain-table-wrap">
            <table className="mom-summary">
              <caption className="visually-hidden">{t('billing.mom.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('billing.mom.figure')}</th>
                  <th scope="col">
                    {t('billing.mom.previous')}
                    <small>
                      {result.previous.from} – {result.previous.to}
                    </small>
                  </th>
                  <th scope="col">
                    {t('billing.mom.current')}
                    <small>
                      {result.current.from} – {result.current.to}
                    </small>
                  </th>
                  <th scope="col">{t('billing.mom.change')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('billing.mom.cost')}</th>
                  <td>{money(result.previous.cents)}</td>
                  <td>{money(result.current.cents)}</td>
                  <td>
                    {signedMoney(result.effects.change)} (
                    {change(result.previous.cents, result.current.cents)})
                  </td>
                </tr>
                {(['interactions', 'templates', 'customers'] as const).map((key) => (
                  <tr key={key}>
                    <th scope="row">{t(`billing.mom.${key}`)}</th>
                    <td>{number.format(result.previous[key])}</td>
                    <td>{number.format(result.current[key])}</td>
                    <td>{change(result.previous[key], result.current[key])}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('billing.mom.templateShare')}</th>
                  <td>{plainPercent.format(shareOfTemplates(result.previous))}</td>
                  <td>{plainPercent.format(shareOfTemplates(result.current))}</td>
                  <td>
                    {t('billing.mom.points', {
                      n: points.format(
                        (shareOfTemplates(result.current) - shareOfTemplates(result.previous)) *
                          100,
                      ),
                    })}
                  </td>
                </tr>
                {(['volume', 'mix', 'rate'] as const).map((key) => (
                  <tr key={key} className="mom-effect">
                    <th scope="row">{t(`billing.mom.${key}`)}</th>
                    <td />
                    <td />
                    <td>{signedMoney(result.effects[key])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <WaterfallChart effects={result.effects} />
          <ComparedTable
            caption={t('billing.mom.byConnector')}
            header={t('billing.mom.connector')}
            lines={result.connectors}
            money={money}
            signedMoney={signedMoney}
            change={change}
          />
          <ComparedTable
            caption={t('billing.mom.byCountry')}
            header={t('billing.mom.country')}
            lines={result.countries.map((line) => ({
              ...line,
              label: countryDisplayName(line.key, locale),
            }))}
            money={money}
            signedMoney={signedMoney}
            change={change}
          />
          <details className="mom-days">
            <summary>{t('billing.mom.byDay')}</summary>
            <DaysTable result={result} money={money} />
          </details>
        </>
      )}
    </section>
  );
}

const EMPTY: readonly ReportRow[] = [];

function ComparedTable(props: {
  caption: string;
  header: string;
  lines: readonly ComparedLine[];
  money: (cents: number) => string;
  signedMoney: (cents: number) => string;
  change: (a: number, b: number) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="explain-table-wrap">
      <table className="mom-lines">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.header}</th>
            <th scope="col">{t('billing.mom.previous')}</th>
            <th scope="col">{t('billing.mom.current')}</th>
            <th scope="col">{t('billing.mom.change')}</th>
            <th scope="col">{t('billing.mom.changeShare')}</th>
            <th scope="col">{t('billing.mom.interactions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label || '—'}</th>
              <td>{props.money(line.previous.cents)}</td>
              <td>{props.money(line.current.cents)}</td>
              <td>{props.signedMoney(line.change)}</td>
              <td>{props.change(line.previous.cents, line.current.cents)}</td>
              <td>
                {line.previous.interactions} → {line.current.interactions}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Day n of one period beside day n of the other. */
function DaysTable({ result, money }: { result: MonthOverMonth; money: (c: number) => string }) {
  const { t } = useI18n();
  const length = Math.max(result.previous.days.length, result.current.days.length);
  return (
    <div className="explain-table-wrap">
      <table className="mom-lines">
        <thead>
          <tr>
            <th scope="col">{t('billing.mom.day')}</th>
            <th scope="col">{t('billing.mom.previous')}</th>
            <th scope="col">{t('billing.mom.cost')}</th>
            <th scope="col">{t('billing.mom.current')}</th>
            <th scope="col">{t('billing.mom.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length }, (_, i) => {
            const a = result.previous.days[i];
            const b = result.current.days[i];
            return (
              <tr key={i}>
                <th scope="row">{t('billing.mom.dayIndex', { n: i + 1 })}</th>
                <td>{a ? `${a.day} · ${a.interactions}` : ''}</td>
                <td>{a ? money(a.cents) : ''}</td>
                <td>{b ? `${b.day} · ${b.interactions}` : ''}</td>
                <td>{b ? money(b.cents) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
