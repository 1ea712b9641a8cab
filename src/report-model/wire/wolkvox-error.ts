/**
 * Why a report call failed, in the terms a supervisor can act on. wolkvox answers
 * three different 403s that need three different reactions, so the kind is read
 * from the answer's `msg` (its published "API response codes" table), not from
 * the status alone.
 */
export type WolkvoxErrorKind =
  | 'config' // 401 "PLEASE ENTER THE WOLKVOX-TOKEN": the server sent no token
  | 'token' // 403 "PLEASE VALIDATE TOKEN": wrong token, or the server's IP is not allow-listed
  | 'busy' // 403 "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS…", or 429: retry later
  | 'quota' // 403 "TOKEN LIMIT EXCEEDED": the token's daily quota is used up
  | 'maintenance' // 403 HTML "Forbidden": wolkvox's backup window
  | 'unknown-report' // 400 "THE API YOU WANT TO CONSULT DOES NOT EXIST"
  | 'invalid' // other 400/406: the API refused the parameters
  | 'server' // 5xx
  | 'timeout' // no answer within the limit
  | 'network' // no HTTP answer at all
  | 'malformed'; // an answer that is not the wolkvox envelope

/**
 * Our own description of a failure (when wolkvox said nothing we could quote), as a code and
 * its values: the page says it in the user's language; `message` keeps it in English for logs.
 * Values such as `page` and `cause` are quoted as they came (a server's page, the browser's
 * words).
 */
export type WolkvoxErrorReason =
  | { code: 'status'; status: number; page?: string }
  | { code: 'notJson'; page: string }
  | { code: 'notEnvelope' }
  | { code: 'rowNotObject'; row: number }
  | { code: 'noDataList'; msg: string }
  | { code: 'dataNotList'; type: string }
  | { code: 'unreachable'; cause?: string }
  | { code: 'noAnswer'; seconds: number };

export class WolkvoxError extends Error {
  override readonly name = 'WolkvoxError';

  constructor(
    readonly kind: WolkvoxErrorKind,
    /** The API's own `msg` when it gave one, otherwise our description (English). */
    message: string,
    readonly status?: number,
    /** Set when `message` is ours, not wolkvox's: what the page words in the user's language. */
    readonly reason?: WolkvoxErrorReason,
  ) {
    super(message);
  }

  /** Worth another try later: the same request may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** Every other call of the load would fail the same way: stop at once. */
  get stopsLoad(): boolean {
    return STOPS_LOAD.has(this.kind);
  }
}

const RETRYABLE = new Set<WolkvoxErrorKind>([
  'server',
  'timeout',
  'network',
  'busy',
  'maintenance',
]);
const STOPS_LOAD = new Set<WolkvoxErrorKind>(['config', 'token', 'quota', 'unknown-report']);

/** wolkvox's published messages (trimmed, upper case) and what each means. */
const BY_MESSAGE: ReadonlyArray<[RegExp, WolkvoxErrorKind]> = [
  [/^PLEASE ENTER THE WOLKVOX-TOKEN$/, 'config'],
  [/^PLEASE VALIDATE TOKEN$/, 'token'],
  [/^EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN/, 'busy'],
  [/^TOKEN LIMIT EXCEEDED$/, 'quota'],
  [/^THE API YOU WANT TO CONSULT DOES NOT EXIST$/, 'unknown-report'],
];

/**
 * The kind of a JSON error answer: by wolkvox's message first; an unknown message
 * falls back to the status (and keeps the message, which the page quotes).
 */
export function errorKindForAnswer(status: number, msg: string): WolkvoxErrorKind {
  const text = msg.trim().toUpperCase();
  for (const [pattern, kind] of BY_MESSAGE) if (pattern.test(text)) return kind;
  return errorKindForStatus(status);
}

/**
 * The kind of an answer that is not JSON. wolkvox's maintenance window answers a
 * plain HTML 403 "Forbidden"; a 401/403 page from anything else (a proxy in
 * between) is not wolkvox judging the token, so it is not reported as one.
 */
export function errorKindForPage(status: number): WolkvoxErrorKind {
  if (status === 403) return 'maintenance';
  return errorKindForStatus(status);
}

function errorKindForStatus(status: number): WolkvoxErrorKind {
  if (status === 401) return 'config';
  if (status === 403) return 'token';
  if (status === 429) return 'busy';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'invalid';
}
