import type { CellValue, ColumnType } from '../report-model/column-types';
import { cellText, foldLongText, foldText } from './cell-text';
import type { Dictionary } from './dictionary';
import { markCandidatesContaining, markRowsContaining } from './row-text';

/** Separator between rows in the folded text; a needle containing it takes the slow path. */
const SEPARATOR = '\u0001';

/**
 * Case- and accent-insensitive substring search over one column: the folded string form of
 * every row, concatenated, scanned with native indexOf. Columns with few distinct values use
 * their dictionary instead (test each distinct text once, then map ids to rows).
 */
export interface ColumnSearch {
  /** Flags matching rows in `mask`; returns how many rows were newly flagged. */
  match(needle: string, mask: Uint8Array): number;
  /** The same, checking only `candidates` (rows known to hold every match). */
  matchAmong(needle: string, candidates: ArrayLike<number>, mask: Uint8Array): number;
}

/** Rows folded together: one native normalize/replace/toLowerCase per batch, not per row. */
const FOLD_BATCH = 4096;

export function buildRowTextSearch(type: ColumnType, values: readonly CellValue[]): ColumnSearch {
  const n = values.length;
  const chunks: string[] = [];
  const rowStart = new Uint32Array(n + 1);
  let length = 0;
  const texts: string[] = [];
  for (let first = 0; first < n; first += FOLD_BATCH) {
    const last = Math.min(n, first + FOLD_BATCH);
    texts.length = 0;
    for (let row = first; row < last; row++) texts.push(cellText(type, values[row] ?? null));
    // Folding is character-local and the separator (a control character: no case, no
    // accent, never reordered) stops every context rule, so folding the joined batch
    // equals joining the folded rows — unless a value contains the separator itself.
    const folded = SEPARATOR + foldLongText(texts.join(SEPARATOR));
    let at = 0;
    let row = first;
    for (; row < last && at >= 0 && at < folded.length; row++) {
      rowStart[row] = length + at;
      at = folded.indexOf(SEPARATOR, at + 1);
    }
    if (row === last && at < 0) {
      chunks.push(folded);
      length += folded.length;
      continue;
    }
    for (row = first; row < last; row++) {
      const part = SEPARATOR + foldText(texts[row - first]!);
      rowStart[row] = length;
      chunks.push(part);
      length += part.length;
    }
  }
  rowStart[n] = length;
  const text = chunks.join('');
  return {
    match(needle, mask) {
      if (needle.includes(SEPARATOR)) return slowMatch(type, values, needle, mask);
      return markRowsContaining(text, rowStart, needle, mask);
    },
    matchAmong(needle, candidates, mask) {
      if (needle.includes(SEPARATOR)) return slowMatch(type, values, needle, mask, candidates);
      return markCandidatesContaining(text, rowStart, [needle], candidates, mask);
    },
  };
}

function slowMatch(
  type: ColumnType,
  values: readonly CellValue[],
  needle: string,
  mask: Uint8Array,
  candidates?: ArrayLike<number>,
): number {
  let count = 0;
  const n = candidates ? candidates.length : values.length;
  for (let i = 0; i < n; i++) {
    const row = candidates ? candidates[i]! : i;
    if (!mask[row] && foldText(cellText(type, values[row] ?? null)).includes(needle)) {
      mask[row] = 1;
      count++;
    }
  }
  return count;
}

export function buildDictionarySearch(dictionary: Dictionary): ColumnSearch {
  const folded = dictionary.texts.map(foldText);
  const { ids } = dictionary;
  const hits = (needle: string): Uint8Array | undefined => {
    const hit = new Uint8Array(folded.length);
    let any = false;
    for (let id = 0; id < folded.length; id++) {
      if (folded[id]!.includes(needle)) {
        hit[id] = 1;
        any = true;
      }
    }
    return any ? hit : undefined;
  };
  return {
    match(needle, mask) {
      const hit = hits(needle);
      if (!hit) return 0;
      let count = 0;
      for (let row = 0; row < ids.length; row++) {
        if (hit[ids[row]!] && !mask[row]) {
          mask[row] = 1;
          count++;
        }
      }
      return count;
    },
    matchAmong(needle, candidates, mask) {
      const hit = hits(needle);
      if (!hit) return 0;
      let count = 0;
      for (let i = 0; i < candidates.length; i++) {
        const row = candidates[i]!;
        if (hit[ids[row]!] && !mask[row]) {
          mask[row] = 1;
          count++;
        }
      }
      return count;
    },
  };
}
