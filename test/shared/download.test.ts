import { downloadBlob, REVOKE_DELAY_MS } from '../../src/shared/download';

describe('downloadBlob', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('clicks a hidden download anchor for an object URL, removes it, and revokes the URL later', () => {
    vi.useFakeTimers();
    const blob = new Blob(['a,b\r\n'], { type: 'text/csv' });
    // jsdom cannot make object URLs for its Blobs.
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
    // Not revoked right away: the browser reads the Blob after click() returns.
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/1234');
  });
});
