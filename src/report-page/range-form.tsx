import { useState, type FormEvent } from 'react';
import { DateRangeFields } from '../shared/date-range-fields';
import { useSettings } from '../shared/settings';
import { useI18n } from '../shared/i18n/i18n';
import { PRESETS, presetRange, todayIn, type Preset } from '../report-model/date-presets';
import type { ReportDef } from '../report-model/catalog';
import { MAX_LOAD_DAYS } from '../report-model/load/load-limits';
import { splitRange } from '../report-model/load/split-range';
import { dayRange, rangeDays } from '../report-model/time-range';

/** Longest range we load (the loader refuses longer ones too, from a URL: load-limits.ts). */
export const MAX_RANGE_DAYS = MAX_LOAD_DAYS;

interface RangeFormProps {
  report: ReportDef;
  from: string;
  to: string;
  onGenerate: (range: { from: string; to: string }) => void;
}

const PRESET_KEYS = {
  today: 'range.preset.today',
  yesterday: 'range.preset.yesterday',
  last7: 'range.preset.last7',
  thisMonth: 'range.preset.thisMonth',
  lastMonth: 'range.preset.lastMonth',
} as const satisfies Record<Preset, string>;

/** Like Manager: pick the dates, then "Generate report". Presets generate at once. */
export function RangeForm({ report, from, to, onGenerate }: RangeFormProps) {
  const { t } = useI18n();
  const { settings } = useSettings();
  const [draft, setDraft] = useState({ from, to });
  const [committed, setCommitted] = useState({ from, to });
  if (committed.from !== from || committed.to !== to) {
    // The URL moved (Back, a preset, a shared link): show what is loaded.
    setCommitted({ from, to });
    setDraft({ from, to });
  }

  const range = dayRange(draft.from, draft.to);
  const calls = range ? splitRange(range).length : 0;
  const acrossMonths = Boolean(range) && report.aggregate && calls > 1;
  const problem = !range
    ? t('range.invalid')
    : rangeDays(range!) > MAX_RANGE_DAYS
      ? t('load.tooLong', { max: MAX_RANGE_DAYS, days: rangeDays(range!) })
      : acrossMonths
        ? t('load.aggregateRange')
        : undefined;
  const hint = !problem && calls > 1 ? t('load.calls', { count: calls }) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onGenerate(draft);
  };

  const today = todayIn(settings.timeZone);
  return (
    <form className="range-form" onSubmit={submit} aria-label={t('range.legend')}>
      <div className="presets" role="group" aria-label={t('range.legend')}>
        {PRESETS.map((preset) => {
          const dates = presetRange(preset, today);
          return (
            <button
              key={preset}
              type="button"
              className="chip"
              aria-pressed={dates.from === from && dates.to === to}
              onClick={() => onGenerate(dates)}
            >
              {t(PRESET_KEYS[preset])}
            </button>
          );
        })}
      </div>
      <DateRangeFields
        value={draft}
        onChange={setDraft}
        labels={{ from: t('range.from'), to: t('range.to') }}
        maxFrom={today}
        required
      />
      <button
        type="submit"
        className="primary"
        disabled={Boolean(problem)}
        aria-describedby="range-problem"
      >
        {t('range.generate')}
      </button>
      <span className="time-zone">{t('range.timeZone', { zone: settings.timeZone })}</span>
      <p id="range-problem" className="form-problem" role={problem ? 'alert' : undefined}>
        {problem}
        {acrossMonths &&
          (['thisMonth', 'lastMonth'] as const).map((preset) => (
            <button
              key={preset}
              type="button"
              className="link"
              onClick={() => onGenerate(presetRange(preset, today))}
            >
              {t(PRESET_KEYS[preset])}
            </button>
          ))}
      </p>
      {hint && <p className="form-hint">{hint}</p>}
    </form>
  );
}
