import { fireEvent, render, screen, within } from '@testing-library/react';
import { ChartTable, type ChartTableProps } from '../../src/charts/chart-table';
import { valueFormats } from '../../src/charts/chart-format';

async function renderTable(props: Partial<ChartTableProps> = {}) {
  const onSelect = vi.fn();
  render(
    <ChartTable
      rows={[
        { key: 'a', label: 'Ana', value: 3, parts: [1, 2], drillable: true, share: 0.25 },
        { key: 'b', label: 'Bea', value: 1, parts: [0, 1], drillable: true, share: null },
        { key: '\u0000other', label: 'Other', value: 2, parts: [2, 0], drillable: false },
      ]}
      series={['Yes', 'No']}
      categoryHeader="Agent"
      valueHeader="Total"
      onSelect={onSelect}
      formats={valueFormats('count', 'en')}
      summary="Data table"
      selectLabel={(name) => `Show ${name}`}
      {...props}
    />,
  );
  // The table exists only while its <details> is open.
  fireEvent.click(screen.getByText('Data table'));
  return { onSelect, table: await screen.findByRole('table') };
}

const texts = (cells: HTMLElement[]) => cells.map((cell) => cell.textContent);

describe('ChartTable', () => {
  it('lists series, the value and a share column; a share it cannot tell reads "–"', async () => {
    const { table } = await renderTable({ shareHeader: 'Template share' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual([
      'Agent',
      'Yes',
      'No',
      'Total',
      'Template share',
    ]);
    const [, ana, bea, other] = within(table).getAllByRole('row');
    expect(texts(within(ana!).getAllByRole('cell'))).toEqual(['1', '2', '3', '25.0%']);
    expect(texts(within(bea!).getAllByRole('cell'))).toEqual(['0', '1', '1', '–']);
    expect(texts(within(other!).getAllByRole('cell'))).toEqual(['2', '0', '2', '–']);
  });

  it('drills down from the rows that can, and sums the series in the footer', async () => {
    const { onSelect, table } = await renderTable({
      shareHeader: 'Share',
      footer: { label: 'Total', value: 6 },
    });
    fireEvent.click(within(table).getByRole('button', { name: 'Show Bea' }));
    expect(onSelect).toHaveBeenCalledWith('b');
    expect(within(table).queryByRole('button', { name: 'Show Other' })).toBeNull();
    const footer = within(table).getAllByRole('row').at(-1)!;
    expect(within(footer).getByRole('rowheader').textContent).toBe('Total');
    expect(texts(within(footer).getAllByRole('cell'))).toEqual(['3', '3', '6', '100.0%']);
  });

  it('has no share column and no footer unless asked', async () => {
    const { table } = await renderTable();
    expect(within(table).getAllByRole('columnheader')).toHaveLength(4);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });
});
