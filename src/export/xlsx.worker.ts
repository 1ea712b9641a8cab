/// <reference lib="webworker" />
import writeXlsxFile from 'write-excel-file/universal';
import { aboutSheet, reportSheet, type XlsxView } from './xlsx-sheet';

/** What the page sends: the view column by column, sheet names, the period-and-filters pairs. */
export interface XlsxRequest {
  view: XlsxView;
  dataSheet: string;
  aboutSheet: string;
  about: ReadonlyArray<readonly [string, string]>;
  /** Label of the line that counts cells cut to Excel's limit (added only when some were). */
  cutLabel: string;
}

export type XlsxResponse = { blob: Blob } | { error: string };

/**
 * Builds the workbook off the main thread: write-excel-file writes the sheet's XML in
 * one pass (about 5 s per 100,000 rows of report 10 on our machines), which would
 * freeze the page.
 */
self.onmessage = async (event: MessageEvent<XlsxRequest>) => {
  const { view, dataSheet, aboutSheet: aboutName, about, cutLabel } = event.data;
  try {
    const { data, cutCells } = reportSheet(view);
    const pairs = cutCells ? [...about, [cutLabel, String(cutCells)] as const] : about;
    const blob = await writeXlsxFile([
      { data, sheet: dataSheet, stickyRowsCount: 1 },
      { data: aboutSheet(pairs), sheet: aboutName, columns: [{ width: 24 }, { width: 60 }] },
    ]).toBlob();
    self.postMessage({ blob } satisfies XlsxResponse);
  } catch (error) {
    self.postMessage({ error: String(error) } satisfies XlsxResponse);
  }
};
