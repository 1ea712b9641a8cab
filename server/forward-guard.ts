import { REPORTS_PATH } from '../src/report-model/wire/build-request.ts';
import { COLUMNS_MEDIA_TYPE } from '../src/report-model/wire/column-chunk-binary.ts';
import { parseWireDate } from '../src/report-model/wire/wire-date.ts';

/**
 * What may be forwarded to wolkvox with the operation's token: written once, used by
 * the production server (server/forward.ts) and by the Vite dev proxy
 * (vite/wolkvox-proxy.ts, `npm run dev:live`).
 *
 * Only the calls the app makes:
 * - `reports_manager.php` with `api=chat_1` … `chat_16`, `date_ini` and `date_end`,
 *   each exactly once, each 14 digits of a real date-time;
 * - `information.php` with exactly `api=connectors` or `api=token_info`.
 * Nothing else: no other api, no extra or repeated parameter (PHP reads the last of a
 * repeated parameter, a checker the first), no other method, no other site.
 *
 * The upstream path is rebuilt from the parsed parameters, never passed through, so
 * what wolkvox receives is exactly what was checked.
 */
export const PROXY_PREFIX = '/wolkvox';
export const INFORMATION_PATH = '/api/v2/information.php';
const REPORT_API = /^chat_(?:[1-9]|1[0-6])$/;
const INFORMATION_APIS = new Set(['connectors', 'token_info']);

export interface ForwardRequest {
  method?: string;
  /** The path and query as the client sent it (starting with /wolkvox/). */
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

export type ForwardDecision =
  | {
      ok: true;
      /** Path and query to request from the wolkvox server (without /wolkvox). */
      upstreamPath: string;
      api: string;
      /** date_ini / date_end as sent (reports only). */
      from?: string;
      to?: string;
    }
  | { ok: false; status: 403 | 404 | 405; msg: string };

const refuse = (status: 403 | 404 | 405, msg: string): ForwardDecision => ({
  ok: false,
  status,
  msg,
});

export function checkForward(request: ForwardRequest): ForwardDecision {
  if (request.method !== 'GET') return refuse(405, 'Only GET is forwarded');
  if (isCrossSite(request.headers)) return refuse(403, 'Cross-site requests are not forwarded');
  const url = request.url ?? '';
  const question = url.indexOf('?');
  const path = question < 0 ? url : url.slice(0, question);
  const query = question < 0 ? '' : url.slice(question + 1);
  if (query.includes('#')) return refuse(404, 'This request is not forwarded to wolkvox');
  const params = parseQuery(query);
  if (!params) return refuse(404, 'Repeated or malformed parameters are not forwarded');

  if (path === PROXY_PREFIX + REPORTS_PATH) {
    const { api, date_ini: from, date_end: to } = params;
    if (Object.keys(params).length !== 3 || !api || !from || !to)
      return refuse(404, 'A report call takes exactly api, date_ini and date_end');
    if (!REPORT_API.test(api))
      return refuse(404, 'Only the chat_1 … chat_16 reports are forwarded');
    if (parseWireDate(from) === undefined || parseWireDate(to) === undefined)
      return refuse(404, 'date_ini and date_end must be YYYYmmddHHiiss');
    const upstream = new URLSearchParams({ api, date_ini: from, date_end: to });
    return { ok: true, upstreamPath: `${REPORTS_PATH}?${upstream.toString()}`, api, from, to };
  }
  if (path === PROXY_PREFIX + INFORMATION_PATH) {
    const { api } = params;
    if (Object.keys(params).length !== 1 || !api || !INFORMATION_APIS.has(api))
      return refuse(404, 'Only api=connectors and api=token_info are forwarded');
    return { ok: true, upstreamPath: `${INFORMATION_PATH}?api=${api}`, api };
  }
  return refuse(404, 'This request is not forwarded to wolkvox');
}

/** name → value, or null when a name repeats or a part cannot be decoded. */
function parseQuery(query: string): Record<string, string> | null {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  if (query === '') return params;
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((equals < 0 ? part : part.slice(0, equals)).replace(/\+/g, ' '));
      value = equals < 0 ? '' : decodeURIComponent(part.slice(equals + 1).replace(/\+/g, ' '));
    } catch {
      return null;
    }
    // `api[]=…` and `api%5B%5D` are PHP arrays: as good as a repeated name.
    if (name === '' || name.includes('[') || name in params) return null;
    params[name] = value;
  }
  return params;
}

/** Another site making a signed-in supervisor's browser spend the token. */
function isCrossSite(headers: ForwardRequest['headers']): boolean {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  const host = headers.host;
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  return typeof origin === 'string' && origin !== `http://${host}` && origin !== `https://${host}`;
}

/**
 * The one header of the client's request the server reads besides sign-in, Refresh
 * (`cache-control`) and compression: whether its `Accept` names the compact form
 * (`application/vnd.wolkvox-columns`, not with q=0), in which a report answer read complete
 * is then sent. It is never forwarded: wolkvox still gets `upstreamRequestHeaders` alone.
 */
export function acceptsColumns(accept: string | string[] | undefined): boolean {
  return acceptsAny(accept, [COLUMNS_MEDIA_TYPE]);
}

/** Whether an Accept-style header lists one of `names` (lower case), and not with q=0. */
export function acceptsAny(header: string | string[] | undefined, names: string[]): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!names.includes(name?.trim() ?? '')) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Headers sent to wolkvox: these, built afresh; nothing of the client's (cookies, X-Forwarded-For …). */
export function upstreamRequestHeaders(token: string): Record<string, string> {
  return { accept: 'application/json', 'wolkvox-token': token };
}

/**
 * Headers of wolkvox's answer that reach the page. Not Set-Cookie, Location, Refresh,
 * nor CORS headers (Access-Control-*): the page is same-origin and wolkvox's cookies or
 * redirects are not the app's.
 */
export const PASSED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'retry-after',
  'date',
]);
