import { defineConfig } from 'vite';

/**
 * The server, bundled for Node 20 (which cannot run .ts): `npm run build` writes
 * dist-server/main.js (`npm start`) and dist-server/users.js (`npm run users`).
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
      input: { main: 'server/main.ts', users: 'server/users-cli.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
