import type { ForwardDecision } from './forward-guard';
import { PASSED_RESPONSE_HEADERS, upstreamRequestHeaders } from './forward-guard';

/**
 * Every call to wolkvox passes through `callWolkvox`: the one place where the token is
 * added, the call is timed and audited, and where the per-token gate and the
 * closed-period cache ("One token, a whole team": at most 2 calls per token, queued
 * fairly across users; CACHE_DIR …) will be inserted.
 */
export type AllowedCall = Extract<ForwardDecision, { ok: true }>;

export interface WolkvoxAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One line per upstream call. Never the token, never a phone number (none is in these fields). */
export interface AuditLine {
  time: string;
  user: string;
  api: string;
  from: string | null;
  to: string | null;
  status: number;
  rows: number | null;
  ms: number;
}

export interface WolkvoxClient {
  baseUrl: string;
  token: string;
  audit: (line: AuditLine) => void;
  /** wolkvox stops a query after 60 s; a little more before giving up. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function callWolkvox(
  client: WolkvoxClient,
  call: AllowedCall,
  user: string,
  signal: AbortSignal,
): Promise<WolkvoxAnswer> {
  const started = performance.now();
  let answer: WolkvoxAnswer;
  let rows: number | null = null;
  try {
    const response = await (client.fetch ?? fetch)(client.baseUrl + call.upstreamPath, {
      headers: upstreamRequestHeaders(client.token),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(client.timeoutMs ?? 65_000)]),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // fetch has already decoded the body: its length and encoding are ours to set.
      if (
        PASSED_RESPONSE_HEADERS.has(name) &&
        name !== 'content-length' &&
        name !== 'content-encoding'
      )
        headers[name] = value;
    });
    // A redirect from wolkvox (a login page, maintenance) is not the page's to follow.
    const status = response.status >= 300 && response.status < 400 ? 502 : response.status;
    answer = { status, headers, body };
    rows = countRows(response.status, body);
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const status = signal.aborted ? 499 : timedOut ? 504 : 502;
    const msg = signal.aborted
      ? 'The browser gave up on this call'
      : timedOut
        ? 'wolkvox did not answer in time'
        : 'Could not reach the wolkvox server';
    answer = {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: Buffer.from(JSON.stringify({ code: status, error: 'Bad Gateway', msg })),
    };
  }
  client.audit({
    time: new Date().toISOString(),
    user,
    api: call.api,
    from: call.from ?? null,
    to: call.to ?? null,
    status: answer.status,
    rows,
    ms: Math.round(performance.now() - started),
  });
  return answer;
}

/**
 * Rows in an answer, without parsing up to 256 MB again: wolkvox's `msg` says
 * "<n> records were found"; no rows is its 404. Unknown (null) otherwise.
 */
export function countRows(status: number, body: Buffer): number | null {
  if (status === 404) return 0;
  if (status !== 200) return null;
  const head = body.subarray(0, 2048).toString('utf8');
  const match = /"msg"\s*:\s*"\s*(\d+)\s+records?\b/i.exec(head);
  if (match) return Number(match[1]);
  const tail = body.subarray(Math.max(0, body.length - 2048)).toString('utf8');
  const late = /"msg"\s*:\s*"\s*(\d+)\s+records?\b/i.exec(tail);
  return late ? Number(late[1]) : null;
}

export function stdoutAudit(line: AuditLine): void {
  process.stdout.write(`${JSON.stringify({ audit: 'wolkvox-call', ...line })}\n`);
}
