import { REPORTS } from '../src/report-model/catalog.ts';
import { encodeColumns } from '../src/report-model/wire/column-chunk.ts';
import { writeColumnChunk } from '../src/report-model/wire/column-chunk-binary.ts';
import { normalizeRows } from '../src/report-model/wire/normalize-rows.ts';
import { readEnvelope } from '../src/report-model/wire/parse-envelope.ts';

/**
 * A stored closed period in the compact form (src/report-model/wire/column-chunk-binary.ts):
 * wolkvox's JSON read exactly as the page's worker reads it (readEnvelope, then normalizeRows
 * with the catalog), as columns, as bytes. Built once, when the period is stored; a page that
 * asks for it (`Accept: application/vnd.wolkvox-columns`) then gets its rows without parsing
 * JSON. Undefined for anything but a 200 the page would read as rows (an error, a 404,
 * another api): those are answered as wolkvox sent them.
 */
export function compactAnswer(api: string, status: number, body: Buffer): Buffer | undefined {
  const report = REPORTS.find((r) => r.api === api);
  if (!report || status !== 200) return undefined;
  try {
    // TextDecoder as fetch-report.ts does (a leading BOM dropped, bad UTF-8 as U+FFFD).
    const envelope = readEnvelope(status, new TextDecoder().decode(body));
    const parsed = normalizeRows(report, envelope.rows);
    if (envelope.notFound) parsed.notFoundWithRows = parsed.rows.length;
    const bytes = writeColumnChunk(encodeColumns(parsed).chunk);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return undefined;
  }
}
