/**
 * Reused scratch buffers for key building. Every ArrayBuffer allocation counts as external
 * memory; allocating tens of MB of temporaries per sort key made V8 start a full
 * mark-compact of the whole row heap (~170 ms at 1M rows) in the middle of the build.
 * Scratch contents are undefined on return: callers overwrite before reading, and must not
 * hold a view across a call that may take the same name.
 */
const pool = new Map<string, Uint32Array>();

export function scratchUint32(name: string, length: number): Uint32Array {
  let buffer = pool.get(name);
  if (!buffer || buffer.length < length) {
    buffer = new Uint32Array(length);
    pool.set(name, buffer);
  }
  return buffer.subarray(0, length);
}

/** Drops every scratch buffer (e.g. when the report is closed). */
export function releaseScratch(): void {
  pool.clear();
}
