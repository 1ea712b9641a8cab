/**
 * A growable byte buffer that text is written into as UTF-8, for the CSV export's fast
 * writer (csv-bytes.ts): a slice of a million-row export goes straight into bytes, with
 * no per-row strings, no rope to flatten and no second encoding pass when the Blob is made.
 *
 * The buffer is reused from slice to slice: `new Blob([sink.view()])` copies the bytes
 * (File API, "process blob parts"), so `clear()` may overwrite them right after.
 */
export class Utf8Sink {
  bytes: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `count` more bytes. Callers reserve, then write with `bytes[length++]`. */
  reserve(count: number): void {
    const needed = this.length + count;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Text known to hold only ASCII characters (digits, dates, yes/no, delimiters). */
  ascii(text: string): void {
    const count = text.length;
    this.reserve(count);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < count; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Any text, as UTF-8: what TextEncoder writes (a lone surrogate becomes U+FFFD). */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.length = writeUtf8(this.bytes, this.length, text, 0, text.length);
  }

  /** The bytes written since the last clear (a view, valid until the next write). */
  view(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * Writes text[from, to) as UTF-8 at `at` (room for 3 bytes per UTF-16 unit must be
 * reserved) and returns the new end. A surrogate pair is one 4-byte character; a lone
 * surrogate is written as U+FFFD (EF BF BD), as TextEncoder and the Blob constructor do.
 */
export function writeUtf8(
  bytes: Uint8Array,
  at: number,
  text: string,
  from: number,
  to: number,
): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        bytes[at++] = 0xef;
        bytes[at++] = 0xbf;
        bytes[at++] = 0xbd;
      }
    }
  }
  return at;
}
