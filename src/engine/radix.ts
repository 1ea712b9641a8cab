import { scratchUint32 } from './buffers';

/**
 * Stable integer sorts over typed arrays: the primitives every sort key in the engine is
 * built and applied with. Keys are pairs of 32-bit words (hi, lo) compared as one unsigned
 * 64-bit number; items carry a Uint32 payload (a row index or a position).
 */

const INSERTION_LIMIT = 40;

/**
 * Sorts items [start, end) of the parallel arrays (hi, lo, item) by (hi, lo) ascending,
 * stably, in place. LSD radix with 16-bit digits for large ranges and 8-bit digits for
 * medium ones; digit positions where every key agrees are skipped, so keys with few
 * significant bits (dates, small ranks) cost few passes.
 */
export function sortWordPairs(
  hi: Uint32Array,
  lo: Uint32Array,
  item: Uint32Array,
  start: number,
  end: number,
  scratch?: RadixScratch,
): void {
  const size = end - start;
  if (size < 2) return;
  if (size <= INSERTION_LIMIT) {
    insertionSort(hi, lo, item, start, end);
    return;
  }
  const bits = size >= 1 << 15 ? 16 : 8;
  const radix = 1 << bits;
  const mask = radix - 1;
  const digitsPerWord = 32 / bits;
  const passes = 2 * digitsPerWord;
  const counts = scratch ? scratch.counts(passes * radix) : new Uint32Array(passes * radix);
  for (let i = start; i < end; i++) {
    let word = lo[i]!;
    for (let d = 0; d < digitsPerWord; d++) {
      counts[d * radix + (word & mask)]!++;
      word >>>= bits;
    }
    word = hi[i]!;
    for (let d = digitsPerWord; d < passes; d++) {
      counts[d * radix + (word & mask)]!++;
      word >>>= bits;
    }
  }

  // Ping-pong between the caller's range [start, end) and zero-based scratch arrays.
  let srcHi = hi;
  let srcLo = lo;
  let srcItem = item;
  let srcBase = start;
  let scratchHi = scratch?.hi;
  let scratchLo = scratch?.lo;
  let scratchItem = scratch?.item;
  for (let pass = 0; pass < passes; pass++) {
    const base = pass * radix;
    let trivial = false;
    let sum = 0;
    for (let b = 0; b < radix; b++) {
      const count = counts[base + b]!;
      if (count === size) {
        trivial = true;
        break;
      }
      counts[base + b] = sum;
      sum += count;
    }
    if (trivial) continue;
    if (!scratchHi) {
      scratchHi = new Uint32Array(size);
      scratchLo = new Uint32Array(size);
      scratchItem = new Uint32Array(size);
    }
    const toScratch = srcHi === hi;
    const dstHi = toScratch ? scratchHi : hi;
    const dstLo = toScratch ? scratchLo! : lo;
    const dstItem = toScratch ? scratchItem! : item;
    const dstBase = toScratch ? 0 : start;
    const keyArray = pass >= digitsPerWord ? srcHi : srcLo;
    const shift = (pass % digitsPerWord) * bits;
    for (let i = srcBase, stop = srcBase + size; i < stop; i++) {
      const at = counts[base + ((keyArray[i]! >>> shift) & mask)]!++ + dstBase;
      dstHi[at] = srcHi[i]!;
      dstLo[at] = srcLo[i]!;
      dstItem[at] = srcItem[i]!;
    }
    srcHi = dstHi;
    srcLo = dstLo;
    srcItem = dstItem;
    srcBase = dstBase;
  }
  if (srcHi !== hi) {
    hi.set(srcHi.subarray(0, size), start);
    lo.set(srcLo.subarray(0, size), start);
    item.set(srcItem.subarray(0, size), start);
  }
}

function insertionSort(
  hi: Uint32Array,
  lo: Uint32Array,
  item: Uint32Array,
  start: number,
  end: number,
): void {
  for (let i = start + 1; i < end; i++) {
    const h = hi[i]!;
    const l = lo[i]!;
    const it = item[i]!;
    let j = i - 1;
    while (j >= start && (hi[j]! > h || (hi[j] === h && lo[j]! > l))) {
      hi[j + 1] = hi[j]!;
      lo[j + 1] = lo[j]!;
      item[j + 1] = item[j]!;
      j--;
    }
    hi[j + 1] = h;
    lo[j + 1] = l;
    item[j + 1] = it;
  }
}

/**
 * Buffers reused across many sortWordPairs calls on parts of one array (MSD recursion sorts
 * thousands of small groups; allocating per call made the collector the bottleneck).
 */
export class RadixScratch {
  private constructor(
    readonly hi: Uint32Array,
    readonly lo: Uint32Array,
    readonly item: Uint32Array,
  ) {}

  /** Scratch for ranges of up to `capacity` items, from the shared pool (see buffers.ts). */
  static shared(capacity: number): RadixScratch {
    return new RadixScratch(
      scratchUint32('radix.hi', capacity),
      scratchUint32('radix.lo', capacity),
      scratchUint32('radix.item', capacity),
    );
  }

  /** A zeroed count table of `size` entries (a view on a reused buffer). */
  counts(size: number): Uint32Array {
    const view = scratchUint32('radix.counts', size);
    view.fill(0);
    return view;
  }
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO_WORD = LITTLE_ENDIAN ? 0 : 1;
const HI_WORD = LITTLE_ENDIAN ? 1 : 0;

/**
 * Writes the words of a double that sort, as unsigned integers, in numeric order
 * (-Infinity < negatives < 0 < positives < Infinity). -0 is written as 0; NaN is not allowed.
 */
export function writeSortableDouble(
  value: number,
  hi: Uint32Array,
  lo: Uint32Array,
  at: number,
): void {
  F64[0] = value + 0; // -0 + 0 === 0
  const h = U32[HI_WORD]!;
  const l = U32[LO_WORD]!;
  if (h & 0x80000000) {
    hi[at] = ~h >>> 0;
    lo[at] = ~l >>> 0;
  } else {
    hi[at] = (h | 0x80000000) >>> 0;
    lo[at] = l;
  }
}
