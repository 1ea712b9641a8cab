import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * MSW's service worker lives in public/ (where `msw init` keeps it) and Vite copies
 * public/ into every build. A build without mocks (`npm run build`, live) must not ship
 * it: this removes it from the output once the bundle is written.
 */
export function dropMockWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: async () => {
      await rm(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}
