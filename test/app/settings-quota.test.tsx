import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { SettingsPage } from '../../src/app/settings-page';
import { SettingsProvider } from '../../src/shared/settings';
import { server } from '../msw-server';
import { renderIn } from '../render-in-language';

// Behind the production server (not the demo's mocks).
vi.mock('../../src/shared/env', () => ({ env: { apiMocking: false, apiBasePath: '/wolkvox' } }));

const quota = (over: Record<string, unknown> = {}) => ({
  day: '2026-11-28',
  timeZone: 'America/Bogota',
  callsToday: 12,
  limit: null,
  usedToday: null,
  left: null,
  readAt: null,
  exhausted: false,
  resetsAt: '2026-11-29T05:00:00.000Z',
  ...over,
});

function renderSettings() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    <QueryClientProvider client={client}>
      <SettingsProvider>
        <SettingsPage />
      </SettingsProvider>
    </QueryClientProvider>,
  );
}

it('shows the server’s calls today, reads the quota from wolkvox on demand, and says a used-up quota plainly', async () => {
  let status = quota();
  let tokenInfoCalls = 0;
  server.use(
    http.get('*/wolkvox-proxy/status', () =>
      HttpResponse.json({
        mode: 'live',
        server: 'https://wv0015.wolkvox.com',
        hasToken: true,
        user: 'ana',
        signOut: null,
        quota: status,
      }),
    ),
    http.get('*/wolkvox/api/v2/information.php', () => {
      tokenInfoCalls++;
      status = quota({
        limit: 4800,
        usedToday: 4800,
        left: 0,
        readAt: '2026-11-29T01:00:00.000Z',
        exhausted: true,
        callsToday: 13,
      });
      return HttpResponse.json({ code: 200, error: null, msg: '1 records were found', data: [] });
    }),
  );
  renderSettings();
  expect(
    await screen.findByText(
      /This server’s calls to wolkvox today \(2026-11-28, America\/Bogota\): 12\./,
    ),
  ).toBeTruthy();
  expect(screen.getByText('Today’s use has not been read yet.')).toBeTruthy();
  expect(tokenInfoCalls).toBe(0);

  await userEvent.click(screen.getByRole('button', { name: /Read today’s use from wolkvox/ }));
  await waitFor(() =>
    expect(screen.getByText(/Used today: 4,800 of 4,800 calls, 0 left/)).toBeTruthy(),
  );
  expect(tokenInfoCalls).toBe(1);
  expect(screen.getByRole('alert').textContent).toMatch(
    /The daily quota is used up: no report can be loaded until 12:00 AM/,
  );
});
