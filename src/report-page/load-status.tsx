import { useEffect, useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { useLoadProgress } from '../report-model/load-progress';
import { fetchQueuePosition, type QueuePosition } from '../report-model/wire/fetch-queue';
import { env } from '../shared/env';

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
      {progress && <LoadWait waitingSince={progress.waitingSince} retries={progress.retries} />}
      {!env.apiMocking && <QueueLine />}
      <button type="button" onClick={onCancel}>
        {t('load.cancel')}
      </button>
    </div>
  );
}

/** Seconds before the wait is shown: a normal answer comes sooner. */
const SHOW_WAIT_AFTER_S = 5;

/**
 * "waiting 45 s for wolkvox · 2 retries so far": a slow answer (a server that trickles
 * its bytes) once showed "0 of 1 periods" for 221 s with no sign of life.
 */
function LoadWait({ waitingSince, retries }: { waitingSince?: number; retries: number }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (waitingSince === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [waitingSince]);
  const seconds = waitingSince === undefined ? 0 : Math.floor((now - waitingSince) / 1_000);
  const parts: string[] = [];
  if (seconds >= SHOW_WAIT_AFTER_S) parts.push(t('load.waiting', { seconds }));
  if (retries > 0) parts.push(t('load.retries', { count: retries }));
  if (parts.length === 0) return null;
  return <p className="load-wait">{parts.join(' · ')}</p>;
}

/** How often a waiting load asks the server where its calls stand. */
const QUEUE_POLL_MS = 1_500;

/**
 * "waiting for wolkvox, 3 ahead": the token allows 2 calls at a time for the whole team,
 * so behind the production server a load may wait for other supervisors' calls. Asked
 * while the load runs; no such server (the dev proxy) answers nothing and the line stays
 * hidden.
 */
function QueueLine() {
  const { t } = useI18n();
  const [position, setPosition] = useState<QueuePosition>();
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const next = await fetchQueuePosition(abort.signal);
      if (abort.signal.aborted) return;
      setPosition(next);
      if (next) timer = setTimeout(() => void poll(), QUEUE_POLL_MS);
    };
    timer = setTimeout(() => void poll(), QUEUE_POLL_MS / 3);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, []);
  if (!position || position.queued === 0 || position.inFlight > 0 || position.ahead === 0)
    return null;
  return <p className="load-queue">{t('load.queued', { count: position.ahead })}</p>;
}
