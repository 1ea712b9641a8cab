import {
  alignRange,
  describeRange,
  endOfMonth,
  halveRange,
  rangeSeconds,
  splitRange,
} from '../../../src/report-model/load/split-range';
import {
  DAY,
  SECOND,
  dayRange,
  rangeDays,
  type TimeRange,
} from '../../../src/report-model/time-range';
import { formatWireDate } from '../../../src/report-model/wire/wire-date';

const at = (iso: string) => Date.parse(`${iso}Z`);
const days = (from: string, to: string) => dayRange(from, to)!;
const wire = (chunks: TimeRange[]) =>
  chunks.map((c) => `${formatWireDate(c.start)}-${formatWireDate(c.end)}`);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The invariant behind the boundary rule: chunks are whole-second ranges that tile
 * `range` exactly, and every row time in `range` falls in exactly one chunk when
 * each chunk is queried inclusively, as the API does.
 */
function expectTiling(range: TimeRange, chunks: TimeRange[], rowTimes: number[]) {
  expect(chunks[0]!.start).toBe(range.start);
  expect(chunks.at(-1)!.end).toBe(range.end);
  chunks.forEach((chunk, k) => {
    expect(chunk.start % SECOND).toBe(0);
    expect(chunk.end % SECOND).toBe(0);
    expect(chunk.end).toBeGreaterThanOrEqual(chunk.start);
    if (k > 0) expect(chunk.start).toBe(chunks[k - 1]!.end + SECOND);
  });
  for (const time of rowTimes) {
    // A row stamped HH:MM:SS is compared at second resolution, like the API does.
    const second = Math.floor(time / SECOND) * SECOND;
    const hits = chunks.filter((c) => c.start <= second && second <= c.end).length;
    expect(hits, `row at ${new Date(time).toISOString()}`).toBe(
      second >= range.start && second <= range.end ? 1 : 0,
    );
  }
}

/** Row times on and around every chunk edge, plus random ones. */
function edgeTimes(range: TimeRange, chunks: TimeRange[], random = rng(7), extra = 200) {
  const times: number[] = [];
  for (const c of chunks) {
    for (const t of [c.start, c.end]) {
      times.push(t - SECOND, t, t + 999, t + SECOND);
    }
  }
  for (let i = 0; i < extra; i++)
    times.push(range.start + Math.floor(random() * (range.end - range.start + SECOND)));
  return times;
}

describe('splitRange', () => {
  it('keeps a range within one month as one chunk', () => {
    const range = days('2026-03-01', '2026-03-31');
    expect(splitRange(range)).toEqual([range]);
    expect(wire(splitRange(range))).toEqual(['20260301000000-20260331235959']);
  });

  it('cuts a 95-day range at month ends, second to second', () => {
    const range = days('2024-01-15', '2024-04-18');
    expect(rangeDays(range)).toBe(95);
    const chunks = splitRange(range);
    expect(wire(chunks)).toEqual([
      '20240115000000-20240131235959',
      '20240201000000-20240229235959',
      '20240301000000-20240331235959',
      '20240401000000-20240418235959',
    ]);
    expectTiling(range, chunks, edgeTimes(range, chunks));
  });

  it('without the month rule, cuts 95 days into 31 + 31 + 31 + 2', () => {
    const range = days('2024-01-15', '2024-04-18');
    const chunks = splitRange(range, { byMonth: false });
    expect(chunks.map(rangeDays)).toEqual([31, 31, 31, 2]);
    expect(wire(chunks)).toEqual([
      '20240115000000-20240214235959',
      '20240215000000-20240316235959',
      '20240317000000-20240416235959',
      '20240417000000-20240418235959',
    ]);
    expectTiling(range, chunks, edgeTimes(range, chunks));
  });

  it.each([
    ['2024 (leap)', '2024-02-29'],
    ['2023', '2023-02-28'],
    ['2000 (leap, divisible by 400)', '2000-02-29'],
    ['2100 (not leap, divisible by 100)', '2100-02-28'],
  ])('ends February on its last day in %s', (_, lastDay) => {
    const year = lastDay.slice(0, 4);
    const range = days(`${year}-01-20`, `${year}-03-10`);
    const chunks = splitRange(range);
    expect(chunks).toHaveLength(3);
    expect(formatWireDate(chunks[1]!.end)).toBe(`${lastDay.replaceAll('-', '')}235959`);
    expect(formatWireDate(chunks[2]!.start)).toBe(`${year}0301000000`);
    expectTiling(range, chunks, edgeTimes(range, chunks));
  });

  it('handles 30-day months and the year end', () => {
    const range = days('2025-11-20', '2026-01-05');
    const chunks = splitRange(range);
    expect(wire(chunks)).toEqual([
      '20251120000000-20251130235959',
      '20251201000000-20251231235959',
      '20260101000000-20260105235959',
    ]);
    expectTiling(range, chunks, edgeTimes(range, chunks));
  });

  it('keeps partial-day ends and drops milliseconds, as the wire format does', () => {
    const range = { start: at('2026-01-31T10:30:15.250'), end: at('2026-02-01T08:00:00.999') };
    const chunks = splitRange(range);
    expect(wire(chunks)).toEqual([
      '20260131103015-20260131235959',
      '20260201000000-20260201080000',
    ]);
  });

  it('splits a one-second range into itself', () => {
    const t = at('2026-05-31T23:59:59');
    expect(splitRange({ start: t, end: t })).toEqual([{ start: t, end: t }]);
  });

  it('honours a smaller maxDays, fractions included', () => {
    const range = days('2026-03-01', '2026-03-10');
    expect(splitRange(range, { maxDays: 3 }).map(rangeDays)).toEqual([3, 3, 3, 1]);
    const halfDays = splitRange(days('2026-03-01', '2026-03-01'), { maxDays: 0.5 });
    expect(wire(halfDays)).toEqual([
      '20260301000000-20260301115959',
      '20260301120000-20260301235959',
    ]);
  });

  it('never makes a chunk over 31 days or across a month, on random ranges', () => {
    const random = rng(2026);
    for (let i = 0; i < 300; i++) {
      const start = at('2023-01-01T00:00:00') + Math.floor(random() * 3 * 365 * 86_400) * SECOND;
      const end = start + Math.floor(random() * 200 * 86_400) * SECOND;
      const byMonth = random() < 0.7;
      const maxDays = random() < 0.5 ? 31 : 1 + Math.floor(random() * 30);
      const chunks = splitRange({ start, end }, { byMonth, maxDays });
      for (const chunk of chunks) {
        expect(rangeDays(chunk)).toBeLessThanOrEqual(maxDays);
        if (byMonth) expect(chunk.end).toBeLessThanOrEqual(endOfMonth(chunk.start));
      }
      expectTiling({ start, end }, chunks, edgeTimes({ start, end }, chunks, random, 20));
    }
  });

  it('refuses a range that ends before it starts, or a bad maxDays', () => {
    expect(() => splitRange({ start: 2000, end: 1000 })).toThrow(RangeError);
    expect(() => splitRange({ start: Number.NaN, end: 1000 })).toThrow(RangeError);
    expect(() => splitRange(days('2026-01-01', '2026-01-02'), { maxDays: 32 })).toThrow(RangeError);
    expect(() => splitRange(days('2026-01-01', '2026-01-02'), { maxDays: 0 })).toThrow(RangeError);
  });
});

describe('halveRange', () => {
  it('halves at a whole second: [start, mid - 1 s] and [mid, end]', () => {
    const day = days('2026-03-10', '2026-03-10');
    const [a, b] = halveRange(day)!;
    expect(wire([a, b])).toEqual([
      '20260310000000-20260310115959',
      '20260310120000-20260310235959',
    ]);
    expectTiling(day, [a, b], edgeTimes(day, [a, b]));
  });

  it('halves odd lengths and two seconds, and stops at one second', () => {
    const t = at('2026-03-10T00:00:00');
    expect(halveRange({ start: t, end: t + 2 * SECOND })).toEqual([
      { start: t, end: t },
      { start: t + SECOND, end: t + 2 * SECOND },
    ]);
    expect(halveRange({ start: t, end: t + SECOND })).toEqual([
      { start: t, end: t },
      { start: t + SECOND, end: t + SECOND },
    ]);
    expect(halveRange({ start: t, end: t + 999 })).toBeUndefined();
    expect(halveRange({ start: t, end: t })).toBeUndefined();
  });

  it('reaches one second in 17 halvings for a day, tiling all the way', () => {
    const day = days('2026-03-01', '2026-03-01');
    let pieces: TimeRange[] = [day];
    let depth = 0;
    while (pieces.some((p) => rangeSeconds(p) > 1)) {
      pieces = pieces.flatMap((p) => halveRange(p) ?? [p]);
      depth++;
      if (depth === 3) expectTiling(day, pieces, edgeTimes(day, pieces));
    }
    expect(depth).toBe(17);
    expect(pieces).toHaveLength(86_400);
    expect(pieces.every((p, k) => k === 0 || p.start === pieces[k - 1]!.end + SECOND)).toBe(true);
  });

  it('needs at most 22 halvings from a 31-day month to one second', () => {
    let piece: TimeRange | undefined = days('2026-03-01', '2026-03-31');
    let depth = 0;
    for (let halves = halveRange(piece); halves; halves = halveRange(piece)) {
      piece = halves[1]; // the longer half
      depth++;
    }
    expect(depth).toBe(22);
    expect(rangeSeconds(piece)).toBe(1);
  });
});

describe('helpers', () => {
  it('aligns to seconds and describes a period', () => {
    expect(alignRange({ start: 1_500, end: 2_999 })).toEqual({ start: 1_000, end: 2_000 });
    expect(rangeSeconds(days('2026-01-01', '2026-01-01'))).toBe(DAY / SECOND);
    expect(describeRange(days('2026-02-01', '2026-02-28'))).toBe(
      '2026-02-01 00:00:00 – 2026-02-28 23:59:59',
    );
  });
});
