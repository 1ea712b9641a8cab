import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { configDefaults } from 'vitest/config';
import { dropMockWorker } from './vite/drop-mock-worker.ts';
import { proxyStatusPlugin, readLiveTarget, wolkvoxProxy } from './vite/wolkvox-proxy.ts';

export default defineConfig(({ mode, command }) => {
  const live = mode === 'live';
  // '' prefix: read WOLKVOX_* too. They stay in this Node process; only VITE_* reach the bundle.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  // Only the dev and preview servers forward (and need WOLKVOX_*): a build holds no target.
  const target = live && command === 'serve' ? readLiveTarget(env) : undefined;
  const mocking = !live && env.VITE_API_MOCKING === 'true';
  const proxy = target ? wolkvoxProxy(target) : undefined;

  return {
    plugins: [react(), proxyStatusPlugin(target), ...(mocking ? [] : [dropMockWorker()])],
    server: { proxy, host: '127.0.0.1' },
    preview: { proxy, host: '127.0.0.1' },
    build: { sourcemap: false, chunkSizeWarningLimit: 700 },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['test/setup.ts'],
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: [...configDefaults.exclude, 'test/e2e/**'],
      testTimeout: 20_000,
    },
  };
});
