import { todayIn } from '../../report-model/date-presets';
import { useI18n } from '../../shared/i18n/i18n';
import { useSettings } from '../../shared/settings';
import { QuarterRatesTable } from './quarter-rates-table';
import { RateCardEditor } from './rate-card-editor';
import { TiersEditor } from './tiers-editor';
import { describeLoadProblem } from './rate-card-issue-text';
import { useRateCard } from './rate-card-store';

/** Settings > WhatsApp rate card: edit, import, export, reset; remembered in this browser. */
export default function RateCardPage() {
  const { t } = useI18n();
  const { card, setCard, reset, problem, dismissProblem, saved } = useRateCard();
  const { settings } = useSettings();
  return (
    <section className="settings-page" aria-labelledby="rate-card-title">
      <h1 id="rate-card-title">{t('settings.rateCard')}</h1>
      {problem && (
        <div className="notice" role="status">
          {describeLoadProblem(problem, t)}{' '}
          <button type="button" className="link" onClick={dismissProblem}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
      {!saved && (
        <div className="notice" role="alert">
          {t('rateCard.notSaved')}
        </div>
      )}
      <QuarterRatesTable card={card} />
      <RateCardEditor
        card={card}
        onChange={setCard}
        onReset={reset}
        today={todayIn(settings.timeZone)}
      />
      <TiersEditor card={card} onChange={setCard} />
    </section>
  );
}
