import { defineConfig } from 'vite';

/**
 * The server, bundled for Node 20 (which cannot run .ts): `npm run build` writes
 * dist-server/main.js (`npm start`), dist-server/users.js (`npm run users`) and
 * dist-server/answer-thread.js (main.js starts it in worker threads).
 * Packages stay imports (SSR builds keep node_modules external): `npm ci --omit=dev`
 * is enough to run it.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    copyPublicDir: false,
    rollupOptions: {
      // answer-thread.js: the worker threads that read wolkvox's answers (answer-reader.ts).
      input: {
        main: 'server/main.ts',
        users: 'server/users-cli.ts',
        'answer-thread': 'server/answer-thread.ts',
      },
      // Every file beside main.js: answer-reader.ts finds answer-thread.js beside itself.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
