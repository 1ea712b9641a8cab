import type { ReportDef } from '../../src/report-model/catalog';
import {
  createTimeline as createPlainTimeline,
  type Timeline,
  type TimelineOptions,
} from '../../src/mocks/timeline';

export { timelineRowId, type Timeline, type TimelineOptions } from '../../src/mocks/timeline';

/**
 * src/mocks/timeline.ts with each row's JSON text kept once made: the same answers (a row's
 * text is the plain timeline's, made by it), but a row asked again, by a capped call halved
 * or by the next page load of a benchmark, is only joined, not dressed again. Making 60,000
 * rows takes the plain timeline ~150-250 ms on this machine (the fake's cost, paid on every
 * call of every load and on the calls' critical path: the fake is one Node thread); joining
 * them, ~10 ms. Costs the texts' memory (~200 MB at 1,000,000 rows of report 10).
 *
 * A drop-in for the timeline module: the live benchmark bundles the fake with this module in
 * its place (test/bench/live-stack.mjs).
 */
export function createTimeline(options: TimelineOptions): Timeline {
  const timeline = createPlainTimeline(options);
  const texts = new Map<string, (string | undefined)[]>();
  const held = (report: ReportDef) => {
    let list = texts.get(report.api);
    if (!list) texts.set(report.api, (list = new Array<string | undefined>(timeline.times.length)));
    return list;
  };
  return {
    ...timeline,
    wireJson(report, from, to) {
      const list = held(report);
      const parts = new Array<string>(Math.max(0, to - from));
      for (let i = from; i < to; i++) {
        let text = list[i];
        // The plain timeline's text of row i: its list of one row, without the brackets.
        if (text === undefined) list[i] = text = timeline.wireJson(report, i, i + 1).slice(1, -1);
        parts[i - from] = text;
      }
      return `[${parts.join(',')}]`;
    },
  };
}
