import type { Translate } from '../../shared/i18n/i18n';
import type { RateCardIssue } from '../model/rate-card';
import type { RateCardProblem } from './rate-card-store';

/** The fields a market's rates must have, as written in the JSON file. */
const RATE_FIELDS = '{marketing, utility, authentication, service}';

/** A problem of an imported rate card, in the user's language. */
export function describeRateCardIssue(issue: RateCardIssue, t: Translate): string {
  const kind = (got: Parameters<typeof kindKey>[0]) => t(kindKey(got));
  switch (issue.code) {
    case 'invalidJson':
      return t('rateCard.issue.invalidJson', { detail: issue.detail });
    case 'notCard':
    case 'notText':
    case 'notBoolean':
    case 'notRegions':
    case 'notRegion':
    case 'notPeriod':
    case 'notMarkets':
    case 'notNumber':
      return t(`rateCard.issue.${issue.code}`, { got: kind(issue.got) });
    case 'notRates':
      return t('rateCard.issue.notRates', { fields: RATE_FIELDS, got: kind(issue.got) });
    case 'version':
    case 'currency':
    case 'notCountryCode':
      return t(`rateCard.issue.${issue.code}`, { value: issue.value });
    case 'notDate':
    case 'regionKey':
    case 'regionName':
    case 'regionMembers':
    case 'noPeriods':
    case 'periodId':
    case 'notDateOrNull':
    case 'notWholeNumber':
    case 'notTextList':
      return t(`rateCard.issue.${issue.code}`);
    case 'duplicatePeriod':
      return t('rateCard.issue.duplicatePeriod', { id: issue.id });
    case 'overlap':
      return t('rateCard.issue.overlap', {
        before: issue.before,
        beforeFrom: issue.beforeFrom,
        beforeTo: issue.beforeTo ?? t('rateCard.issue.open'),
        after: issue.after,
        afterFrom: issue.afterFrom,
      });
    case 'endsBeforeStart':
      return t('rateCard.issue.endsBeforeStart', { from: issue.from, to: issue.to });
    case 'notOneOf':
      return t('rateCard.issue.notOneOf', {
        allowed: issue.allowed.join(', '),
        value: issue.value,
      });
    case 'unknownMarket':
    case 'duplicateMarket':
      return t(`rateCard.issue.${issue.code}`, { key: issue.key });
    // Rates as typed in the file (not rounded to the locale's three decimals).
    case 'negative':
      return t('rateCard.issue.negative', { rate: String(issue.rate) });
    case 'tooHigh':
      return t('rateCard.issue.tooHigh', { rate: String(issue.rate), max: String(issue.max) });
  }
}

function kindKey(got: Extract<RateCardIssue, { got: unknown }>['got']) {
  return `rateCard.kind.${got}` as const;
}

/** Why the saved card was not used, in the user's language. */
export function describeLoadProblem(problem: RateCardProblem, t: Translate): string {
  return t(`rateCard.problem.${problem}`);
}
