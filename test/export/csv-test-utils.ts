import Papa from 'papaparse';
import type { CsvDelimiter } from '../../src/export/write-csv';

/**
 * The Blob's bytes. jsdom 29's Blob has arrayBuffer(); `new Response(blob)`
 * does not work there (Node's Response wants a native Blob), so FileReader is
 * the fallback for environments whose Blob lacks arrayBuffer().
 */
export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Decodes UTF-8 keeping a BOM as U+FEFF (TextDecoder drops it by default). */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
}

/**
 * Parses CSV text with Papa Parse, a real RFC 4180 reader, as an independent
 * check of our writer. The file ends with CRLF, which Papa reports as one
 * trailing empty record; we assert it and drop it.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ','): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', header: false });
  expect(result.errors).toEqual([]);
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

/**
 * Pieces of hostile cell text for the CSV property tests: formula characters and their
 * full-width, small and compatibility forms, combining marks, white space and zero-width
 * characters, bidi controls, quotes, both delimiters, line breaks, lone surrogates, and
 * ordinary values beside them.
 */
export const HOSTILE_PIECES = [
  '=',
  '+',
  '-',
  '@',
  "'",
  '＝',
  '﹦',
  '＋',
  '﹢',
  '－',
  '＠',
  '\u0338', // combining long solidus: "=\u0338" composes to "≠"
  '\u0301',
  ' ',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\uFEFF',
  '\n',
  '\r',
  '\t',
  '"',
  '""',
  ',',
  ';',
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  'SUM(1)',
  'cmd|',
  'ñ',
  'Á',
  '😀',
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '573001234567',
  'María',
];
