/**
 * Flags in `mask` every row whose text contains `pattern`, where `text` is all the rows' texts
 * concatenated and row r's text starts at `rowStart[r]` (`rowStart` has one more entry, the
 * end). A native indexOf finds each match, a binary search names its row, and the scan resumes
 * at the next row. Returns how many rows were newly flagged.
 */
export function markRowsContaining(
  text: string,
  rowStart: Uint32Array,
  pattern: string,
  mask: Uint8Array,
): number {
  const rows = rowStart.length - 1;
  let count = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(pattern, from);
    if (at < 0) return count;
    // Last row whose start is <= at.
    let low = 0;
    let high = rows - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (rowStart[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    if (!mask[low]) {
      mask[low] = 1;
      count++;
    }
    from = rowStart[low + 1]!;
  }
}

/**
 * Flags, among `candidates` (row indices), the rows whose text contains one of `patterns`:
 * the same rule as markRowsContaining, checked on each candidate's own text only. Used when a
 * query narrows the previous one (its matches are a subset of those candidates), which then
 * costs the previous matches, not the whole text. Returns how many rows were newly flagged.
 */
export function markCandidatesContaining(
  text: string,
  rowStart: Uint32Array,
  patterns: readonly string[],
  candidates: ArrayLike<number>,
  mask: Uint8Array,
): number {
  let count = 0;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    if (mask[row]) continue;
    const own = text.slice(rowStart[row]!, rowStart[row + 1]!);
    for (const pattern of patterns) {
      if (own.includes(pattern)) {
        mask[row] = 1;
        count++;
        break;
      }
    }
  }
  return count;
}
