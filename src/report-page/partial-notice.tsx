import { useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { describeError } from '../report-model/describe-error';
import { describeRange } from '../report-model/load/split-range';
import type { ReportData } from '../report-model/report-query';

interface PartialNoticeProps {
  data: ReportData;
  /** Retry one failed period (its index), or all of them. */
  onRetry: (which?: number) => Promise<void>;
}

/** A partial result says so, lists what is missing and why, and offers to load it again. */
export function PartialNotice({ data, onRetry }: PartialNoticeProps) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const { failures, truncated } = data.load;
  if (failures.length === 0 && truncated.length === 0) return null;
  const number = new Intl.NumberFormat(locale);
  const retry = async (which?: number) => {
    setBusy(true);
    try {
      await onRetry(which);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice partial-notice" role="alert">
      <p>
        <strong>{t('load.partial', { count: data.rows.length })}</strong>
      </p>
      {failures.length > 0 && (
        <>
          <p>{t('load.failedPeriods', { count: failures.length })}</p>
          <ul>
            {failures.map((failure, i) => {
              const error = describeError(failure.error, t);
              return (
                <li key={failure.range.start}>
                  <span className="period">{describeRange(failure.range)}</span>: {error.summary}{' '}
                  {error.detail}{' '}
                  <button type="button" disabled={busy} onClick={() => void retry(i)}>
                    {t('load.retryPeriod')}
                  </button>
                </li>
              );
            })}
          </ul>
          {failures.length > 1 && (
            <button type="button" disabled={busy} onClick={() => void retry()}>
              {t('load.retryAll')}
            </button>
          )}
        </>
      )}
      {truncated.length > 0 && (
        <>
          <p>{t('load.truncated')}</p>
          <ul>
            {truncated.map((chunk) => (
              <li key={chunk.range.start}>
                <span className="period">{describeRange(chunk.range)}</span>:{' '}
                {number.format(chunk.rows)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
