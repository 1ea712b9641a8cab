import { defineConfig } from 'vitest/config';

/**
 * Live-mode browser tests: the app built with `--mode live`, served by `vite preview`
 * whose proxy adds the token, in front of a fake wolkvox server over real HTTP
 * (test/e2e-live/global-setup.ts). Real Chromium (Debian's), one file at a time.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e-live/**/*.e2e.ts'],
    globalSetup: ['test/e2e-live/global-setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
