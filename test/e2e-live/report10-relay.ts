import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A thin relay in front of the fake wolkvox server (test/fake-wolkvox/server.ts),
 * standing where wolkvox would be for the proxy under test:
 *
 *   Chromium ──► vite preview (proxy adds wolkvox-token) ──► this relay ──► fake wolkvox
 *
 * It passes every call through untouched (the fake answers each report in its own
 * columns, and `information.php`): status, content type, malformed bodies, dropped
 * connections, a client that goes away (the upstream call is then abandoned too,
 * so the fake's concurrency count stays true). What it adds is a record of every
 * call the proxy makes to wolkvox, any endpoint: the `wolkvox-token` header, a
 * cookie that should not be there, and how many calls were in flight together.
 */
export interface RelayCall {
  path: string;
  api: string | null;
  method: string;
  /** The `wolkvox-token` header was there… */
  tokenPresent: boolean;
  /** …and equal to the configured token. */
  tokenMatches: boolean;
  /** A cookie reached wolkvox (the proxy is meant to strip them). */
  cookie: boolean;
  /** Calls in progress at the relay when this one arrived, itself included, all endpoints. */
  inFlightAtArrival: number;
}

export interface RelayStats {
  calls: RelayCall[];
  /** Calls in progress now, all wolkvox endpoints together. */
  inFlight: number;
  /** Most calls in progress at once, all endpoints together (reports and connectors). */
  maxInFlight: number;
}

export interface Relay {
  url: string;
  stats: RelayStats;
  close(): Promise<void>;
}

const REPORTS_PATH = '/api/v2/reports_manager.php';
const INFORMATION_PATH = '/api/v2/information.php';

export async function startReport10Relay({
  upstream,
  token,
}: {
  /** The fake's base URL. */
  upstream: string;
  /** The token the fake accepts (the relay only records whether calls carried it). */
  token: string;
}): Promise<Relay> {
  const target = new URL(upstream);
  const stats: RelayStats = { calls: [], inFlight: 0, maxInFlight: 0 };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const header = req.headers['wolkvox-token'];
    const call: RelayCall = {
      path: url.pathname,
      api: url.searchParams.get('api'),
      method: req.method ?? '',
      tokenPresent: header !== undefined,
      tokenMatches: header === token,
      cookie: req.headers.cookie !== undefined,
      inFlightAtArrival: stats.inFlight + 1,
    };
    stats.calls.push(call);
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let ended = false;
    res.once('close', () => {
      if (ended) return;
      ended = true;
      stats.inFlight--;
    });

    if (url.pathname !== REPORTS_PATH && url.pathname !== INFORMATION_PATH) {
      res.writeHead(404, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>404 Not Found</h1></body></html>');
    }

    const headers = { ...req.headers, host: target.host };
    const upstreamReq = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (upstreamRes) => {
        const parts: Buffer[] = [];
        upstreamRes.on('data', (part: Buffer) => parts.push(part));
        upstreamRes.on('error', () => req.socket.destroy());
        upstreamRes.on('end', () => {
          if (res.destroyed) return;
          const body = Buffer.concat(parts);
          res.writeHead(upstreamRes.statusCode ?? 502, {
            'content-type': upstreamRes.headers['content-type'] ?? 'application/octet-stream',
          });
          res.end(body);
        });
      },
    );
    // The fake dropped the connection: drop ours too, as a network failure would.
    upstreamReq.on('error', () => req.socket.destroy());
    // The client (the proxy) went away: abandon the upstream call as well.
    res.once('close', () => {
      if (!res.writableFinished) upstreamReq.destroy();
    });
    req.pipe(upstreamReq);
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
