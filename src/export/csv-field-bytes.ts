import { isFormulaLike } from './csv-cell';
import { writeUtf8, type Utf8Sink } from './utf8-sink';

const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const LF = 0x0a;
const CR = 0x0d;

/**
 * One string cell as CSV bytes: the same bytes as write-csv.ts's reference path
 * (`quote(guardFormula(text))`, then UTF-8), in one pass over the characters.
 *
 * - The formula guard (csv-cell.ts) decides from the first characters; a guarded cell is
 *   written `"'…"` with inner quotes doubled.
 * - Otherwise the characters are copied as UTF-8 until one needs quoting (a quote, the
 *   delimiter, CR or LF); then the cell is written again from its start, quoted. Most cells
 *   (ids, phones, names, countries) need no quoting, so they cost one copy.
 */
export function writeTextField(sink: Utf8Sink, text: string, delimiter: number): void {
  const count = text.length;
  if (count === 0) return;
  // Worst case: 3 bytes per UTF-16 unit (a doubled quote is 2), plus `"'` and `"`.
  sink.reserve(count * 3 + 3);
  if (isFormulaLike(text)) {
    writeQuoted(sink, text, true);
    return;
  }
  const bytes = sink.bytes;
  let at = sink.length;
  let i = 0;
  for (; i < count; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) break;
    if (c === QUOTE || c === delimiter || c === LF || c === CR) {
      writeQuoted(sink, text, false);
      return;
    }
    bytes[at++] = c;
  }
  if (i < count) {
    // Non-ASCII from i on: the rest goes through the UTF-8 encoder once it is known plain.
    if (hasSpecial(text, i, delimiter)) {
      writeQuoted(sink, text, false);
      return;
    }
    at = writeUtf8(bytes, at, text, i, count);
  }
  sink.length = at;
}

/** Whether text[from…] holds a character that forces quoting. */
function hasSpecial(text: string, from: number, delimiter: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === delimiter || c === LF || c === CR) return true;
  }
  return false;
}

/** `"` + (guard ? `'` : ``) + text with `"` doubled + `"`, as UTF-8 (room reserved by the caller). */
function writeQuoted(sink: Utf8Sink, text: string, guard: boolean): void {
  const bytes = sink.bytes;
  let at = sink.length;
  bytes[at++] = QUOTE;
  if (guard) bytes[at++] = APOSTROPHE;
  let from = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    at = writeUtf8(bytes, at, text, from, i + 1);
    bytes[at++] = QUOTE;
    from = i + 1;
  }
  at = writeUtf8(bytes, at, text, from, text.length);
  bytes[at++] = QUOTE;
  sink.length = at;
}
