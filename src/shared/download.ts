/**
 * Revoking the object URL right after click() can cancel or truncate the
 * download in Safari and in some Chromium builds, because the browser reads
 * the Blob asynchronously; FileSaver.js waits 40 s for the same reason. Until
 * then the URL pins the Blob in memory, which is acceptable for one file.
 */
export const REVOKE_DELAY_MS = 40_000;

/**
 * Saves a Blob as a file named `fileName` through a temporary
 * `<a href="blob:..." download>`: the only way that works in every browser
 * without a server round trip or extra permissions. Call it from the user's
 * click (or soon after) so the browser does not treat it as a pop-up.
 */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  // Older Firefox ignored click() on an anchor that is not in the document.
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
