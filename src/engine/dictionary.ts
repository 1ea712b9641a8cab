import type { CellValue, ColumnType } from '../report-model/column-types';
import { cellText } from './cell-text';

/**
 * A column dictionary-encoded by the cells' string form (see cellText): one id per distinct
 * text, in order of first appearance. Multi-select filters, facets and text search over
 * low-cardinality columns work on the few distinct texts instead of on every row.
 */
export interface Dictionary {
  /** Text id per row. */
  readonly ids: Uint32Array;
  /** Text per id ('' for empty cells). */
  readonly texts: readonly string[];
  /** First row holding each id. */
  readonly firstRow: Uint32Array;
}

export function buildDictionary(type: ColumnType, values: readonly CellValue[]): Dictionary {
  const n = values.length;
  const ids = new Uint32Array(n);
  const texts: string[] = [];
  const first: number[] = [];
  const byText = new Map<string, number>();
  // Booleans and null are few: skip the Map for them.
  let nullId = -1;
  let yesId = -1;
  let noId = -1;
  for (let row = 0; row < n; row++) {
    const v = values[row];
    let id: number | undefined;
    if (v === null || v === undefined) id = nullId >= 0 ? nullId : undefined;
    else if (v === true) id = yesId >= 0 ? yesId : undefined;
    else if (v === false) id = noId >= 0 ? noId : undefined;
    if (id === undefined) {
      const text = cellText(type, v ?? null);
      id = byText.get(text);
      if (id === undefined) {
        id = texts.length;
        texts.push(text);
        first.push(row);
        byText.set(text, id);
      }
      if (v === null || v === undefined) nullId = id;
      else if (v === true) yesId = id;
      else if (v === false) noId = id;
    }
    ids[row] = id;
  }
  return { ids, texts, firstRow: Uint32Array.from(first) };
}
