import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // e2e files start child processes and gRPC servers; two cores, so keep parallelism modest.
    maxWorkers: 2,
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
