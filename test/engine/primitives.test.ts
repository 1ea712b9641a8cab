import { describe, expect, it } from 'vitest';
import { foldLongText, foldText } from '../../src/engine/cell-text';
import { collationWeights, compareByWeights, compareText } from '../../src/engine/collation';
import { sortWordPairs, writeSortableDouble } from '../../src/engine/radix';
import { rankCodeUnits, rankCollated, type StringRanking } from '../../src/engine/string-rank';
import { Rng, TRICKY_TEXT } from './random-data';

/** Ranks from a ranking, per item, for comparison with a comparator's classes. */
function ranksOf(ranking: StringRanking): Map<number, number> {
  const ranks = new Map<number, number>();
  let rank = -1;
  ranking.order.forEach((item, i) => {
    if (ranking.classStart[i]) rank++;
    ranks.set(item, rank);
  });
  return ranks;
}

function expectRanking(
  strings: string[],
  ranking: StringRanking,
  compare: (a: string, b: string) => number,
): void {
  const expected = strings.map((_, i) => i).sort((a, b) => compare(strings[a]!, strings[b]!));
  expect(Array.from(ranking.order)).toEqual(expected);
  const ranks = ranksOf(ranking);
  for (let i = 1; i < expected.length; i++) {
    const a = expected[i - 1]!;
    const b = expected[i]!;
    const equal = compare(strings[a]!, strings[b]!) === 0;
    expect(
      ranks.get(b)! - ranks.get(a)!,
      `${JSON.stringify(strings[a])} vs ${JSON.stringify(strings[b])}`,
    ).toBe(equal ? 0 : 1);
  }
}

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function randomStrings(rng: Rng, n: number, alphabet: string[]): string[] {
  const prefixes = [
    '',
    'abcdefgh',
    'abcdefghij',
    'ABCDEFGHIJ',
    '5730012345',
    'María José ',
    'abcdefghabcdefgh',
  ];
  return Array.from({ length: n }, () => {
    if (rng.chance(0.2)) return rng.pick(TRICKY_TEXT);
    let s = rng.pick(prefixes);
    const length = rng.int(20);
    for (let i = 0; i < length; i++) s += rng.pick(alphabet);
    return s;
  });
}

const ALPHABET = [
  'a',
  'b',
  'A',
  'á',
  'ñ',
  'Ñ',
  'n',
  'o',
  ' ',
  '-',
  '0',
  '1',
  '9',
  'ÿ',
  'Ā',
  '€',
  'Ω',
  '😀',
  '\u0301',
  'ø',
  'æ',
];

describe('radix primitives', () => {
  it('sorts word pairs stably at every size', () => {
    const rng = new Rng(3);
    for (const size of [0, 1, 5, 41, 300, 5000, 40_000]) {
      const hi = new Uint32Array(size);
      const lo = new Uint32Array(size);
      const item = new Uint32Array(size);
      for (let i = 0; i < size; i++) {
        hi[i] = rng.chance(0.5) ? 7 : rng.int(2 ** 32);
        lo[i] = rng.chance(0.3) ? 0xffffffff : rng.int(size * 2 + 1);
        item[i] = i;
      }
      const expected = Array.from(item).sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || a - b);
      const keysHi = hi.slice();
      sortWordPairs(hi, lo, item, 0, size);
      expect(Array.from(item)).toEqual(expected);
      expect(Array.from(hi)).toEqual(expected.map((i) => keysHi[i]));
    }
  });

  it('sorts a sub-range only', () => {
    const hi = Uint32Array.of(9, 3, 2, 1, 0);
    const lo = new Uint32Array(5);
    const item = Uint32Array.of(0, 1, 2, 3, 4);
    sortWordPairs(hi, lo, item, 1, 4);
    expect(Array.from(item)).toEqual([0, 3, 2, 1, 4]);
  });

  it('writes doubles as words in numeric order', () => {
    const values = [
      -Infinity,
      -1e300,
      -2.5,
      -1,
      -Number.MIN_VALUE,
      0,
      Number.MIN_VALUE,
      1,
      1.5,
      1e300,
      Infinity,
    ];
    const hi = new Uint32Array(values.length);
    const lo = new Uint32Array(values.length);
    values.forEach((v, i) => writeSortableDouble(v, hi, lo, i));
    for (let i = 1; i < values.length; i++) {
      expect(hi[i - 1]! < hi[i]! || (hi[i - 1] === hi[i] && lo[i - 1]! < lo[i]!)).toBe(true);
    }
    writeSortableDouble(-0, hi, lo, 0);
    writeSortableDouble(0, hi, lo, 1);
    expect([hi[0], lo[0]]).toEqual([hi[1], lo[1]]);
  });
});

describe('string ranking', () => {
  it('ranks by code units like a < b, including non-Latin-1 text', () => {
    const rng = new Rng(5);
    for (const n of [10, 200, 3000, 40_000]) {
      const strings = randomStrings(rng, n, ALPHABET);
      const items = Uint32Array.from(strings.map((_, i) => i));
      expectRanking(strings, rankCodeUnits(strings, items), codeUnits);
    }
  });

  it('ranks exactly like the collator, including strings it must repair', () => {
    const rng = new Rng(6);
    for (const n of [10, 200, 3000, 40_000]) {
      const strings = randomStrings(rng, n, ALPHABET);
      const items = Uint32Array.from(strings.map((_, i) => i));
      expectRanking(strings, rankCollated(strings, items), compareText);
    }
  });

  it('merges a combining-accent spelling into its equal class, keeping input order', () => {
    const strings = ['a\u0301b', 'ab', 'ÁB', 'a\u0301b', 'ac'];
    const ranking = rankCollated(strings, Uint32Array.of(0, 1, 2, 3, 4));
    expect(Array.from(ranking.order)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(ranking.classStart)).toEqual([1, 0, 0, 0, 1]);
  });

  it('ranks only the given items', () => {
    const strings = ['b', 'x', 'a', 'x', 'a'];
    const ranking = rankCollated(strings, Uint32Array.of(0, 2, 4));
    expect(Array.from(ranking.order)).toEqual([2, 4, 0]);
    expect(Array.from(ranking.classStart)).toEqual([1, 0, 1]);
  });
});

describe('collation weights', () => {
  const weights = collationWeights();
  const safeChars: string[] = [];
  for (let c = 0; c < 0x250; c++) if (weights.safe[c]) safeChars.push(String.fromCharCode(c));

  it('covers ASCII, Spanish letters and common Latin accents', () => {
    for (const ch of " azAZ09-.'áéíóúüñÁÉÍÓÚÜÑçøã")
      expect(weights.safe[ch.charCodeAt(0)], ch).toBe(1);
    for (const ch of 'æßΩ\u0301') expect(weights.safe[ch.charCodeAt(0)], ch).toBe(0);
  });

  it('weighs every pair of safe characters as the collator orders them', () => {
    for (const a of safeChars) {
      for (const b of safeChars) {
        expect(compareByWeights(weights, a, b), `${a} vs ${b}`).toBe(Math.sign(compareText(a, b)));
      }
    }
  });

  it('orders random safe strings as the collator does', () => {
    const rng = new Rng(8);
    const pool = [...safeChars.filter((_, i) => i % 3 === 0), 'a', 'n', 'ñ', ' ', '-'];
    for (let i = 0; i < 20_000; i++) {
      const a = Array.from({ length: rng.int(5) }, () => rng.pick(pool)).join('');
      const b = Array.from({ length: rng.int(5) }, () => rng.pick(pool)).join('');
      expect(compareByWeights(weights, a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
        Math.sign(compareText(a, b)),
      );
    }
  });
});

describe('search folding', () => {
  it('folds long text exactly like foldText, character by character and in bulk', () => {
    for (let c = 0; c < 0x400; c++) {
      const ch = String.fromCharCode(c);
      expect(foldLongText(`Ab${ch}`), `U+${c.toString(16)}`).toBe(foldText(`Ab${ch}`));
    }
    const rng = new Rng(12);
    const pieces = [...TRICKY_TEXT, 'ÀÉÎÕÜ', 'Straße', 'İ', 'ǅ', 'ΣΑΣ', '\u0001'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + rng.int(30) }, () => rng.pick(pieces)).join(
        rng.pick([' ', '\u0001', '']),
      );
      expect(foldLongText(text), JSON.stringify(text)).toBe(foldText(text));
    }
  });
});
