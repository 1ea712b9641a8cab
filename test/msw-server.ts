import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { wolkvoxHandlers } from '../src/mocks/handlers';
import type { MockConfig } from '../src/mocks/scenarios';

/** No deployment rate card (`/rate-card.json` beside the app) unless a test gives one. */
const noDeployedRateCard = http.get(
  '*/rate-card.json',
  () => new HttpResponse(null, { status: 404 }),
);

/** The same handler set the browser worker uses, on Node's fetch. */
export const server = setupServer(...wolkvoxHandlers(), noDeployedRateCard);

/** The deployment serves `card` as /rate-card.json. */
export const givenDeployedRateCard = (json: string) =>
  server.use(
    http.get(
      '*/rate-card.json',
      () => new HttpResponse(json, { headers: { 'content-type': 'application/json' } }),
    ),
  );

const given = (config: MockConfig) => server.use(...wolkvoxHandlers(config));

/** wolkvox has nothing for the range: HTTP 404 "Validate dates entered". */
export const givenReportsAreEmpty = () => given({ scenario: 'empty' });
/** wolkvox fails with HTTP 500. */
export const givenReportsFail = () => given({ scenario: 'error' });
/** wolkvox rejects the token: HTTP 403 "PLEASE VALIDATE TOKEN". */
export const givenTokenIsRejected = () => given({ scenario: 'token' });
/** Another integration holds one of the token's two slots: a second simultaneous call gets 403 "EXCEEDS THE LIMIT…". */
export const givenWolkvoxIsBusy = () => given({ scenario: 'busy' });
/** The token's daily quota is used up: HTTP 403 "TOKEN LIMIT EXCEEDED". */
export const givenQuotaIsUsedUp = () => given({ scenario: 'quota' });
/** wolkvox is in its maintenance window: an HTML 403 "Forbidden" page. */
export const givenMaintenance = () => given({ scenario: 'maintenance' });
/** Something in front of wolkvox answers an HTML page instead of JSON. */
export const givenAnswersAreMalformed = () => given({ scenario: 'malformed' });
/** wolkvox answers after `ms` milliseconds. */
export const givenSlowReports = (ms: number) => given({ scenario: 'slow', slowMs: ms });
/** An operation with `rowsPerDay` interactions per weekday. */
export const givenVolume = (rowsPerDay: number) => given({ scenario: 'normal', rowsPerDay });
