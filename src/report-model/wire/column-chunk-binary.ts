import type { ColumnDef } from '../catalog';
import type { CellValue } from '../column-types';
import type { ColumnChunk, EncodedColumn } from './column-chunk';

/**
 * A ColumnChunk as bytes: the compact form in which the production server sends a report
 * answer it read complete (from wolkvox or its cache) when the page asks for it
 * (`Accept: application/vnd.wolkvox-columns`, server/README.md, "The compact form"). The worker reads it without parsing a
 * row: the typed columns are the answer's own bytes, and only the header (columns,
 * string dictionaries, the few cells of another type) is JSON.
 *
 *   bytes 0–3   "WVCB"
 *   bytes 4–7   the header's length in bytes (u32, little-endian)
 *   then        the header, JSON in UTF-8, padded with spaces to a multiple of 8
 *   then        the sections, each starting on a multiple of 8, at the offsets the header
 *               gives from the first section: per column its values (Float64 | Uint32 codes
 *               | Uint8), then its other cells' rows (Uint32)
 *
 * Float64 values and Uint32 codes are stored as byte planes (every value's first byte, then
 * every value's second byte …): the high bytes of codes and the shared bytes of nearby dates
 * then sit together, and gzip takes a 60,000-row answer of report 10 to about JSON's gzipped
 * size (raw typed arrays gzip a third larger). Reading puts the bytes back (a copy, ~1 ms a
 * column). Typed arrays are little-endian (every browser and server this runs on); a
 * big-endian host refuses both ways instead of reading nonsense. `decodeColumns(readColumnChunk(
 * writeColumnChunk(x)))` gives back `decodeColumns(x)` exactly (the property test holds it to
 * that): a number the JSON header cannot hold (NaN, ±Infinity, -0 among the other cells) is
 * written as a one-element list naming it, and strings go through JSON unchanged, lone
 * surrogates included (JSON.stringify escapes them).
 */
export const COLUMNS_MEDIA_TYPE = 'application/vnd.wolkvox-columns';

const MAGIC = [0x57, 0x56, 0x43, 0x42]; // "WVCB"
const PREFIX = 8;
const ALIGN = 8;

type Kind = EncodedColumn['kind'];
/** A cell of another type, as the header holds it. */
type HeaderValue = string | number | boolean | null | [string];

interface HeaderCell {
  kind: Kind;
  /** Byte offset of its values, from the first section. */
  at: number;
  dictionary?: string[];
  other?: { at: number; values: HeaderValue[] };
}

interface Header {
  rowCount: number;
  columns: ColumnDef[];
  cells: HeaderCell[];
  notFoundWithRows?: number;
}

const BYTES_PER: Record<Kind, number> = { number: 8, string: 4, boolean: 1 };
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The chunk as one buffer. */
export function writeColumnChunk(chunk: ColumnChunk): Uint8Array<ArrayBuffer> {
  if (!littleEndian) throw new Error('The compact form is little-endian only');
  const { rowCount } = chunk;
  let end = 0;
  const sections: { at: number; bytes: Uint8Array }[] = [];
  const place = (array: Float64Array | Uint32Array | Uint8Array, planes = false) => {
    const at = end;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    sections.push({ at, bytes: planes ? toPlanes(bytes, array.BYTES_PER_ELEMENT) : bytes });
    end = align(at + array.byteLength);
    return at;
  };
  const cells: HeaderCell[] = chunk.cells.map((cell) => {
    const values = cell.kind === 'string' ? cell.codes : cell.values;
    if (values.length !== rowCount) throw new Error('A column does not hold rowCount cells');
    const out: HeaderCell = { kind: cell.kind, at: place(values, cell.kind !== 'boolean') };
    if (cell.kind === 'string') out.dictionary = cell.dictionary;
    if (cell.other)
      out.other = { at: place(cell.other.rows), values: cell.other.values.map(toHeaderValue) };
    return out;
  });
  const header: Header = { rowCount, columns: chunk.columns, cells };
  if (chunk.notFoundWithRows !== undefined) header.notFoundWithRows = chunk.notFoundWithRows;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const first = align(PREFIX + json.length);
  const out = new Uint8Array(first + end);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, PREFIX);
  out.fill(0x20, PREFIX + json.length, first);
  for (const { at, bytes } of sections) out.set(bytes, first + at);
  return out;
}

/**
 * The chunk; transfer `transfer` to hand it to another thread (its typed arrays are new
 * buffers for numbers and codes, views on `bytes` for yes/no cells and other rows). Throws on anything that is
 * not a well-formed chunk: a wrong magic, a section out of bounds, a code past its
 * dictionary, an other cell past the rows.
 */
export function readColumnChunk(bytes: ArrayBuffer | Uint8Array): {
  chunk: ColumnChunk;
  transfer: ArrayBuffer[];
} {
  if (!littleEndian) throw new Error('The compact form is little-endian only');
  let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteOffset % ALIGN !== 0 || !(view.buffer instanceof ArrayBuffer)) view = view.slice();
  const buffer = view.buffer as ArrayBuffer;
  const transfer = [buffer];
  const base = view.byteOffset;
  const size = view.byteLength;
  if (size < PREFIX || MAGIC.some((byte, i) => view[i] !== byte))
    throw new Error('Not a column chunk');
  const headerLength = new DataView(buffer, base, PREFIX).getUint32(4, true);
  if (PREFIX + headerLength > size) throw new Error('The header runs past the end');
  const header = checkHeader(
    JSON.parse(new TextDecoder().decode(view.subarray(PREFIX, PREFIX + headerLength))),
  );
  const first = align(PREFIX + headerLength);
  const { rowCount } = header;
  const section = (at: unknown, length: number, bytesPer: number) => {
    if (!Number.isSafeInteger(at) || (at as number) < 0 || (at as number) % ALIGN !== 0)
      throw new Error('A section is misplaced');
    const start = first + (at as number);
    if (start + length * bytesPer > size) throw new Error('A section runs past the end');
    return base + start;
  };
  const cells = header.cells.map((cell): EncodedColumn => {
    const at = section(cell.at, rowCount, BYTES_PER[cell.kind]);
    let encoded: EncodedColumn;
    if (cell.kind === 'number') {
      const values = new Float64Array(
        fromPlanes(new Uint8Array(buffer, at, rowCount * 8), 8).buffer,
      );
      transfer.push(values.buffer);
      encoded = { kind: 'number', values };
    } else if (cell.kind === 'boolean') {
      const values = new Uint8Array(buffer, at, rowCount);
      for (let i = 0; i < rowCount; i++)
        if (values[i]! > 2) throw new Error('A yes/no cell is out of range');
      encoded = { kind: 'boolean', values };
    } else {
      const dictionary = cell.dictionary;
      if (!Array.isArray(dictionary) || dictionary.some((s) => typeof s !== 'string'))
        throw new Error('A text column has no dictionary');
      const codes = new Uint32Array(fromPlanes(new Uint8Array(buffer, at, rowCount * 4), 4).buffer);
      transfer.push(codes.buffer);
      const limit = dictionary.length;
      for (let i = 0; i < rowCount; i++)
        if (codes[i]! > limit) throw new Error('A code is past its dictionary');
      encoded = { kind: 'string', codes, dictionary };
    }
    if (cell.other !== undefined) {
      const { values } = cell.other;
      if (!Array.isArray(values)) throw new Error('Other cells without values');
      const rows = new Uint32Array(buffer, section(cell.other.at, values.length, 4), values.length);
      for (let j = 0; j < rows.length; j++)
        if (rows[j]! >= rowCount) throw new Error('An other cell is past the rows');
      encoded.other = { rows, values: values.map(fromHeaderValue) };
    }
    return encoded;
  });
  const chunk: ColumnChunk = { columns: header.columns, rowCount, cells };
  if (header.notFoundWithRows !== undefined) chunk.notFoundWithRows = header.notFoundWithRows;
  return { chunk, transfer };
}

/** Element i's byte k goes to `k * n + i`. */
function toPlanes(bytes: Uint8Array, width: number): Uint8Array {
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let k = 0; k < width; k++) {
    const plane = k * n;
    for (let i = 0, j = k; i < n; i++, j += width) out[plane + i] = bytes[j]!;
  }
  return out;
}

function fromPlanes(planes: Uint8Array, width: number): Uint8Array<ArrayBuffer> {
  const n = planes.length / width;
  const out = new Uint8Array(planes.length);
  for (let k = 0; k < width; k++) {
    const plane = k * n;
    for (let i = 0, j = k; i < n; i++, j += width) out[j] = planes[plane + i]!;
  }
  return out;
}

function checkHeader(value: unknown): Header {
  const header = value as Partial<Header> | null;
  if (
    typeof header !== 'object' ||
    header === null ||
    !Number.isSafeInteger(header.rowCount) ||
    header.rowCount! < 0 ||
    !Array.isArray(header.columns) ||
    !Array.isArray(header.cells) ||
    header.cells.length !== header.columns.length ||
    (header.notFoundWithRows !== undefined && !Number.isSafeInteger(header.notFoundWithRows))
  )
    throw new Error('Not a column chunk header');
  for (const column of header.columns as unknown[]) {
    const c = column as Partial<ColumnDef> | null;
    if (typeof c !== 'object' || c === null || typeof c.key !== 'string')
      throw new Error('A column without a key');
    if (typeof c.header !== 'string' || typeof c.type !== 'string')
      throw new Error('A column without a header or type');
  }
  for (const cell of header.cells as unknown[]) {
    const kind = (cell as Partial<HeaderCell> | null)?.kind;
    if (kind !== 'number' && kind !== 'string' && kind !== 'boolean')
      throw new Error('A column of an unknown kind');
  }
  return header as Header;
}

const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
};

function toHeaderValue(value: CellValue): HeaderValue {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
  return [Object.is(value, -0) ? '-0' : String(value)];
}

function fromHeaderValue(value: unknown): CellValue {
  if (Array.isArray(value)) {
    const name = value[0] as unknown;
    if (value.length === 1 && typeof name === 'string' && Object.hasOwn(SPECIAL_NUMBERS, name))
      return SPECIAL_NUMBERS[name]!;
    throw new Error('An other cell is not a value');
  }
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
    return value as CellValue;
  throw new Error('An other cell is not a value');
}
