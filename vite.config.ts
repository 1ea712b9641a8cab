import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { configDefaults } from 'vitest/config';
import { proxyStatusPlugin, readLiveTarget, wolkvoxProxy } from './vite/wolkvox-proxy.ts';

export default defineConfig(({ mode }) => {
  const live = mode === 'live';
  // '' prefix: read WOLKVOX_* too. They stay in this Node process; only VITE_* reach the bundle.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const target = live ? readLiveTarget(env) : undefined;
  const proxy = target ? wolkvoxProxy(target) : undefined;

  return {
    plugins: [react(), proxyStatusPlugin(target)],
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
