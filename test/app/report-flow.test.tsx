import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  givenAnswersAreMalformed,
  givenReportsAreEmpty,
  givenTokenIsRejected,
  server,
} from '../msw-server';
import { renderApp } from '../render-app';

const WEEK = '?from=2026-11-16&to=2026-11-22';

function dataRows() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1' && !row.getAttribute('aria-hidden'));
}

describe('report page', () => {
  it('goes from the menu to a report, loads rows and sorts them', async () => {
    const { user } = renderApp(`/${WEEK}`);
    const menu = screen.getByRole('navigation', { name: 'Reports' });
    expect(within(menu).getAllByRole('link', { name: /^\d+\. / })).toHaveLength(16);
    expect(within(menu).getByRole('link', { name: '1. Chats' })).toBeInTheDocument();

    await user.click(within(menu).getByRole('link', { name: '10. Official WhatsApp Billing' }));
    expect(window.location.pathname).toBe('/reports/interactions-and-chats/10');
    expect(
      await screen.findByRole('heading', { name: '10. Official WhatsApp Billing' }),
    ).toBeInTheDocument();

    const count = await screen.findByText(/^[\d,]+ of [\d,]+ rows$/);
    const total = Number(count.textContent!.split(' of ')[0]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(1000);
    expect(screen.getByRole('columnheader', { name: /DESTINY/ })).toBeInTheDocument();

    const destiny = screen.getByRole('button', { name: /^DESTINY/ });
    await user.click(destiny);
    const header = screen.getByRole('columnheader', { name: /DESTINY/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('destiny.asc');
    // Only the sorted header carries aria-sort.
    expect(
      screen.getAllByRole('columnheader').filter((th) => th.hasAttribute('aria-sort')),
    ).toHaveLength(1);

    const firstCountry = () => within(dataRows()[0]!).getAllByRole('cell').at(-1)!.textContent;
    expect(firstCountry()).toBe('Argentina');
    await user.click(destiny);
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    expect(firstCountry()).toBe('Perú');
    expect(screen.getByText('Sorted by Destination country, descending')).toBeInTheDocument();
  });

  it('says when wolkvox has no records for the range', async () => {
    givenReportsAreEmpty();
    renderApp(`/reports/interactions-and-chats/1${WEEK}`);
    expect(
      await screen.findByText(
        'wolkvox has no records of 1. Chats between 2026-11-16 and 2026-11-22.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a rejected token with the API message', async () => {
    givenTokenIsRejected();
    renderApp(`/reports/interactions-and-chats/8${WEEK}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load 8. Agent Step Chats (2026-11-16 to 2026-11-22).',
    );
    expect(alert).toHaveTextContent('wolkvox rejected the token');
    expect(alert).toHaveTextContent('wolkvox said: “PLEASE VALIDATE TOKEN”');
  });

  it('explains an answer that is not a report', async () => {
    givenAnswersAreMalformed();
    renderApp(`/reports/interactions-and-chats/3${WEEK}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('wolkvox answered with something that is not a report.');
    expect(alert).toHaveTextContent('502 Bad Gateway');
  });

  it('falls back to defaults with a notice when the link is broken', async () => {
    renderApp('/reports/interactions-and-chats/10?from=2026-13-45&sort=nope.sideways');
    expect(await screen.findByRole('status', { name: '' })).toBeDefined();
    expect(
      screen.getByText(/Some parts of the link were not valid and were reset: from, sort/),
    ).toBeInTheDocument();
    expect(await screen.findByText(/of [\d,]+ rows$/)).toBeInTheDocument();
  });

  it('loads a range over 31 days in monthly calls, and refuses it for a report that totals', async () => {
    const { user } = renderApp(`/reports/interactions-and-chats/10${WEEK}`);
    await screen.findByText(/of [\d,]+ rows$/);
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2026-09-01');
    expect(
      screen.getByText(
        'wolkvox answers one month (at most 31 days) per call: this range takes 3 calls.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    const count = await screen.findByText(/^[\d,]+ of [\d,]+ rows$/, {}, { timeout: 10_000 });
    await waitFor(() => expect(window.location.search).toContain('from=2026-09-01'));
    expect(Number(count.textContent!.split(' of ')[0]!.replace(/,/g, ''))).toBeGreaterThan(10_000);

    await user.click(screen.getByRole('link', { name: '16. Agent productivity' }));
    await screen.findByRole('heading', { name: '16. Agent productivity' });
    const alerts = await screen.findAllByRole('alert');
    // Said once (issue 17: it used to be said twice), by the form, with the ranges it can take.
    expect(alerts.length).toBe(1);
    expect(alerts[0]).toHaveTextContent('This report totals over the whole range');
    expect(within(alerts[0]!).getByRole('button', { name: 'Last month' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate report' })).toBeDisabled();
  });

  it('shows a partial result with the missing period, and loads that period again alone', async () => {
    let broken = true;
    server.use(
      http.get('*/wolkvox/api/v2/reports_manager.php', ({ request }) => {
        const october = new URL(request.url).searchParams.get('date_ini')?.startsWith('202610');
        if (october && broken)
          return new HttpResponse('<html>502 Bad Gateway</html>', { status: 200 });
        return undefined; // fall through to the mock wolkvox
      }),
    );
    const { user } = renderApp('/reports/interactions-and-chats/10?from=2026-09-20&to=2026-11-05');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('Partial result');
    expect(alert).toHaveTextContent('2026-10-01 00:00:00 – 2026-10-31 23:59:59');
    expect(alert).toHaveTextContent('wolkvox answered with something that is not a report.');
    const partialCount = Number(
      screen
        .getByText(/^[\d,]+ of [\d,]+ rows$/)
        .textContent!.split(' of ')[0]!
        .replace(/,/g, ''),
    );

    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry this period' }));
    await waitFor(() => expect(screen.queryByText(/Partial result/)).not.toBeInTheDocument());
    const full = Number(
      screen
        .getByText(/^[\d,]+ of [\d,]+ rows$/)
        .textContent!.split(' of ')[0]!
        .replace(/,/g, ''),
    );
    expect(full).toBeGreaterThan(partialCount * 2);
  });

  it('shows the menu and report names in Spanish', async () => {
    renderApp(`/reports/interactions-and-chats/10${WEEK}`, { language: 'es' });
    expect(
      screen.getByRole('link', { name: '10. Facturación WhatsApp Oficial' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generar reporte' })).toBeInTheDocument();
  });
});
