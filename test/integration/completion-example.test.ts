/**
 * Runs `examples/completion.ts` as a user would (`npx tsx`), without OPENROUTER_API_KEY so it
 * uses the emulator, and checks what it prints: the example cannot rot unnoticed.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('examples/completion.ts runs against the emulator', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.OPENROUTER_API_KEY;
  delete env.OPENROUTER_BASE_URL;
  delete env.OPENROUTER_MODEL;
  const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'examples/completion.ts'], {
    cwd: root,
    env,
    timeout: 60_000,
  });
  expect(stderr).toBe(''); // no errors, and no AI SDK warnings (ai prints them to stderr)
  expect(stdout).toContain('using the local OpenRouter emulator');
  expect(stdout).toContain(
    'generateText: Once upon a time there was a fox who read every book in the library.',
  );
  expect(stdout).toMatch(/finish: stop, tokens: \d+/);
  expect(stdout).toMatch(/cost: \{.*"cost":[\d.e-]+/);
  expect(stdout).toContain('streamText: Paris is the capital of France.');
}, 60_000);
