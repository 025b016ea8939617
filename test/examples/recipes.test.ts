/**
 * The recipes of docs/recipes.md are runnable examples (`examples/recipe-*.ts`): each runs here as
 * a user would (`tsx`, no OPENROUTER_API_KEY, so against the emulator) and what it prints, the
 * requests included, is checked, so a recipe cannot rot unnoticed.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROLE_VARIABLES = [
  'SMALL_MODEL',
  'LARGE_MODEL',
  'IMAGE_MODEL',
  'IMAGE_GENERATION_MODEL',
  'EMBEDDING_MODEL',
  'EMBEDDING_DIMENSIONS',
].flatMap((name) => [name, `OPENROUTER_${name}`]);

async function run(example: string, env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'OPENROUTER_API_KEY',
    'OPENROUTER_BASE_URL',
    'BACKGROUND_MODEL',
    ...ROLE_VARIABLES,
  ]) {
    delete base[name];
  }
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', `examples/${example}.ts`],
    { cwd: root, env: { ...base, ...env }, timeout: 60_000 },
  );
  expect(stderr).toBe(''); // no errors, and no AI SDK warnings (ai prints them to stderr)
  expect(stdout).toContain('using the local OpenRouter emulator');
  return stdout;
}

describe('recipes', () => {
  it('model aliases with customProvider: gpt-* -> openrouter:openai/gpt-*', async () => {
    const stdout = await run('recipe-model-aliases');
    expect(stdout).toContain('app:fast -> openai/gpt-4o-mini');
    expect(stdout).toContain('sent: {"model":"openai/gpt-4o-mini","temperature":0}');
    expect(stdout).toContain(
      'sent: {"model":"anthropic/claude-sonnet-4.5","reasoning":{"effort":"high"}}',
    );
    expect(stdout).toContain('app:gpt-5 -> openai/gpt-5');
    expect(stdout).toContain('sent: {"model":"openai/gpt-5"}');
    expect(stdout).toContain('app:x-ai/grok-4 -> x-ai/grok-4');
  }, 60_000);

  it('per-role models from env: the defaults when nothing is set', async () => {
    const stdout = await run('recipe-role-models');
    expect(stdout).toContain('small: openai/gpt-4o-mini');
    expect(stdout).toContain('large: anthropic/claude-sonnet-4.5');
    expect(stdout).toContain('embedding: openai/text-embedding-3-small -> 8 dimensions');
    expect(stdout).toContain('image: google/gemini-2.5-flash-image -> image/png');
  }, 60_000);

  it('per-role models from env: OPENROUTER_* first, then the generic names, references too', async () => {
    const stdout = await run('recipe-role-models', {
      OPENROUTER_SMALL_MODEL: 'openrouter:openai/gpt-4o?temperature=0.2',
      SMALL_MODEL: 'ignored/model',
      LARGE_MODEL: 'openrouter/meta-llama/llama-3.3-70b-instruct:free',
      IMAGE_MODEL: 'google/gemini-2.5-flash',
      EMBEDDING_MODEL: 'openrouter:openai/text-embedding-3-large',
      OPENROUTER_EMBEDDING_DIMENSIONS: '4',
      IMAGE_GENERATION_MODEL: 'openai/gpt-image-1',
    });
    expect(stdout).toContain('(sent {"model":"openai/gpt-4o","temperature":0.2})');
    expect(stdout).not.toContain('ignored/model');
    expect(stdout).toContain('(sent {"model":"meta-llama/llama-3.3-70b-instruct:free"})');
    expect(stdout).toContain('vision: google/gemini-2.5-flash');
    expect(stdout).toContain('embedding: openai/text-embedding-3-large -> 4 dimensions');
    expect(stdout).toContain('image: openai/gpt-image-1');
  }, 60_000);

  it('a :free model for background jobs: retried after a 429, with a paid fallback named', async () => {
    const stdout = await run('recipe-free-background');
    const lines = stdout.split('\n').filter((line) => line.includes('(cost 0)'));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^meta-llama\/llama-3\.3-70b-instruct:free/);
    expect(stdout).toContain('3 jobs, 4 requests');
    expect(stdout).toContain(
      'sent: {"model":"meta-llama/llama-3.3-70b-instruct:free","models":["meta-llama/llama-3.3-70b-instruct"],"max_tokens":200}',
    );
  }, 60_000);
});
