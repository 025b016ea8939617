/**
 * Browser-safe mode end to end: a provider with no key, its `baseURL` on the proxy, the proxy
 * adding the server's key on its way to the emulator. `ai` -> provider -> HTTP -> proxy -> HTTP
 * -> emulator.
 */
import { generateText, isStepCount, streamText } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index.js';
import { createOpenRouterProxy } from '../../src/proxy/index.js';
import {
  chatCompletionStream,
  defaultHandler,
  type OpenRouterEmulator,
  type SseEvent,
  startOpenRouterEmulator,
} from '../../src/testing/index.js';
import { type ServedHandler, serveFetchHandler } from '../helpers/serve-fetch-handler.js';
import { weatherTools, withEnv } from './support.js';

const SERVER_KEY = 'sk-or-v1-server-side-only-5e1d';

let emulator: OpenRouterEmulator;
let proxy: ServedHandler;

beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
  proxy = await serveFetchHandler(
    createOpenRouterProxy({
      apiKey: SERVER_KEY,
      baseURL: emulator.baseURL,
      allowedModels: ['openai/gpt-4o-mini', 'openai/gpt-4o'],
    }),
  );
});
beforeEach(() => {
  emulator.reset();
  emulator.setHandler(defaultHandler());
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

/** What a browser page creates: no key, the proxy as base URL. */
function browserProvider() {
  return createOpenRouter({ baseURL: `${proxy.origin}/api/v1` });
}

/** Runs `fn` with no key in the environment, so nothing but the proxy can supply one. */
const keyless = <T>(fn: () => Promise<T>) => withEnv({ OPENROUTER_API_KEY: undefined }, fn);

describe('the provider behind the proxy (browser-safe mode)', () => {
  it('generateText with tools: the client sends no key, the upstream gets the server key', async () => {
    const executed: string[] = [];
    const result = await keyless(() =>
      generateText({
        model: browserProvider()('openai/gpt-4o-mini'),
        prompt: 'What is the weather in Paris, in Fahrenheit?',
        tools: weatherTools(executed),
        stopWhen: isStepCount(5),
      }),
    );
    expect(executed).toEqual(['getWeather:Paris', 'convertTemperature:18']);
    expect(result.text).toContain('convertTemperature returned {"fahrenheit":64.4}');
    expect(emulator.requests).toHaveLength(3);
    for (const request of emulator.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    }
  });

  it('streamText: the SSE stream arrives incrementally through the proxy', async () => {
    const events = chatCompletionStream({ text: ['One.', ' Two.', ' Three.', ' Four.'] });
    const paced = events.flatMap((event): SseEvent[] =>
      'data' in event ? [event, { delayMs: 150 }] : [event],
    );
    emulator.enqueue({ type: 'sse', events: paced });
    const arrivals: Array<{ text: string; at: number }> = [];
    const result = await keyless(async () => {
      const stream = streamText({ model: browserProvider()('openai/gpt-4o'), prompt: 'Count' });
      for await (const delta of stream.textStream) arrivals.push({ text: delta, at: Date.now() });
      return stream;
    });
    expect(await result.text).toBe('One. Two. Three. Four.');
    expect(arrivals.map((arrival) => arrival.text)).toEqual(['One.', ' Two.', ' Three.', ' Four.']);
    // The upstream pauses 150 ms after each chunk. Buffered, all four deltas would arrive
    // together once it finished; streamed, they spread over about 450 ms.
    expect(arrivals.at(-1)!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it('a model outside the allow-list fails as a non-retryable 403', async () => {
    const error = await keyless(() =>
      generateText({ model: browserProvider()('openai/o3-pro'), prompt: 'Hi' }).then(
        () => undefined,
        (reason: unknown) => reason,
      ),
    );
    expect(error).toMatchObject({
      statusCode: 403,
      isRetryable: false,
      message: expect.stringContaining('is not allowed by this proxy'),
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it('models.list() reads the catalog through the proxy', async () => {
    const models = await keyless(() => browserProvider().models.list());
    expect(models.map((model) => model.id)).toContain('openai/gpt-4o-mini');
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /models',
    ]);
  });
});
