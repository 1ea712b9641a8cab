import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { navigate } from '../shared/router';
import { useSettings } from '../shared/settings';
import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, reportTitle, type ReportDef } from '../report-model/catalog';
import { todayIn } from '../report-model/date-presets';
import { reportColumns } from '../report-model/connector-column';
import { describeError } from '../report-model/describe-error';
import { AggregateRangeError } from '../report-model/load/load-report';
import { dayRange } from '../report-model/time-range';
import { askFresh } from '../report-model/wire/fresh-requests';
import { RangeForm } from './range-form';
import { ReportDataView } from './report-data-view';
import { LoadStatus } from './load-status';
import { PartialNotice } from './partial-notice';
import { RowNotice } from './row-notice';
import { useShownRows } from './use-shown-rows';
import {
  forgetLoaded,
  progressKey,
  reportQueryOptions,
  retryChunks,
} from '../report-model/report-query';
import {
  parseView,
  reportPath,
  serializeView,
  summarizeNames,
  type SortEntry,
  type ViewState,
} from '../report-model/view-state';

export function ReportPage({ report, search }: { report: ReportDef; search: string }) {
  const { t, language } = useI18n();
  const { settings } = useSettings();
  const today = todayIn(settings.timeZone);
  const { view, invalid, shortened } = useMemo(
    () => parseView(search, report, today, reportColumns(report)),
    [search, report, today],
  );
  const title = reportTitle(report, language);
  const [announcement, setAnnouncement] = useState('');
  const [dismissed, setDismissed] = useState('');
  // The link's problems, kept when the page rewrites the URL (missing dates are written in at
  // once, which also drops the bad parameters): a notice must not vanish before it is read.
  const parsedKey = [...invalid, ...shortened].join(',');
  const [linkNotice, setLinkNotice] = useState({
    report: report.number,
    key: parsedKey,
    invalid,
    shortened,
  });
  if (parsedKey !== '' && (parsedKey !== linkNotice.key || report.number !== linkNotice.report))
    setLinkNotice({ report: report.number, key: parsedKey, invalid, shortened });
  const notice =
    linkNotice.report === report.number && linkNotice.key !== '' ? linkNotice : undefined;

  /**
   * Discrete changes push a history entry (Back undoes them). Typing pushes one entry when
   * a text filter starts from empty and replaces it on the next keys, so Back clears the
   * filter instead of leaving the app, without one entry per key.
   */
  const go = (patch: Partial<ViewState>, typing = false) => {
    const startsTyping =
      typing && ((patch.phone !== undefined && !view.phone) || (patch.q !== undefined && !view.q));
    navigate(reportPath(report) + serializeView({ ...view, ...patch }, search), {
      replace: typing && !startsTyping,
    });
  };

  // A link copied at once must mean these dates, not "the last 7 days from whenever it is opened".
  const params = new URLSearchParams(search);
  const datesMissing = !params.get('from') || !params.get('to');
  useEffect(() => {
    if (datesMissing) navigate(reportPath(report) + serializeView(view, search), { replace: true });
  }, [datesMissing, report, view, search]);

  const queryClient = useQueryClient();
  const options = reportQueryOptions(report, view.from, view.to);
  const query = useQuery(options);
  const data = query.data;
  const { shown, loading } = useShownRows(progressKey(options.queryKey), data);
  const cancel = () => void queryClient.cancelQueries({ queryKey: options.queryKey });
  const retry = async (which?: number) => {
    if (data)
      queryClient.setQueryData(options.queryKey, await retryChunks(data, which, queryClient));
  };

  const onSort = (sort: SortEntry[]) => {
    go({ sort });
    const first = sort[0];
    // Said by its human name: a screen reader spells LAST_PARTICIPANT_WHO_SPOKE out.
    const sorted = (data?.columns ?? report.columns).find((column) => column.key === first?.id);
    const header = sorted ? columnLabel(sorted, language) : '';
    setAnnouncement(
      first
        ? t(first.desc ? 'table.sortDescending' : 'table.sortAscending', { column: header })
        : t('table.notSorted'),
    );
  };

  const vars = { report: title, from: view.from, to: view.to };
  // 8,000 bad `f.` parameters once made a 32,000-character notice: five names and a count.
  const summary = summarizeNames(notice?.invalid ?? []);
  const invalidList = summary.more
    ? t('notice.invalidMore', { listed: summary.listed, count: summary.more })
    : summary.listed;
  // A range a totals report cannot take is said once, by the form, with the ranges it can take.
  const error =
    query.isError && !(query.error instanceof AggregateRangeError)
      ? describeError(query.error, t)
      : undefined;
  return (
    <section className="report-page" aria-labelledby="report-title">
      <header className="report-header">
        <h1 id="report-title">{title}</h1>
        <p className="print-only">{t('table.caption', vars)}</p>
        <RangeForm
          report={report}
          from={view.from}
          to={view.to}
          onGenerate={(range) => go(range)}
        />
        {data && (
          <button
            type="button"
            className="refresh"
            onClick={() => {
              // A refresh asks wolkvox again for the whole range, closed periods included.
              forgetLoaded(queryClient, report, view.from, view.to);
              // …and past the server's closed-period cache too.
              const refreshed = dayRange(view.from, view.to);
              if (refreshed) askFresh(report.api, refreshed);
              void query.refetch();
            }}
            disabled={query.isFetching}
            title={t('load.refreshHint')}
          >
            {t('load.refresh')}
          </button>
        )}
      </header>

      {notice && dismissed !== notice.key && (
        <div className="notice" role="status">
          {notice.invalid.length > 0 && t('notice.invalidParams', { params: invalidList })}{' '}
          {notice.shortened.length > 0 &&
            t('notice.shortened', { params: notice.shortened.join(', ') })}{' '}
          <button type="button" className="link" onClick={() => setDismissed(notice.key)}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}

      {query.isFetching && (
        <LoadStatus progressKey={progressKey(options.queryKey)} {...vars} onCancel={cancel} />
      )}
      {query.isPending && !query.isFetching && (
        <div className="state" role="status">
          <p>{t('load.cancelled', vars)}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t('load.again')}
          </button>
        </div>
      )}
      {data && <PartialNotice data={data} onRetry={retry} />}
      {data && <RowNotice data={data} />}
      {error && (
        <div className="state state-error" role="alert">
          <p>
            <strong>{t('state.error', vars)}</strong> {error.summary}
          </p>
          <p className="detail">{error.detail}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t('state.retry')}
          </button>
        </div>
      )}
      {data && data.load.complete && data.rows.length === 0 && (
        <p className="state" role="status">
          {t('state.empty', vars)}
        </p>
      )}
      {shown && shown.rows.length > 0 && (
        <ReportDataView
          report={report}
          data={shown}
          loading={loading}
          view={view}
          caption={t('table.caption', vars)}
          onViewChange={go}
          onSortChange={onSort}
        />
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
