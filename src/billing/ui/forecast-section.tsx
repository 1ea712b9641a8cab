import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { readBudget, writeBudget } from '../model/budget-store';
import { budgetSignal, connectorForecast, type Budget, type Forecast } from '../model/forecast';
import { formatUsdCents } from '../model/money';
import { parseAmountCents } from '../model/billed-import';
import type { PeriodFigures } from '../model/month-over-month';

export interface ForecastSectionProps {
  forecast: Forecast | undefined;
  month: string;
  /** This month's complete days so far, per connector (cents). */
  connectorsSoFar: readonly { key: string; label: string; cents: number }[];
  budget: Budget;
  onBudget: (budget: Budget) => void;
}

const centsToInput = (cents: number | undefined) =>
  cents === undefined ? '' : (cents / 100).toFixed(2);

/** Month-end forecast, the budget, and a clear signal when the forecast passes it. */
export function ForecastSection(props: ForecastSectionProps) {
  const { forecast, month, connectorsSoFar, budget, onBudget } = props;
  const { t, locale } = useI18n();
  const money = (cents: number) => formatUsdCents(cents, locale);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draft = (key: string, cents: number | undefined) => drafts[key] ?? centsToInput(cents);
  const commit = (key: string, text: string, apply: (cents: number | undefined) => Budget) => {
    setDrafts((d) => ({ ...d, [key]: text }));
    if (text.trim() === '') return onBudget(apply(undefined));
    const cents = parseAmountCents(text, false);
    if (cents !== undefined && cents >= 0) onBudget(apply(cents));
  };

  const rows = forecast
    ? connectorsSoFar.map((c) => ({ ...c, forecast: connectorForecast(forecast, c.cents) }))
    : [];
  const overs: string[] = [];
  if (forecast && budget.operation) {
    if (budgetSignal(forecast, budget.operation) === 'over')
      overs.push(`${money(forecast.expected)} > ${money(budget.operation)}`);
  }
  for (const row of rows) {
    const limit = budget.connectors[row.key];
    if (limit && budgetSignal(row.forecast, limit) === 'over')
      overs.push(`${row.label}: ${money(row.forecast.expected)} > ${money(limit)}`);
  }
  const statusOf = (f: Pick<Forecast, 'expected' | 'high'>, limit: number | undefined) => {
    if (!limit) return <span>{t('billing.forecast.noBudget')}</span>;
    const signal = budgetSignal(f, limit);
    return <span className={`budget-${signal}`}>{t(`billing.forecast.${signal}`)}</span>;
  };

  return (
    <section className="explain-section" aria-labelledby="forecast-title">
      <h3 id="forecast-title">{t('billing.forecast.title')}</h3>
      {overs.length > 0 && (
        <p role="alert" className="budget-alert">
          {t('billing.forecast.overAlert', { count: overs.length, over: overs.join('; ') })}
        </p>
      )}
      {forecast ? (
        <>
          <p className="forecast-figure">
            {t('billing.forecast.summary', {
              month: forecast.month,
              expected: money(forecast.expected),
              low: money(forecast.low),
              high: money(forecast.high),
              known: forecast.daysKnown,
              days: forecast.daysInMonth,
            })}
          </p>
          <p className="field-hint">{t('billing.forecast.method')}</p>
        </>
      ) : (
        <p>{t('billing.forecast.none', { month })}</p>
      )}
      <label className="budget-input">
        {t('billing.forecast.operationBudget')}
        <input
          inputMode="decimal"
          value={draft('operation', budget.operation)}
          onChange={(event) =>
            commit('operation', event.target.value, (cents) => ({ ...budget, operation: cents }))
          }
        />
      </label>
      {forecast && <span className="budget-status">{statusOf(forecast, budget.operation)}</span>}
      {rows.length > 0 && (
        <div className="explain-table-wrap">
          <table className="forecast-lines">
            <thead>
              <tr>
                <th scope="col">{t('billing.forecast.connector')}</th>
                <th scope="col">{t('billing.forecast.soFar')}</th>
                <th scope="col">{t('billing.forecast.forecast')}</th>
                <th scope="col">{t('billing.forecast.budget')}</th>
                <th scope="col">{t('billing.forecast.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{money(row.cents)}</td>
                  <td>
                    {money(row.forecast.expected)}{' '}
                    <small>
                      ({money(row.forecast.low)} – {money(row.forecast.high)})
                    </small>
                  </td>
                  <td>
                    <input
                      aria-label={t('billing.forecast.budgetFor', { name: row.label })}
                      inputMode="decimal"
                      size={10}
                      value={draft(row.key, budget.connectors[row.key])}
                      onChange={(event) =>
                        commit(row.key, event.target.value, (cents) => {
                          const connectors = { ...budget.connectors };
                          if (cents) connectors[row.key] = cents;
                          else delete connectors[row.key];
                          return { ...budget, connectors };
                        })
                      }
                    />
                  </td>
                  <td>{statusOf(row.forecast, budget.connectors[row.key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The remembered budget, and a setter that remembers it. */
export function useBudget(): [Budget, (budget: Budget) => void] {
  const [budget, setBudget] = useState(readBudget);
  return [
    budget,
    (next: Budget) => {
      setBudget(next);
      writeBudget(next);
    },
  ];
}

/** The month a forecast is for: the month of the period's last day. */
export const monthOf = (figures: PeriodFigures) => figures.to.slice(0, 7);
