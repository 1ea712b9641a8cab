import { memo, useCallback, useDeferredValue, useMemo } from 'react';
import { useAfterPaint } from '../../shared/use-after-paint';
import { useBillingFacts } from './use-billing-facts';
import { navigate } from '../../shared/router';
import { downloadBlob } from '../../shared/download';
import { buildCsvBlob } from '../../export/write-csv';
import { useI18n } from '../../shared/i18n/i18n';
import type { ReportRow } from '../../report-model/column-types';
import { connectorLabel } from '../../report-model/connector-column';
import { usePricingAssumptions } from './billing-assumptions';
import { useSettings } from '../../shared/settings';
import { rateCardId } from '../model/rate-card';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { ConnectorCostTable } from './connector-cost-table';
import { CONNECTOR_CSV_COLUMNS, connectorCsvRows } from '../model/connector-csv';
import { ConnectorShareChart } from './connector-share-chart';
import { CountryShareChart } from './country-share-chart';
import ExplainBillSection from './explain-bill-section';
import { PerMessageSection } from './per-message-section';
import { billingTotals } from '../model/billing-totals';
import type { CategoryMix } from '../model/estimate-cost';
import { formatUsdCents } from '../model/money';
import { cardTexts } from './card-texts';
import { useRateCard } from './rate-card-store';
import { TemplateUsageChart } from './template-usage-chart';
import { templateShare } from '../model/usage-aggregates';

export interface BillingPanelProps {
  rows: readonly ReportRow[];
  /** The table's filtered, sorted view: the panel counts exactly these rows. */
  order: ArrayLike<number>;
  connectorNames?: ReadonlyMap<string, string>;
  /** For the export's file name. */
  from: string;
  to: string;
  /** Drill-down into the table: the values of a column to keep. */
  onFilter: (key: string, values: string[]) => void;
  /** Drill-down to a day or a week (first and last ISO day). */
  onSelectPeriod: (from: string, to: string) => void;
}

const MIXES: Record<'marketing' | 'utility' | 'authentication', CategoryMix> = {
  marketing: { marketing: 100, utility: 0, authentication: 0 },
  utility: { marketing: 0, utility: 100, authentication: 0 },
  authentication: { marketing: 0, utility: 0, authentication: 100 },
};

function mixName(mix: CategoryMix): keyof typeof MIXES | 'custom' {
  for (const [name, preset] of Object.entries(MIXES) as [keyof typeof MIXES, CategoryMix][]) {
    const total = mix.marketing + mix.utility + mix.authentication;
    if (total > 0 && mix[name] === total && preset[name] === 100) return name;
  }
  return 'custom';
}

/**
 * Report 10's answer to "what will this month cost, and which connector spends
 * it?": summary, charts and the per-connector estimate, all over the table's view.
 */
function BillingPanel(props: BillingPanelProps) {
  const { rows, connectorNames, onFilter, onSelectPeriod } = props;
  const { t, locale, language } = useI18n();
  const { settings } = useSettings();
  const { card: ownCard } = useRateCard();
  // The link's assumptions (and card, when this browser has it) win: finance sees the figure sent.
  const pricing = usePricingAssumptions(ownCard);
  const { card, assumptions, update: setAssumptions } = pricing;
  const { order } = props;

  // Priced after the table has painted: filtering a million rows shows the rows first.
  const factsReady = useBillingFacts(rows);
  const computed = useAfterPaint(
    () =>
      factsReady ? billingTotals(rows, order, { card, assumptions, connectorNames }) : undefined,
    [factsReady, rows, order, card, assumptions, connectorNames],
  );
  const selectConnector = useCallback(
    (id: string) =>
      onFilter('connector', [id === UNKNOWN_CONNECTOR ? '' : connectorLabel(id, connectorNames)]),
    [onFilter, connectorNames],
  );
  // Drawn again only when the totals change, and after the summary: the new figures show
  // first, then recharts lays out the bars in an interruptible render (typing goes on).
  const usageNow = useDeferredValue(computed.value?.usage);
  const charts = useMemo(
    () =>
      usageNow && (
        <div className="chart-grid">
          <TemplateUsageChart
            data={usageNow.byDay}
            undatedRows={usageNow.undatedRows}
            onSelectPeriod={onSelectPeriod}
          />
          <ConnectorShareChart data={usageNow.byConnector} onSelectConnector={selectConnector} />
          <CountryShareChart
            data={usageNow.byCountry}
            onSelectCountry={(_key, values) => onFilter('destiny', [...values])}
          />
        </div>
      ),
    [usageNow, onSelectPeriod, selectConnector, onFilter],
  );

  if (!computed.value) {
    return (
      <section className="billing-panel" aria-busy="true">
        <p className="state">
          <span className="spinner" aria-hidden="true" /> {t('billing.panel.computing')}
        </p>
      </section>
    );
  }
  const { usage, estimate } = computed.value;

  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (cents: number) => formatUsdCents(cents, locale);
  const top = estimate.connectors.find((connector) => connector.readable);

  const exportConnectors = async () => {
    const blob = await buildCsvBlob({
      columns: CONNECTOR_CSV_COLUMNS,
      rows: connectorCsvRows(estimate),
      // The delimiter setting, as the report's own CSV export reads it.
      delimiter:
        settings.csvDelimiter === 'auto' ? (language === 'es' ? ';' : ',') : settings.csvDelimiter,
    });
    downloadBlob(blob, `10-connectors-estimated-cost_${props.from}_${props.to}.csv`);
  };

  const mix = mixName(assumptions.mix);
  return (
    <section className="billing-panel" aria-labelledby="billing-title" aria-busy={computed.pending}>
      <header className="panel-header">
        <h2 id="billing-title">{t('billing.panel.title')}</h2>
        <span className="estimate-badge">{t('billing.panel.estimateBadge')}</span>
      </header>

      <dl className="summary-cards">
        <div>
          <dt>{t('billing.panel.interactions')}</dt>
          <dd>{number.format(usage.total)}</dd>
        </div>
        <div>
          <dt>{t('billing.panel.templates')}</dt>
          <dd>{number.format(usage.templates)}</dd>
        </div>
        <div>
          <dt>{t('billing.panel.templateShare')}</dt>
          <dd>{percent.format(templateShare(usage))}</dd>
        </div>
        <div>
          <dt>{t('billing.panel.cost')}</dt>
          <dd>
            {money(estimate.totals.cost.expected)}
            <small>
              {t('billing.panel.costRange', {
                low: money(estimate.totals.cost.low),
                high: money(estimate.totals.cost.high),
              })}
            </small>
          </dd>
        </div>
        <div>
          <dt>{t('billing.panel.topConnector')}</dt>
          <dd>
            {top ? top.name : '—'}
            {top && <small>{money(top.cost.expected)}</small>}
          </dd>
        </div>
      </dl>

      {pricing.unknownCard !== undefined && (
        <p className="notice" role="status">
          {t('billing.panel.unknownCard', { id: pricing.unknownCard, own: rateCardId(card) })}
        </p>
      )}
      <p className="print-only" data-testid="print-assumptions">
        {t('billing.panel.printAssumptions', {
          mix: (['marketing', 'utility', 'authentication'] as const)
            .map((c) => `${t(`billing.category.${c}`)} ${assumptions.mix[c]}`)
            .join(', '),
          markup: assumptions.markupPercent,
          card: cardTexts(card, t).name,
          id: rateCardId(card),
          uiw: t(
            assumptions.assumptions.utilityInWindowBilled
              ? 'billing.panel.billed'
              : 'billing.panel.free',
          ),
          sa: t(
            assumptions.assumptions.serviceAllowance ? 'billing.panel.on' : 'billing.panel.off',
          ),
        })}
      </p>

      <details className="assumptions">
        <summary>{t('billing.panel.assumptions')}</summary>
        <div className="assumption-controls">
          <label>
            {t('billing.panel.mix')}
            <select
              value={mix}
              onChange={(event) => {
                const name = event.target.value as keyof typeof MIXES | 'custom';
                if (name !== 'custom') setAssumptions({ mix: MIXES[name] });
              }}
            >
              <option value="marketing">{t('billing.panel.mixMarketing')}</option>
              <option value="utility">{t('billing.panel.mixUtility')}</option>
              <option value="authentication">{t('billing.panel.mixAuthentication')}</option>
              <option value="custom">{t('billing.panel.mixCustom')}</option>
            </select>
          </label>
          <fieldset className="mix-inputs">
            <legend>{t('billing.panel.mixCustom')}</legend>
            {(['marketing', 'utility', 'authentication'] as const).map((category) => (
              <label key={category}>
                {t(`billing.category.${category}`)}
                <input
                  type="number"
                  min={0}
                  max={100}
                  value={assumptions.mix[category]}
                  onChange={(event) => {
                    const value = Math.max(0, Number(event.target.value) || 0);
                    const next = { ...assumptions.mix, [category]: value };
                    if (next.marketing + next.utility + next.authentication > 0)
                      setAssumptions({ mix: next });
                  }}
                />
              </label>
            ))}
          </fieldset>
          <label>
            {t('billing.panel.markup')}
            <input
              type="number"
              min={0}
              max={500}
              step={1}
              value={assumptions.markupPercent}
              onChange={(event) =>
                setAssumptions({
                  markupPercent: Math.min(500, Math.max(0, Number(event.target.value) || 0)),
                })
              }
            />
          </label>
          <label className="assumption-switch">
            <input
              type="checkbox"
              checked={assumptions.assumptions.utilityInWindowBilled}
              onChange={(event) =>
                setAssumptions({
                  assumptions: {
                    ...assumptions.assumptions,
                    utilityInWindowBilled: event.target.checked,
                  },
                })
              }
            />
            {t('billing.panel.utilityInWindow')}
          </label>
          <label className="assumption-switch">
            <input
              type="checkbox"
              checked={assumptions.assumptions.serviceAllowance}
              onChange={(event) =>
                setAssumptions({
                  assumptions: {
                    ...assumptions.assumptions,
                    serviceAllowance: event.target.checked,
                  },
                })
              }
            />
            {t('billing.panel.serviceAllowance')}
          </label>
          <p>
            {t('billing.panel.rateCard', { name: cardTexts(card, t).name, date: card.asOf })}{' '}
            <a
              href="/settings/rate-card"
              onClick={(event) => {
                event.preventDefault();
                navigate('/settings/rate-card');
              }}
            >
              {t('billing.panel.editRateCard')}
            </a>
          </p>
        </div>
      </details>

      {charts}

      <div className="connector-costs">
        <ConnectorCostTable estimate={estimate} onSelectConnector={selectConnector} />
        <button type="button" onClick={() => void exportConnectors()}>
          {t('billing.panel.exportConnectors')}
        </button>
      </div>

      <PerMessageSection
        rows={rows}
        from={props.from}
        to={props.to}
        card={card}
        assumptions={assumptions}
      />

      <ExplainBillSection
        rows={rows}
        connectorNames={connectorNames}
        from={props.from}
        to={props.to}
        card={card}
        assumptions={assumptions}
      />
    </section>
  );
}

/** Memoized: a sort changes no input of the panel, so it does not re-render its charts. */
export default memo(BillingPanel);
