import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Sizes of the built JS chunks (raw and gzip -9, as a server would send them) and of the
 * initial JS: the entry chunk plus everything it imports statically (what the browser must
 * fetch before the app can render), cross-checked with index.html's script and
 * modulepreload tags.
 */
export function bundleSizes(output, outDir) {
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output ?? []);
  const chunks = outputs.filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const size = (fileName) => {
    const bytes = readFileSync(join(outDir, fileName));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };

  const initial = new Set();
  const visit = (fileName) => {
    if (initial.has(fileName) || !byName.has(fileName)) return;
    initial.add(fileName);
    for (const imported of byName.get(fileName).imports) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);

  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const fromHtml = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((match) => match[1]);
  for (const fileName of fromHtml) visit(fileName);

  const list = chunks
    .map((chunk) => ({
      file: chunk.fileName,
      ...size(chunk.fileName),
      initial: initial.has(chunk.fileName),
      entry: chunk.isEntry,
      dynamicEntry: chunk.isDynamicEntry,
      modules: Object.keys(chunk.modules ?? {}).length,
      // The largest source packages in the chunk, by rendered length.
      top: topPackages(chunk),
    }))
    .sort((a, b) => b.raw - a.raw);
  const initialList = list.filter((chunk) => chunk.initial);
  const css = outputs
    .filter((item) => item.type === 'asset' && item.fileName.endsWith('.css'))
    .map((asset) => ({ file: asset.fileName, ...size(asset.fileName) }));
  return {
    chunks: list,
    css,
    initialJs: {
      files: initialList.map((chunk) => chunk.file),
      htmlTags: fromHtml,
      raw: initialList.reduce((sum, chunk) => sum + chunk.raw, 0),
      gzip: initialList.reduce((sum, chunk) => sum + chunk.gzip, 0),
    },
    totalJs: {
      raw: list.reduce((sum, chunk) => sum + chunk.raw, 0),
      gzip: list.reduce((sum, chunk) => sum + chunk.gzip, 0),
    },
  };
}

function topPackages(chunk) {
  const sizes = new Map();
  for (const [id, info] of Object.entries(chunk.modules ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
    const name = match
      ? match[1]
      : id.includes('/src/')
        ? `src/${id.split('/src/')[1].split('/')[0]}`
        : 'other';
    sizes.set(name, (sizes.get(name) ?? 0) + (info.renderedLength ?? 0));
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)}K`);
}
