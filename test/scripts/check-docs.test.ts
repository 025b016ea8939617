/**
 * scripts/check-docs.ts: which blocks it finds, which it runs, and that a type error, a failing
 * run and a network access are each reported at their Markdown line.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  anchorsOf,
  checkDocs,
  declaresValues,
  extractBlocks,
  importsOf,
  notRunReason,
} from '../../scripts/check-docs';

const root = resolve(import.meta.dirname, '../..');
afterAll(() => rmSync(join(root, '.docs-check-test'), { recursive: true, force: true }));

it('extracts ts and typescript blocks with their first line and markers', () => {
  const markdown = [
    '# x', //                                   1
    '```ts', //                                 2
    'const a = 1;', //                          3
    '```', //                                   4
    '<!-- not-run: needs a browser -->', //     5
    '', //                                      6
    '- item', //                                7
    '  ```typescript', //                       8
    '  const b = 2;', //                        9
    '  ```', //                                 10
    '```sh', //                                 11
    'npm test', //                              12
    '```', //                                   13
    '<!-- not-compiled: pseudo -->', //         14
    '````ts', //                                15
    '```', //                                   16
    '````', //                                  17
  ].join('\n');
  const blocks = extractBlocks(markdown, 'x.md');
  expect(blocks.map(({ line, code, skip }) => ({ line, code, skip }))).toEqual([
    { line: 3, code: 'const a = 1;', skip: undefined },
    // The marker is not directly before this block: a list item is between.
    { line: 9, code: 'const b = 2;', skip: undefined },
    { line: 16, code: '```', skip: { kind: 'not-compiled', reason: 'pseudo' } },
  ]);
  expect(() => extractBlocks('<!-- not-run -->\n```ts\nx\n```', 'y.md')).toThrow(
    'y.md:1: not-run needs a reason',
  );
});

it('runs a block only when it imports the package, ai, zod or node: and declares nothing', () => {
  expect(
    importsOf("import a from 'ai';\nexport { b } from 'zod';\nawait import('node:fs');"),
  ).toEqual(['ai', 'zod', 'node:fs']);
  const block = (code: string) => ({ file: 'x.md', line: 1, code });
  expect(notRunReason(block("import { openrouter } from 'ai-sdk-openrouter/testing';"))).toBe(
    undefined,
  );
  expect(notRunReason(block("import { useChat } from '@ai-sdk/react';"))).toBe(
    'imports @ai-sdk/react',
  );
  expect(declaresValues('declare const x: number;')).toBe(true);
  expect(declaresValues('declare module "x" {}\ntype T = 1;')).toBe(false);
  expect(notRunReason({ ...block('x'), skip: { kind: 'not-run', reason: 'browser' } })).toBe(
    'not-run: browser',
  );
});

it('makes anchors as GitHub does', () => {
  expect([
    ...anchorsOf(
      '# Settings and `providerOptions.openrouter`\n## Capability checks (opt-in)\n## Notes\n## Notes\n```\n# not a heading\n```',
    ),
  ]).toEqual([
    'settings-and-provideroptionsopenrouter',
    'capability-checks-opt-in',
    'notes',
    'notes-1',
  ]);
});

it('reports type errors, failed runs and broken links at their Markdown lines', async () => {
  const result = await checkDocs({
    root,
    files: ['test/fixtures/docs-check/blocks.md'],
    workDir: '.docs-check-test',
    log: () => {},
  });
  expect(result).toMatchObject({ compiled: 6, ran: 3, skipped: 1 });
  const failures = result.failures.map((failure) => `${failure.line}: ${failure.message}`);
  expect(failures).toEqual([
    expect.stringMatching(/^18: TS2322 .*'string' is not assignable to type 'number'/),
    '58: link to missing.md: no such file',
    '58: link to ../../../docs/chat.md#no-such-heading: no heading with that anchor',
    expect.stringMatching(/^25: run failed: .*no-such/),
    expect.stringMatching(/^33: run failed: .*tried to reach https:\/\/example\.com/),
  ]);
}, 180_000);
