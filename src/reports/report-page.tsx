import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { navigate } from '../app/router';
import { useSettings } from '../app/settings';
import { useI18n } from '../i18n/i18n';
import { ReportTable } from '../table/report-table';
import { reportTitle, type ReportDef } from './catalog';
import { isUnparsed } from './column-types';
import { todayIn } from './date-presets';
import { describeError } from './describe-error';
import { RangeForm } from './range-form';
import { reportQueryOptions } from './report-query';
import type { ParsedRows } from './wire/normalize-rows';
import { useColumnPrefs } from './use-column-prefs';
import { useReportView } from './use-report-view';
import { parseView, reportPath, serializeView, type SortEntry, type ViewState } from './view-state';

export function ReportPage({ report, search }: { report: ReportDef; search: string }) {
  const { t, language } = useI18n();
  const { settings } = useSettings();
  const { view, invalid } = parseView(search, report, todayIn(settings.timeZone));
  const title = reportTitle(report, language);
  const [announcement, setAnnouncement] = useState('');
  const [dismissed, setDismissed] = useState('');

  const go = (next: ViewState, replace = false) =>
    navigate(reportPath(report) + serializeView(next, search), { replace });

  const query = useQuery(reportQueryOptions(report, view.from, view.to));
  const data = query.data;
  const columns = data?.columns ?? report.columns;
  const rows = data?.rows;
  const order = useReportView(columns, rows ?? [], view.sort);
  const prefs = useColumnPrefs(report);
  const unparsed = useMemo(() => countUnparsed(data), [data]);

  const onSort = (sort: SortEntry[]) => {
    go({ ...view, sort });
    const first = sort[0];
    const header = columns.find((column) => column.key === first?.id)?.header ?? '';
    setAnnouncement(
      first
        ? t(first.desc ? 'table.sortDescending' : 'table.sortAscending', { column: header })
        : t('table.notSorted'),
    );
  };

  const vars = { report: title, from: view.from, to: view.to };
  const invalidKey = invalid.join(',');
  return (
    <section className="report-page" aria-labelledby="report-title">
      <header className="report-header">
        <h1 id="report-title">{title}</h1>
        <RangeForm
          from={view.from}
          to={view.to}
          onGenerate={(range) => go({ ...view, ...range })}
        />
      </header>

      {invalid.length > 0 && dismissed !== invalidKey && (
        <div className="notice" role="status">
          {t('notice.invalidParams', { params: invalid.join(', ') })}{' '}
          <button type="button" className="link" onClick={() => setDismissed(invalidKey)}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}

      {query.isPending && (
        <p className="state" role="status">
          <span className="spinner" aria-hidden="true" /> {t('state.loading', vars)}
        </p>
      )}
      {query.isError && (
        <div className="state state-error" role="alert">
          <p>
            <strong>{t('state.error', vars)}</strong> {describeError(query.error, t).summary}
          </p>
          <p className="detail">{describeError(query.error, t).detail}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t('state.retry')}
          </button>
        </div>
      )}
      {rows && rows.length === 0 && (
        <p className="state" role="status">
          {t('state.empty', vars)}
        </p>
      )}
      {rows && rows.length > 0 && (
        <>
          <div className="table-toolbar">
            <p className="row-count" aria-live="polite">
              {t('table.rowCount', {
                shown: order.length.toLocaleString(language === 'es' ? 'es-419' : 'en-US'),
                total: rows.length.toLocaleString(language === 'es' ? 'es-419' : 'en-US'),
              })}
            </p>
            {unparsed > 0 && (
              <p className="unparsed-note">{t('notice.unparsed', { count: unparsed })}</p>
            )}
          </div>
          <ReportTable
            columns={columns}
            rows={rows}
            order={order}
            caption={t('table.caption', vars)}
            sorting={view.sort}
            onSortingChange={onSort}
            columnVisibility={prefs.visibility}
            onColumnVisibilityChange={prefs.setVisibility}
            columnSizing={prefs.sizing}
            onColumnSizingChange={prefs.setSizing}
          />
        </>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}

function countUnparsed(data: ParsedRows | undefined): number {
  if (!data) return 0;
  let count = 0;
  for (const row of data.rows) {
    for (const column of data.columns)
      if (isUnparsed(column.type, row[column.key] ?? null)) count++;
  }
  return count;
}
