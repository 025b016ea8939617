import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" summary line.
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
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
