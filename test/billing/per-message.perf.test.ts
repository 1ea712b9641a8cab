// @vitest-environment node
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadMessageCounts } from '../../src/billing/ui/load-message-counts';
import { addMessages, newMessageTally } from '../../src/billing/model/message-counts';
import { findReport } from '../../src/report-model/catalog';
import { DEFAULT_ROW_CAP, loadReport } from '../../src/report-model/load/load-report';
import { dayRange } from '../../src/report-model/time-range';
import { normalizeRows } from '../../src/report-model/wire/normalize-rows';
import { readEnvelope } from '../../src/report-model/wire/parse-envelope';
import { startFakeWolkvoxProcess, type FakeWolkvoxProcess } from '../fake-wolkvox/process';
import { server as msw } from '../msw-server';

/*
 * Report 2's counts for a month at volume, measured through the fake wolkvox over real HTTP in
 * a process of its own (its generating and holding stay out of this heap and off this core):
 *
 *   PERF=1 PERF_ROWS_PER_DAY=61900 npx vitest run test/billing/per-message.perf.test.ts
 *
 * PERF_ROWS_PER_DAY is the dev app's `?mockRowsPerDay=` (chats of every channel a weekday):
 * 61,900 gives about 1,000,000 report-10 interactions in October 2026 (31 days). Report 10 is
 * loaded first (its row count sizes the plan and the call budget), then dropped, so that the
 * heap figures are the counts' own. Prints: report 10's rows; report 2's calls, the calls
 * the app threw away as capped, the most in flight (seen by the app and by the fake), the
 * largest answer (chats and message rows), message rows parsed and folded, chats; seconds;
 * the heap (after a full GC before, at most while loading, after, and what the per-chat
 * counts hold; the peak of heapUsed sampled every 100 ms, garbage included); the fake's own time
 * per call; the app's parse and fold time per message, from one typical answer.
 */
const perf = process.env.PERF === '1' ? it : it.skip;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1e6);
const gcHeapMb = () => {
  gc();
  return heapMb();
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

perf(
  'loads a month of report 2 counts within 2 calls in flight and the row cap',
  async () => {
    msw.close();
    const rowsPerDay = Number(process.env.PERF_ROWS_PER_DAY ?? 61_900);
    const range = dayRange(
      process.env.PERF_FROM ?? '2026-10-01',
      process.env.PERF_TO ?? '2026-10-31',
    )!;
    let fake: FakeWolkvoxProcess | undefined;
    try {
      fake = await startFakeWolkvoxProcess({ rowsPerDay, apis: ['chat_2', 'chat_10'] });
      const token = fake.token;
      const withToken: typeof fetch = (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), 'wolkvox-token': token },
        });

      const heapStart = gcHeapMb();
      const report10Started = performance.now();
      let report10 = await loadReport(findReport(10)!, range, {
        baseUrl: fake.url,
        fetch: withToken,
      });
      const report10Seconds = (performance.now() - report10Started) / 1000;
      const interactions = report10.rows.length;
      const report10Calls = report10.requests;
      const report10HeapMb = gcHeapMb() - heapStart;
      if (!report10.complete) console.log(JSON.stringify(report10.failures).slice(0, 2000));
      expect(report10.complete).toBe(true);
      report10 = undefined as never;
      const fakeCallsBefore = (await fake.stats()).calls.length;

      const before = gcHeapMb();
      let inFlight = 0;
      let most = 0;
      let answers = 0;
      let capped = 0;
      let parsedMessages = 0;
      let largest = { chats: 0, messages: 0 };
      let sample: { url: string; messages: number } | undefined;
      let retainedMax = before;
      let peak = heapMb();
      const sampler = setInterval(() => (peak = Math.max(peak, heapMb())), 100);
      const counting: typeof fetch = async (input, init) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          const response = await withToken(input, init);
          const text = await response.text();
          const chats = Number(/"msg"\s*:\s*"(\d+) records/.exec(text.slice(0, 200))?.[1] ?? 0);
          let messages = 0;
          for (let at = text.indexOf('"from":'); at !== -1; at = text.indexOf('"from":', at + 7))
            messages++;
          answers++;
          parsedMessages += messages;
          if (messages >= DEFAULT_ROW_CAP) capped++;
          else if (!sample || Math.abs(messages - 40_000) < Math.abs(sample.messages - 40_000))
            sample = { url: String(input), messages };
          if (messages > largest.messages) largest = { chats, messages };
          const { status, statusText, headers } = response;
          return new Response(text, { status, statusText, headers });
        } finally {
          inFlight--;
          // The heap held while loading, garbage collected, every 25 answers.
          if (answers % 25 === 0) retainedMax = Math.max(retainedMax, gcHeapMb());
        }
      };
      const started = performance.now();
      let { tally, load } = await loadMessageCounts(range, {
        baseUrl: fake.url,
        interactions,
        fetch: counting,
      });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const after = gcHeapMb();
      const figures = {
        report10: {
          rows: interactions,
          calls: report10Calls,
          seconds: round(report10Seconds),
          heldMb: report10HeapMb,
        },
        report2: {
          calls: load.requests,
          answers,
          answersCappedThrownAway: capped,
          mostInFlightApp: most,
          largestAnswer: largest,
          messageRowsParsed: parsedMessages,
          messageRowsFolded:
            tally.businessMessages +
            tally.customerMessages +
            tally.otherChannelRows +
            tally.unreadableRows,
          chats: tally.chats.size,
          rowsKept: load.rows.length,
          complete: load.complete,
          failures: load.failures.length,
          seconds: round(seconds),
        },
        heapMb: {
          before,
          retainedWhileLoadingMax: retainedMax,
          peakSampledWithGarbage: peak,
          afterWithCounts: after,
          /** The per-chat counts, measured below by clearing them. */
          countsHeld: 0,
        },
      };
      const business = tally.businessMessages;
      // What the per-chat counts hold: the heap with them, less the heap once they are cleared.
      tally.chats.clear();
      figures.heapMb.countsHeld = after - gcHeapMb();
      tally = undefined as never;
      load = undefined as never;

      // The fake's own time per call (generating and writing the answer, in its process).
      const fakeStats = await fake.stats();
      const calls = fakeStats.calls.slice(fakeCallsBefore).filter((c) => c.api === 'chat_2');
      const durations = calls.map((c) => c.durationMs ?? 0).sort((a, b) => a - b);
      const fakeSeconds = durations.reduce((sum, ms) => sum + ms, 0) / 1000;

      // The app's own work per message, on one typical answer fetched again.
      let perMessage: Record<string, number> | undefined;
      if (sample) {
        const text = await (await withToken(sample.url)).text();
        const t0 = performance.now();
        const envelope = readEnvelope(200, text);
        const t1 = performance.now();
        const parsed = normalizeRows(findReport(2)!, envelope.rows);
        const t2 = performance.now();
        addMessages(newMessageTally(), parsed.rows);
        const t3 = performance.now();
        const us = (ms: number) => round((ms * 1000) / parsed.rows.length, 2);
        perMessage = {
          sampleMessages: parsed.rows.length,
          sampleMb: round(text.length / 1e6),
          jsonParseUs: us(t1 - t0),
          normalizeUs: us(t2 - t1),
          foldUs: us(t3 - t2),
          appSecondsForAllParsed: round(((t3 - t0) / 1000 / parsed.rows.length) * parsedMessages),
          appSecondsForThrownAway: round(
            ((t2 - t0) / 1000 / parsed.rows.length) *
              (parsedMessages - figures.report2.messageRowsFolded),
          ),
        };
      }

      console.log(
        `[measure] ${JSON.stringify({
          rowsPerDay,
          ...figures,
          businessMessages: business,
          fake: {
            mostInFlight: fakeStats.maxConcurrent,
            refusedBusy: fakeStats.rejected,
            chat2Calls: calls.length,
            chat2ChatsServed: calls.reduce((sum, c) => sum + (c.rows ?? 0), 0),
            secondsTotal: round(fakeSeconds),
            msPerCall: {
              median: durations[Math.floor(durations.length / 2)],
              p90: durations[Math.floor(durations.length * 0.9)],
              max: durations.at(-1),
            },
            peakRssMb: Math.round(fakeStats.memory.peakRssMb),
          },
          appPerMessage: perMessage,
        })}`,
      );
      expect(most).toBeLessThanOrEqual(2);
      expect(fakeStats.maxConcurrent).toBeLessThanOrEqual(2);
      expect(largest.chats).toBeLessThanOrEqual(DEFAULT_ROW_CAP);
      expect(figures.report2.rowsKept).toBe(0);
    } finally {
      await fake?.close();
    }
  },
  3_600_000,
);
