import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Most test time is spent waiting on loopback HTTP and timers, not on a core, so one worker
    // more than there are cores (vitest's default is one fewer) keeps both cores of a small CI
    // machine busy: the suite took 200 s with 1 worker on 2 cores, 126 s with 3.
    maxWorkers: availableParallelism() + 1,
    // The JSON report lets .ci/run print a plain "N passed, N failed" summary line; it names the
    // file with VITEST_JSON_REPORT when it runs the suite a second time (on Node 22).
    reporters: [
      'default',
      ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? '.vitest/report.json' }],
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['test/edge/**'],
          pool: 'forks',
        },
      },
      {
        // The provider and the proxy under the edge runtime's globals (fetch, Request, streams,
        // TextDecoder of @edge-runtime/vm, as on Vercel's edge). The emulator runs in Node, in
        // the global setup, and the tests reach it over HTTP at the injected base URL.
        extends: true,
        test: {
          name: 'edge',
          include: ['test/edge/**/*.test.ts'],
          environment: 'edge-runtime',
          globalSetup: ['test/edge/emulator-setup.ts'],
        },
      },
    ],
  },
});
