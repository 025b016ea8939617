/**
 * Every example in `examples/` runs against the emulator, as `npm run example -- <name>` runs it
 * with no OPENROUTER_* variable set, and prints what it should: none can rot unnoticed. The list
 * comes from the directory, so a new example without expectations here fails the first test.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleNames } from '../../scripts/example';
import { SAMPLE_MP4, TINY_PNG_BASE64 } from '../../src/testing/index';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'examples-'));
mkdirSync(join(out, 'images'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Expectation {
  /** Lines (or patterns) the output must contain. */
  stdout: Array<string | RegExp>;
  /** AI SDK warnings the example shows on purpose; any other stderr output fails. */
  stderr?: RegExp;
  env?: Record<string, string>;
  /** Further checks, e.g. on the files it wrote. */
  check?: () => void;
}

const EMULATOR =
  'No OPENROUTER_API_KEY set: using the local OpenRouter emulator at http://127.0.0.1:';

const EXPECTED: Record<string, Expectation> = {
  chat: {
    stdout: [
      /^assistant: You said: "In one sentence: what is OpenRouter\?"/m,
      /^ {2}\[\d+ in \+ \d+ out tokens, cost [\d.e-]+, served by OpenAI\]$/m,
      'user: And why would a developer use it?',
      /^assistant: You said: "And why would a developer use it\?"/m,
    ],
  },
  streaming: {
    stdout: [
      /You said: "Write a four-line poem about packets finding their way\."/,
      /\[finish: stop, generation gen-\d+-\w{20}\]/,
      /^\d+ text deltas, \d+ tokens, cost [\d.e-]+$/m,
    ],
  },
  tools: {
    stdout: [
      'step 1 (tool-calls):',
      '  call getWeather({"city":"Paris"})',
      '  result getWeather: {"city":"Paris","temperatureCelsius":21,"conditions":"sunny"}',
      '  call convertTemperature({"celsius":21})',
      '  result convertTemperature: {"fahrenheit":70}',
      'step 3 (stop):',
      /^3 steps, \d+ tokens, cost 0\.\d{6}$/m,
    ],
  },
  'structured-output': {
    stdout: [
      /^recipe: \w+, \d+ servings, vegetarian: (true|false)$/m,
      /^ {2}- .+$/m,
      /^streamed: \w+ after \d+ partial objects$/m,
    ],
  },
  reasoning: {
    stdout: [
      'thinking: The user asked: "Is 1,001 a prime number? Answer in one sentence.".',
      '  [1 reasoning details kept for the next turn]',
      /^ {2}\[turn 1: [1-9]\d* reasoning tokens\]$/m,
      'answer: You said: "And 1,003?".',
    ],
  },
  'web-search': {
    stdout: [
      'answer: Paris is 18°C and sunny today [1].',
      'source: Paris weather forecast <https://weather.example.com/paris/forecast> "Today: 18°C, sunny."',
      'source: Heatwave expected in Paris <https://news.example.org/2026/paris-heatwave>',
      'server tool: search({"query":"Paris weather today"})',
      /^searches: \{"web_search_requests":1\}, cost [\d.]+$/m,
    ],
  },
  platform: {
    stdout: [
      /^\d+ models support tools; the first three:$/m,
      /^ {2}openai\/gpt-4o-mini \(context \d+, prompt \$[\d.]+\/token\)$/m,
      'openai/gpt-4o-mini is served by: Emulator',
      /^key: usage [\d.]+, limit \d+$/m,
      /^generation gen-\d+-\w{20}: cost [\d.]+, provider OpenAI$/m,
    ],
  },
  proxy: {
    stdout: [
      'allowed model, streamed through the proxy: You said: "Say hello.".',
      /^the catalog through the proxy: \d+ models$/m,
      'another model is refused: 403 Model "openai/gpt-4o" is not allowed by this proxy.',
    ],
  },
  demo: {
    stdout: [
      'getWeather({"city":"Paris"})',
      '{"fahrenheit":70}',
      /Here is what I found: getWeather returned/,
      /usage:.* \d+ input \+ \d+ output = \d+ tokens, cost \$0\.\d{6}/,
    ],
  },
  completion: {
    stdout: [
      'generateText: Once upon a time there was a fox who read every book in the library.',
      /finish: stop, tokens: \d+/,
      /cost: \{.*"cost":[\d.e-]+/,
      'streamText: Paris is the capital of France.',
    ],
  },
  embedding: {
    stdout: [
      /3 vectors of \d+ dimensions/,
      'closest to "Which city is the capital of France?": "Paris is the capital of France."',
    ],
  },
  reranking: {
    stdout: [
      /^#1 {2}0\.850 {2}Paris is the capital and largest city of France\.$/m,
      'top email: Follow-up (from Paul Doe)',
    ],
    // The email documents are objects, which OpenRouter takes only as text: the example shows the warning.
    stderr: /AI SDK Warning|object documents|AI_SDK_LOG_WARNINGS|--trace-warnings/,
  },
  image: {
    env: { IMAGE_OUT: join(out, 'images') },
    stdout: [
      /^generated: image\/png, 82 bytes \(generation gen-\d+-\w{20}, cost 0\.04\)$/m,
      /^edited: image\/png, 82 bytes /m,
    ],
    check: () => {
      expect(readdirSync(join(out, 'images')).sort()).toEqual(['edited-0.png', 'generated-0.png']);
      expect(readFileSync(join(out, 'images/generated-0.png')).toString('base64')).toBe(
        TINY_PNG_BASE64,
      );
    },
  },
  speech: {
    stdout: [/audio: audio\/mpeg, \d+ bytes/, /generation id: gen-\d+-/],
  },
  transcription: {
    stdout: [
      'text: Hello! This is OpenRouter transcribing audio.',
      'language: en, duration: 2 s',
      /\[0s - [\d.]+s\] Hello!/,
      'cost: 0.0002',
    ],
  },
  video: {
    env: { VIDEO_OUTPUT: join(out, 'clip.mp4') },
    stdout: [
      /job: gen-vid-\d+-\w{20}, generation: gen-\d+-\w{20}/,
      `video: video/mp4, ${SAMPLE_MP4.length} bytes`,
      'cost: 0.5',
    ],
    check: () => expect(new Uint8Array(readFileSync(join(out, 'clip.mp4')))).toEqual(SAMPLE_MP4),
  },
};

/** The environment of a user without OpenRouter variables. */
function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('OPENROUTER_')) delete env[name];
  return env;
}

it('every example has expectations, and every expectation an example', () => {
  // The recipes (`recipe-*`) need their environment variables: recipes.test.ts runs them.
  const names = exampleNames().filter((name) => !name.startsWith('recipe-'));
  expect(names).toEqual(Object.keys(EXPECTED).sort());
});

describe.concurrent('examples/<name>.ts against the emulator', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', `examples/${name}.ts`],
        { cwd: root, env: offlineEnv(expected.env), timeout: 60_000 },
      );
      expect(stdout.startsWith(EMULATOR) || stdout.includes(`\x1b[2m${EMULATOR}`)).toBe(true);
      for (const line of expected.stdout) {
        if (typeof line === 'string') expect(stdout).toContain(line);
        else expect(stdout).toMatch(line);
      }
      const unexpected = stderr
        .split('\n')
        .filter((line) => line.trim() !== '' && !expected.stderr?.test(line));
      expect(unexpected).toEqual([]);
      expected.check?.();
    }, 60_000);
  }
});

it('npm run example -- <name> runs an example, and lists them without a name', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/example.ts', 'tools'],
    {
      cwd: root,
      env: offlineEnv(),
      timeout: 60_000,
    },
  );
  expect(stdout).toContain('  call convertTemperature({"celsius":21})');
  const listed = await run(process.execPath, ['--import', 'tsx', 'scripts/example.ts', '--list'], {
    cwd: root,
  });
  for (const name of exampleNames())
    expect(listed.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
}, 60_000);
