import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    options: 'src/options.ts',
    'platform/index': 'src/platform/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  // Minified (with source maps): the main entry is loaded by every serverless cold start.
  minify: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
});
