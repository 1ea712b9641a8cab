import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ColumnDef } from '../../src/report-model/catalog';
import { cellFormats } from '../../src/report-model/cell-format';
import { I18nProvider, translator } from '../../src/shared/i18n/i18n';
import { TableCell } from '../../src/table/table-cell';

/** What a supervisor sees in a cell for the hostile values of issue 18 (points 2 and 5). */
const t = translator('en');
const formats = cellFormats('en-US');
const text = (key: string): ColumnDef => ({ key, header: key.toUpperCase(), type: 'text' });

function cell(column: ColumnDef, value: string) {
  return render(
    <I18nProvider language="en">
      <table>
        <tbody>
          <tr>
            <td data-testid="cell">
              <TableCell column={column} value={value} formats={formats} t={t} />
            </td>
          </tr>
        </tbody>
      </table>
    </I18nProvider>,
  );
}

const HOSTILE_ANCHOR = '<a href="https://evil.example/payload.exe">factura\u202Efdp.exe</a>';

describe('TableCell with hostile text', () => {
  it('shows the issue’s anchor as text in customer_name and message: no link, the override visible', () => {
    for (const key of ['customer_name', 'session_id', 'message']) {
      const { unmount } = cell(text(key), HOSTILE_ANCHOR);
      const shown = screen.getByTestId('cell');
      expect(within(shown).queryByRole('link')).toBeNull();
      expect(shown.textContent).toBe(
        '<a href="https://evil.example/payload.exe">factura⟦U+202E⟧fdp.exe</a>',
      );
      unmount();
    }
  });

  it('links a Cloud Storage attachment in MESSAGE only, with its host and bucket beside it', () => {
    const value =
      '<a href="https://storage.googleapis.com/wv-media/chat/att/comprobante.pdf">comprobante.pdf</a>';
    cell(text('message'), value);
    const link = screen.getByRole('link', { name: '📎 comprobante.pdf' });
    expect(link.getAttribute('href')).toBe(
      'https://storage.googleapis.com/wv-media/chat/att/comprobante.pdf',
    );
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByTestId('cell').textContent).toBe(
      '📎 comprobante.pdf (storage.googleapis.com/wv-media)',
    );
  });

  it('cuts a 10 MB cell to 2,000 characters, with the whole text one click away', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    cell(text('comments'), huge);
    const shown = screen.getByTestId('cell');
    const button = screen.getByRole('button', { name: 'Show all (10,485,760 characters)' });
    expect(shown.textContent!.length).toBeLessThan(2_100);
    await userEvent.click(button);
    const box = screen.getByRole('textbox', { name: 'Whole text' });
    expect((box as HTMLTextAreaElement).value).toHaveLength(huge.length);
  });
});
