import { delay, http, HttpResponse } from 'msw';
import { REPORTS_PATH } from '../report-model/wire/build-request';
import { DEFAULT_ROWS_PER_DAY } from './generate-report';
import type { MockConfig } from './scenarios';
import { CONNECTORS } from './vocabulary';
import { answerReportRequest } from './wire-answer';

/** The proxy's path: the app calls /wolkvox/api/v2/..., the proxy forwards to wolkvox. */
const REPORTS_URL = `*/wolkvox${REPORTS_PATH}`;
const INFORMATION_URL = '*/wolkvox/api/v2/information.php';

/** One handler set for the browser worker and the test server. */
export function wolkvoxHandlers(config: MockConfig = { scenario: 'normal' }) {
  return [
    http.get(REPORTS_URL, async ({ request }) => {
      await delay(config.scenario === 'slow' ? (config.slowMs ?? 4000) : undefined);
      switch (config.scenario) {
        case 'empty':
          return HttpResponse.json(
            { code: 404, error: 'Not Found', msg: 'Validate dates entered', data: [] },
            { status: 404 },
          );
        case 'error':
          return HttpResponse.json(
            { code: 500, error: 'Internal Server Error', msg: 'Error consulting the database' },
            { status: 500 },
          );
        case 'token':
          return HttpResponse.json(
            { code: 401, error: 'Unauthorized', msg: 'Invalid token' },
            { status: 401 },
          );
        case 'malformed':
          return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
            status: 200,
            headers: { 'content-type': 'text/html' },
          });
        default: {
          const rowsPerDay =
            (config.rowsPerDay ?? DEFAULT_ROWS_PER_DAY) * (config.scenario === 'large' ? 50 : 1);
          const { status, body } = answerReportRequest(new URL(request.url), rowsPerDay);
          return HttpResponse.json(body as Record<string, unknown>, { status });
        }
      }
    }),
    http.get(INFORMATION_URL, ({ request }) => {
      if (new URL(request.url).searchParams.get('api') !== 'connectors') {
        return HttpResponse.json(
          { code: 404, error: 'Not Found', msg: 'No records', data: [] },
          { status: 404 },
        );
      }
      const data = CONNECTORS.map((connector, i) => ({
        connector_id: connector.id,
        rp_id: String(11 + i),
        name: connector.name,
        channel: 'whatsapp',
      }));
      return HttpResponse.json({
        code: '200',
        error: null,
        msg: `${data.length} records were found`,
        data,
      });
    }),
  ];
}
