import { act, render, screen } from '@testing-library/react';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { navigate } from '../../src/shared/router';
import { server } from '../msw-server';
import { renderApp } from '../render-app';

/**
 * The browser keeps the periods it loaded (report-model/load/chunk-cache.ts): what a
 * supervisor sees, and the wolkvox calls the page makes, counted at the mock wolkvox (MSW).
 */

const PATH = '/reports/interactions-and-chats/10';
let reportCalls: string[] = [];
const count = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  if (url.pathname.endsWith('reports_manager.php'))
    reportCalls.push(`${url.searchParams.get('date_ini')}-${url.searchParams.get('date_end')}`);
};

beforeEach(() => {
  reportCalls = [];
  server.events.on('request:start', count);
});
afterEach(() => server.events.removeListener('request:start', count));

const rowCount = async () => {
  const text = (await screen.findByText(/^[\d,]+ of [\d,]+ rows$/, undefined, { timeout: 20_000 }))
    .textContent!;
  return Number(/of ([\d,]+) rows/.exec(text)![1]!.replace(/,/g, ''));
};
const go = (search: string) => act(() => navigate(`${PATH}?${search}`));

describe('periods already loaded', () => {
  it('Q1, then January, then a day of February, then Q1 again: only Q1 calls wolkvox', async () => {
    renderApp(`${PATH}?from=2026-01-01&to=2026-03-31`);
    const quarter = await rowCount();
    expect(reportCalls).toEqual([
      '20260101000000-20260131235959',
      '20260201000000-20260228235959',
      '20260301000000-20260331235959',
    ]);

    await go('from=2026-01-01&to=2026-01-31');
    await screen.findByText(/^[\d,]+ of [\d,]+ rows$/);
    const january = await rowCount();
    expect(january).toBeGreaterThan(0);
    expect(january).toBeLessThan(quarter);

    await go('from=2026-02-14&to=2026-02-14');
    const day = await rowCount();
    expect(day).toBeGreaterThan(0);
    expect(day).toBeLessThan(january);

    await go('from=2026-01-01&to=2026-03-31');
    expect(await rowCount()).toBe(quarter);
    expect(reportCalls).toHaveLength(3);
  }, 40_000);

  it('January first, then Q1: only February and March are asked for', async () => {
    renderApp(`${PATH}?from=2026-01-01&to=2026-01-31`);
    await rowCount();
    await go('from=2026-01-01&to=2026-03-31');
    await rowCount();
    expect(reportCalls).toEqual([
      '20260101000000-20260131235959',
      '20260201000000-20260228235959',
      '20260301000000-20260331235959',
    ]);
  }, 40_000);

  it('a URL range beyond 400 days is refused with a notice, and no call', async () => {
    renderApp(`${PATH}?from=1900-01-01&to=9999-12-31`);
    expect(
      await screen.findByText(/a report loads at most 400 days at once/, undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(reportCalls).toEqual([]);
  });

  it('a load needing more calls than the quota left (as last read) says so, and makes no call', async () => {
    window.history.replaceState(null, '', `${PATH}?from=2026-01-01&to=2026-03-31`);
    const queryClient = createQueryClient();
    // The production server's status as Settings read it: 2 calls left today.
    queryClient.setQueryData(['proxy-status'], {
      mode: 'live',
      quota: { left: 2, resetsAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    render(<App queryClient={queryClient} language="en" />);
    expect(
      await screen.findByText(
        /This load needs about 3 calls to wolkvox and only 2 are left today/,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(reportCalls).toEqual([]);
  });
});
