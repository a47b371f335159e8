import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: {
    __BUILD_INFO__: JSON.stringify({ version: '0.0.0-test', commit: 'test', buildDate: '2026-01-01T00:00:00.000Z' }),
  },
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The machine's proxy variables must not send test traffic anywhere (see the file).
    setupFiles: ['./e2e/support/no-proxy-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Network tests bind loopback ports; two workers on two cores keep timing assertions honest.
    maxWorkers: 2,
  },
});
