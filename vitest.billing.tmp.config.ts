import { defineConfig } from 'vitest/config';
export default defineConfig({
  
  test: { environment: 'jsdom', globals: true, include: ['test/billing/**/*.test.{ts,tsx}'], testTimeout: 20000 },
});
