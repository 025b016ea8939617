/**
 * OpenRouter's own features over real HTTP: typed options in both spellings (nested too),
 * attribution and feature headers, BYOK keys, router metadata, response caching, and the
 * browser-safe proxy mode (a real proxy server in front of the emulator).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import { chatCompletionJson, scriptedChat } from '../../src/testing/index';
import {
  bodyAt,
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  useEmulator,
  withEnv,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

describe('typed options: wire spelling and camelCase, nested included', () => {
  it('maps camelCase routing preferences and plugin options to the wire', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hi',
      providerOptions: {
        openrouter: {
          provider: {
            order: ['anthropic', 'amazon-bedrock'],
            allowFallbacks: false,
            dataCollection: 'deny',
            sort: { by: 'throughput', partition: 'none' },
            maxPrice: { prompt: 1, completion: 2 },
            preferredMaxLatency: { p90: 3 },
          },
          plugins: [
            { id: 'file-parser', pdf: { engine: 'cloudflare-ai' } },
            { id: 'web', maxResults: 3 },
          ],
          webSearchOptions: { searchContextSize: 'high' },
          metadata: { customerId: 'c-1' },
          stopServerToolsWhen: [{ type: 'step_count_is', stepCount: 2 }],
        },
      },
    });
    expect(result.warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject({
      provider: {
        order: ['anthropic', 'amazon-bedrock'],
        allow_fallbacks: false,
        data_collection: 'deny',
        sort: { by: 'throughput', partition: 'none' },
        max_price: { prompt: 1, completion: 2 },
        preferred_max_latency: { p90: 3 },
      },
      plugins: [
        { id: 'file-parser', pdf: { engine: 'cloudflare-ai' } },
        { id: 'web', max_results: 3 },
      ],
      web_search_options: { search_context_size: 'high' },
      // User data keeps its own keys.
      metadata: { customerId: 'c-1' },
      stop_server_tools_when: [{ type: 'step_count_is', step_count: 2 }],
    });
  });

  it('warns about routing fields at the top level, and about typos inside provider', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hi',
      providerOptions: { openrouter: { order: ['anthropic'], provider: { ordr: ['x'] } } },
    });
    const messages = (result.warnings ?? []).map((warning) =>
      warning.type === 'other' ? warning.message : '',
    );
    expect(messages).toEqual([
      expect.stringContaining('put it inside `provider`'),
      expect.stringContaining(
        'providerOptions.openrouter.provider.ordr is not a known OpenRouter provider field',
      ),
    ]);
    // Sent unchanged all the same: OpenRouter may know fields this package does not.
    expect(bodyAt(ctx.emulator)).toMatchObject({ order: ['anthropic'], provider: { ordr: ['x'] } });
  });

  it('rejects invalid values of known plugins and deprecated no-ops with the right signal', async () => {
    const model = ctx.model();
    const error = await rejectionOf(
      generateText({
        model,
        prompt: 'hi',
        providerOptions: {
          openrouter: { plugins: [{ id: 'file-parser', pdf: { engine: 7 } }] },
        },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('providerOptions.openrouter.plugins');
    expect(ctx.emulator.requests).toHaveLength(0);

    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model,
      prompt: 'hi',
      providerOptions: {
        openrouter: { usage: { include: true }, plugins: [{ id: 'future-plugin', someOption: 1 }] },
      },
    });
    expect(result.warnings).toEqual([
      {
        type: 'deprecated',
        setting: 'providerOptions.openrouter.usage',
        message: expect.stringContaining('no effect'),
      },
    ]);
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('usage');
    expect(bodyAt(ctx.emulator).plugins).toEqual([{ id: 'future-plugin', some_option: 1 }]);
  });
});

describe('headers for OpenRouter features', () => {
  it('sends attribution, categories, BYOK keys, session, cache, betas and metadata opt-in', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const provider = emulatorProvider(ctx.emulator, {
      appName: 'My App',
      appUrl: 'https://myapp.example',
      appCategories: ['cli-agent', 'cloud-agent'],
      apiKeys: { anthropic: 'sk-ant-byok-1' },
      sessionId: 'conversation-42',
      responseCache: true,
      anthropicBeta: ['interleaved-thinking-2025-05-14', 'structured-outputs-2025-11-13'],
      routerMetadata: true,
    });
    await generateText({ model: provider(MODEL_ID), prompt: 'hi', headers: { 'x-call': '1' } });
    expect(requestAt(ctx.emulator).headers).toMatchObject({
      'x-openrouter-title': 'My App',
      'x-title': 'My App',
      'http-referer': 'https://myapp.example',
      'x-openrouter-categories': 'cli-agent,cloud-agent',
      'x-provider-api-keys': '{"anthropic":"sk-ant-byok-1"}',
      'x-session-id': 'conversation-42',
      'x-openrouter-cache': 'true',
      'x-anthropic-beta': 'interleaved-thinking-2025-05-14,structured-outputs-2025-11-13',
      'x-openrouter-metadata': 'enabled',
      'x-call': '1',
    });
  });

  it('accepts the incumbent spelling api_keys for BYOK keys', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const provider = emulatorProvider(ctx.emulator, { api_keys: { openai: 'sk-byok' } });
    await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    expect(requestAt(ctx.emulator).headers['x-provider-api-keys']).toBe('{"openai":"sk-byok"}');
  });

  for (const mode of ['generateText', 'streamText'] as const) {
    it(`${mode}: surfaces router metadata and the response-cache status`, async () => {
      const routing = { pipeline: [{ type: 'router', selected: 'anthropic' }] };
      ctx.emulator.setHandler((request) => {
        const stream = request.json<{ stream?: boolean }>().stream === true;
        const headers = { 'x-openrouter-cache-status': 'HIT', 'x-openrouter-cache-ttl': '300' };
        if (!stream) {
          return {
            type: 'json',
            body: { ...chatCompletionJson({ text: 'cached' }), openrouter_metadata: routing },
            headers,
          };
        }
        return {
          type: 'sse',
          headers,
          events: [
            {
              data: {
                id: 'gen-1',
                object: 'chat.completion.chunk',
                created: 1,
                model: 'm',
                choices: [{ index: 0, delta: { content: 'cached' }, finish_reason: 'stop' }],
              },
            },
            {
              data: {
                id: 'gen-1',
                object: 'chat.completion.chunk',
                created: 1,
                model: 'm',
                choices: [],
                usage: { prompt_tokens: 0, completion_tokens: 0 },
                openrouter_metadata: routing,
              },
            },
            { done: true },
          ],
        };
      });
      const provider = emulatorProvider(ctx.emulator, {
        responseCache: true,
        routerMetadata: true,
      });
      const result =
        mode === 'generateText'
          ? await generateText({ model: provider(MODEL_ID), prompt: 'hi' })
          : streamText({ model: provider(MODEL_ID), prompt: 'hi' });
      const metadata = (await result.providerMetadata)?.openrouter;
      expect(metadata?.routerMetadata).toEqual(routing);
      expect(metadata?.responseCache).toEqual({ status: 'HIT', ttl: '300' });
    });
  }
});

describe('browser-safe mode: a proxy route adds the key', () => {
  let proxy: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    proxy = undefined;
    delete (globalThis as { window?: unknown }).window;
  });

  /** What a Next.js route handler does: forward the body, add the server-side key. */
  async function startProxy(upstreamBaseURL: string): Promise<string> {
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${upstreamBaseURL}${req.url?.replace('/api/openrouter', '')}`, {
        method: req.method,
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-or-server-side' },
        body: Buffer.concat(chunks),
      });
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/openrouter`;
  }

  it('needs no key on the client and sends none; the proxy adds it', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'via proxy' }));
    const baseURL = await startProxy(ctx.emulator.baseURL);
    const result = await withEnv({ OPENROUTER_API_KEY: undefined }, () =>
      generateText({ model: createOpenRouter({ baseURL })(MODEL_ID), prompt: 'hi' }),
    );
    expect(result.text).toBe('via proxy');
    expect(requestAt(ctx.emulator).headers.authorization).toBe('Bearer sk-or-server-side');
  });

  it('warns once when a real key is used from a browser against OpenRouter itself', async () => {
    (globalThis as { window?: unknown }).window = {};
    const provider = createOpenRouter({
      apiKey: 'sk-or-v1-in-the-browser',
      fetch: async () => Response.json(chatCompletionJson({ text: 'ok' })),
    });
    const first = await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    const second = await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    expect(first.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('running in a browser') },
    ]);
    expect(first.warnings?.[0]).not.toHaveProperty(
      'message',
      expect.stringContaining('sk-or-v1-in-the-browser'),
    );
    expect(second.warnings).toEqual([]);
  });
});

describe('cost and generation metadata', () => {
  const logprobs = [
    {
      token: 'Hi',
      logprob: -0.1,
      bytes: [72, 105],
      top_logprobs: [{ token: 'Hi', logprob: -0.1 }],
    },
  ];

  for (const mode of ['generateText', 'streamText'] as const) {
    it(`${mode}: requested logprobs come back with cost, BYOK flag and generation id`, async () => {
      const usage = {
        prompt_tokens: 5,
        completion_tokens: 1,
        total_tokens: 6,
        cost: 0.00042,
        is_byok: true,
      };
      ctx.emulator.setHandler((request) => {
        if (request.json<{ stream?: boolean }>().stream !== true) {
          const body = chatCompletionJson({ id: 'gen-77', text: 'Hi', usage });
          const choices = body.choices as Array<Record<string, unknown>>;
          choices[0] = { ...choices[0], logprobs: { content: logprobs, refusal: null } };
          return { type: 'json', body };
        }
        const base = {
          id: 'gen-77',
          provider: 'OpenAI',
          model: 'openai/gpt-4o',
          object: 'chat.completion.chunk',
          created: 1,
        };
        return {
          type: 'sse',
          events: [
            {
              data: {
                ...base,
                choices: [
                  {
                    index: 0,
                    delta: { content: 'Hi' },
                    finish_reason: null,
                    logprobs: { content: logprobs },
                  },
                ],
              },
            },
            {
              data: {
                ...base,
                choices: [
                  { index: 0, delta: {}, finish_reason: 'stop', native_finish_reason: 'stop' },
                ],
              },
            },
            { data: { ...base, choices: [], usage } },
            { done: true },
          ],
        };
      });
      const options = {
        model: ctx.model(),
        prompt: 'hi',
        providerOptions: { openrouter: { logprobs: true, topLogprobs: 1 } },
      };
      const result = mode === 'generateText' ? await generateText(options) : streamText(options);
      const metadata = (await result.providerMetadata)?.openrouter;
      expect(bodyAt(ctx.emulator)).toMatchObject({ logprobs: true, top_logprobs: 1 });
      expect(metadata).toMatchObject({
        generationId: 'gen-77',
        isByok: true,
        logprobs,
        usage: {
          cost: 0.00042,
          isByok: true,
          promptTokens: 5,
          completionTokens: 1,
          totalTokens: 6,
        },
      });
    });
  }
});
