import { createElement, type ReactNode } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { RATE_CARD_FILE_NAME, RateCardEditor } from '../../src/billing/ui/rate-card-editor';
import { downloadBlob, REVOKE_DELAY_MS } from '../../src/shared/download';
import { I18nProvider } from '../../src/shared/i18n/i18n';

/** Spies on object URLs (jsdom cannot make them) and on anchor clicks. */
function watchDownloads() {
  const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/1234');
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const clicked: { href: string; download: string; connected: boolean }[] = [];
  const anchors: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    anchors.push(this);
    clicked.push({ href: this.href, download: this.download, connected: this.isConnected });
  });
  return { create, revoke, clicked, anchors };
}

describe('downloadBlob', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('clicks a hidden download anchor for an object URL, removes it, and revokes the URL later', () => {
    vi.useFakeTimers();
    const blob = new Blob(['a,b\r\n'], { type: 'text/csv' });
    const { create, revoke, clicked, anchors } = watchDownloads();

    downloadBlob(blob, '10-official-whatsapp-billing_2026-11-01_2026-11-07.csv');

    expect(create).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([
      {
        href: 'blob:http://localhost/1234',
        download: '10-official-whatsapp-billing_2026-11-01_2026-11-07.csv',
        connected: true,
      },
    ]);
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.isConnected).toBe(false);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    // Not revoked right away, nor on the next ticks: the browser reads the Blob after click()
    // returns, and a slow disk or a "Save as" dialog can take seconds.
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_DELAY_MS - 1);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/1234');
  });

  it('is what the rate-card editor exports through: a JSON file, revoked late as well', () => {
    vi.useFakeTimers();
    const { create, revoke, clicked } = watchDownloads();
    render(createElement(RateCardEditor, { card: DEFAULT_RATE_CARD, onChange: () => {} }), {
      wrapper: ({ children }: { children: ReactNode }) =>
        createElement(I18nProvider, { language: 'en', children }),
    });

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));

    expect(clicked).toEqual([
      { href: 'blob:http://localhost/1234', download: RATE_CARD_FILE_NAME, connected: true },
    ]);
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/json');
    vi.advanceTimersByTime(1_000);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/1234');
  });
});
