import { collationWeights, compareByWeights, compareText } from './collation';
import { scratchUint32 } from './buffers';
import { RadixScratch, sortWordPairs } from './radix';

/**
 * Ranks strings without a comparator sort: most-significant-digit radix. Each string is
 * read as a sequence of symbols (code units, or collation weights), renumbered densely over
 * the symbols that actually occur (digits-only ids need 4 bits a symbol, names about 6), and
 * packed into chunks of two 32-bit words; groups still tied after a chunk recurse into the
 * next one. Every level is stable. Duplicates need no dictionary (no Map): they end up in
 * one group. The first two chunks of every string are encoded in one sequential pass, so the
 * two busiest levels read typed arrays instead of chasing string pointers.
 */
export interface StringRanking {
  /** The ranked items (indices into `strings`), in order; ties keep their input order. */
  order: Uint32Array;
  /** 1 where order[i] is not equal to order[i - 1] (and at 0). */
  classStart: Uint8Array;
}

type Mode = 'codeUnits' | 'weights';

/** At most this many words per string are encoded up front (4 levels). */
const MAX_PREFIX_WORDS = 8;

interface LocalRanking {
  /** Positions in `items`, in order. */
  local: Uint32Array;
  classStart: Uint8Array;
  /** weights mode: 1 per position whose string holds a character the weights cannot vouch for. */
  unsafe: Uint8Array | undefined;
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
  return toItems(items, msdRank(strings, items, 'codeUnits', offsets));
}

/**
 * Collator order (see collation.ts), exact: equal classes are what the collator calls equal.
 * Strings made of "safe" characters are ordered by weights alone; every adjacent pair that
 * involves another string is checked with the collator, and if a check fails the whole
 * order is repaired with a comparator sort (adaptive, so nearly sorted input is cheap).
 * Items are expected in ascending order (ties keep it).
 */
export function rankCollated(strings: readonly string[], items: Uint32Array): StringRanking {
  const ranking = msdRank(strings, items, 'weights');
  const { local, classStart } = ranking;
  const unsafe = ranking.unsafe!;
  let anyUnsafe = false;
  for (let i = 0; i < unsafe.length && !anyUnsafe; i++) anyUnsafe = unsafe[i] === 1;
  if (!anyUnsafe) return toItems(items, ranking);

  const text = (position: number) => strings[items[position]!]!;
  let sorted = true;
  let merged = false;
  for (let i = 1; i < local.length; i++) {
    const a = local[i - 1]!;
    const b = local[i]!;
    if (!unsafe[a] && !unsafe[b]) continue;
    const sa = text(a);
    const sb = text(b);
    const c = sa === sb ? 0 : compareText(sa, sb);
    if (c > 0) {
      sorted = false;
      break;
    }
    if (c === 0 && classStart[i]) merged = true;
    classStart[i] = c < 0 ? 1 : 0;
  }
  if (sorted) {
    if (merged) restoreInputOrderInClasses(local, classStart);
    return toItems(items, ranking);
  }

  // Repair: comparator sort from the nearly sorted order; ties by input position.
  const repaired = Array.from(local);
  repaired.sort((a, b) => compareText(text(a), text(b)) || a - b);
  const weights = collationWeights();
  for (let i = 0; i < repaired.length; i++) {
    local[i] = repaired[i]!;
    if (i === 0) {
      classStart[i] = 1;
      continue;
    }
    const a = repaired[i - 1]!;
    const b = repaired[i]!;
    const sa = text(a);
    const sb = text(b);
    let c: number;
    if (sa === sb) c = 0;
    else if (unsafe[a] || unsafe[b]) c = compareText(sa, sb);
    else c = compareByWeights(weights, sa, sb);
    classStart[i] = c === 0 ? 0 : 1;
  }
  return toItems(items, ranking);
}

function toItems(items: Uint32Array, ranking: LocalRanking): StringRanking {
  const { local, classStart } = ranking;
  const order = new Uint32Array(local.length);
  for (let i = 0; i < local.length; i++) order[i] = items[local[i]!]!;
  return { order, classStart };
}

/**
 * When the collator merged two neighbouring weight classes (an unsafe string equal to a safe
 * one), their members are ordered by weights, not by input position: restore input order
 * inside every class so the ranking stays stable.
 */
function restoreInputOrderInClasses(local: Uint32Array, classStart: Uint8Array): void {
  let start = 0;
  for (let i = 1; i <= local.length; i++) {
    if (i < local.length && !classStart[i]) continue;
    if (i - start > 1) local.subarray(start, i).sort();
    start = i;
  }
}

function msdRank(
  strings: readonly string[],
  items: Uint32Array,
  mode: Mode,
  offsets?: Uint32Array,
): LocalRanking {
  const n = items.length;
  const local = scratchUint32('msd.local', n);
  for (let i = 0; i < n; i++) local[i] = i;
  const classStart = new Uint8Array(n);
  if (n === 0)
    return { local, classStart, unsafe: mode === 'weights' ? new Uint8Array(0) : undefined };

  // Symbols: collation weights as they are (7 bits; renumbering them would need a pass over
  // every character for little gain), or code units renumbered densely over the ones in use
  // (a pass over every character, repaid by 4-bit digits in ids and phones).
  const weights = mode === 'weights' ? collationWeights() : undefined;
  const unsafe = weights ? new Uint8Array(n) : undefined;
  const length = scratchUint32('msd.length', n);
  const start = offsets ? scratchUint32('msd.start', n) : undefined;
  let symbol: Uint8Array | Uint32Array;
  let bits: number;
  let longest = 0;
  if (weights) {
    symbol = weights.weight;
    bits = 7;
    for (let p = 0; p < n; p++) {
      const len = strings[items[p]!]!.length;
      length[p] = len;
      if (len > longest) longest = len;
    }
  } else {
    const used = new Uint8Array(65536);
    for (let p = 0; p < n; p++) {
      const s = strings[items[p]!]!;
      const from = offsets ? offsets[items[p]!]! : 0;
      if (start) start[p] = from;
      const len = s.length - from;
      length[p] = len;
      if (len > longest) longest = len;
      for (let j = from; j < s.length; j++) used[s.charCodeAt(j)] = 1;
    }
    const dense = new Uint32Array(65536);
    let symbols = 0;
    for (let c = 0; c < 65536; c++) if (used[c]) dense[c] = ++symbols;
    symbol = dense;
    bits = Math.max(1, Math.ceil(Math.log2(symbols + 1)));
  }
  const perWord = Math.floor(32 / bits);
  const chunk = 2 * perWord;

  const wordAt = (p: number, firstSymbol: number): number => {
    const s = strings[items[p]!]!;
    const from = start ? start[p]! : 0;
    const len = length[p]!;
    let word = 0;
    for (let k = 0; k < perWord; k++) {
      const at = firstSymbol + k;
      word = (word << bits) | (at < len ? symbol[s.charCodeAt(from + at)]! : 0);
    }
    return word >>> 0;
  };

  // The first words of every string, in input order (sequential string reads are several
  // times cheaper than the random ones the sorted levels would do); unsafe characters too.
  const words = Math.min(MAX_PREFIX_WORDS, 2 * Math.ceil(longest / chunk));
  const limit = words * perWord;
  const prefix = scratchUint32('msd.prefix', n * words);
  const safe = weights?.safe;
  for (let p = 0; p < n; p++) {
    const s = strings[items[p]!]!;
    const from = start ? start[p]! : 0;
    const len = length[p]!;
    let word = 0;
    let filled = 0;
    let out = p * words;
    for (let at = 0; at < len; at++) {
      const c = s.charCodeAt(from + at);
      if (safe && !safe[c]) unsafe![p] = 1;
      if (at >= limit) {
        if (!safe) break;
        continue;
      }
      word = (word << bits) | symbol[c]!;
      if (++filled === perWord) {
        prefix[out++] = word >>> 0;
        word = 0;
        filled = 0;
      }
    }
    if (filled > 0) prefix[out++] = (word << (bits * (perWord - filled))) >>> 0;
    for (const stop = (p + 1) * words; out < stop; out++) prefix[out] = 0;
  }

  const hi = scratchUint32('msd.hi', n);
  const lo = scratchUint32('msd.lo', n);
  const scratch = RadixScratch.shared(n);
  classStart[0] = 1;
  // Explicit stack of groups still tied: [start, end, level] triples.
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const level = stack.pop()!;
    const end = stack.pop()!;
    const begin = stack.pop()!;
    if (2 * level + 1 < words) {
      for (let i = begin; i < end; i++) {
        const at = local[i]! * words + 2 * level;
        hi[i] = prefix[at]!;
        lo[i] = prefix[at + 1]!;
      }
    } else {
      const first = level * chunk;
      for (let i = begin; i < end; i++) {
        const p = local[i]!;
        hi[i] = wordAt(p, first);
        lo[i] = wordAt(p, first + perWord);
      }
    }
    sortWordPairs(hi, lo, local, begin, end, scratch);
    const next = (level + 1) * chunk;
    let runStart = begin;
    for (let i = begin + 1; i <= end; i++) {
      if (i < end && hi[i] === hi[runStart] && lo[i] === lo[runStart]) continue;
      if (runStart > begin) classStart[runStart] = 1;
      // A string shorter than the chunk wrote a 0 (end) into the key, so the whole run
      // ended there and is one class; otherwise the run may still differ further on.
      if (i - runStart > 1 && length[local[runStart]!]! >= next) stack.push(runStart, i, level + 1);
      runStart = i;
    }
  }
  return { local, classStart, unsafe };
}
