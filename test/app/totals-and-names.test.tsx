import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';

const REPORT_16 = '/reports/interactions-and-chats/16?from=2026-11-01&to=2026-11-22';

/** The figures of one column, read off the table as shown (en-US digits). */
function columnFigures(table: HTMLElement, header: string): string[] {
  const headers = within(table).getAllByRole('columnheader');
  const index = headers.findIndex((th) => th.textContent?.startsWith(header));
  const body = table.querySelector('tbody')!;
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[index]!.textContent!);
}
const count = (text: string) => Number(text.replace(/,/g, ''));
const seconds = (text: string) =>
  text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

describe('the totals row', () => {
  it('adds up report 16 over the rows shown and weights TMO by each agent’s chats', async () => {
    renderApp(REPORT_16);
    const table = await screen.findByRole('table');
    const totals = within(table).getByRole('row', { name: 'Totals over the rows shown' });
    expect(within(totals).getByRole('rowheader', { name: 'Total' })).toBeInTheDocument();
    const cells = within(totals).getAllByRole('cell');

    const chats = columnFigures(table, 'TOTAL_CHATS').map(count);
    const times = columnFigures(table, 'TIME').map(seconds);
    const sumChats = chats.reduce((a, b) => a + b, 0);
    const sumTime = times.reduce((a, b) => a + b, 0);
    const figures = cells.map((cell) => cell.textContent);
    expect(figures).toContain(sumChats.toLocaleString('en-US'));
    // TMO over every agent = their time over their chats (each agent's TMO is rounded to a
    // second on the wire, so the weighted mean may differ by a second from TIME / CHATS).
    const tmo = cells.find(
      (cell) => cell.textContent?.startsWith('avg.') && /:/.test(cell.textContent),
    )!;
    expect(
      Math.abs(seconds(tmo.textContent!.replace('avg. ', '')) - sumTime / sumChats),
    ).toBeLessThanOrEqual(1);
    expect(tmo).toHaveAttribute('title', expect.stringContaining('weighted by TOTAL_CHATS'));
    // The transfer rate: an average too, with two decimals like its column.
    expect(figures.some((text) => /^avg\. \d+\.\d\d%$/.test(text ?? ''))).toBe(true);
  });

  it('follows the filters: one agent picked, the totals are that agent’s', async () => {
    const { user } = renderApp(REPORT_16);
    const table = await screen.findByRole('table');
    const first = columnFigures(table, 'AGENT_NAME')[0]!;
    const chats = columnFigures(table, 'TOTAL_CHATS')[0]!;
    await user.click(screen.getByText('Agent', { selector: 'summary' }));
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^${first}`) }));
    await waitFor(() => expect(columnFigures(table, 'AGENT_NAME')).toEqual([first]));
    // One row has nothing to add up: no totals row.
    expect(within(table).queryByRole('row', { name: 'Totals over the rows shown' })).toBeNull();
    expect(chats).toMatch(/^[\d,]+$/);
  });

  it('is not part of a report without a column that sums', async () => {
    renderApp('/reports/interactions-and-chats/10?from=2026-11-16&to=2026-11-22');
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('row', { name: 'Totals over the rows shown' })).toBeNull();
  });
});

describe('human column names', () => {
  it('switch the headers from the column menu, and the choice is remembered', async () => {
    const { user, unmount } = renderApp(REPORT_16);
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: /^AGENT_NAME/ })).toBeInTheDocument();
    // Beside the Manager name, the human one on hover.
    expect(screen.getByRole('button', { name: /^TMO/ })).toHaveAttribute(
      'title',
      expect.stringMatching(/^Average handling time \(TMO\) \(TMO\)\. Click to sort/),
    );

    await user.click(screen.getByText('Columns', { selector: 'summary' }));
    const headers = screen.getByRole('group', { name: 'Column headers' });
    await user.click(within(headers).getByRole('radio', { name: /^Human names/ }));
    expect(screen.getByRole('columnheader', { name: /^Agent$/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Total chats/ })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /^AGENT_NAME/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Total chats/ })).toHaveAttribute(
      'title',
      expect.stringMatching(/^Total chats \(TOTAL_CHATS\)/),
    );
    unmount();

    renderApp(REPORT_16);
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: /^Total handling time/ })).toBeInTheDocument();
  });

  it('name the filters and the column list in Spanish, with wolkvox’s names beside', async () => {
    const { user } = renderApp('/reports/interactions-and-chats/1?from=2026-11-20&to=2026-11-22', {
      language: 'es',
    });
    await screen.findByRole('table');
    const filter = screen.getByText('Último participante en hablar', { selector: 'summary' });
    expect(filter).toHaveAttribute('title', 'LAST_PARTICIPANT_WHO_SPOKE');
    await user.click(screen.getByText('Columnas', { selector: 'summary' }));
    expect(
      screen.getByRole('checkbox', { name: /^CONN_ID\s*·\s*ID de la interacción$/ }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^Nombres descriptivos/ }));
    expect(
      screen.getByRole('columnheader', { name: /^Último participante en hablar/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: /^ID de la interacción\s*·\s*CONN_ID$/ }),
    ).toBeInTheDocument();
  });
});
