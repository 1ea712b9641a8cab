import { ChunkCache } from '../../../src/report-model/load/chunk-cache';
import { DensityMemory } from '../../../src/report-model/load/density';
import { loadReport, type LoadOptions } from '../../../src/report-model/load/load-report';
import { SECOND, dayRange, type TimeRange } from '../../../src/report-model/time-range';
import { at, CHATS, fakeApi, idsOf, spreadTimes } from './fake-api';

/**
 * The loader's issue-13/16 rules against the in-memory fake, counting calls and rows:
 * calls sized from the density seen, a capped answer's complete part kept, the budget, and
 * periods already loaded reused (chunk-cache.ts).
 */

const days = (from: string, to: string) => dayRange(from, to)!;
const noSleep = async () => {};
const base: Omit<LoadOptions, 'fetchChunk'> = { baseUrl: 'http://fake', sleep: noSleep };
const CAP = 60_000;
const minCalls = (rows: number) => Math.ceil(rows / CAP);
const maxDays = (ranges: readonly TimeRange[]) =>
  Math.max(...ranges.map((r) => (r.end + SECOND - r.start) / 86_400_000));

function expectOnce(rows: readonly { conn_id?: unknown }[], expected: string[]) {
  const ids = idsOf(rows as never);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expected);
}

describe('a capped answer keeps its complete part', () => {
  const month = days('2026-03-01', '2026-03-31');
  const burst = days('2026-03-10', '2026-03-10');
  const times = [...spreadTimes(month, 20_000, 8), ...spreadTimes(burst, 150_000, 9)];

  it('ordered by the range column: rows before the last second are kept, only the rest asked', async () => {
    const api = fakeApi({ times, rangeColumn: true });
    const result = await loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk });
    expectOnce(result.rows, api.idsIn(month));
    const served = api.stats.calls.reduce((sum, call) => sum + (call.rows ?? 0), 0);
    // Only the rows of the seconds where answers were cut are served twice.
    expect(served - result.rows.length).toBeLessThan(20);
    expect(api.stats.calls).toHaveLength(minCalls(170_000));
    console.info(
      `[loader] 170,000 rows, capped day: ${api.stats.calls.length} calls, ${served} rows served`,
    );
  });

  it('of unknown order: halved as before, still every row once', async () => {
    const api = fakeApi({ times, rangeColumn: true, order: 'shuffled' });
    const result = await loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk });
    expect(idsOf(result.rows).sort()).toEqual(api.idsIn(month).sort());
    expect(new Set(idsOf(result.rows)).size).toBe(170_000);
    const served = api.stats.calls.reduce((sum, call) => sum + (call.rows ?? 0), 0);
    console.info(
      `[loader] same month, answers of unknown order (halving): ${api.stats.calls.length} calls, ${served} rows served`,
    );
    expect(served).toBeGreaterThan(result.rows.length + CAP);
  });

  it('an API that ignores the range is stopped at its first capped answer', async () => {
    const elsewhere = spreadTimes(days('2025-01-01', '2025-01-31'), 80_000, 3);
    const api = fakeApi({ times: elsewhere, rangeColumn: true, ignoreRange: true });
    const load = loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk });
    await expect(load).rejects.toMatchObject({ limit: { code: 'ignoredRange', range: month } });
    expect(api.stats.calls).toHaveLength(1);
  });
});

describe('the budget of a load', () => {
  it('refuses a URL range beyond 400 days before any call', async () => {
    const api = fakeApi({ times: [] });
    const load = loadReport(CHATS, days('1900-01-01', '9999-12-31'), {
      ...base,
      fetchChunk: api.fetchChunk,
    });
    await expect(load).rejects.toMatchObject({
      name: 'LoadLimitError',
      limit: { code: 'rangeTooLong', max: 400 },
    });
    expect(api.stats.calls).toHaveLength(0);
  });

  it('a load needing more calls than the quota left says so before any call', async () => {
    const q1 = days('2026-01-01', '2026-03-31');
    const api = fakeApi({ times: spreadTimes(q1, 100, 1) });
    await expect(
      loadReport(CHATS, q1, { ...base, fetchChunk: api.fetchChunk, quotaLeft: 2 }),
    ).rejects.toMatchObject({ limit: { code: 'quotaShort', needed: 3, left: 2 } });
    expect(api.stats.calls).toHaveLength(0);
    const result = await loadReport(CHATS, q1, {
      ...base,
      fetchChunk: api.fetchChunk,
      quotaLeft: 3,
    });
    expect(result).toMatchObject({ complete: true, requests: 3 });
  });

  it('the quota left caps the calls made, and what loaded is kept', async () => {
    const month = days('2026-03-01', '2026-03-31');
    const api = fakeApi({ times: spreadTimes(month, 50_000, 2), cap: 1_000 });
    const result = await loadReport(CHATS, month, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 1_000,
      quotaLeft: 6,
    });
    expect(api.stats.calls).toHaveLength(6);
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.every((f) => f.error.name === 'LoadLimitError')).toBe(true);
  });
});

describe('adaptive chunks: calls within 1.2× of ⌈rows / 60,000⌉', () => {
  const month = days('2026-05-01', '2026-05-31');

  async function measure(label: string, times: number[], density = new DensityMemory()) {
    const api = fakeApi({ times, rangeColumn: true, delay: () => 1 });
    const result = await loadReport(CHATS, month, {
      ...base,
      fetchChunk: api.fetchChunk,
      density,
    });
    const rows = result.rows.length;
    const capped = api.stats.calls.filter((call) => call.rows === CAP).length;
    const served = api.stats.calls.reduce((sum, call) => sum + (call.rows ?? 0), 0);
    console.info(
      `[loader] ${label}: ${rows} rows, ${api.stats.calls.length} calls (⌈rows/60,000⌉ = ${minCalls(rows)}), ` +
        `${capped} at the cap, ${served - rows} rows served twice, ${api.stats.maxInFlight} in flight at most`,
    );
    if (process.env.LOADER_CALLS)
      for (const c of api.stats.calls)
        console.info(
          new Date(c.range.start).toISOString(),
          new Date(c.range.end).toISOString(),
          c.rows,
        );
    expectOnce(result.rows, api.idsIn(month));
    expect(api.stats.maxInFlight).toBeLessThanOrEqual(2);
    expect(maxDays(api.stats.calls.map((call) => call.range))).toBeLessThanOrEqual(31);
    return { calls: api.stats.calls.length, rows, capped };
  }

  it('a 1M-row month', async () => {
    const times = spreadTimes(month, 1_000_000, 16);
    const density = new DensityMemory();
    const first = await measure('1M-row month, first load', times, density);
    expect(first.calls).toBeLessThanOrEqual(1.2 * minCalls(first.rows));
    const again = await measure('1M-row month, density known', times, density);
    expect(again.calls).toBeLessThanOrEqual(1.2 * minCalls(again.rows));
    expect(again.capped).toBeLessThanOrEqual(1);
  }, 60_000);

  it('a bursty month: quiet nights, busy days, three burst days and a burst hour', async () => {
    const times: number[] = [];
    const add = (more: number[]) => {
      for (const time of more) times.push(time);
    };
    for (let d = 1; d <= 31; d++) {
      const day = `2026-05-${String(d).padStart(2, '0')}`;
      const weekend = [2, 3, 9, 10, 16, 17, 23, 24, 30, 31].includes(d);
      add(spreadTimes(days(day, day), 1_500, d)); // the night shift
      const busy = { start: at(`${day}T08:00:00`), end: at(`${day}T18:59:59`) };
      times.push(...spreadTimes(busy, weekend ? 4_000 : 14_000, 100 + d));
    }
    for (const [day, rows] of [
      ['2026-05-07', 150_000],
      ['2026-05-19', 90_000],
      ['2026-05-28', 200_000],
    ] as const) {
      add(spreadTimes(days(day, day), rows, rows));
    }
    times.push(
      ...spreadTimes(
        { start: at('2026-05-13T10:00:00'), end: at('2026-05-13T10:59:59') },
        50_000,
        7,
      ),
    );
    const result = await measure('bursty month', times);
    expect(result.calls).toBeLessThanOrEqual(1.2 * minCalls(result.rows));
  }, 60_000);
});

describe('adaptive chunks over other bursty months', () => {
  it.each([1, 3, 5])(
    'seed %i: busier days, burst days of 50,000 × n rows, within 1.2× of ⌈rows / 60,000⌉',
    async (seed) => {
      const month = days('2026-05-01', '2026-05-31');
      const times: number[] = [];
      const add = (more: number[]) => {
        for (const time of more) times.push(time);
      };
      for (let d = 1; d <= 31; d++) {
        const day = `2026-05-${String(d).padStart(2, '0')}`;
        const weekend = (d + seed) % 7 < 2;
        add(spreadTimes(days(day, day), 1_000 + seed * 300, d * seed));
        const busy = { start: at(`${day}T08:00:00`), end: at(`${day}T18:59:59`) };
        add(spreadTimes(busy, weekend ? 4_000 : 10_000 + seed * 2_000, 100 + d + seed));
      }
      [3 + seed, 12 + seed * 2, 20 + seed].forEach((d, i) => {
        const day = `2026-05-${String(d).padStart(2, '0')}`;
        add(spreadTimes(days(day, day), 50_000 * (i + seed), d));
      });
      const api = fakeApi({ times, rangeColumn: true, delay: () => 1 });
      const result = await loadReport(CHATS, month, {
        ...base,
        fetchChunk: api.fetchChunk,
        density: new DensityMemory(),
      });
      const rows = result.rows.length;
      console.info(
        `[loader] bursty month, seed ${seed}: ${rows} rows, ${api.stats.calls.length} calls (⌈rows/60,000⌉ = ${minCalls(rows)})`,
      );
      expect(new Set(idsOf(result.rows)).size).toBe(api.idsIn(month).length);
      expect(rows).toBe(api.idsIn(month).length);
      expect(api.stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(api.stats.calls.length).toBeLessThanOrEqual(1.2 * minCalls(rows));
    },
    60_000,
  );
});

describe('periods already loaded (chunk cache)', () => {
  const q1 = days('2026-01-01', '2026-03-31');
  const jan = days('2026-01-01', '2026-01-31');
  const times = spreadTimes(q1, 300_000, 21);
  // Long after the quarter: every period is closed.
  const now = () => at('2026-11-29T02:00:00');

  it('Q1 after January costs February and March; a day of it, and Q1 again, cost nothing', async () => {
    const api = fakeApi({ times, rangeColumn: true });
    const cache = new ChunkCache(5 * 60_000);
    const density = new DensityMemory();
    const load = (range: TimeRange) =>
      loadReport(CHATS, range, { ...base, fetchChunk: api.fetchChunk, cache, density, now });

    const first = await load(jan);
    const janCalls = api.stats.calls.length;
    expectOnce(first.rows, api.idsIn(jan));

    const quarter = await load(q1);
    const quarterCalls = api.stats.calls.slice(janCalls);
    expect(quarterCalls.every((call) => call.range.start > jan.end)).toBe(true);
    expect(quarter.reusedRows).toBe(first.rows.length);
    expectOnce(quarter.rows, api.idsIn(q1));

    const before = api.stats.calls.length;
    const day = days('2026-02-14', '2026-02-14');
    expectOnce((await load(day)).rows, api.idsIn(day));
    const week = days('2026-01-26', '2026-02-01');
    expectOnce((await load(week)).rows, api.idsIn(week));
    const again = await load(q1);
    expectOnce(again.rows, api.idsIn(q1));
    expect(again.requests).toBe(0);
    expect(api.stats.calls.length).toBe(before);
  });

  it('recent periods follow the staleTime; closed ones never go stale', async () => {
    const recent = days('2026-11-27', '2026-11-28');
    const api = fakeApi({
      times: [...spreadTimes(recent, 1_000, 4), ...spreadTimes(jan, 1_000, 5)],
      rangeColumn: true,
    });
    const cache = new ChunkCache(5 * 60_000);
    let clock = at('2026-11-28T20:00:00');
    const load = (range: TimeRange) =>
      loadReport(CHATS, range, { ...base, fetchChunk: api.fetchChunk, cache, now: () => clock });
    await load(recent);
    await load(jan);
    expect(api.stats.calls).toHaveLength(2);
    clock += 4 * 60_000;
    await load(recent);
    expect(api.stats.calls).toHaveLength(2);
    clock += 2 * 60_000;
    await load(recent);
    await load(jan);
    expect(api.stats.calls).toHaveLength(3);
    expect(api.stats.calls[2]!.range).toEqual(recent);
  });

  it('a month fetched while recent keeps its closed days: after 5 minutes only the last ones are asked', async () => {
    const month = days('2026-11-01', '2026-11-28');
    const api = fakeApi({ times: spreadTimes(month, 20_000, 6), rangeColumn: true });
    const cache = new ChunkCache(5 * 60_000);
    let clock = at('2026-11-28T20:00:00');
    const load = () =>
      loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk, cache, now: () => clock });
    await load();
    clock += 6 * 60_000;
    const again = await load();
    expect(api.stats.calls).toHaveLength(2);
    // Closed: what had ended 48 h (+12 h for the zone) before the first fetch.
    expect(api.stats.calls[1]!.range).toEqual({ start: at('2026-11-26T08:00:00'), end: month.end });
    expectOnce(again.rows, api.idsIn(month));
  });

  it('a long load stamps each chunk with its own answer time: one fetched while open is not closed', async () => {
    const range = days('2026-10-31', '2026-11-01');
    const oct31 = days('2026-10-31', '2026-10-31');
    const api = fakeApi({ times: spreadTimes(range, 2_000, 7), rangeColumn: true });
    const cache = new ChunkCache(5 * 60_000);
    // 12 h after October 31 ended: still open (closed needs 48 h + 12 h).
    let clock = at('2026-11-01T12:00:00');
    let calls = 0;
    const load = (r: TimeRange) =>
      loadReport(CHATS, r, {
        ...base,
        concurrency: 1,
        cache,
        now: () => clock,
        // Every call after the first answers 3 days later: the load ends when October 31
        // would count as closed, but its answer came while it was open.
        fetchChunk: (...args) => {
          if (calls++ > 0) clock += 3 * 86_400_000;
          return api.fetchChunk(...args);
        },
      });
    const first = await load(range);
    expectOnce(first.rows, api.idsIn(range));
    expect(api.stats.calls.map((call) => call.range)).toEqual([
      oct31,
      days('2026-11-01', '2026-11-01'),
    ]);
    clock += 6 * 60_000;
    calls = 0;
    const again = await load(oct31);
    // Stale after 5 minutes, so asked again.
    expect(again.requests).toBe(1);
    expect(api.stats.calls).toHaveLength(3);
    expect(api.stats.calls[2]!.range).toEqual(oct31);
    expectOnce(again.rows, api.idsIn(oct31));
  });

  it('measures "open Q1, then January, then Q1 again": calls and rows, before and after', async () => {
    const run = async (withCache: boolean) => {
      // Before: no cache, and answers the loader could not trust (halving), as on main.
      const api = fakeApi({ times, rangeColumn: withCache });
      const cache = withCache ? new ChunkCache(5 * 60_000) : undefined;
      const density = withCache ? new DensityMemory() : undefined;
      const steps: string[] = [];
      for (const range of [q1, jan, q1]) {
        const since = api.stats.calls.length;
        await loadReport(CHATS, range, {
          ...base,
          fetchChunk: api.fetchChunk,
          cache,
          density,
          now,
        });
        const calls = api.stats.calls.slice(since);
        steps.push(`${calls.length} calls / ${calls.reduce((s, c) => s + (c.rows ?? 0), 0)} rows`);
      }
      return steps.join(', then ');
    };
    console.info(`[loader] Q1 (300,000 rows), January, Q1 again — before: ${await run(false)}`);
    console.info(`[loader] Q1 (300,000 rows), January, Q1 again — after: ${await run(true)}`);
  });
});

describe('a call alongside the load (the connector names)', () => {
  const month = days('2026-03-01', '2026-03-31');
  const timesOf = (rows: number) => spreadTimes(month, rows, 5);

  /** The fake's calls and the side call in one count of calls in flight. */
  function tracked(rows: number, sideMs: number) {
    const api = fakeApi({ times: timesOf(rows), rangeColumn: true, delay: () => 20 });
    let inFlight = 0;
    let most = 0;
    const log: string[] = [];
    const count = async <T>(name: string, work: () => Promise<T>) => {
      inFlight++;
      most = Math.max(most, inFlight);
      log.push(`${name} start`);
      try {
        return await work();
      } finally {
        inFlight--;
        log.push(`${name} end`);
      }
    };
    const fetchChunk: LoadOptions['fetchChunk'] = (report, range, options) =>
      count('chunk', () => api.fetchChunk!(report, range, options));
    const alongside = () =>
      count('side', () => new Promise<void>((done) => setTimeout(done, sideMs)));
    return { api, fetchChunk, alongside, log, most: () => most };
  }

  it('takes the slot the first call of a month of unknown density leaves free', async () => {
    const t = tracked(200_000, 5);
    const result = await loadReport(CHATS, month, {
      ...base,
      fetchChunk: t.fetchChunk,
      alongside: t.alongside,
    });
    expect(result.rows).toHaveLength(200_000);
    // Beside the first call, not after the last one.
    expect(t.log.slice(0, 3)).toEqual(['chunk start', 'side start', 'side end']);
    expect(t.most()).toBe(2);
    expect(t.api.stats.calls).toHaveLength(minCalls(200_000));
  });

  it('waits for a free slot when the load needs both, and the load ends when it does', async () => {
    const t = tracked(200_000, 30);
    const density = new DensityMemory();
    // A second load of the same month: its density is known, both slots are taken at once.
    await loadReport(CHATS, month, { ...base, fetchChunk: t.api.fetchChunk, density });
    const result = await loadReport(CHATS, month, {
      ...base,
      fetchChunk: t.fetchChunk,
      density,
      alongside: t.alongside,
    });
    expect(result.rows).toHaveLength(200_000);
    expect(t.log.slice(0, 2)).toEqual(['chunk start', 'chunk start']);
    expect(t.log).toContain('side start');
    expect(t.log.at(-1)).toBe('side end');
    expect(t.most()).toBe(2);
  });

  it('is not counted as a period in the progress', async () => {
    const api = fakeApi({ times: timesOf(1_000), rangeColumn: true });
    const seen: { chunksDone: number; chunksTotal: number }[] = [];
    await loadReport(CHATS, month, {
      ...base,
      fetchChunk: api.fetchChunk,
      alongside: () => new Promise((done) => setTimeout(done, 10)),
      onProgress: (progress) => seen.push(progress),
    });
    expect(api.stats.calls).toHaveLength(1);
    expect(Math.max(...seen.map((p) => p.chunksTotal))).toBe(1);
    expect(seen.at(-1)).toMatchObject({ chunksDone: 1, chunksTotal: 1 });
  });

  it('is stopped with the load, and a page that fails with the last chunk fails the load', async () => {
    const api = fakeApi({ times: timesOf(1_000), rangeColumn: true });
    let stopped = false;
    const load = loadReport(CHATS, month, {
      ...base,
      fetchChunk: api.fetchChunk,
      alongside: (signal) =>
        new Promise((done) =>
          signal.addEventListener('abort', () => {
            stopped = true;
            done(undefined);
          }),
        ),
      onChunk: () => {
        throw new Error('the page could not take the rows');
      },
    });
    await expect(load).rejects.toThrow('the page could not take the rows');
    expect(stopped).toBe(true);
  });

  it('is made once even when no call is needed (every period already loaded), and a failed one is ignored', async () => {
    const cache = new ChunkCache(60_000);
    const api = fakeApi({ times: timesOf(1_000), rangeColumn: true });
    await loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk, cache });
    let made = 0;
    const result = await loadReport(CHATS, month, {
      ...base,
      fetchChunk: api.fetchChunk,
      cache,
      alongside: async () => {
        made++;
        throw new Error('names unavailable');
      },
    });
    expect(result.rows).toHaveLength(1_000);
    expect(made).toBe(1);
    expect(api.stats.calls).toHaveLength(1);
  });
});
