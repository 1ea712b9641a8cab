import { REPORTS, findReport, type ReportDef } from '../report-model/catalog';
import { DAY, SECOND, type TimeRange } from '../report-model/time-range';
import { REPORTS_PATH } from '../report-model/wire/build-request';
import { parseWireDate } from '../report-model/wire/wire-date';
import { DEFAULT_ROWS_PER_DAY, generateWireRows } from './generate-report';
import type { Timeline } from './timeline';
import { CONNECTORS } from './vocabulary';

/**
 * The one fake wolkvox: what its API answers to a request, as status, headers
 * and body text, with no transport. The MSW handlers (the dev app on mocks and
 * the jsdom tests), the Node HTTP fake (test/fake-wolkvox/server.ts) and the
 * loader tests all ask it.
 *
 * Real format and quirks (../../../shared/docs/wolkvox-reports.md §2 and §5):
 * the `{code, error, msg, data}` envelope with every value a string and `code`
 * alternately a number and a string; HTTP 404 "Validate dates entered" for no
 * rows; at most 31 days and the first 60,000 rows per call; wolkvox's published
 * error answers (§5.1), matched by their `msg`; a daily quota of calls (§5.2)
 * and `information.php?api=token_info`.
 *
 * Where wolkvox's answer is not documented, this fake decides (tests may rely on it):
 * - Over 31 days: HTTP 406 "The maximum range to consult is 31 days"; dates that
 *   are not real 14-digit date-times, or an end before the start: HTTP 406
 *   "Validate dates entered" (406 is the API's "invalid input" code). Loud on
 *   purpose: the client never sends them, and a 404 would read as "no rows".
 * - The 2-simultaneous-calls limit counts report calls (where it is documented);
 *   `information.php` calls count against the quota only. A call holds its slot
 *   from admission until its transport releases it (answer written, or client gone).
 * - The quota counts every admitted call (not the ones refused: busy, quota,
 *   token); `token_info` is answered even when the quota is used up (a supervisor
 *   must be able to see when it restarts), and then costs nothing. The day restarts
 *   at midnight of the operation's time (GMT-5).
 * - A method other than GET: 405; a path it does not serve: an HTML 404 page.
 */

export const INFORMATION_PATH = '/api/v2/information.php';
export const MAX_RANGE_DAYS = 31;
export const MAX_ROWS_PER_CALL = 60_000;
export const MAX_SIMULTANEOUS = 2;
/** The published example's limit (§5.2). */
export const DAILY_QUOTA = 4_800;
/** The operation's offset from UTC: its day (and the quota's) starts at its midnight. */
const OPERATION_OFFSET_MS = -5 * 3_600_000;

/** wolkvox's published error messages (§5.1). */
export const WOLKVOX_MESSAGES = {
  noToken: 'PLEASE ENTER THE WOLKVOX-TOKEN',
  badToken: 'PLEASE VALIDATE TOKEN',
  busy: 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
  quota: 'TOKEN LIMIT EXCEEDED',
  unknownApi: 'THE API YOU WANT TO CONSULT DOES NOT EXIST',
  missing: 'SOME PARAMETERS ARE REQUIRED',
  noRows: 'Validate dates entered',
} as const;

/** The page wolkvox answers (HTTP 403) while API consumption is disabled for backups. */
export const MAINTENANCE_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.</p>\n</body></html>\n';

export interface WolkvoxRequest {
  method?: string;
  url: string | URL;
  /** The `wolkvox-token` header, null or undefined when absent. */
  token?: string | null;
}

export interface WolkvoxAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Rows in a report answer. */
  rows?: number;
}

/** Where a fake wolkvox's report rows come from. */
export interface RowSource {
  /** Wire rows of `report` in `range` (inclusive), in the API's order, at most `limit`. */
  rows(report: ReportDef, range: TimeRange, limit: number): Record<string, unknown>[];
  /** The same as JSON text (a list) and its length, when the source can write it faster. */
  json?(report: ReportDef, range: TimeRange, limit: number): { rows: number; json: string };
}

/** The mock operation's rows, generated per day (the dev app on mocks). */
export function generatedRows(rowsPerDay = DEFAULT_ROWS_PER_DAY): RowSource {
  return {
    rows: (report, range, limit) => generateWireRows(report, range, rowsPerDay).slice(0, limit),
  };
}

/** Rows at chosen instants (see timeline.ts). */
export function timelineRows(timeline: Timeline): RowSource {
  return {
    rows: (report, range, limit) => {
      const { from, to } = timeline.span(range);
      return timeline.wireRows(report, from, Math.min(to, from + limit));
    },
    json: (report, range, limit) => {
      const { from, to } = timeline.span(range);
      const end = Math.min(to, from + limit);
      return { rows: end - from, json: timeline.wireJson(report, from, end) };
    },
  };
}

/** An operation with nothing in any period. */
export const noRows: RowSource = { rows: () => [] };

export interface WolkvoxApiOptions {
  /** The token it accepts (default "fake-token"). */
  token?: string;
  rows?: RowSource;
  /** Reports served (default every report of the catalog). */
  apis?: readonly string[];
  /** Days per call at most (default 31). */
  maxDays?: number;
  /** Rows per answer at most (default 60,000). */
  rowCap?: number;
  /** Simultaneous report calls per token (default 2). */
  maxSimultaneous?: number;
  /** Slots of the token held by other integrations (default 0). */
  heldElsewhere?: number;
  /** Calls per day (default 4,800). */
  dailyQuota?: number;
  /** Calls already made today by this token (default 0). */
  usedToday?: number;
  /** Calls made today by the operation's other tokens (for `all_token_today`). */
  otherTokensToday?: number;
  /** Answers the maintenance page to everything. */
  maintenance?: boolean;
  /** The clock (real ms since the epoch), for the quota's day. */
  now?: () => number;
}

export type Refusal =
  'maintenance' | 'not-found' | 'method' | 'no-token' | 'bad-token' | 'quota' | 'busy';

export type Admission =
  | { admitted: false; n: number; reason: Refusal; answer: WolkvoxAnswer }
  | { admitted: true; n: number; call: AdmittedCall };

export interface AdmittedCall {
  readonly endpoint: 'reports' | 'information';
  /** The `api` parameter. */
  readonly api: string | null;
  /** The requested period, when both dates are real date-times in order. */
  readonly range?: TimeRange;
  /** The error answer a malformed request gets (checked without reading rows). */
  readonly invalid?: WolkvoxAnswer;
  /** The answer (rows read now). */
  answer(): WolkvoxAnswer;
  /** Gives the call's slot back; idempotent. */
  release(): void;
}

export interface WolkvoxState {
  /** Requests seen, refused ones included. */
  requests: number;
  /** Report calls holding a slot now. */
  active: number;
  /** Most report calls holding a slot at once. */
  maxActive: number;
  /** Calls refused as a third simultaneous one. */
  refusedBusy: number;
  /** Calls counted against today's quota. */
  usedToday: number;
}

export interface WolkvoxApi {
  readonly state: WolkvoxState;
  readonly token: string;
  /** Checks a request, and takes its slot and its share of the quota when it passes. */
  admit(request: WolkvoxRequest): Admission;
  /** admit, answer and release at once (a call that takes no time). */
  answer(request: WolkvoxRequest): WolkvoxAnswer;
  setMaintenance(on: boolean): void;
  /** Sets today's use of the quota (a test's "the quota is nearly used"). */
  setUsedToday(calls: number): void;
}

export function createWolkvoxApi(options: WolkvoxApiOptions = {}): WolkvoxApi {
  const token = options.token ?? 'fake-token';
  const rows = options.rows ?? generatedRows();
  const apis = new Set(options.apis ?? REPORTS.map((report) => report.api));
  const maxDays = options.maxDays ?? MAX_RANGE_DAYS;
  const rowCap = options.rowCap ?? MAX_ROWS_PER_CALL;
  const maxSimultaneous = options.maxSimultaneous ?? MAX_SIMULTANEOUS;
  const heldElsewhere = options.heldElsewhere ?? 0;
  const dailyQuota = options.dailyQuota ?? DAILY_QUOTA;
  const now = options.now ?? Date.now;
  let maintenance = options.maintenance ?? false;
  let quotaDay = operationDay(now());
  const state: WolkvoxState = {
    requests: 0,
    active: 0,
    maxActive: 0,
    refusedBusy: 0,
    usedToday: options.usedToday ?? 0,
  };

  const rollDay = () => {
    const today = operationDay(now());
    if (today !== quotaDay) {
      quotaDay = today;
      state.usedToday = 0;
    }
  };

  const admit = (request: WolkvoxRequest): Admission => {
    const n = ++state.requests;
    const refuse = (reason: Refusal, answer: WolkvoxAnswer): Admission => ({
      admitted: false,
      n,
      reason,
      answer,
    });
    const wire = envelopes(n);
    if (maintenance) return refuse('maintenance', tableAnswer('maintenance', n));
    const url = new URL(request.url, 'http://wolkvox');
    const endpoint = url.pathname.endsWith(REPORTS_PATH)
      ? 'reports'
      : url.pathname.endsWith(INFORMATION_PATH)
        ? 'information'
        : undefined;
    if (!endpoint) return refuse('not-found', htmlAnswer(404, 'Not Found'));
    if ((request.method ?? 'GET').toUpperCase() !== 'GET')
      return refuse('method', wire.error(405, 'Method Not Allowed', 'Use GET'));
    if (!request.token) return refuse('no-token', tableAnswer('no-token', n));
    if (request.token !== token) return refuse('bad-token', tableAnswer('bad-token', n));
    const api = url.searchParams.get('api');
    const tokenInfo = endpoint === 'information' && api === 'token_info';
    rollDay();
    const quotaLeft = state.usedToday < dailyQuota;
    if (!quotaLeft && !tokenInfo) return refuse('quota', tableAnswer('quota', n));
    const counted = endpoint === 'reports';
    if (counted && state.active + heldElsewhere >= maxSimultaneous) {
      state.refusedBusy++;
      return refuse('busy', tableAnswer('busy', n));
    }

    if (quotaLeft) state.usedToday++;
    let held = false;
    if (counted) {
      held = true;
      state.active++;
      state.maxActive = Math.max(state.maxActive, state.active);
    }
    const start = parseWireDate(url.searchParams.get('date_ini') ?? '');
    const end = parseWireDate(url.searchParams.get('date_end') ?? '');
    const range =
      start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
    const invalid = endpoint === 'reports' ? checkReport(url, range, wire) : undefined;
    return {
      admitted: true,
      n,
      call: {
        endpoint,
        api,
        range: endpoint === 'reports' ? range : undefined,
        invalid,
        answer: () =>
          endpoint !== 'reports'
            ? answerInformation(api, wire)
            : (invalid ?? answerReport(findReport(Number(api!.slice(5)))!, range!, wire)),
        release: () => {
          if (!held) return;
          held = false;
          state.active--;
        },
      },
    };
  };

  function checkReport(
    url: URL,
    range: TimeRange | undefined,
    wire: Envelopes,
  ): WolkvoxAnswer | undefined {
    const api = url.searchParams.get('api');
    const ini = url.searchParams.get('date_ini');
    const fin = url.searchParams.get('date_end');
    if (!api || !ini || !fin) return wire.error(400, 'Bad Request', WOLKVOX_MESSAGES.missing);
    const report = apis.has(api) ? findReport(Number(/^chat_(\d+)$/.exec(api)?.[1])) : undefined;
    if (!report) return wire.error(400, 'Bad Request', WOLKVOX_MESSAGES.unknownApi);
    if (!range) return wire.error(406, 'Not Acceptable', WOLKVOX_MESSAGES.noRows);
    if (Math.ceil((range.end + SECOND - range.start) / DAY) > maxDays)
      return wire.error(406, 'Not Acceptable', `The maximum range to consult is ${maxDays} days`);
    return undefined;
  }

  function answerReport(report: ReportDef, range: TimeRange, wire: Envelopes): WolkvoxAnswer {
    if (rows.json) {
      const { rows: count, json } = rows.json(report, range, rowCap);
      if (count === 0) return wire.error(404, 'Not Found', WOLKVOX_MESSAGES.noRows, []);
      return { ...wire.okJson(`${count} records were found`, json), rows: count };
    }
    const data = rows.rows(report, range, rowCap);
    if (data.length === 0) return wire.error(404, 'Not Found', WOLKVOX_MESSAGES.noRows, []);
    return { ...wire.ok(`${data.length} records were found`, data), rows: data.length };
  }

  function answerInformation(api: string | null, wire: Envelopes): WolkvoxAnswer {
    if (!api) return wire.error(400, 'Bad Request', WOLKVOX_MESSAGES.missing);
    if (api === 'connectors') {
      const data = CONNECTORS.map((connector, i) => ({
        connector_id: connector.id,
        rp_id: String(11 + i),
        name: connector.name,
        channel: 'whatsapp',
      }));
      return wire.ok(`${data.length} records were found`, data);
    }
    if (api === 'token_info') {
      const today = now();
      const restart = (operationDay(today) + 1) * DAY - OPERATION_OFFSET_MS;
      const all = state.usedToday + (options.otherTokensToday ?? 0);
      return wire.ok('1 records were found', [
        {
          description: 'Reports dashboard',
          token_limit: String(dailyQuota),
          token_use_today: String(state.usedToday),
          all_token_today: String(all),
          available_consumption_options: String(Math.max(0, dailyQuota - state.usedToday)),
          hours_to_restart_count: String(Math.ceil((restart - today) / 3_600_000)),
        },
      ]);
    }
    return wire.error(400, 'Bad Request', WOLKVOX_MESSAGES.unknownApi);
  }

  return {
    state,
    token,
    admit,
    answer: (request) => {
      const admission = admit(request);
      if (!admission.admitted) return admission.answer;
      try {
        return admission.call.answer();
      } finally {
        admission.call.release();
      }
    },
    setMaintenance: (on) => {
      maintenance = on;
    },
    setUsedToday: (calls) => {
      rollDay();
      state.usedToday = calls;
    },
  };
}

// ---- answers -------------------------------------------------------------------------------

const JSON_TYPE = 'application/json; charset=utf-8';
/** The real API answers any origin (a captured answer, §2.5). */
const CORS = { 'access-control-allow-origin': '*' };

interface Envelopes {
  ok(msg: string, data: unknown[]): WolkvoxAnswer;
  /** `data` given as JSON text. */
  okJson(msg: string, data: string): WolkvoxAnswer;
  error(status: number, error: string, msg: string, data?: unknown[]): WolkvoxAnswer;
}

/** Envelopes of the `n`th request: `code` a number on odd requests, a string on even ones. */
export function envelopes(n: number): Envelopes {
  const code = (status: number) => (n % 2 === 0 ? String(status) : status);
  const json = (status: number, body: unknown): WolkvoxAnswer => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...CORS },
    body: JSON.stringify(body),
  });
  return {
    ok: (msg, data) => json(200, { code: code(200), error: null, msg, data }),
    okJson: (msg, data) => {
      const head = JSON.stringify({ code: code(200), error: null, msg });
      return {
        status: 200,
        headers: { 'content-type': JSON_TYPE, ...CORS },
        body: `${head.slice(0, -1)},"data":${data}}`,
      };
    },
    error: (status, error, msg, data) =>
      json(status, { code: code(status), error, msg, ...(data ? { data } : {}) }),
  };
}

/** An answer of wolkvox's published error table, as the `n`th request gets it. */
export function tableAnswer(
  answer: 'no-token' | 'bad-token' | 'busy' | 'quota' | 'maintenance',
  n: number,
): WolkvoxAnswer {
  const wire = envelopes(n);
  switch (answer) {
    case 'no-token':
      return wire.error(401, 'Unauthorized', WOLKVOX_MESSAGES.noToken);
    case 'bad-token':
      return wire.error(403, 'Forbidden', WOLKVOX_MESSAGES.badToken);
    case 'busy':
      return wire.error(403, 'Forbidden', WOLKVOX_MESSAGES.busy);
    case 'quota':
      return wire.error(403, 'Forbidden', WOLKVOX_MESSAGES.quota);
    case 'maintenance':
      return maintenanceAnswer();
  }
}

export function maintenanceAnswer(): WolkvoxAnswer {
  return {
    status: 403,
    headers: { 'content-type': 'text/html; charset=iso-8859-1', ...CORS },
    body: MAINTENANCE_PAGE,
  };
}

function htmlAnswer(status: number, title: string): WolkvoxAnswer {
  return {
    status,
    headers: { 'content-type': 'text/html', ...CORS },
    body: `<html><body><h1>${status} ${title}</h1></body></html>`,
  };
}

/** Days since the epoch in the operation's time. */
function operationDay(ms: number): number {
  return Math.floor((ms + OPERATION_OFFSET_MS) / DAY);
}
