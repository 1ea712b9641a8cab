import { render, screen, waitFor } from '@testing-library/react';
import { setLoadProgress } from '../../src/report-model/load-progress';
import { LoadStatus } from '../../src/report-page/load-status';
import { I18nProvider } from '../../src/shared/i18n/i18n';
import { renderApp } from '../render-app';

/** Issue 18, point 6, as a supervisor meets it on the page (mock wolkvox). */
const WEEK = '?from=2026-11-16&to=2026-11-22';
const ROWS = /^[\d,]+ of [\d,]+ rows$/;

const counts = (text: string) => text.split(' of ').map((part) => Number(part.replace(/\D/g, '')));

describe('small hostile inputs on the report page', () => {
  it('says a phone filter without digits is not applied, and reads Arabic-Indic digits', async () => {
    const { user } = renderApp(`/reports/interactions-and-chats/10${WEEK}`);
    const count = await screen.findByText(ROWS, {}, { timeout: 10_000 });
    const [, total] = counts(count.textContent!);
    const phone = screen.getByRole('searchbox', { name: /phone/i });

    await user.type(phone, '💩');
    expect(
      await screen.findByText('No digits to match: the phone filter is not applied.'),
    ).toBeInTheDocument();
    expect(counts(screen.getByText(ROWS).textContent!)[0]).toBe(total);

    await user.clear(phone);
    await user.type(phone, '٣٠٠');
    await waitFor(() =>
      expect(counts(screen.getByText(ROWS).textContent!)[0]).toBeLessThan(total!),
    );
    expect(screen.queryByText(/No digits to match/)).toBeNull();
  });

  it('cuts a 100 kB search in a link and says so; summarises 8,000 bad f. parameters', async () => {
    const bad = Array.from({ length: 8_000 }, (_, i) => `f.x${i}=1`).join('&');
    renderApp(`/reports/interactions-and-chats/10${WEEK}&q=${'a'.repeat(100_000)}&${bad}`);
    const notice = await screen.findByText(/were not valid and were reset/);
    expect(notice.textContent!.length).toBeLessThan(300);
    expect(notice.textContent).toContain('f.x0, f.x1, f.x2, f.x3, f.x4 and 7,995 more');
    expect(notice.textContent).toContain('Parts of the link were too long and were shortened: q.');
  });

  it('cuts a pasted 100 kB search to 500 characters, says so, and keeps the URL short', async () => {
    const { user } = renderApp(`/reports/interactions-and-chats/10${WEEK}`);
    await screen.findByText(ROWS, {}, { timeout: 10_000 });
    const search = screen.getByRole('searchbox', { name: 'Search in visible columns' });
    await user.click(search);
    await user.paste('a'.repeat(100_000));
    expect((search as HTMLInputElement).value).toHaveLength(500);
    expect(await screen.findByText('Shortened to 500 characters.')).toBeInTheDocument();
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('q')).toHaveLength(500),
    );
    expect(window.location.search.length).toBeLessThan(1_000);
  });
});

describe('a slow answer', () => {
  it('shows how long wolkvox has been waited for, and the retries so far', () => {
    setLoadProgress('slow', {
      chunksDone: 0,
      chunksTotal: 1,
      rows: 0,
      retries: 2,
      waitingSince: Date.now() - 45_000,
    });
    render(
      <I18nProvider language="en">
        <LoadStatus progressKey="slow" report="10" from="a" to="b" onCancel={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getByText('waiting 45 s for wolkvox · 2 retries so far')).toBeInTheDocument();
    setLoadProgress('slow', undefined);
  });
});
