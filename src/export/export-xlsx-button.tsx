import { useState } from 'react';
import { reportTitle } from '../report-model/catalog';
import { downloadBlob } from '../shared/download';
import { useI18n } from '../shared/i18n/i18n';
import type { ExportViewProps } from './export-csv-button';
import { csvFileName } from './file-name';
import { viewColumns, xlsxRefusal } from './xlsx-sheet';
import type { XlsxRequest, XlsxResponse } from './xlsx.worker';

interface ExportXlsxButtonProps extends ExportViewProps {
  /** The filters on screen, as label–value pairs for the second sheet. */
  filters: ReadonlyArray<readonly [string, string]>;
}

/**
 * "Export Excel (.xlsx)": exactly the view, typed for Excel, with the period and the
 * filters on a second sheet. The writer (write-excel-file) loads only when used. A view
 * too big for a workbook says so before any work and points to the CSV.
 */
export function ExportXlsxButton(props: ExportXlsxButtonProps) {
  const { report, from, to, columns, rows, order, filters } = props;
  const { t, language, locale } = useI18n();
  const [state, setState] = useState<'idle' | 'writing' | 'failed'>('idle');
  const refusal = xlsxRefusal(order.length);

  const run = async () => {
    setState('writing');
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    try {
      const request: XlsxRequest = {
        view: viewColumns(columns, rows, order),
        dataSheet: t('xlsx.dataSheet'),
        aboutSheet: t('xlsx.aboutSheet'),
        cutLabel: t('xlsx.cutCells'),
        about: [
          [t('xlsx.report'), reportTitle(report, language)],
          [t('xlsx.period'), t('home.period', { from, to })],
          [t('xlsx.rows'), new Intl.NumberFormat(locale).format(order.length)],
          ...filters,
        ],
      };
      const answer = await new Promise<XlsxResponse>((resolve) => {
        worker.onmessage = (event: MessageEvent<XlsxResponse>) => resolve(event.data);
        worker.onerror = (event) => resolve({ error: event.message });
        worker.postMessage(request);
      });
      if ('error' in answer) throw new Error(answer.error);
      downloadBlob(answer.blob, csvFileName(report, from, to, 'xlsx'));
      setState('idle');
    } catch {
      setState('failed');
    } finally {
      worker.terminate();
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={() => void run()}
        disabled={
          order.length === 0 || columns.length === 0 || Boolean(refusal) || state === 'writing'
        }
        title={refusal ? t(`xlsx.${refusal}`) : undefined}
      >
        {state === 'writing' ? t('xlsx.writing') : t('xlsx.button')}
      </button>
      {refusal && (
        <span className="form-hint" role="note">
          {t(`xlsx.${refusal}`)}
        </span>
      )}
      {state === 'failed' && (
        <span className="form-problem" role="alert">
          {t('xlsx.failed')}
        </span>
      )}
    </>
  );
}
