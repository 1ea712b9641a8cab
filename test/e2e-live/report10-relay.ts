import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A thin relay in front of the fake wolkvox server (test/fake-wolkvox/server.ts),
 * standing where wolkvox would be for the Vite proxy:
 *
 *   Chromium ──► vite preview (proxy adds wolkvox-token) ──► this relay ──► fake wolkvox
 *
 * Why: the fake answers every report with the same chat-like rows (conn_id,
 * channel, date, customer_name, …), while report 10 (`chat_10`) has its own
 * columns: conn_id, session_id, date, customer_phone, template, destiny. The
 * relay rewrites each row of a `chat_10` answer into those columns (all strings,
 * as wolkvox sends them) and passes everything else through untouched: status,
 * content type, malformed bodies, dropped connections, a client that goes away
 * (the upstream call is then abandoned too, so the fake's concurrency count stays
 * true). It also answers `information.php?api=connectors`, which the fake does
 * not serve, and records the `wolkvox-token` header of every call it sees.
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

/** Official WhatsApp connectors of the pretend operation (as in src/mocks/vocabulary.ts). */
export const CONNECTORS = [
  { id: '3581', name: 'Ventas Colombia' },
  { id: '3582', name: 'Servicio al cliente' },
  { id: '3597', name: 'Cobranzas' },
  { id: '3610', name: 'Marketing México' },
] as const;
const DESTINIES = ['Colombia', 'México', 'Perú', 'Chile', 'Ecuador', 'Argentina', 'España'];
const OPERATION = 'livetest';

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

    if (url.pathname === INFORMATION_PATH) return connectors(res, call);
    if (url.pathname !== REPORTS_PATH) {
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
          const raw = Buffer.concat(parts);
          const body = call.api === 'chat_10' ? asReport10(upstreamRes.statusCode, raw) : raw;
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

  function connectors(res: ServerResponse, call: RelayCall) {
    const reply = (status: number, envelope: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(envelope));
    };
    if (!call.tokenMatches)
      return reply(401, { code: 401, error: 'Unauthorized', msg: 'Invalid token' });
    if (call.api !== 'connectors')
      return reply(404, { code: 404, error: 'Not Found', msg: 'No records' });
    const data = CONNECTORS.map((connector, i) => ({
      connector_id: connector.id,
      rp_id: String(11 + i),
      name: connector.name,
      channel: 'whatsapp',
    }));
    return reply(200, { code: '200', error: null, msg: `${data.length} records were found`, data });
  }

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

/**
 * A `chat_10` answer with each row in report 10's columns. Anything that is not a
 * 200 wolkvox envelope with a list of rows (errors, HTML, cut JSON) is passed on
 * byte for byte: the app must see the fault exactly as the fake made it.
 */
function asReport10(status: number | undefined, raw: Buffer): Buffer {
  if (status !== 200) return raw;
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw.toString('utf8'));
  } catch {
    return raw;
  }
  if (!isRecord(envelope) || !Array.isArray(envelope.data)) return raw;
  const data = envelope.data.map((row: unknown) => (isRecord(row) ? report10Row(row) : row));
  return Buffer.from(JSON.stringify({ ...envelope, data }), 'utf8');
}

/** conn_id, session_id, date, customer_phone, template, destiny: every value a string. */
function report10Row(row: Record<string, unknown>): Record<string, string> {
  const connId = String(row.conn_id);
  const phone = String(row.customer_phone);
  const h = hash(connId);
  const connector = CONNECTORS[h % CONNECTORS.length]!;
  return {
    conn_id: connId,
    session_id: `${phone}.${OPERATION}.${connector.id}`,
    date: String(row.date),
    customer_phone: phone,
    template: (h >>> 4) % 100 < 60 ? 'yes' : 'no',
    destiny: DESTINIES[(h >>> 9) % DESTINIES.length]!,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hash(text: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  return x >>> 0;
}
