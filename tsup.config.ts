import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      options: 'src/options.ts',
      'platform/index': 'src/platform/index.ts',
      'proxy/index': 'src/proxy/index.ts',
      'testing/index': 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    // Everything but the command, which the second build writes (possibly first: they run together).
    clean: ['!testing/cli.js'],
    splitting: true,
    treeshake: true,
    // Minified (with source maps): the main entry is loaded by every serverless cold start.
    minify: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  },
  {
    // The `ai-sdk-openrouter-emulator` command: one ESM file with its shebang, no types.
    entry: { 'testing/cli': 'src/testing/cli.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  },
]);
