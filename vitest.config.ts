import { defineConfig } from 'vitest/config';

// unit: pure logic and main services in-process. integration and e2e: the built app
// (`npm run build` first) as real processes, real Chromium, real tools.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['./test/support/cleanup-temp.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['./test/support/cleanup-temp.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
          // A screen reaching its state in over a second on a loaded machine is not a failure;
          // a state never reached still fails, only later.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
