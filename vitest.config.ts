import { defineConfig } from 'vitest/config';

/**
 * Test layers (see README, "Tests"):
 * - unit: one module in memory, plus the API through app.request() on the sandbox;
 * - widget: components in happy-dom with @testing-library/preact;
 * - tryton: the adapter and the API against a live Tryton on loopback;
 * - e2e: the built widget and playground in headless Chromium against a real server;
 * - process: real server processes killed and restarted (the crash test);
 * - edge: the worker bundle in workerd (miniflare) with D1, on the sandbox and on Tryton.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          include: ['test/widget/**/*.test.tsx', 'test/widget/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'tryton',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'edge',
          include: ['test/edge/**/*.test.ts'],
          globalSetup: ['test/edge/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // After the other projects: the tryton project stops and resets trytond, and the
          // edge suite's Tryton file writes to it.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
