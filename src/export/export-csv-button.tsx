import { useRef, useState } from 'react';
import { useSettings } from '../shared/settings';
import { downloadBlob } from '../shared/download';
import { csvFileName } from './file-name';
import { buildCsvBlob, type CsvDelimiter } from './write-csv';
import { useI18n } from '../shared/i18n/i18n';
import type { ColumnDef, ReportDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';

/** What an export button writes: exactly the view on screen. */
export interface ExportViewProps {
  report: ReportDef;
  from: string;
  to: string;
  /** Visible columns in on-screen order. */
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  /** On-screen row order (filtered and sorted). */
  order: ArrayLike<number>;
}

/** "Export CSV": exactly the view, built in slices so the page stays responsive. */
export function ExportCsvButton({ report, from, to, columns, rows, order }: ExportViewProps) {
  const { t, language } = useI18n();
  const { settings } = useSettings();
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const delimiter: CsvDelimiter =
    settings.csvDelimiter === 'auto' ? (language === 'es' ? ';' : ',') : settings.csvDelimiter;

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    try {
      const blob = await buildCsvBlob({
        columns,
        rows,
        order,
        delimiter,
        signal: controller.signal,
        onProgress: (done, total) => setProgress(total ? done / total : 1),
      });
      downloadBlob(blob, csvFileName(report, from, to));
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  if (progress !== null) {
    return (
      <span className="export-progress" role="status">
        <progress value={progress} max={1} aria-label={t('export.progress')} />{' '}
        {Math.round(progress * 100)}%{' '}
        <button type="button" className="link" onClick={() => abort.current?.abort()}>
          {t('export.cancel')}
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      onClick={() => void run()}
      disabled={order.length === 0 || columns.length === 0}
      title={t('export.hint', {
        delimiter: delimiter === ';' ? t('export.semicolon') : t('export.comma'),
      })}
    >
      {t('export.button')}
    </button>
  );
}
