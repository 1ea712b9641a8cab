import { describe, expect, it } from 'vitest';
import { createEngineClient, type EnginePort } from '../../src/engine/engine-client';
import { createEngineHost, type EngineResponse } from '../../src/engine/engine-host';
import { createReportIndex } from '../../src/engine/report-index';
import { randomRows, TEST_COLUMNS } from './random-data';

/** A worker stand-in: the host runs in-process, messages are cloned and delivered async. */
function inProcessPort(): EnginePort {
  const clone = <T>(value: T): T =>
    typeof structuredClone === 'function' ? structuredClone(value) : value;
  const port: EnginePort = {
    onmessage: null,
    postMessage(message) {
      const copy = clone(message);
      setTimeout(() => host.receive(copy), 0);
    },
  };
  const host = createEngineHost((response) => {
    setTimeout(() => port.onmessage?.({ data: response } as MessageEvent<EngineResponse>), 0);
  });
  return port;
}

describe('engine client and worker host', () => {
  const rows = randomRows(77, 300);

  it('loads once, then answers like the index on the main thread', async () => {
    const client = createEngineClient(inProcessPort());
    const local = createReportIndex(TEST_COLUMNS, rows);
    expect(await client.load(TEST_COLUMNS, rows)).toBe(rows.length);
    await client.warm({ phone: true });
    const query = { sort: [{ key: 'date', desc: true }], phone: '300' };
    expect(Array.from((await client.query(query))!)).toEqual(Array.from(local.query(query)));
    expect(await client.facetsFor(query, 'destiny', 'count')).toEqual(
      local.facetsFor(query, 'destiny', 'count'),
    );
    const subset = local.query({ filters: { template: { values: ['yes'] } } });
    expect(Array.from(await client.sort([{ key: 'customer_name' }], subset))).toEqual(
      Array.from(local.sort([{ key: 'customer_name' }], subset)),
    );
    expect(await client.summarize('duration', subset)).toEqual(local.summarize('duration', subset));
    const cross = await client.crossCount('destiny', 'template');
    expect(Array.from(cross.counts)).toEqual(
      Array.from(local.crossCount('destiny', 'template').counts),
    );
    client.terminate();
  });

  it('computes only the newest of queries sent in a burst', async () => {
    const client = createEngineClient(inProcessPort());
    await client.load(TEST_COLUMNS, rows);
    const typed = ['3', '30', '300'].map((phone) => client.query({ phone }));
    const [first, second, last] = await Promise.all(typed);
    expect(first).toBeNull();
    expect(second).toBeNull();
    expect(Array.from(last!)).toEqual(
      Array.from(createReportIndex(TEST_COLUMNS, rows).query({ phone: '300' })),
    );
  });

  it('answers queries while warming up, between two cache builds', async () => {
    const client = createEngineClient(inProcessPort());
    await client.load(TEST_COLUMNS, rows);
    const finished: string[] = [];
    const warm = client.warm().then(() => finished.push('warm'));
    const query = client.query({ phone: '57' }).then(() => finished.push('query'));
    await Promise.all([warm, query]);
    expect(finished).toEqual(['query', 'warm']);
  });

  it('reports errors instead of hanging', async () => {
    const client = createEngineClient(inProcessPort());
    await expect(client.sort([])).rejects.toThrow('No report loaded');
    await client.load(TEST_COLUMNS, rows);
    await expect(client.facets('nope')).rejects.toThrow('Unknown column "nope"');
  });
});
