/**
 * The provider and the proxy under the edge runtime (`@edge-runtime/vm` globals: its fetch,
 * Request, Response, streams, TextDecoder, AbortController), against the emulator over HTTP. The
 * emulator runs in Node (the project's global setup) with its defaults, so each test picks its
 * behaviour by model id: the demo agent, `emulator/echo`, `emulator/error/<status>`,
 * `emulator/hang`, `emulator/mid-stream-error`. Nothing here imports a Node API.
 */
import { APICallError, generateText, isStepCount, Output, streamText, tool } from 'ai';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createOpenRouter } from '../../src/index.js';
import { createOpenRouterProxy } from '../../src/proxy/index.js';

declare const EdgeRuntime: string | undefined;

const baseURL = inject('emulatorBaseURL');
const API_KEY = 'sk-or-v1-edge-test-key-9d2e';

/** A provider at the emulator that counts the HTTP requests it sends. */
function countingProvider() {
  const sent: string[] = [];
  const provider = createOpenRouter({
    apiKey: API_KEY,
    baseURL,
    fetch: (input, init) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    },
  });
  return { provider, sent };
}

const weatherTools = (executed: string[]) => ({
  getWeather: tool({
    description: 'Current weather for a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      executed.push(`getWeather:${city}`);
      return { city, celsius: 20 };
    },
  }),
  convertTemperature: tool({
    description: 'Celsius to Fahrenheit',
    inputSchema: z.object({ celsius: z.number() }),
    execute: async ({ celsius }) => {
      executed.push(`convertTemperature:${celsius}`);
      return { fahrenheit: (celsius * 9) / 5 + 32 };
    },
  }),
});

async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('edge runtime', () => {
  it('runs under the edge runtime globals', () => {
    expect(typeof EdgeRuntime).toBe('string');
    expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('generateText', async () => {
    const { provider, sent } = countingProvider();
    const result = await generateText({ model: provider('openai/gpt-4o'), prompt: 'Hello edge' });
    expect(result.text).toBe(`You said: "Hello edge". I am the OpenRouter emulator's demo agent.`);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(sent).toEqual([`${baseURL}/chat/completions`]);
  });

  it('streamText with tools: a three-step loop with reasoning, tool calls and results', async () => {
    const executed: string[] = [];
    const result = streamText({
      model: createOpenRouter({ apiKey: API_KEY, baseURL })('openai/gpt-4o-mini'),
      prompt: 'What is the weather in Oslo, in Fahrenheit?',
      tools: weatherTools(executed),
      stopWhen: isStepCount(5),
    });
    const types = new Set<string>();
    let textDeltas = 0;
    for await (const part of result.stream) {
      types.add(part.type);
      if (part.type === 'text-delta') textDeltas++;
    }
    expect(executed).toEqual(['getWeather:Oslo', 'convertTemperature:20']);
    expect([...types]).toEqual(
      expect.arrayContaining(['reasoning-delta', 'tool-call', 'tool-result', 'text-delta']),
    );
    expect(textDeltas).toBeGreaterThan(2);
    expect(await result.text).toContain('convertTemperature returned {"fahrenheit":68}');
    expect((await result.steps).map((step) => step.finishReason)).toEqual([
      'tool-calls',
      'tool-calls',
      'stop',
    ]);
  });

  it('structured output', async () => {
    const { output } = await generateText({
      model: createOpenRouter({ apiKey: API_KEY, baseURL })('openai/gpt-4o'),
      prompt: 'Describe Kyoto',
      output: Output.object({
        schema: z.object({ city: z.string(), population: z.number(), coastal: z.boolean() }),
      }),
    });
    expect(output).toEqual({ city: 'Kyoto', population: 21, coastal: true });
  });

  it('errors: a 400 is a non-retryable APICallError; a 429 is retried', async () => {
    const bad = countingProvider();
    const error = await rejection(
      generateText({ model: bad.provider('emulator/error/400'), prompt: 'Hi', maxRetries: 2 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false });
    expect(String((error as APICallError).message)).toContain('emulator/error/400');
    expect(bad.sent).toHaveLength(1);

    const limited = countingProvider();
    const retried = await rejection(
      generateText({ model: limited.provider('emulator/error/429'), prompt: 'Hi', maxRetries: 1 }),
    );
    expect(String(retried)).toContain('Rate limit exceeded');
    expect(limited.sent).toHaveLength(2);
  });

  it('errors: a mid-stream error chunk ends the stream with an error after the text', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: createOpenRouter({ apiKey: API_KEY, baseURL })('emulator/mid-stream-error'),
      prompt: 'Hi',
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(await result.text).toBe('This answer is cut short by an upstream error.');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('Provider disconnected unexpectedly');
  });

  it('aborts: a hanging stream ends promptly when the signal aborts', async () => {
    const controller = new AbortController();
    const result = streamText({
      model: createOpenRouter({ apiKey: API_KEY, baseURL })('emulator/hang'),
      prompt: 'Hi',
      abortSignal: controller.signal,
    });
    const started = Date.now();
    const seen: string[] = [];
    for await (const part of result.stream) {
      seen.push(part.type);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(seen).toContain('text-delta');
    expect(seen.at(-1)).toBe('abort');
    expect(Date.now() - started).toBeLessThan(5000);

    const aborted = await rejection(
      generateText({
        model: createOpenRouter({ apiKey: API_KEY, baseURL })('emulator/hang'),
        prompt: 'Hi',
        abortSignal: AbortSignal.timeout(200),
      }),
    );
    expect(aborted).toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
  });

  it('the platform API: models.list() and key()', async () => {
    const openrouter = createOpenRouter({ apiKey: API_KEY, baseURL });
    const models = await openrouter.models.list({ supportedParameters: ['tools'] });
    expect(models.map((model) => model.id)).toContain('emulator/slow');
    expect(await openrouter.key()).toMatchObject({ label: expect.any(String) });
  });
});

describe('the proxy handler under the edge runtime', () => {
  const handler = createOpenRouterProxy({
    apiKey: API_KEY,
    baseURL,
    allowedModels: ['openai/gpt-4o-mini', 'emulator/echo'],
    maxBodyBytes: 2000,
  });
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    handler(
      new Request(`https://app.example${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
    );

  it('refuses a model outside the allow-list (403), an oversize body (413), traversal (400)', async () => {
    const refused = await post(
      '/api/v1/chat/completions',
      JSON.stringify({ model: 'openai/o3-pro', messages: [] }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 403, message: 'Model "openai/o3-pro" is not allowed by this proxy.' },
    });
    const large = await post(
      '/api/v1/chat/completions',
      JSON.stringify({ model: 'openai/gpt-4o-mini', padding: 'x'.repeat(5000) }),
    );
    expect(large.status).toBe(413);
    const traversal = await handler(new Request('https://app.example/api/v1/models%2F..%2Fkeys'));
    expect(traversal.status).toBe(400);
    const outside = await handler(new Request('https://app.example/api/v1/keys'));
    expect(outside.status).toBe(404);
  });

  it('forwards with the server key, without the client credentials, never echoing the key', async () => {
    const response = await post(
      '/api/v1/chat/completions',
      JSON.stringify({ model: 'emulator/echo', messages: [{ role: 'user', content: 'Hi' }] }),
      { authorization: 'Bearer sk-or-v1-client', 'x-provider-api-keys': '{}', cookie: 'a=b' },
    );
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(API_KEY);
    const echoed = JSON.parse(JSON.parse(text).choices[0].message.content) as {
      headers: string[];
    };
    expect(echoed.headers).toContain('authorization');
    expect(echoed.headers).not.toContain('x-provider-api-keys');
    expect(echoed.headers).not.toContain('cookie');
  });

  it('serves a keyless provider in browser-safe mode, streaming through', async () => {
    const executed: string[] = [];
    const browser = createOpenRouter({
      baseURL: 'https://app.example/api/v1',
      fetch: (input, init) => handler(new Request(input, init)),
    });
    const result = streamText({
      model: browser('openai/gpt-4o-mini'),
      prompt: 'Weather in Lima?',
      tools: weatherTools(executed),
      stopWhen: isStepCount(5),
    });
    expect(await result.text).toContain('getWeather returned');
    expect(executed).toEqual(['getWeather:Lima', 'convertTemperature:20']);
    const models = await browser.models.list();
    expect(models.length).toBeGreaterThan(3);
  });
});
