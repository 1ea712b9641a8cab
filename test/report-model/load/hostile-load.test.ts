import { findReport } from '../../../src/report-model/catalog';
import { loadReport, type LoadProgress } from '../../../src/report-model/load/load-report';
import { dayRange } from '../../../src/report-model/time-range';

/** Loader behaviour under the hostile answers of issue 18 (points 3 and 6). */
const REPORT10 = findReport(10)!;
const noSleep = () => Promise.resolve();

function answer(status: number, envelope: unknown): Response {
  return new Response(JSON.stringify(envelope), { status });
}

describe('loadReport under hostile answers (issue 18)', () => {
  it('keeps the rows of a 404 that carries rows, and counts them', async () => {
    const fetchStub = (async () =>
      answer(404, {
        code: '404',
        error: null,
        msg: 'Validate dates entered',
        data: [{ conn_id: 'C1', date: '2026-03-01 10:00:00' }],
      })) as typeof fetch;
    const result = await loadReport(REPORT10, dayRange('2026-03-01', '2026-03-01')!, {
      baseUrl: 'http://fake',
      fetch: fetchStub,
      sleep: noSleep,
    });
    expect(result.rows.map((row) => row.conn_id)).toEqual(['C1']);
    expect(result.notFoundWithRows).toBe(1);
  });

  it('reports how long the oldest call has waited and how many retries were made', async () => {
    let calls = 0;
    const events: LoadProgress[] = [];
    const fetchStub = (async () => {
      calls++;
      if (calls === 1) return answer(503, { code: 503, error: 'x', msg: 'Service Unavailable' });
      return answer(200, { code: 200, error: null, msg: '0 records were found', data: [] });
    }) as typeof fetch;
    const before = Date.now();
    await loadReport(REPORT10, dayRange('2026-03-01', '2026-03-01')!, {
      baseUrl: 'http://fake',
      fetch: fetchStub,
      sleep: noSleep,
      onProgress: (progress) => events.push(progress),
    });
    const waiting = events.filter((event) => event.waitingSince !== undefined);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting[0]!.waitingSince).toBeGreaterThanOrEqual(before);
    expect(waiting.at(-1)!.retries).toBe(1);
    expect(events.at(-1)).toMatchObject({ chunksDone: 1, retries: 1, waitingSince: undefined });
  });
});
