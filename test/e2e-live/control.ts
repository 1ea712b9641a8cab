import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TimeRange } from '../../src/report-model/time-range';
import type { FakeStats, FakeWolkvox, FaultRule } from '../fake-wolkvox/server';
import type { RelayStats } from './report10-relay';

/**
 * The fake wolkvox lives in vitest's main process (global setup); test files run
 * in a worker. This small HTTP endpoint, on its own port (the app and its proxy
 * never see it), lets a test read the fake's call log, change its faults and ask
 * which conn_ids a period holds.
 *
 *   GET  /stats             → { fake: FakeStats, relay: RelayStats, proxyErrors: string[] }
 *   POST /faults  [rules]   → the fake's setFaults
 *   GET  /ids?start=&end=   → conn_ids in that period (wall-clock ms, inclusive)
 */
export interface LiveStats {
  fake: FakeStats;
  relay: RelayStats;
  /** "http proxy error" lines the preview servers logged (e.g. a dropped connection). */
  proxyErrors: string[];
  /** stdout and stderr lines of the production server with the right token (LIVE_TARGET=server). */
  serverOutput: string[];
}

export async function startControl(
  fake: FakeWolkvox,
  relay: { stats: RelayStats },
  proxyErrors: string[],
  serverOutput: string[] = [],
): Promise<{ url: string; close(): Promise<void> }> {
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://control');
    if (req.method === 'GET' && url.pathname === '/stats') {
      const stats: LiveStats = { fake: fake.stats, relay: relay.stats, proxyErrors, serverOutput };
      return json(res, stats);
    }
    if (req.method === 'GET' && url.pathname === '/ids') {
      const range = {
        start: Number(url.searchParams.get('start')),
        end: Number(url.searchParams.get('end')),
      };
      return json(res, fake.idsIn(range));
    }
    if (req.method === 'POST' && url.pathname === '/faults') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (part: string) => (body += part));
      req.on('end', () => {
        fake.setFaults(JSON.parse(body) as FaultRule[]);
        json(res, { ok: true });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The test side of the control endpoint. */
export function controlClient(base: string) {
  return {
    stats: async (): Promise<LiveStats> =>
      (await fetch(`${base}/stats`)).json() as Promise<LiveStats>,
    setFaults: async (rules: readonly FaultRule[]): Promise<void> => {
      const response = await fetch(`${base}/faults`, {
        method: 'POST',
        body: JSON.stringify(rules),
      });
      if (!response.ok) throw new Error(`setFaults: HTTP ${response.status}`);
    },
    idsIn: async (range: TimeRange): Promise<string[]> =>
      (await fetch(`${base}/ids?start=${range.start}&end=${range.end}`)).json() as Promise<
        string[]
      >,
  };
}
