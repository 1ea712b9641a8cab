import { ChunkCache, isClosedPeriod } from '../../../src/report-model/load/chunk-cache';
import {
  budgetFor,
  estimateCalls,
  quotaShortfall,
} from '../../../src/report-model/load/load-limits';
import { loadReport } from '../../../src/report-model/load/load-report';
import {
  knownQuotaLeft,
  knownQuotaLimit,
  noteCalls,
  noteQuota,
  readServerQuota,
  readTokenInfo,
} from '../../../src/report-model/quota';
import { dayRange } from '../../../src/report-model/time-range';
import { at, CHATS, fakeApi, idsOf, spreadTimes } from './fake-api';

const days = (from: string, to: string) => dayRange(from, to)!;

describe('budgetFor', () => {
  it.each([
    ['a day', days('2026-03-10', '2026-03-10'), 19],
    ['a month', days('2026-03-01', '2026-03-31'), 79],
    ['400 days', days('2025-01-01', '2026-02-04'), 830],
  ])('%s: chunks + 2 a day + 16 calls', (_, range, calls) => {
    expect(budgetFor(range).calls).toBe(calls);
  });

  it('never more calls than the quota left; bytes 256 MiB a day, at most 1.5 GiB', () => {
    const month = days('2026-03-01', '2026-03-31');
    expect(budgetFor(month, 5).calls).toBe(5);
    expect(budgetFor(days('2026-03-01', '2026-03-02')).bytes).toBe(512 * 2 ** 20);
    expect(budgetFor(month).bytes).toBe(1.5 * 2 ** 30);
  });
});

describe('the quota check before a load', () => {
  it('estimates calls from the density seen (one a calendar chunk when unknown)', () => {
    const q1 = days('2026-01-01', '2026-03-31');
    expect(estimateCalls([q1], undefined, 57_000)).toBe(3);
    // 1M rows a 31-day month at 57,000 a call: 18 calls (January, March), 16 for February.
    const perSecond = 1_000_000 / (31 * 86_400);
    expect(estimateCalls([q1], () => perSecond, 57_000)).toBe(18 + 16 + 18);
  });

  it('says so only when the calls needed exceed the calls left, and only when known', () => {
    expect(quotaShortfall(3, undefined)).toBeUndefined();
    expect(quotaShortfall(3, 3)).toBeUndefined();
    expect(quotaShortfall(4, 3)).toEqual({ code: 'quotaShort', needed: 4, left: 3 });
  });

  it('reads token_info and the server status; subtracts the calls made since; expires', () => {
    const now = Date.UTC(2026, 10, 29, 10);
    expect(
      readTokenInfo(
        [{ token_limit: '4800', token_use_today: '4700', hours_to_restart_count: '9' }],
        now,
      ),
    ).toEqual({ left: 100, limit: 4800, readAt: now, validUntil: now + 9 * 3_600_000 });
    expect(readServerQuota({ quota: { left: null, resetsAt: 'x' } }, now)).toBeUndefined();
    const quota = readServerQuota(
      { quota: { left: 40, limit: 4800, resetsAt: new Date(now + 3_600_000).toISOString() } },
      now,
    );
    noteQuota(quota);
    noteCalls(15);
    expect(knownQuotaLeft(now + 60_000)).toBe(25);
    expect(knownQuotaLimit(now + 60_000)).toBe(4800);
    expect(knownQuotaLeft(now + 3_600_000)).toBeUndefined();
    expect(knownQuotaLimit(now + 3_600_000)).toBeUndefined();
  });
});

describe('periods kept', () => {
  it('a period is closed 48 h (+12 h for any zone) after it ends', () => {
    const day = days('2026-11-20', '2026-11-20');
    const end = day.end + 1000;
    expect(isClosedPeriod(day, end + 59 * 3_600_000)).toBe(false);
    expect(isClosedPeriod(day, end + 60 * 3_600_000)).toBe(true);
  });

  it('rows without the range column are never cut: a day of a loaded month is fetched again', async () => {
    const month = days('2026-03-01', '2026-03-31');
    const api = fakeApi({ times: spreadTimes(month, 5_000, 3) });
    const cache = new ChunkCache(5 * 60_000);
    const now = () => at('2026-11-29T00:00:00');
    const options = { baseUrl: 'http://fake', fetchChunk: api.fetchChunk, cache, now };
    await loadReport(CHATS, month, options);
    const day = days('2026-03-10', '2026-03-10');
    const result = await loadReport(CHATS, day, options);
    expect(api.stats.calls.map((call) => call.range)).toEqual([month, day]);
    expect(idsOf(result.rows)).toEqual(api.idsIn(day));
    // The month is whole again: its piece was replaced around the day, not cut.
    const again = await loadReport(CHATS, month, options);
    expect(idsOf(again.rows)).toEqual(api.idsIn(month));
  });
});
