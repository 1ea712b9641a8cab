import { WolkvoxError, errorKindForStatus } from './wolkvox-error';

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
  const envelope = readJson(body);

  if (envelope === undefined) {
    if (status >= 400)
      throw new WolkvoxError(errorKindForStatus(status), describeStatus(status, body), status);
    throw new WolkvoxError('malformed', `The answer is not JSON (${snippet(body)})`, status);
  }
  if (!isRecord(envelope)) {
    throw new WolkvoxError('malformed', 'The answer is JSON but not a wolkvox envelope', status);
  }

  const code = envelope.code === undefined ? status : Number(String(envelope.code).trim());
  const msg = typeof envelope.msg === 'string' ? envelope.msg : '';
  const effective = Number.isFinite(code) && code !== 200 ? code : status;

  if (effective === 404) return [];
  if (effective >= 400) {
    throw new WolkvoxError(
      errorKindForStatus(effective),
      msg || describeStatus(effective, ''),
      effective,
    );
  }

  const data = envelope.data;
  if (Array.isArray(data)) {
    const bad = data.findIndex((row) => !isRecord(row));
    if (bad >= 0)
      throw new WolkvoxError('malformed', `Row ${bad + 1} of "data" is not an object`, status);
    return data;
  }
  if (isRecord(data)) return [data];
  if (data === null || data === undefined || data === '') {
    // Some answers say "0 records were found" with no data at all.
    if (/^\s*0\b/.test(msg)) return [];
    throw new WolkvoxError('malformed', `The answer has no "data" list (msg: "${msg}")`, status);
  }
  throw new WolkvoxError('malformed', `"data" is a ${typeof data}, not a list of rows`, status);
}

function readJson(body: string): unknown {
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeStatus(status: number, body: string): string {
  const tail = body.trim() ? ` (${snippet(body)})` : '';
  return `The server answered HTTP ${status}${tail}`;
}

function snippet(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return 'empty body';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
