import { describe, expect, it, vi } from 'vitest';
import { cellText, foldText } from '../../src/engine/cell-text';
import { naiveFacets, naiveQuery, naiveSort } from './naive';
import { createReportIndex } from '../../src/engine/report-index';
import { PhoneIndex } from '../../src/engine/phone';
import { buildDictionary } from '../../src/engine/dictionary';
import { buildDictionarySearch, buildRowTextSearch } from '../../src/engine/text-search';
import { createTestIndex } from './index-aggregates';
import type { ColumnFilter, ReportQuery, SortSpec } from '../../src/engine/types';
import { isNumericType } from '../../src/report-model/column-types';
import { Rng, randomPhone, randomRows, TEST_COLUMNS } from './random-data';

const SEEDS = [1, 2, 3, 4, 5, 6];
const keys = TEST_COLUMNS.map((c) => c.key);

function randomSpec(rng: Rng): SortSpec {
  const length = 1 + rng.int(3);
  return Array.from({ length }, () => ({ key: rng.pick(keys), desc: rng.chance(0.5) }));
}

function randomQuery(rng: Rng, rows: ReturnType<typeof randomRows>): ReportQuery {
  const query: {
    sort?: SortSpec;
    phone?: string;
    search?: string;
    searchKeys?: string[];
    filters?: Record<string, ColumnFilter>;
  } = {};
  if (rng.chance(0.7)) query.sort = randomSpec(rng);
  if (rng.chance(0.4)) {
    const phone = randomPhone(rng);
    const text = typeof phone === 'string' ? phone : '300';
    // Whole numbers, partial digit runs and plain junk.
    const start = rng.int(Math.max(1, text.length - 3));
    query.phone = rng.chance(0.5) ? text : text.slice(start, start + 3 + rng.int(8));
  }
  if (rng.chance(0.4)) {
    const key = rng.pick(keys);
    const column = TEST_COLUMNS.find((c) => c.key === key)!;
    const text = cellText(column.type, rng.pick(rows)[key] ?? null);
    const start = rng.int(Math.max(1, text.length));
    query.search = rng.chance(0.8)
      ? text.slice(start, start + 1 + rng.int(5))
      : rng.pick(['ábaco', 'ZOE', 'n', ' ', '2026-08', '@', 'zzz']);
    if (rng.chance(0.6)) query.searchKeys = keys.filter(() => rng.chance(0.4));
  }
  if (rng.chance(0.6)) {
    const filters: Record<string, ColumnFilter> = {};
    for (const column of TEST_COLUMNS) {
      if (!rng.chance(0.25)) continue;
      const filter: { values?: string[]; min?: number; max?: number } = {};
      if (rng.chance(0.6) || !isNumericType(column.type)) {
        filter.values = Array.from({ length: rng.int(4) }, () =>
          rng.chance(0.15) ? '' : cellText(column.type, rng.pick(rows)[column.key] ?? null),
        );
      }
      if (isNumericType(column.type) && rng.chance(0.6)) {
        const a = rng.pick(rows)[column.key];
        const b = rng.pick(rows)[column.key];
        if (typeof a === 'number' && rng.chance(0.8)) filter.min = a;
        if (typeof b === 'number' && rng.chance(0.8)) filter.max = b;
      }
      filters[column.key] = filter;
    }
    query.filters = filters;
  }
  return query;
}

describe('report index equals the naive reference', () => {
  it.each(SEEDS)('single-column sorts, both directions (seed %i)', (seed) => {
    const rows = randomRows(seed, 700);
    const index = createReportIndex(TEST_COLUMNS, rows);
    for (const key of keys) {
      for (const desc of [false, true]) {
        const spec = [{ key, desc }];
        expect(Array.from(index.sort(spec)), `${key} ${desc ? 'desc' : 'asc'}`).toEqual(
          naiveSort(TEST_COLUMNS, rows, spec),
        );
      }
    }
  });

  it.each(SEEDS)('multi-column sorts and subsets (seed %i)', (seed) => {
    const rng = new Rng(seed * 7919);
    const rows = randomRows(seed, 500);
    const index = createReportIndex(TEST_COLUMNS, rows);
    for (let i = 0; i < 25; i++) {
      const spec = randomSpec(rng);
      expect(Array.from(index.sort(spec)), JSON.stringify(spec)).toEqual(
        naiveSort(TEST_COLUMNS, rows, spec),
      );
      const subset = Uint32Array.from(rows.map((_, r) => r).filter(() => rng.chance(0.3)));
      if (rng.chance(0.5)) subset.reverse();
      expect(Array.from(index.sort(spec, subset)), `subset ${JSON.stringify(spec)}`).toEqual(
        naiveSort(TEST_COLUMNS, rows, spec, subset),
      );
    }
  });

  it('sorts tiny subsets (packed path) like the reference', () => {
    const rng = new Rng(99);
    const rows = randomRows(99, 800);
    const index = createReportIndex(TEST_COLUMNS, rows);
    for (let i = 0; i < 80; i++) {
      const spec = randomSpec(rng);
      const subset = Uint32Array.from({ length: 1 + rng.int(20) }, () => rng.int(rows.length));
      expect(Array.from(index.sort(spec, subset)), JSON.stringify(spec)).toEqual(
        naiveSort(TEST_COLUMNS, rows, spec, subset),
      );
    }
  });

  it.each(SEEDS)('queries: phone, search, multi-select, range, sort combined (seed %i)', (seed) => {
    const rng = new Rng(seed * 104_729);
    const rows = randomRows(seed + 100, 600);
    const index = createReportIndex(TEST_COLUMNS, rows);
    for (let i = 0; i < 60; i++) {
      const query = randomQuery(rng, rows);
      expect(Array.from(index.query(query)), JSON.stringify(query)).toEqual(
        naiveQuery(TEST_COLUMNS, rows, query),
      );
    }
  });

  it.each(SEEDS)(
    'typing: each key of a phone or a search, forward and back, on one index (seed %i)',
    (seed) => {
      const rng = new Rng(seed * 7_919);
      const rows = randomRows(seed + 300, 900);
      // Few phones, so short prefixes match many rows.
      rows.forEach((row, r) => {
        if (r % 3 === 0) row.customer_phone = rows[r % 17]!.customer_phone ?? null;
      });
      const index = createReportIndex(TEST_COLUMNS, rows);
      const among = vi.spyOn(PhoneIndex.prototype, 'matchAmong');
      for (let i = 0; i < 12; i++) {
        const phone = randomPhone(rng);
        const typed = rng.chance(0.3)
          ? rng.pick([
              '+57 300 123 4567',
              '0057 3001234567',
              'co.20262065',
              'US.ENT.12',
              '57 (300)',
            ])
          : typeof phone === 'string'
            ? phone
            : '5730012345678';
        const key = rng.pick(keys);
        const column = TEST_COLUMNS.find((c) => c.key === key)!;
        const text = cellText(column.type, rng.pick(rows)[key] ?? null);
        const searchKeys = rng.chance(0.5) ? keys.filter(() => rng.chance(0.5)) : undefined;
        const sort = rng.chance(0.5) ? randomSpec(rng) : undefined;
        const filters = rng.chance(0.3) ? { channel: { values: ['web'] } } : undefined;
        const steps = [...typed].map((_, n) => typed.slice(0, n + 1));
        // Typed, then deleted key by key; a character typed inside the text too.
        for (const phoneInput of [...steps, ...steps.slice(0, -1).reverse(), '', `3${typed}`]) {
          const query = { sort, phone: phoneInput, filters };
          expect(Array.from(index.query(query)), JSON.stringify(query)).toEqual(
            naiveQuery(TEST_COLUMNS, rows, query),
          );
        }
        const words = [...text].map((_, n) => text.slice(0, n + 1));
        for (const search of [...words, ` ${text.slice(1)}`, text.slice(1, 3), '']) {
          const query = { sort, search, searchKeys, phone: typed.slice(0, 2) };
          expect(Array.from(index.query(query)), JSON.stringify(query)).toEqual(
            naiveQuery(TEST_COLUMNS, rows, query),
          );
        }
      }
      // The narrowing path (only the previous matches checked) was taken.
      expect(among).toHaveBeenCalled();
      among.mockRestore();
    },
  );

  it('a search among candidates flags what a full search flags among them', () => {
    const rng = new Rng(5);
    const rows = randomRows(77, 500);
    rows[3]!.customer_name = 'a\u0001b';
    for (const key of keys) {
      const column = TEST_COLUMNS.find((c) => c.key === key)!;
      const values = rows.map((row) => row[key] ?? null);
      const searches = [
        buildRowTextSearch(column.type, values),
        buildDictionarySearch(buildDictionary(column.type, values)),
      ];
      const candidates = Uint32Array.from(rows.map((_, r) => r).filter(() => rng.chance(0.4)));
      for (const search of searches) {
        for (const needle of ['a', 'b', '\u0001', 'a\u0001', '20', 'co', 'zzz']) {
          const all = new Uint8Array(rows.length);
          search.match(needle, all);
          const among = new Uint8Array(rows.length);
          const count = search.matchAmong(needle, candidates, among);
          const expected = Array.from(candidates).filter((row) => all[row]);
          expect(
            Array.from(among.keys()).filter((row) => among[row]),
            `${key} ${needle}`,
          ).toEqual(expected);
          expect(count).toBe(expected.length);
        }
      }
    }
  });

  it.each(SEEDS)('facets over subsets, by value and by count (seed %i)', (seed) => {
    const rng = new Rng(seed * 31);
    const rows = randomRows(seed + 200, 400);
    const index = createTestIndex(TEST_COLUMNS, rows);
    for (const key of keys) {
      const subset = Uint32Array.from(rows.map((_, r) => r).filter(() => rng.chance(0.5)));
      expect(index.facets(key), key).toEqual(naiveFacets(TEST_COLUMNS, rows, key));
      expect(index.facets(key, subset), key).toEqual(naiveFacets(TEST_COLUMNS, rows, key, subset));
      expect(index.facets(key, subset, 'count'), key).toEqual(
        naiveFacets(TEST_COLUMNS, rows, key, subset, 'count'),
      );
    }
  });

  it('facetsFor ignores the column’s own filter and nothing else', () => {
    const rows = randomRows(9, 500);
    const index = createReportIndex(TEST_COLUMNS, rows);
    const query: ReportQuery = {
      phone: '300',
      filters: { channel: { values: ['web'] }, destiny: { values: ['Colombia', ''] } },
    };
    const without = naiveQuery(TEST_COLUMNS, rows, {
      ...query,
      filters: { destiny: query.filters!.destiny },
    });
    expect(index.facetsFor(query, 'channel')).toEqual(
      naiveFacets(TEST_COLUMNS, rows, 'channel', without),
    );
    expect(index.facetsFor(query, 'channel', 'count')).toEqual(
      naiveFacets(TEST_COLUMNS, rows, 'channel', without, 'count'),
    );
  });

  it('a large report goes through the wide radix paths and still matches', () => {
    const rows = randomRows(42, 40_000);
    const index = createReportIndex(TEST_COLUMNS, rows);
    for (const key of ['customer_name', 'conn_id', 'customer_phone', 'date', 'template']) {
      const spec = [{ key, desc: key === 'date' }];
      expect(Array.from(index.sort(spec)), key).toEqual(naiveSort(TEST_COLUMNS, rows, spec));
    }
  });
});

describe('report index behaviour', () => {
  const rows = randomRows(11, 300);

  it('returns fresh arrays and re-serves a cached sort when a filter is cleared', () => {
    const index = createReportIndex(TEST_COLUMNS, rows);
    const sort = [{ key: 'customer_name' }];
    const all = index.query({ sort });
    const filtered = index.query({ sort, phone: '300' });
    expect(filtered.length).toBeLessThan(all.length);
    all.fill(0);
    expect(Array.from(index.query({ sort }))).toEqual(naiveSort(TEST_COLUMNS, rows, sort));
  });

  it('says which queries it answers from its caches (answersAtOnce)', () => {
    const index = createReportIndex(TEST_COLUMNS, rows);
    const sort = [{ key: 'customer_name' }];
    expect(index.answersAtOnce({})).toBe(true);
    // A sort key not built yet, a phone index not built yet: not at once.
    expect(index.answersAtOnce({ sort })).toBe(false);
    expect(index.answersAtOnce({ phone: '3' })).toBe(false);
    index.query({ sort, phone: '300' });
    expect(index.answersAtOnce({ sort, phone: '300' })).toBe(true);
    expect(index.answersAtOnce({ sort, phone: ' 300 ' })).toBe(true);
    // A digit added narrows the matches of "300" (few): checked among them.
    expect(index.answersAtOnce({ sort, phone: '3001' })).toBe(true);
    expect(index.answersAtOnce({ sort, phone: '30' })).toBe(false);
    expect(index.answersAtOnce({ phone: '' })).toBe(true);
    expect(index.answersAtOnce({ filters: { channel: { values: ['web'] } } })).toBe(false);
    expect(index.answersAtOnce({ filters: { channel: { values: [] }, nope: { min: 1 } } })).toBe(
      true,
    );
    index.query({ filters: { channel: { values: ['web'] } } });
    expect(index.answersAtOnce({ filters: { channel: { values: ['web'] } } })).toBe(true);
    expect(index.answersAtOnce({ search: 'a' })).toBe(false);
    index.query({ search: 'an' });
    expect(index.answersAtOnce({ search: 'an' })).toBe(true);
    expect(index.answersAtOnce({ search: 'ana' })).toBe(true);
    expect(index.answersAtOnce({ search: 'ana', searchKeys: ['channel'] })).toBe(false);
  });

  it('descending keeps unparsed text and empty cells last', () => {
    const small = [{ n: 3 }, { n: null }, { n: 'N/A' }, { n: 10 }, { n: 'ABC' }, { n: -1 }];
    const index = createReportIndex([{ key: 'n', header: 'N', type: 'count' }], small);
    expect(Array.from(index.sort([{ key: 'n' }])).map((i) => small[i]!.n)).toEqual([
      -1,
      3,
      10,
      'ABC',
      'N/A',
      null,
    ]);
    expect(Array.from(index.sort([{ key: 'n', desc: true }])).map((i) => small[i]!.n)).toEqual([
      10,
      3,
      -1,
      'N/A',
      'ABC',
      null,
    ]);
  });

  it('orders text by Spanish collation, ignoring case and accents, ties in row order', () => {
    const names = ['Zoë', 'abaco', 'Ñandú', 'Ábaco', 'nube', 'ABACO', 'oso', null, 'zoe'];
    const small = names.map((name) => ({ name }));
    const index = createReportIndex([{ key: 'name', header: 'NAME', type: 'text' }], small);
    expect(Array.from(index.sort([{ key: 'name' }])).map((i) => names[i])).toEqual([
      'abaco',
      'Ábaco',
      'ABACO',
      'nube',
      'Ñandú',
      'oso',
      'Zoë',
      'zoe',
      null,
    ]);
  });

  it('orders ids numerically when they are digits, other ids after them', () => {
    const ids = ['100', '-', '9', '0010', '10', 'abc', '010'];
    const small = ids.map((id) => ({ id }));
    const index = createReportIndex([{ key: 'id', header: 'ID', type: 'id' }], small);
    expect(Array.from(index.sort([{ key: 'id' }])).map((i) => ids[i])).toEqual([
      '9',
      '0010',
      '010',
      '10',
      '100',
      '-',
      'abc',
    ]);
  });

  it('ignores unknown columns in sorts and filters', () => {
    const index = createReportIndex(TEST_COLUMNS, rows);
    expect(
      Array.from(index.query({ sort: [{ key: 'nope' }], filters: { nope: { values: ['x'] } } })),
    ).toEqual(rows.map((_, i) => i));
  });

  it('searches case- and accent-insensitively on the string form', () => {
    const small = [
      { name: 'Ábaco Núñez', date: Date.UTC(2026, 7, 12, 10, 31, 5) },
      { name: 'otro', date: null },
    ];
    const columns = [
      { key: 'name', header: 'NAME', type: 'text' as const },
      { key: 'date', header: 'DATE', type: 'datetime' as const },
    ];
    const index = createReportIndex(columns, small);
    expect(Array.from(index.query({ search: 'ABACO nun' }))).toEqual([0]);
    expect(Array.from(index.query({ search: '2026-08-12 10:31' }))).toEqual([0]);
    expect(Array.from(index.query({ search: 'ABACO', searchKeys: ['date'] }))).toEqual([]);
    expect(foldText('Ábaco Núñez')).toBe('abaco nunez');
  });

  it('searches values that contain the internal separator character', () => {
    const names = ['a\u0001b', 'ab', 'x', null, 'ÁB'];
    const columns = [{ key: 'name', header: 'NAME', type: 'text' as const }];
    const small = names.map((name) => ({ name }));
    const index = createReportIndex(columns, small);
    for (const search of ['ab', 'b', '\u0001', 'a\u0001', 'x']) {
      expect(Array.from(index.query({ search })), JSON.stringify(search)).toEqual(
        naiveQuery(columns, small, { search }),
      );
    }
  });

  it('summarizes, cross-counts and buckets a subset', () => {
    const small = [
      { n: 2, c: 'Colombia', t: true, d: Date.UTC(2026, 0, 31, 23) },
      { n: 'x', c: 'Perú', t: false, d: Date.UTC(2026, 1, 1, 1) },
      { n: null, c: 'Colombia', t: false, d: Date.UTC(2026, 1, 3) },
      { n: 5, c: null, t: true, d: 'bad' },
    ];
    const columns = [
      { key: 'n', header: 'N', type: 'count' as const },
      { key: 'c', header: 'C', type: 'country' as const },
      { key: 't', header: 'T', type: 'yesno' as const },
      { key: 'd', header: 'D', type: 'datetime' as const },
    ];
    const index = createTestIndex(columns, small);
    expect(index.summarize('n')).toEqual({
      count: 2,
      sum: 7,
      min: 2,
      max: 5,
      mean: 3.5,
      empty: 1,
      unparsed: 1,
    });
    expect(index.summarize('n', Uint32Array.of(1, 2)).count).toBe(0);
    const cross = index.crossCount('c', 't');
    expect(cross.rows).toEqual(['Colombia', 'Perú', '']);
    expect(cross.columns).toEqual(['no', 'yes']);
    expect(Array.from(cross.counts)).toEqual([1, 1, 1, 0, 0, 1]);
    const days = index.timeBuckets('d', 'day');
    expect(Array.from(days.counts)).toEqual([1, 1, 0, 1]);
    expect(days.starts[0]).toBe(Date.UTC(2026, 0, 31));
    const months = index.timeBuckets('d', 'month', Uint32Array.of(0, 1, 2));
    expect(Array.from(months.starts)).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1)]);
    expect(Array.from(months.counts)).toEqual([1, 2]);
  });
});
