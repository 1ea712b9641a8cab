import { delay, http, HttpResponse } from 'msw';
import { REPORTS_PATH } from '../report-model/wire/build-request';
import { DEFAULT_ROWS_PER_DAY } from './generate-report';
import type { MockConfig } from './scenarios';
import {
  createWolkvoxApi,
  DAILY_QUOTA,
  generatedRows,
  INFORMATION_PATH,
  noRows,
  type WolkvoxAnswer,
} from './wolkvox-api';

/** The proxy's path: the app calls /wolkvox/api/v2/..., the proxy forwards to wolkvox. */
const REPORTS_URL = `*/wolkvox${REPORTS_PATH}`;
const INFORMATION_URL = `*/wolkvox${INFORMATION_PATH}`;
/** The token the (absent) proxy would add: the handlers stand for the proxy and wolkvox. */
const MOCK_TOKEN = 'mock-token';

/**
 * One handler set for the browser worker and the test server, answered by the one
 * fake wolkvox (wolkvox-api.ts). The limit of 2 simultaneous calls is not applied
 * in the normal scenarios: MSW cannot see a request the page gave up on, so its slot
 * would stay taken; `busy` applies it, with one slot held by another integration.
 */
export function wolkvoxHandlers(config: MockConfig = { scenario: 'normal' }) {
  const { scenario } = config;
  const rowsPerDay = (config.rowsPerDay ?? DEFAULT_ROWS_PER_DAY) * (scenario === 'large' ? 50 : 1);
  const wolkvox = createWolkvoxApi({
    token: MOCK_TOKEN,
    rows: scenario === 'empty' ? noRows : generatedRows(rowsPerDay),
    maxSimultaneous: scenario === 'busy' ? 2 : Number.POSITIVE_INFINITY,
    heldElsewhere: scenario === 'busy' ? 1 : 0,
    usedToday: scenario === 'quota' ? DAILY_QUOTA : 0,
    maintenance: scenario === 'maintenance',
  });

  const answer = async ({ request }: { request: Request }) => {
    const admission = wolkvox.admit({
      method: request.method,
      url: request.url,
      token: scenario === 'token' ? 'not-the-token' : MOCK_TOKEN,
    });
    try {
      await delay(scenario === 'slow' ? (config.slowMs ?? 4000) : undefined);
      if (!admission.admitted) return response(admission.answer);
      // Faults of what stands between the app and wolkvox, not wolkvox answers.
      if (scenario === 'error')
        return HttpResponse.json(
          { code: 500, error: 'Internal Server Error', msg: 'Error consulting the database' },
          { status: 500 },
        );
      if (scenario === 'malformed')
        return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      return response(admission.call.answer());
    } finally {
      if (admission.admitted) admission.call.release();
    }
  };

  return [http.get(REPORTS_URL, answer), http.get(INFORMATION_URL, answer)];
}

function response(answer: WolkvoxAnswer): HttpResponse<string> {
  return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
}
