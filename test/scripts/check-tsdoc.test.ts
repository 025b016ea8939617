/** scripts/check-tsdoc.ts finds exports without TSDoc, through re-exports and renames. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { declarationEntries, undocumentedExports } from '../../scripts/check-tsdoc';

const dir = mkdtempSync(join(tmpdir(), 'check-tsdoc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reports each undocumented export by its exported name', () => {
  writeFileSync(
    join(dir, 'inner.d.ts'),
    [
      '/** Documented. */',
      'export declare function documented(): void;',
      'export declare function bare(): void;',
      '/** @internal */',
      'export declare const internalOnly: number;',
      '/** First overload. */',
      'export declare function overloaded(a: string): void;',
      'export declare function overloaded(a: number): void;',
      '/** A type. */',
      'export type Documented = string;',
      'export interface Bare { x: number }',
      '/***/',
      'export declare class Empty {}',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'index.d.ts'),
    "export { documented, bare as renamed, internalOnly, overloaded } from './inner';\nexport type { Documented, Bare } from './inner';\nexport * from './star';\n",
  );
  writeFileSync(
    join(dir, 'star.d.ts'),
    'export declare const fromStar: string;\nexport { Empty } from "./inner";\n',
  );
  const file = join(dir, 'index.d.ts');
  // No lib files: the symbols are all that is read, and loading lib.d.ts takes seconds.
  const program = ts.createProgram([file], { noEmit: true, noLib: true, types: [] });
  expect(undocumentedExports(program, file)).toEqual([
    'Bare',
    'Empty',
    'fromStar',
    'internalOnly',
    'renamed',
  ]);
});

it('lists the types files of every subpath and condition once', () => {
  expect(
    declarationEntries({
      exports: {
        '.': {
          import: { types: './dist/index.d.ts' },
          require: { types: './dist/index.d.cts' },
        },
        './x': { types: './dist/x.d.ts' },
        './package.json': './package.json',
      },
    }),
  ).toEqual([
    { subpath: '.', file: './dist/index.d.ts' },
    { subpath: '.', file: './dist/index.d.cts' },
    { subpath: './x', file: './dist/x.d.ts' },
  ]);
});

it('reads every subpath of package.json exports', async () => {
  // The script itself runs on the build in npm test (npm run check:tsdoc).
  const pkg = (await import('../../package.json', { with: { type: 'json' } })).default;
  const subpaths = new Set(declarationEntries(pkg as never).map((entry) => entry.subpath));
  expect([...subpaths].sort()).toEqual(
    Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .sort(),
  );
});
