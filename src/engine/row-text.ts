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
