/**
 * Provider construction and settings: model factories, API key and base URL resolution (lazy,
 * from the environment), headers on the wire, and the custom fetch, over real HTTP (emulator).
 */
import { LoadAPIKeyError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { generateText, streamText } from 'ai';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenRouter, DEFAULT_OPENROUTER_BASE_URL, openrouter } from '../../src/index';
import { scriptedChat } from '../../src/testing/index';
import {
  bodyAt,
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  TEST_API_KEY,
  thrownBy,
  useEmulator,
  withEnv,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

// Every test starts without the two environment variables and gets the originals back after.
const ENV_NAMES = ['OPENROUTER_API_KEY', 'OPENROUTER_BASE_URL'] as const;
let savedEnv: Record<string, string | undefined> = {};
beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  for (const name of ENV_NAMES) delete process.env[name];
  ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
});
afterEach(() => {
  for (const name of ENV_NAMES) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('provider object', () => {
  it("is a V4 provider (specificationVersion 'v4')", () => {
    expect(createOpenRouter().specificationVersion).toBe('v4');
    expect(openrouter.specificationVersion).toBe('v4');
  });

  it('is callable: openrouter(id) returns a V4 chat model', () => {
    const model = createOpenRouter()('anthropic/claude-sonnet-4.5');
    expect(model.specificationVersion).toBe('v4');
    expect(model.provider).toBe('openrouter.chat');
    expect(model.modelId).toBe('anthropic/claude-sonnet-4.5');
  });

  it('languageModel(id) and chat(id) return the same kind of model', () => {
    const provider = createOpenRouter();
    for (const model of [provider.languageModel('x/a'), provider.chat('x/b')]) {
      expect(model.specificationVersion).toBe('v4');
      expect(model.provider).toBe('openrouter.chat');
    }
    expect(provider.languageModel('x/a').modelId).toBe('x/a');
    expect(provider.chat('x/b').modelId).toBe('x/b');
  });

  it('cannot be called with new', () => {
    const provider = createOpenRouter();
    const error = thrownBy(() => Reflect.construct(provider, [MODEL_ID]));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/new/);
  });

  it('creating the provider and models needs no key and makes no request', () => {
    const provider = createOpenRouter();
    provider(MODEL_ID);
    provider.chat(MODEL_ID, { user: 'u' });
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('API key', () => {
  it('is read from OPENROUTER_API_KEY at call time, not at creation', async () => {
    const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL });
    const model = provider(MODEL_ID);
    process.env.OPENROUTER_API_KEY = 'sk-or-v1-from-env-1';
    await generateText({ model, prompt: 'hello' });
    process.env.OPENROUTER_API_KEY = 'sk-or-v1-from-env-2';
    await generateText({ model, prompt: 'hello' });
    expect(ctx.emulator.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-or-v1-from-env-1',
      'Bearer sk-or-v1-from-env-2',
    ]);
  });

  it('the apiKey setting wins over the environment', async () => {
    process.env.OPENROUTER_API_KEY = 'sk-or-v1-from-env';
    const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL, apiKey: 'sk-or-v1-set' });
    await generateText({ model: provider(MODEL_ID), prompt: 'hello' });
    expect(requestAt(ctx.emulator).headers.authorization).toBe('Bearer sk-or-v1-set');
  });

  // A missing key is an error when calling OpenRouter itself (its default base URL); the fetch
  // proves nothing is sent. Behind a proxy base URL the key is optional (browser-safe mode).
  const fetchNothing: FetchFunction = async () => {
    throw new Error('no request may be sent without a key');
  };

  it('missing: LoadAPIKeyError at call time (generateText), nothing sent', async () => {
    const provider = createOpenRouter({ fetch: fetchNothing });
    const model = provider(MODEL_ID); // creation must not throw
    const error = await rejectionOf(generateText({ model, prompt: 'hello' }));
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('OPENROUTER_API_KEY');
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('missing: LoadAPIKeyError surfaces from streamText as an error part', async () => {
    const provider = createOpenRouter({ fetch: fetchNothing });
    const errors: unknown[] = [];
    const result = streamText({
      model: provider(MODEL_ID),
      prompt: 'hello',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    expect(LoadAPIKeyError.isInstance(errors[0])).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('the default openrouter instance reads key and base URL from the environment lazily', async () => {
    const model = openrouter(MODEL_ID);
    await withEnv(
      {
        OPENROUTER_API_KEY: 'sk-or-v1-default-instance',
        OPENROUTER_BASE_URL: ctx.emulator.baseURL,
      },
      () => generateText({ model, prompt: 'hello' }),
    );
    expect(ctx.emulator.requests).toHaveLength(1);
    expect(requestAt(ctx.emulator).headers.authorization).toBe('Bearer sk-or-v1-default-instance');
  });
});

describe('base URL', () => {
  it('defaults to the public OpenRouter API', () => {
    expect(DEFAULT_OPENROUTER_BASE_URL).toBe('https://openrouter.ai/api/v1');
  });

  it('is read from OPENROUTER_BASE_URL at call time; a trailing slash is tolerated', async () => {
    const provider = createOpenRouter({ apiKey: TEST_API_KEY });
    const model = provider(MODEL_ID);
    process.env.OPENROUTER_BASE_URL = `${ctx.emulator.baseURL}/`;
    await generateText({ model, prompt: 'hello' });
    expect(ctx.emulator.requests).toHaveLength(1);
    expect(requestAt(ctx.emulator).path).toBe('/chat/completions');
  });

  it('the baseURL setting (with a trailing slash) wins over the environment', async () => {
    process.env.OPENROUTER_BASE_URL = 'http://127.0.0.1:9/api/v1';
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: `${ctx.emulator.baseURL}/`,
    });
    await generateText({ model: provider(MODEL_ID), prompt: 'hello' });
    expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/chat/completions']);
  });

  it('streamText uses the same URL', async () => {
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: `${ctx.emulator.baseURL}/`,
    });
    await streamText({ model: provider(MODEL_ID), prompt: 'hello' }).consumeStream();
    expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/chat/completions']);
    expect(bodyAt(ctx.emulator).stream).toBe(true);
  });
});

describe('headers', () => {
  const attributed = () =>
    emulatorProvider(ctx.emulator, {
      apiKey: 'sk-or-v1-headers',
      appUrl: 'https://myapp.example.com',
      appName: 'My App',
      headers: { 'X-Custom': 'provider', 'X-Override-Me': 'provider' },
    });

  it('generateText: authorization, attribution, custom and per-call headers', async () => {
    await generateText({
      model: attributed()(MODEL_ID),
      prompt: 'hello',
      headers: { 'X-Call': 'call', 'X-Override-Me': 'call' },
    });
    const { headers } = requestAt(ctx.emulator);
    expect(headers).toMatchObject({
      authorization: 'Bearer sk-or-v1-headers',
      'content-type': 'application/json',
      'http-referer': 'https://myapp.example.com',
      'x-openrouter-title': 'My App',
      'x-title': 'My App',
      'x-custom': 'provider',
      'x-call': 'call',
      'x-override-me': 'call',
    });
  });

  it('streamText: the same provider headers and per-call headers', async () => {
    await streamText({
      model: attributed()(MODEL_ID),
      prompt: 'hello',
      headers: { 'X-Call': 'call' },
    }).consumeStream();
    expect(requestAt(ctx.emulator).headers).toMatchObject({
      authorization: 'Bearer sk-or-v1-headers',
      'http-referer': 'https://myapp.example.com',
      'x-openrouter-title': 'My App',
      'x-title': 'My App',
      'x-custom': 'provider',
      'x-call': 'call',
    });
  });

  it('no attribution headers unless appUrl / appName are set', async () => {
    await generateText({ model: ctx.model(), prompt: 'hello' });
    const { headers } = requestAt(ctx.emulator);
    expect(headers).not.toHaveProperty('http-referer');
    expect(headers).not.toHaveProperty('x-openrouter-title');
    expect(headers).not.toHaveProperty('x-title');
  });

  it("generateText: user-agent keeps both ai's marker and ours", async () => {
    await generateText({ model: ctx.model(), prompt: 'hello' });
    const userAgent = requestAt(ctx.emulator).headers['user-agent'] ?? '';
    expect(userAgent).toMatch(/(^|\s)ai\/7\.\d+\.\d+/);
    expect(userAgent).toMatch(/(^|\s)ai-sdk-openrouter\/\S+/);
  });

  it('streamText: user-agent carries our marker', async () => {
    await streamText({
      model: ctx.model(),
      prompt: 'hello',
    }).consumeStream();
    expect(requestAt(ctx.emulator).headers['user-agent']).toMatch(/(^|\s)ai-sdk-openrouter\/\S+/);
  });

  it('a user-agent from the settings (streamText) is kept, with our marker appended', async () => {
    const provider = emulatorProvider(ctx.emulator, { headers: { 'User-Agent': 'my-app/1.0' } });
    await streamText({ model: provider(MODEL_ID), prompt: 'hello' }).consumeStream();
    expect(requestAt(ctx.emulator).headers['user-agent']).toMatch(
      /^my-app\/1\.0 ai-sdk-openrouter\/\S+/,
    );
  });

  it("a user-agent from the settings survives generateText, next to ai's and ours", async () => {
    const provider = emulatorProvider(ctx.emulator, { headers: { 'User-Agent': 'my-app/1.0' } });
    await generateText({ model: provider('openai/gpt-4o'), prompt: 'hi' });
    expect(requestAt(ctx.emulator).headers['user-agent']).toMatch(
      /^ai\/7\.\d+\.\d+ my-app\/1\.0 ai-sdk-openrouter\/\S+/,
    );
  });

  it('a per-call user-agent (generateText) is kept next to both markers', async () => {
    await generateText({
      model: ctx.model(),
      prompt: 'hello',
      headers: { 'User-Agent': 'call-agent/2' },
    });
    const userAgent = requestAt(ctx.emulator).headers['user-agent'] ?? '';
    expect(userAgent).toMatch(/^call-agent\/2 /);
    expect(userAgent).toMatch(/(^|\s)ai\/7\.\d+\.\d+/);
    expect(userAgent).toMatch(/(^|\s)ai-sdk-openrouter\/\S+/);
  });

  it('the API key travels only in the authorization header', async () => {
    const key = 'sk-or-v1-only-in-authorization';
    const provider = emulatorProvider(ctx.emulator, { apiKey: key });
    await generateText({ model: provider(MODEL_ID), prompt: 'hello' });
    const { headers, rawBody, query } = requestAt(ctx.emulator);
    const carriers = Object.entries(headers)
      .filter(([, value]) => value.includes(key))
      .map(([name]) => name);
    expect(carriers).toEqual(['authorization']);
    expect(rawBody).not.toContain(key);
    expect(JSON.stringify(query)).not.toContain(key);
  });
});

describe('custom fetch', () => {
  it('is used for generateText and streamText, and sees the final URL and headers', async () => {
    const calls: Array<{ url: string; authorization: string | null }> = [];
    const recordingFetch: FetchFunction = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const headers = new Headers(init?.headers);
      calls.push({ url, authorization: headers.get('authorization') });
      headers.set('x-through-custom-fetch', 'yes');
      return fetch(input, { ...init, headers });
    };
    const provider = emulatorProvider(ctx.emulator, { fetch: recordingFetch });
    await generateText({ model: provider(MODEL_ID), prompt: 'hello' });
    await streamText({ model: provider(MODEL_ID), prompt: 'hello' }).consumeStream();
    const expected = {
      url: `${ctx.emulator.baseURL}/chat/completions`,
      authorization: `Bearer ${TEST_API_KEY}`,
    };
    expect(calls).toEqual([expected, expected]);
    expect(ctx.emulator.requests.map((r) => r.headers['x-through-custom-fetch'])).toEqual([
      'yes',
      'yes',
    ]);
  });

  it('can answer without any network (the emulator sees nothing)', async () => {
    const cannedFetch: FetchFunction = async () =>
      new Response(
        JSON.stringify({
          id: 'gen-1',
          model: MODEL_ID,
          created: 1791500000,
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'canned' } },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: 'http://127.0.0.1:9/api/v1',
      fetch: cannedFetch,
    });
    const result = await generateText({ model: provider(MODEL_ID), prompt: 'hello' });
    expect(result.text).toBe('canned');
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
