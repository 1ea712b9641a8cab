import { memo, useCallback, useMemo, useState } from 'react';
import type { ReportRow } from '../../report-model/column-types';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { downloadBlob } from '../../shared/download';
import { useI18n } from '../../shared/i18n/i18n';
import { useAfterPaint } from '../../shared/use-after-paint';
import type { BillingAssumptions } from '../model/billing-totals';
import { countryDisplayName } from '../model/country';
import { estimateCost, type CategoryMix } from '../model/estimate-cost';
import { completeDays, forecastMonth } from '../model/forecast';
import type { MonthOverMonth } from '../model/month-over-month';
import type { RateCard } from '../model/rate-card';
import type { Reconciliation } from '../model/reconciliation';
import { packLabels } from './billing-pack-labels';
import { cardTexts } from './card-texts';
import { ForecastSection, monthOf, useBudget } from './forecast-section';
import { figuresOf, MonthOverMonthSection } from './month-over-month-section';
import { ReconciliationSection } from './reconciliation-section';
import { useBillingFacts } from './use-billing-facts';
import { writeBillingPack } from './write-billing-pack';
import './explain-bill.css';

export interface ExplainBillSectionProps {
  rows: readonly ReportRow[];
  connectorNames?: ReadonlyMap<string, string>;
  from: string;
  to: string;
  card: RateCard;
  assumptions: BillingAssumptions;
}

/** The operation's date today (the browser's clock), YYYY-MM-DD. */
const today = () => new Date().toLocaleDateString('en-CA');

/**
 * Issue 15, "Explain the bill": month over month, estimate against billed, month-end forecast
 * and budget, and the billing pack, over every row of the period.
 */
function ExplainBillSection(props: ExplainBillSectionProps) {
  const { rows, connectorNames, from, to, card, assumptions } = props;
  const { t, locale } = useI18n();
  const inputs = useMemo(() => ({ card, assumptions }), [card, assumptions]);
  const factsReady = useBillingFacts(rows);
  const computed = useAfterPaint(() => {
    if (!factsReady) return undefined;
    return figuresOf(rows, { ...inputs, connectorNames }, from, to, t('billing.unreadableSession'));
  }, [factsReady, rows, inputs, connectorNames, from, to, t]);
  const priceWith = useCallback(
    (mix: CategoryMix) => estimateCost(rows, { card, ...assumptions, mix, connectorNames }),
    [rows, card, assumptions, connectorNames],
  );
  const [mom, setMom] = useState<MonthOverMonth | undefined>();
  const [rec, setRec] = useState<Reconciliation | undefined>();
  const onMom = useCallback((value: MonthOverMonth | undefined) => setMom(value), []);
  const unknownLabel = t('billing.unreadableSession');
  const onRec = useCallback(
    (value: Reconciliation | undefined) =>
      setRec(
        value && {
          ...value,
          connectors: value.connectors.map((line) =>
            line.key === UNKNOWN_CONNECTOR ? { ...line, label: unknownLabel } : line,
          ),
        },
      ),
    [unknownLabel],
  );
  const [budget, setBudget] = useBudget();
  const [packState, setPackState] = useState<'idle' | 'writing' | { error: string }>('idle');

  const value = computed.value;
  const month = value ? monthOf(value.figures) : to.slice(0, 7);
  const forecast = useMemo(
    () => (value ? forecastMonth(completeDays(value.figures.days, today()), month) : undefined),
    [value, month],
  );
  if (!value) return null;
  const { figures } = value;
  const connectorsSoFar = forecast
    ? figures.connectors.map((c) => ({
        key: c.key,
        label: c.label,
        cents: figures.cents === 0 ? 0 : Math.round((forecast.soFar * c.cents) / figures.cents),
      }))
    : [];

  const downloadPack = async () => {
    setPackState('writing');
    try {
      const started = performance.now();
      const blob = await writeBillingPack(
        {
          figures,
          costLow: value.low,
          costHigh: value.high,
          assumptions: [
            [t('billing.pack.period'), `${from} – ${to}`],
            [
              t('billing.pack.mix'),
              (['marketing', 'utility', 'authentication'] as const)
                .map((c) => `${t(`billing.category.${c}`)} ${assumptions.mix[c]}`)
                .join(', '),
            ],
            [t('billing.pack.markup'), `${assumptions.markupPercent}%`],
            [t('billing.pack.rateCard'), `${cardTexts(card, t).name} (${card.asOf})`],
            [t('billing.pack.generated'), new Date().toISOString().slice(0, 16).replace('T', ' ')],
          ],
          monthOverMonth: mom,
          reconciliation: rec,
          forecast,
          budget: budget.operation,
          countryName: (key) => countryDisplayName(key, locale),
        },
        packLabels(t),
      );
      performance.measure('billing pack', { start: started });
      downloadBlob(blob, `10-billing-pack_${from}_${to}.xlsx`);
      setPackState('idle');
    } catch (error) {
      setPackState({ error: String(error) });
    }
  };

  return (
    <section className="explain-bill" aria-labelledby="explain-title">
      <h2 id="explain-title">{t('billing.explain.title')}</h2>
      <p className="field-hint">{t('billing.explain.wholePeriod')}</p>
      <MonthOverMonthSection current={figures} inputs={inputs} onResult={onMom} />
      <ReconciliationSection
        from={from}
        to={to}
        estimate={value.estimate}
        priceWith={priceWith}
        onResult={onRec}
      />
      <ForecastSection
        forecast={forecast}
        month={month}
        connectorsSoFar={connectorsSoFar}
        budget={budget}
        onBudget={setBudget}
      />
      <div className="pack-download">
        <button
          type="button"
          disabled={packState === 'writing'}
          onClick={() => void downloadPack()}
        >
          {t('billing.pack.download')}
        </button>
        {packState === 'writing' && <span role="status">{t('billing.pack.writing')}</span>}
        {typeof packState === 'object' && (
          <p role="alert">{t('billing.pack.failed', { reason: packState.error })}</p>
        )}
      </div>
    </section>
  );
}

export default memo(ExplainBillSection);
