import { attachmentIn, readAttachment, revealBidi } from '../../src/report-model/cell-format';

/** Issue 18, point 2: links only in message text, only to wolkvox's attachment storage. */
describe('readAttachment', () => {
  const anchor = (href: string, text: string) => `<a href="${href}" target="_blank">${text}</a>`;

  it('links a file on Cloud Storage and shows where it really is', () => {
    const text = anchor(
      'https://storage.googleapis.com/wv-media-0015/chat/att/comprobante_4521.pdf',
      'comprobante_4521.pdf',
    );
    expect(readAttachment(text)).toEqual({
      href: 'https://storage.googleapis.com/wv-media-0015/chat/att/comprobante_4521.pdf',
      fileName: 'comprobante_4521.pdf',
      label: undefined,
      place: 'storage.googleapis.com/wv-media-0015',
    });
  });

  it('refuses every other host: the issue’s payload, look-alikes, the proxy itself', () => {
    for (const href of [
      'https://evil.example/payload.exe',
      'https://xn--wlkvox-2ve.com/file.pdf', // punycode look-alike of wolkvox
      'https://wоlkvox.com/file.pdf', // Cyrillic "о"
      'https://storage.googleapis.com.evil.example/x.pdf',
      'https://storage.googleapis.com@evil.example/x.pdf',
      'https://user:pw@storage.googleapis.com/b/x.pdf',
      'https://storage.googleapis.com:8443/b/x.pdf',
      'http://storage.googleapis.com/b/x.pdf',
      '/wolkvox/api/v2/reports_manager.php?api=chat_1&date_ini=20260101000000&date_end=20260131235959',
      'http://127.0.0.1:4173/wolkvox/api/v2/reports_manager.php?api=chat_1',
      'javascript:alert(1)',
    ]) {
      expect(readAttachment(anchor(href, 'factura.pdf')), href).toBeUndefined();
    }
  });

  it('shows bidi controls instead of obeying them, in the label and the file name', () => {
    const text = anchor(
      'https://storage.googleapis.com/b/factura%E2%80%AEfdp.exe',
      'factura\u202Efdp.exe',
    );
    const attachment = readAttachment(text)!;
    expect(attachment.fileName).toBe('factura⟦U+202E⟧fdp.exe');
    expect(attachment.fileName).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(revealBidi('a\u2066b\u2069c\u202Ad')).toBe('a⟦U+2066⟧b⟦U+2069⟧c⟦U+202A⟧d');
  });

  it('names the anchor text apart when it differs from the file the link fetches', () => {
    const text = anchor('https://storage.googleapis.com/b/payload.exe', 'factura.pdf');
    expect(readAttachment(text)).toMatchObject({ fileName: 'payload.exe', label: 'factura.pdf' });
  });

  it('only in MESSAGE: SESSION_ID, CUSTOMER_NAME and the rest stay text', () => {
    const text = anchor('https://storage.googleapis.com/b/x.pdf', 'x.pdf');
    expect(attachmentIn('message', text)).toBeDefined();
    for (const key of ['session_id', 'customer_name', 'comments', 'conn_id'])
      expect(attachmentIn(key, text)).toBeUndefined();
  });
});
