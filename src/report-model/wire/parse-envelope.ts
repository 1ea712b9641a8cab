import { isRecord } from '../../shared/is-record';
import {
  WolkvoxError,
  errorKindForAnswer,
  errorKindForPage,
  type WolkvoxErrorKind,
} from './wolkvox-error';

/**
 * Reads the wolkvox envelope `{code, error, msg, data}` into a list of raw rows.
 *
 * Tolerates what the real API does: `code` as number or string, `error` as null
 * or "null", `data` as an array or a single object, and HTTP 404 for "no records"
 * (with the misleading msg "Validate dates entered"), which is an empty result.
 * A 404 that is not a wolkvox envelope (an HTML page from a proxy) is an error:
 * treating it as "no data" would hide a broken deployment.
 */
export function parseEnvelope(status: number, body: string): unknown[] {
  return readEnvelope(status, body).rows;
}

/** wolkvox's own "no records" answer (HTTP 404, or `code` 404), read as in the docs. */
const NO_RECORDS = /^validate dates entered$/i;

export interface Envelope {
  rows: unknown[];
  /**
   * The answer said "not found" (404) and still carried rows. The rows are kept: a
   * contradictory answer is shown and said, never read as "no records" (rows lost).
   */
  notFound: boolean;
}

/**
 * parseEnvelope, telling also whether rows came with a 404. "No rows" is only
 * wolkvox's own answer: 404 with `msg` "Validate dates entered" and no rows. Any
 * other 404 (the proxy's refusal "This request is not forwarded to wolkvox", a
 * server's page) is an error that names itself.
 */
export function readEnvelope(status: number, body: string): Envelope {
  return readParsedEnvelope(status, readJson(body), body);
}

/**
 * readEnvelope of a body already parsed: `envelope` is JSON.parse of `body` (undefined when
 * `body` is not JSON). For the production server, which has parsed the answer once already.
 */
export function readParsedEnvelope(status: number, envelope: unknown, body: string): Envelope {
  if (envelope === undefined) {
    if (status >= 400) statusError(errorKindForPage(status), status, body);
    const page = snippet(body);
    throw new WolkvoxError('malformed', `The answer is not JSON (${page})`, status, {
      code: 'notJson',
      page,
    });
  }
  if (!isRecord(envelope)) {
    throw new WolkvoxError('malformed', 'The answer is JSON but not a wolkvox envelope', status, {
      code: 'notEnvelope',
    });
  }

  const code = envelope.code === undefined ? status : Number(String(envelope.code).trim());
  const msg = typeof envelope.msg === 'string' ? envelope.msg : '';
  const effective = Number.isFinite(code) && code !== 200 ? code : status;

  // "No such report" comes as a 400, or as a 404 on some deployments: the message decides.
  const kind = effective >= 400 ? errorKindForAnswer(effective, msg) : undefined;
  if (effective === 404 && kind === 'invalid') {
    const rows = rowsOf(envelope.data, msg, status, true);
    if (rows.length > 0) return { rows, notFound: true };
    if (NO_RECORDS.test(msg.trim())) return { rows: [], notFound: false };
  }
  if (kind) {
    if (!msg) statusError(kind, effective, '');
    throw new WolkvoxError(kind, msg, effective);
  }

  return { rows: rowsOf(envelope.data, msg, status, false), notFound: false };
}

/** The envelope's `data` as a list of raw rows (`missingOk`: no data is no rows). */
function rowsOf(data: unknown, msg: string, status: number, missingOk: boolean): unknown[] {
  if (Array.isArray(data)) {
    const bad = data.findIndex((row) => !isRecord(row));
    if (bad >= 0)
      throw new WolkvoxError('malformed', `Row ${bad + 1} of "data" is not an object`, status, {
        code: 'rowNotObject',
        row: bad + 1,
      });
    return data;
  }
  if (isRecord(data)) return [data];
  if (data === null || data === undefined || data === '') {
    // Some answers say "0 records were found" with no data at all.
    if (missingOk || /^\s*0\b/.test(msg)) return [];
    throw new WolkvoxError('malformed', `The answer has no "data" list (msg: "${msg}")`, status, {
      code: 'noDataList',
      msg,
    });
  }
  if (missingOk) return [];
  throw new WolkvoxError('malformed', `"data" is a ${typeof data}, not a list of rows`, status, {
    code: 'dataNotList',
    type: typeof data,
  });
}

function readJson(body: string): unknown {
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** An HTTP error with no wolkvox message: the status, and the page's text when it has one. */
function statusError(kind: WolkvoxErrorKind, status: number, body: string): never {
  const page = body.trim() ? snippet(body) : undefined;
  const tail = page === undefined ? '' : ` (${page})`;
  throw new WolkvoxError(kind, `The server answered HTTP ${status}${tail}`, status, {
    code: 'status',
    status,
    page,
  });
}

function snippet(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return 'empty body';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
