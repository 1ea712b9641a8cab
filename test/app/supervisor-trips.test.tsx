import { act, screen, waitFor, within } from '@testing-library/react';
import { givenReportsFail } from '../msw-server';
import { renderApp } from '../render-app';

const params = () => new URLSearchParams(window.location.search);

describe('what a supervisor trips on', () => {
  afterEach(() => vi.useRealTimers());

  it('never says "no records" when the load failed', async () => {
    givenReportsFail();
    renderApp('/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22');
    await screen.findByText(/^Partial result/, undefined, { timeout: 25_000 });
    expect(screen.queryByText(/wolkvox has no records/)).not.toBeInTheDocument();
  }, 40_000);

  it.each([1, 3, 6])(
    'opens a totals report on a range it accepts on day %i of the month, and writes it in the URL',
    async (day) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(Date.UTC(2026, 11, day, 15)));
      renderApp('/reports/interactions-and-chats/13');
      await waitFor(() => expect(params().get('from')).toBe('2026-12-01'));
      expect(params().get('to')).toBe(`2026-12-0${day}`);
      expect(await screen.findByRole('table')).toBeInTheDocument();
      expect(screen.queryByText(/within one calendar month/)).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    },
  );

  it('says once that a totals report needs one month, and offers the ranges it can take', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2026, 11, 3, 15)));
    const { user } = renderApp('/reports/interactions-and-chats/16?from=2026-11-27&to=2026-12-03');
    const problem = await screen.findByText(/within one calendar month/);
    expect(screen.getAllByText(/within one calendar month/)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(within(problem).getByRole('button', { name: 'Last month' }));
    await waitFor(() => expect(params().get('from')).toBe('2026-11-01'));
    expect(params().get('to')).toBe('2026-11-30');
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('lets Back clear a phone filter instead of leaving the report', async () => {
    const { user } = renderApp('/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22');
    await screen.findByText(/^[\d,]+ of [\d,]+ rows$/);
    await user.type(screen.getByRole('searchbox', { name: /phone/i }), '300');
    await waitFor(() => expect(params().get('phone')).toBe('300'));
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await waitFor(() => expect(params().get('phone')).toBeNull());
    expect(window.location.pathname).toBe('/reports/interactions-and-chats/10');
    await waitFor(() => expect(screen.getByRole('searchbox', { name: /phone/i })).toHaveValue(''));
  });

  it('lands on the 16 reports, each with what it answers, and the last views opened without their filters', async () => {
    const { user, unmount } = renderApp(
      '/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22&phone=3001234567',
    );
    await screen.findByText(/^[\d,]+ of [\d,]+ rows$/);
    unmount();
    renderApp('/');
    const main = screen.getByRole('main');
    const reports = within(main).getByRole('heading', { name: 'What each report answers' })
      .nextElementSibling as HTMLElement;
    expect(within(reports).getAllByRole('link')).toHaveLength(16);
    expect(within(reports).getByText('Outbound emails written by agents.')).toBeInTheDocument();
    const recent = within(main).getByRole('heading', { name: 'Recently opened' })
      .nextElementSibling as HTMLElement;
    const link = within(recent).getByRole('link', { name: '10. Official WhatsApp Billing' });
    expect(link).toHaveAttribute(
      'href',
      '/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22',
    );
    expect(localStorage.getItem('wolkvox.recentViews.v1')).not.toContain('3001234567');
    await user.click(link);
    expect(
      await screen.findByRole('heading', { name: '10. Official WhatsApp Billing' }),
    ).toBeInTheDocument();
  });
});
