import { useI18n } from '../shared/i18n/i18n';
import { useLoadProgress } from '../report-model/load-progress';

interface LoadStatusProps {
  progressKey: string;
  report: string;
  from: string;
  to: string;
  onCancel: () => void;
}

/** "Loading… chunk 3 of 4, 120,400 rows so far [Cancel]". */
export function LoadStatus({ progressKey, report, from, to, onCancel }: LoadStatusProps) {
  const { t } = useI18n();
  const progress = useLoadProgress(progressKey);
  return (
    <div className="state load-status" role="status">
      <p>
        <span className="spinner" aria-hidden="true" /> {t('state.loading', { report, from, to })}
      </p>
      {progress && (
        <p className="load-progress">
          <progress
            value={progress.chunksDone}
            max={Math.max(1, progress.chunksTotal)}
            aria-label={t('load.progressLabel')}
          />{' '}
          {t('load.progress', {
            done: progress.chunksDone,
            periods: t('load.periods', { count: progress.chunksTotal }),
            rows: t('load.rows', { count: progress.rows }),
          })}
        </p>
      )}
      <button type="button" onClick={onCancel}>
        {t('load.cancel')}
      </button>
    </div>
  );
}
