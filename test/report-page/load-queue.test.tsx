import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { LoadStatus } from '../../src/report-page/load-status';
import { server } from '../msw-server';
import { renderIn } from '../render-in-language';

// Behind the production server (not the demo's mocks).
vi.mock('../../src/shared/env', () => ({ env: { apiMocking: false, apiBasePath: '/wolkvox' } }));

const status = (
  <LoadStatus
    progressKey="k"
    report="Chats"
    from="2026-01-01"
    to="2026-03-31"
    onCancel={() => {}}
  />
);

it('says a load is waiting for other supervisors’ calls, and how many are ahead', async () => {
  server.use(
    http.get('*/wolkvox-proxy/queue', () =>
      HttpResponse.json({ inFlight: 2, queued: 5, mine: { inFlight: 0, queued: 2 }, ahead: 3 }),
    ),
  );
  renderIn(status);
  expect(
    await screen.findByText(/waiting for wolkvox, 3 calls ahead/, undefined, { timeout: 3_000 }),
  ).toBeTruthy();
});

it('says nothing while the load’s own calls are running', async () => {
  let asked = 0;
  server.use(
    http.get('*/wolkvox-proxy/queue', () => {
      asked++;
      return HttpResponse.json({
        inFlight: 2,
        queued: 3,
        mine: { inFlight: 2, queued: 1 },
        ahead: 0,
      });
    }),
  );
  renderIn(status);
  await new Promise((resolve) => setTimeout(resolve, 900));
  expect(asked).toBeGreaterThan(0);
  expect(screen.queryByText(/waiting for wolkvox,/)).toBeNull();
});
