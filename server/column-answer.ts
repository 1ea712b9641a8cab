import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { REPORTS } from '../src/report-model/catalog.ts';
import { encodeColumns } from '../src/report-model/wire/column-chunk.ts';
import { writeColumnChunk } from '../src/report-model/wire/column-chunk-binary.ts';
import { normalizeRows } from '../src/report-model/wire/normalize-rows.ts';
import { readParsedEnvelope } from '../src/report-model/wire/parse-envelope.ts';

/**
 * A wolkvox answer read complete, parsed once: wolkvox's 404 "no rows", or a 200 JSON answer
 * whose `data` holds as many rows as its `msg` says (`rows`). Only such an answer is kept by
 * the cache or sent in the compact form; a truncated or odd one is sent as wolkvox sent it
 * (the page reports it, and a second try fetches it again). Undefined when not.
 */
export interface CompleteAnswer {
  /** The JSON, parsed (undefined for the 404). */
  json?: unknown;
  text?: string;
}

export function completeAnswer(
  status: number,
  contentType: string,
  body: Buffer,
  rows: number | null,
  noRecords: boolean,
): CompleteAnswer | undefined {
  if (status === 404) return noRecords ? {} : undefined;
  if (status !== 200 || rows === null || !contentType.includes('json')) return undefined;
  // TextDecoder as fetch-report.ts does (a leading BOM dropped, bad UTF-8 as U+FFFD).
  const text = new TextDecoder().decode(body);
  try {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    const data = (json as { data?: unknown } | null)?.data;
    return Array.isArray(data) && data.length === rows ? { json, text } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A complete answer in the compact form (src/report-model/wire/column-chunk-binary.ts):
 * wolkvox's JSON read exactly as the page's worker reads it (readEnvelope, then normalizeRows
 * with the catalog), as columns, as bytes. Built once per answer (and kept with a closed
 * period); a page that asks for it (`Accept: application/vnd.wolkvox-columns`) gets its rows
 * without parsing JSON. Undefined for anything but a 200 the page would read as rows (an
 * error, a 404, another api): those are answered as wolkvox sent them.
 */
export function compactAnswer(
  api: string,
  status: number,
  complete: CompleteAnswer,
): Buffer | undefined {
  const report = REPORTS.find((r) => r.api === api);
  if (!report || status !== 200 || complete.text === undefined) return undefined;
  try {
    const envelope = readParsedEnvelope(status, complete.json, complete.text);
    const parsed = normalizeRows(report, envelope.rows);
    if (envelope.notFound) parsed.notFoundWithRows = parsed.rows.length;
    const bytes = writeColumnChunk(encodeColumns(parsed).chunk);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return undefined;
  }
}

/** A wolkvox answer to read: what `readAnswer` needs, as it may cross to a worker thread. */
export interface AnswerToRead {
  api: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** Rows its `msg` says it holds. */
  rows: number | null;
  /** wolkvox's "no rows" 404 (`VALIDATE DATES ENTERED`). */
  noRecords: boolean;
}

export interface ReadAnswer {
  /** Complete (completeAnswer): it may be kept, and sent in the compact form. */
  complete: boolean;
  /** The compact form (compactAnswer), when complete and rows of a report (gzipped: Packed). */
  columns?: Buffer;
}

const gzipAsync = promisify(gzip);

/** One read of an answer: complete?, and its compact form. */
export function readAnswer(answer: AnswerToRead): ReadAnswer {
  const complete = completeAnswer(
    answer.status,
    answer.contentType,
    answer.body,
    answer.rows,
    answer.noRecords,
  );
  if (!complete) return { complete: false };
  const columns = compactAnswer(answer.api, answer.status, complete);
  return columns ? { complete: true, columns } : { complete: true };
}

/** readAnswer, its compact form gzipped (level 3: on the answer's path). */
export async function readAnswerPacked(answer: AnswerToRead): Promise<ReadAnswer> {
  const read = readAnswer(answer);
  if (read.columns) read.columns = await gzipAsync(read.columns, { level: 3 });
  return read;
}
