import type { SortKey } from './sort-keys';

/**
 * The bucket a rank goes to. Ascending is the rank itself. Descending reverses the values
 * and, separately, the unparsed raw texts, but keeps the classes in place: values, then
 * unparsed text, then empty cells — empty cells are last in both directions, and a
 * descending date sort starts with the latest date, not with garbage.
 */
function effectiveRank(key: SortKey, rank: number, desc: boolean): number {
  if (!desc) return rank;
  const { valueRanks, nullRank } = key;
  if (rank < valueRanks) return valueRanks - 1 - rank;
  if (rank < nullRank) return valueRanks + (nullRank - 1 - rank);
  return rank;
}

/** Above this many buckets per item, a comparison sort of packed keys beats counting. */
const BUCKETS_PER_ITEM_FOR_PACKING = 8;
const TWO_POW_53 = 2 ** 53;

/**
 * Stable sort of `order` (row indices in their current order) by one key. Returns a new array.
 * Counting sort over the ranks (linear) when the subset is large compared with the number of
 * ranks; otherwise (rank, position) pairs packed into doubles and sorted natively.
 */
export function sortByKey(order: Uint32Array, key: SortKey, desc: boolean): Uint32Array {
  const n = order.length;
  const buckets = key.nullRank + 1;
  if (n < 2) return order.slice();
  const positionBits = Math.max(1, Math.ceil(Math.log2(n)));
  const positionScale = 2 ** positionBits;
  if (buckets > n * BUCKETS_PER_ITEM_FOR_PACKING && buckets * positionScale < TWO_POW_53) {
    return packedSort(order, key, desc, positionScale);
  }
  return countingSort(order, key, desc, buckets);
}

function countingSort(
  order: Uint32Array,
  key: SortKey,
  desc: boolean,
  buckets: number,
): Uint32Array {
  const { rank } = key;
  const counts = new Uint32Array(buckets);
  for (let i = 0; i < order.length; i++) counts[rank[order[i]!]!]!++;
  // Turn counts into start offsets, walking buckets in output order.
  let sum = 0;
  if (!desc) {
    for (let b = 0; b < buckets; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
  } else {
    const { valueRanks, nullRank } = key;
    for (let b = valueRanks - 1; b >= 0; b--) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let b = nullRank - 1; b >= valueRanks; b--) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let b = nullRank; b < buckets; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
  }
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    out[counts[rank[row]!]!++] = row;
  }
  return out;
}

function packedSort(
  order: Uint32Array,
  key: SortKey,
  desc: boolean,
  positionScale: number,
): Uint32Array {
  const { rank } = key;
  const n = order.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = effectiveRank(key, rank[order[i]!]!, desc) * positionScale + i;
  packed.sort();
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = order[packed[i]! % positionScale]!;
  return out;
}

export interface SortStep {
  key: SortKey;
  desc: boolean;
}

/**
 * Multi-column stable sort: least significant column first, each pass stable, so ties on
 * every column keep the input order. `order` is not modified.
 */
export function sortBySteps(order: Uint32Array, steps: readonly SortStep[]): Uint32Array {
  let current = order;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    current = sortByKey(current, step.key, step.desc);
  }
  return current === order ? order.slice() : current;
}
