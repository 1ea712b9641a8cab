import type { Translate } from '../../shared/i18n/i18n';
import { PACK_SHEETS, type PackLabels, type PackSheetKey } from '../model/billing-pack';

/** The billing pack's words in the UI language. */
export function packLabels(t: Translate): PackLabels {
  const sheets = {} as Record<PackSheetKey, string>;
  for (const key of PACK_SHEETS) sheets[key] = t(`billing.pack.sheet.${key}`);
  return {
    sheets,
    period: t('billing.pack.period'),
    item: t('billing.pack.item'),
    value: t('billing.pack.value'),
    connector: t('billing.mom.connector'),
    country: t('billing.mom.country'),
    day: t('billing.mom.day'),
    interactions: t('billing.mom.interactions'),
    templates: t('billing.mom.templates'),
    templateShare: t('billing.mom.templateShare'),
    customers: t('billing.mom.customers'),
    cost: t('billing.mom.cost'),
    costLow: t('billing.pack.costLow'),
    costHigh: t('billing.pack.costHigh'),
    dayCost: t('billing.pack.dayCost'),
    forecast: t('billing.forecast.forecast'),
    forecastLow: t('billing.pack.forecastLow'),
    forecastHigh: t('billing.pack.forecastHigh'),
    budget: t('billing.forecast.budget'),
    previous: t('billing.mom.previous'),
    current: t('billing.mom.current'),
    change: t('billing.mom.change'),
    changeShare: t('billing.mom.changeShare'),
    volume: t('billing.mom.volume'),
    mix: t('billing.mom.mix'),
    rate: t('billing.mom.rate'),
    estimate: t('billing.rec.estimate'),
    billed: t('billing.rec.billed'),
    variance: t('billing.rec.variance'),
    varianceShare: t('billing.rec.varianceShare'),
    marketingShare: t('billing.rec.marketingShare'),
    total: t('billing.rec.total'),
    none: t('billing.pack.none'),
  };
}
