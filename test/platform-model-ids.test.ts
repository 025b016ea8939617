/**
 * `scripts/generate-model-ids.ts` and the committed `OpenRouterChatModelId` union: the script
 * against the emulator (API mode), from a JSON file, and the committed file being what
 * `--from-reference` produces.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { OpenRouterChatModelId } from '../src/platform/openrouter-model-ids';
import {
  modelEntry,
  modelsList,
  type OpenRouterEmulator,
  platformHandler,
  startOpenRouterEmulator,
} from '../src/testing/index';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const GENERATED = join(root, 'src/platform/openrouter-model-ids.ts');
const REFERENCE_DIR = '/work/shared/reference';

/** Runs the script (async: the emulator in this process must keep answering). */
async function generate(args: string[], env: Record<string, string | undefined> = {}) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-model-ids.ts', '--stdout', ...args],
    { cwd: root, env: { ...process.env, ...env } },
  );
  return stdout;
}

const CATALOG = [
  modelEntry({ id: 'openai/gpt-4o' }),
  modelEntry({ id: 'z-ai/glm-4.6', architecture: { output_modalities: ['text'] } }),
  modelEntry({
    id: 'google/gemini-2.5-flash-image',
    architecture: { output_modalities: ['image', 'text'] },
  }),
  modelEntry({
    id: 'openai/text-embedding-3-small',
    architecture: { output_modalities: ['embeddings'] },
  }),
  modelEntry({ id: "acme/it's-quoted" }),
];

describe('generate-model-ids', () => {
  let emulator: OpenRouterEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startOpenRouterEmulator({
      requireAuth: false,
      handler: platformHandler({ models: CATALOG }),
    });
    dir = mkdtempSync(join(tmpdir(), 'model-ids-'));
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('API mode: GET /models?output_modalities=all, keeps chat-capable models', async () => {
    const output = await generate(['--base-url', emulator.baseURL, '--date', '2026-01-02'], {
      OPENROUTER_API_KEY: 'sk-or-v1-script',
    });
    const request = emulator.requests.at(-1);
    expect(request?.path).toBe('/models');
    expect(request?.query).toEqual({ output_modalities: 'all' });
    expect(request?.headers.authorization).toBe('Bearer sk-or-v1-script');
    expect(output).toContain(`// Source: GET ${emulator.baseURL}/models?output_modalities=all`);
    expect(output).toContain('// Generated on 2026-01-02 (4 ids).');
    expect(output).toContain(
      [
        'export type OpenRouterChatModelId =',
        "  | 'acme/it\\'s-quoted'",
        "  | 'google/gemini-2.5-flash-image'",
        "  | 'openai/gpt-4o'",
        "  | 'z-ai/glm-4.6'",
        '  | (string & {});',
      ].join('\n'),
    );
    expect(output).not.toContain('text-embedding');
  }, 30_000);

  it('JSON mode: a saved /models body or a plain list of ids', async () => {
    const body = join(dir, 'models.json');
    writeFileSync(body, JSON.stringify(modelsList(CATALOG.slice(0, 4))));
    const fromBody = await generate(['--from-json', body]);
    expect(fromBody).toContain("  | 'z-ai/glm-4.6'\n");
    expect(fromBody).not.toContain('text-embedding');

    const ids = join(dir, 'ids.json');
    writeFileSync(ids, JSON.stringify(['b/two', 'a/one', 'b/two']));
    const fromIds = await generate(['--from-json', ids]);
    expect(fromIds).toContain("  | 'a/one'\n  | 'b/two'\n  | (string & {});");
  }, 30_000);

  it.skipIf(!existsSync(REFERENCE_DIR))(
    'the committed union is what --from-reference generates',
    async () => {
      const committed = readFileSync(GENERATED, 'utf8');
      const date = /Generated on (\d{4}-\d{2}-\d{2})/.exec(committed)?.[1];
      expect(date).toBeDefined();
      expect(await generate(['--from-reference', REFERENCE_DIR, '--date', date ?? ''])).toBe(
        committed,
      );
      expect(committed).toContain("  | 'anthropic/claude-sonnet-4.5'\n");
      expect(committed).not.toMatch(/@|-\d{8}'|:free'|text-embedding/);
    },
    30_000,
  );
});

describe('OpenRouterChatModelId', () => {
  it('offers the known ids and still accepts any string', () => {
    expectTypeOf<'anthropic/claude-sonnet-4.5'>().toExtend<OpenRouterChatModelId>();
    expectTypeOf<'acme/brand-new:free'>().toExtend<OpenRouterChatModelId>();
    expectTypeOf<OpenRouterChatModelId>().toExtend<string>();
  });
});
