import { collationWeights, compareByWeights, compareText } from './collation';
import { sortWordPairs } from './radix';

/**
 * Ranks strings without a comparator sort: most-significant-digit radix over chunks of 8
 * characters packed into two 32-bit words, stable at every level, recursing only into groups
 * that still tie. Duplicates need no dictionary (no Map): they simply end up in one group.
 */
export interface StringRanking {
  /** The ranked items (indices into `strings`), in order; ties keep their input order. */
  order: Uint32Array;
  /** 1 where order[i] is not equal to order[i - 1] (and at 0). */
  classStart: Uint8Array;
}

type Mode = 'codeUnits' | 'weights';

interface Work {
  strings: readonly string[];
  order: Uint32Array;
  hi: Uint32Array;
  lo: Uint32Array;
  classStart: Uint8Array;
  offsets: Uint32Array | undefined;
  weight: Uint8Array | undefined;
}

/**
 * Plain UTF-16 code-unit order (what `a < b` does), for ids, phones and unparsed raw text.
 * `offsets[item]`, when given, makes the comparison start at that character of the item's
 * string (used to ignore leading zeros).
 */
export function rankCodeUnits(
  strings: readonly string[],
  items: Uint32Array,
  offsets?: Uint32Array,
): StringRanking {
  return msdRank(strings, items, 'codeUnits', offsets);
}

/**
 * Collator order (see collation.ts), exact: equal classes are what the collator calls equal.
 * Strings made of "safe" characters are ordered by weights alone; every adjacent pair that
 * involves another string is checked with the collator, and if a check fails the whole
 * order is repaired with a comparator sort (adaptive, so nearly sorted input is cheap).
 */
export function rankCollated(strings: readonly string[], items: Uint32Array): StringRanking {
  const weights = collationWeights();
  const { safe } = weights;
  const unsafe = new Uint8Array(strings.length);
  let anyUnsafe = false;
  for (let i = 0; i < items.length; i++) {
    const s = strings[items[i]!]!;
    for (let j = 0; j < s.length; j++) {
      if (!safe[s.charCodeAt(j)]) {
        unsafe[items[i]!] = 1;
        anyUnsafe = true;
        break;
      }
    }
  }
  const ranking = msdRank(strings, items, 'weights');
  if (!anyUnsafe) return ranking;

  const { order, classStart } = ranking;
  let sorted = true;
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1]!;
    const b = order[i]!;
    if (!unsafe[a] && !unsafe[b]) continue;
    const sa = strings[a]!;
    const sb = strings[b]!;
    const c = sa === sb ? 0 : compareText(sa, sb);
    if (c > 0) {
      sorted = false;
      break;
    }
    classStart[i] = c < 0 ? 1 : 0;
  }
  if (sorted) return ensureStableTies(ranking);

  // Repair: comparator sort from the nearly sorted order; ties by input position.
  const position = new Uint32Array(strings.length);
  for (let i = 0; i < items.length; i++) position[items[i]!] = i;
  const repaired = Array.from(order);
  repaired.sort((a, b) => compareText(strings[a]!, strings[b]!) || position[a]! - position[b]!);
  const out = Uint32Array.from(repaired);
  const starts = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) {
    if (i === 0) {
      starts[i] = 1;
      continue;
    }
    const a = out[i - 1]!;
    const b = out[i]!;
    const sa = strings[a]!;
    const sb = strings[b]!;
    let c: number;
    if (sa === sb) c = 0;
    else if (unsafe[a] || unsafe[b]) c = compareText(sa, sb);
    else c = compareByWeights(weights, sa, sb);
    starts[i] = c === 0 ? 0 : 1;
  }
  return { order: out, classStart: starts };
}

/**
 * When the collator merged two neighbouring weight classes (an unsafe string equal to a safe
 * one), their members are ordered by weights, not by input position: restore input order
 * inside every class so the ranking stays stable (items are expected in ascending order).
 */
function ensureStableTies(ranking: StringRanking): StringRanking {
  const { order, classStart } = ranking;
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && !classStart[i]) continue;
    if (i - start > 1) {
      let inOrder = true;
      for (let j = start + 1; j < i; j++) {
        if (order[j - 1]! > order[j]!) {
          inOrder = false;
          break;
        }
      }
      if (!inOrder) order.subarray(start, i).sort();
    }
    start = i;
  }
  return ranking;
}

function msdRank(
  strings: readonly string[],
  items: Uint32Array,
  mode: Mode,
  offsets?: Uint32Array,
): StringRanking {
  const n = items.length;
  const work: Work = {
    strings,
    order: items.slice(),
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
    classStart: new Uint8Array(n),
    offsets,
    weight: mode === 'weights' ? collationWeights().weight : undefined,
  };
  if (n === 0) return { order: work.order, classStart: work.classStart };
  work.classStart[0] = 1;
  // Explicit stack of groups still tied: [start, end, depth] triples.
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const chunk = mode === 'weights' ? encodeWeights(work, start, end, depth) : encodeCodeUnits(work, start, end, depth);
    sortWordPairs(work.hi, work.lo, work.order, start, end);
    const { hi, lo, order, classStart } = work;
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i < end && hi[i] === hi[runStart] && lo[i] === lo[runStart]) continue;
      if (runStart > start) classStart[runStart] = 1;
      if (i - runStart > 1) {
        const item = order[runStart]!;
        const length = strings[item]!.length - (offsets ? offsets[item]! : 0);
        if (length > depth + chunk) stack.push(runStart, i, depth + chunk);
      }
      runStart = i;
    }
  }
  return { order: work.order, classStart: work.classStart };
}

/**
 * Chunk of 8 code units at `depth`, one byte each (code + 1, 0 past the end), if every code
 * unit in the group's chunk is below 255; otherwise 2 code units of 17 bits each. Returns
 * the chunk length used.
 */
function encodeCodeUnits(work: Work, start: number, end: number, depth: number): number {
  const { strings, order, hi, lo, offsets } = work;
  for (let i = start; i < end; i++) {
    const item = order[i]!;
    const s = strings[item]!;
    const at = depth + (offsets ? offsets[item]! : 0);
    let h = 0;
    let l = 0;
    for (let k = 0; k < 8; k++) {
      const p = at + k;
      let v = 0;
      if (p < s.length) {
        v = s.charCodeAt(p) + 1;
        if (v > 255) return encodeWideCodeUnits(work, start, end, depth);
      }
      if (k < 4) h = (h << 8) | v;
      else l = (l << 8) | v;
    }
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
  return 8;
}

function encodeWideCodeUnits(work: Work, start: number, end: number, depth: number): number {
  const { strings, order, hi, lo, offsets } = work;
  for (let i = start; i < end; i++) {
    const item = order[i]!;
    const s = strings[item]!;
    const at = depth + (offsets ? offsets[item]! : 0);
    hi[i] = at < s.length ? s.charCodeAt(at) + 1 : 0;
    lo[i] = at + 1 < s.length ? s.charCodeAt(at + 1) + 1 : 0;
  }
  return 2;
}

/** Chunk of 8 collation weights (7 bits each, 0 past the end), 4 per word. */
function encodeWeights(work: Work, start: number, end: number, depth: number): number {
  const { strings, order, hi, lo } = work;
  const weight = work.weight!;
  for (let i = start; i < end; i++) {
    const s = strings[order[i]!]!;
    const length = s.length;
    let h = 0;
    let l = 0;
    for (let k = 0; k < 4; k++) {
      const p = depth + k;
      h = (h << 7) | (p < length ? weight[s.charCodeAt(p)]! : 0);
    }
    for (let k = 4; k < 8; k++) {
      const p = depth + k;
      l = (l << 7) | (p < length ? weight[s.charCodeAt(p)]! : 0);
    }
    hi[i] = h;
    lo[i] = l;
  }
  return 8;
}
