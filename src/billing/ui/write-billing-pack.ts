import { billingPackSheets, type PackInput, type PackLabels } from '../model/billing-pack';

/**
 * The pack as an .xlsx Blob. write-excel-file is imported here, on first use, so it stays
 * out of the page's bundle; the sheets are a few hundred rows at most (one per connector,
 * country and day), so they are written on the main thread (measured: see the billing README).
 */
export async function writeBillingPack(input: PackInput, labels: PackLabels): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = billingPackSheets(input, labels);
  return writeXlsxFile(
    sheets.map(({ sheet, data, columns }) => ({ sheet, data, columns, stickyRowsCount: 1 })),
  ).toBlob();
}
