// @vitest-environment node
import { findReport } from '../../src/report-model/catalog';
import { createTimeline as createPlainTimeline } from '../../src/mocks/timeline';
import { dayRange } from '../../src/report-model/time-range';
import { createTimeline } from './memo-timeline';

describe('the memoized timeline (the live benchmark fake)', () => {
  const options = { range: dayRange('2026-10-01', '2026-10-03')!, rows: 5_000, seed: 7 };

  it.each([10, 1, 2, 9])(
    'answers report %i exactly as the plain timeline, asked again or not',
    (n) => {
      const report = findReport(n)!;
      const plain = createPlainTimeline(options);
      const memo = createTimeline(options);
      // Overlapping and repeated spans, as a capped call and its halves ask them.
      for (const [from, to] of [
        [0, 5_000],
        [1_000, 2_500],
        [0, 2_500],
        [2_499, 2_501],
        [4_999, 5_000],
        [3, 3],
        [0, 5_000],
      ] as const) {
        expect(memo.wireJson(report, from, to)).toBe(plain.wireJson(report, from, to));
      }
      expect(memo.idsIn(options.range)).toEqual(plain.idsIn(options.range));
      expect(memo.wireRows(report, 10, 20)).toEqual(plain.wireRows(report, 10, 20));
    },
  );
});
