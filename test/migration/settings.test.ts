/**
 * Every setting `@openrouter/ai-sdk-provider`'s `index.d.ts` declares, written as its users write
 * it (its spelling, its nesting), through this package with only the import changed: what
 * reaches the wire, and the warnings where this package deliberately differs (docs/migration.md).
 * Written from the declarations, not from the incumbent's code.
 */
import {
  embed,
  experimental_evaluate as evaluate,
  generateImage,
  generateObject,
  generateText,
  experimental_startVideo as startVideo,
  streamText,
} from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
// The one line that changes: `from '@openrouter/ai-sdk-provider'` becomes:
import {
  createOpenRouter,
  OpenRouter,
  type OpenRouterChatSettings,
  type OpenRouterProviderOptions,
} from '../../src/index';
import {
  defaultHandler,
  type OpenRouterEmulator,
  scriptedChat,
  startOpenRouterEmulator,
} from '../../src/testing/index';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
});
beforeEach(() => {
  emulator.reset();
  emulator.setHandler(defaultHandler());
});
afterAll(() => emulator.close());

const lastRequest = () => {
  const request = emulator.requests.at(-1);
  if (!request) throw new Error('no request was sent');
  return request;
};
const lastBody = () => lastRequest().json<Record<string, unknown>>();
const provider = () => createOpenRouter({ apiKey: 'sk-or-v1-settings', baseURL: emulator.baseURL });

/** The incumbent's `provider` routing object, every field it declares. */
const ROUTING: NonNullable<OpenRouterChatSettings['provider']> = {
  order: ['anthropic', 'openai'],
  allow_fallbacks: false,
  require_parameters: true,
  data_collection: 'deny',
  only: ['anthropic', 'openai'],
  ignore: ['deepinfra'],
  quantizations: ['fp8', 'bf16'],
  sort: 'throughput',
  max_price: { prompt: 1, completion: '2', image: 3, audio: 4, request: 5 },
  zdr: true,
};

describe('OpenRouterProviderSettings', () => {
  it('baseURL, apiKey, headers, api_keys, appName, appUrl and extraBody', async () => {
    const openrouter = createOpenRouter({
      baseURL: emulator.baseURL,
      apiKey: 'sk-or-v1-settings',
      headers: { 'X-Custom': 'yes' },
      api_keys: { anthropic: 'sk-ant-byok' },
      appName: 'My App',
      appUrl: 'https://myapp.example',
      extraBody: { transforms: ['middle-out'] },
    });
    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' });
    expect(lastRequest().headers).toMatchObject({
      authorization: 'Bearer sk-or-v1-settings',
      'x-custom': 'yes',
      'x-provider-api-keys': JSON.stringify({ anthropic: 'sk-ant-byok' }),
      'x-openrouter-title': 'My App',
      'http-referer': 'https://myapp.example',
    });
    expect(lastBody()).toMatchObject({ transforms: ['middle-out'] });
  });

  it('baseUrl (the deprecated spelling) is honoured like baseURL', async () => {
    const openrouter = createOpenRouter({ baseUrl: emulator.baseURL, apiKey: 'sk-or-v1-x' });
    const result = await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' });
    expect(lastRequest().path).toBe('/chat/completions');
    expect(result.warnings).toEqual([]);
  });

  it('fetch is used for every request', async () => {
    const seen: string[] = [];
    const openrouter = createOpenRouter({
      baseURL: emulator.baseURL,
      apiKey: 'sk-or-v1-x',
      fetch: async (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' });
    expect(seen).toEqual([`${emulator.baseURL}/chat/completions`]);
  });

  it.each(['strict', 'compatible'] as const)(
    'compatibility: %s is accepted with one deprecation warning; streams need no stream_options',
    async (compatibility) => {
      const openrouter = createOpenRouter({
        baseURL: emulator.baseURL,
        apiKey: 'sk-or-v1-x',
        compatibility,
      });
      const first = streamText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' });
      await first.consumeStream();
      expect(await first.warnings).toEqual([
        expect.objectContaining({ type: 'deprecated', setting: 'compatibility' }),
      ]);
      expect(lastBody()).not.toHaveProperty('stream_options');
      // Usage arrives all the same.
      expect((await first.usage).inputTokens).toBeGreaterThan(0);
      const second = await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' });
      expect(second.warnings).toEqual([]);
    },
  );
});

describe('OpenRouterChatSettings', () => {
  it('every declared setting, in the incumbent spelling, reaches the wire', async () => {
    emulator.setHandler(scriptedChat({ text: '{"ok":true}' }));
    const model = provider().chat('openai/gpt-4o', {
      logitBias: { 50256: -100 },
      logprobs: 5,
      parallelToolCalls: false,
      user: 'user-1',
      plugins: [
        { id: 'web', max_results: 3, search_prompt: 'Sources:', engine: 'exa' },
        { id: 'file-parser', max_files: 2, pdf: { engine: 'mistral-ocr' } },
        { id: 'moderation' },
        { id: 'response-healing' },
        { id: 'auto-router', allowed_models: ['anthropic/*'] },
      ],
      web_search_options: { max_results: 2, search_prompt: 'Find:', engine: 'native' },
      cache_control: { type: 'ephemeral', ttl: '1h' },
      debug: { echo_upstream_body: true },
      structuredOutputs: { strict: false },
      provider: ROUTING,
      // OpenRouterSharedSettings:
      models: ['anthropic/claude-sonnet-4.5'],
      reasoning: { effort: 'high', exclude: true },
      includeReasoning: true,
      extraBody: { custom_field: 1 },
      temperature: 0.3,
      topP: 0.8,
      topK: 5,
      frequencyPenalty: 0.1,
      presencePenalty: 0.2,
      maxTokens: 100,
    });
    const { object, warnings } = await generateObject({
      model,
      schema: z.object({ ok: z.boolean() }),
      prompt: 'hi',
    });
    expect(object).toEqual({ ok: true });
    expect(warnings).toEqual([]);
    expect(lastBody()).toMatchObject({
      model: 'openai/gpt-4o',
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 5,
      parallel_tool_calls: false,
      user: 'user-1',
      plugins: [
        { id: 'web', max_results: 3, search_prompt: 'Sources:', engine: 'exa' },
        { id: 'file-parser', max_files: 2, pdf: { engine: 'mistral-ocr' } },
        { id: 'moderation' },
        { id: 'response-healing' },
        { id: 'auto-router', allowed_models: ['anthropic/*'] },
      ],
      web_search_options: { max_results: 2, search_prompt: 'Find:', engine: 'native' },
      cache_control: { type: 'ephemeral', ttl: '1h' },
      debug: { echo_upstream_body: true },
      response_format: { type: 'json_schema', json_schema: { strict: false } },
      provider: ROUTING,
      models: ['anthropic/claude-sonnet-4.5'],
      reasoning: { effort: 'high', exclude: true },
      include_reasoning: true,
      custom_field: 1,
      temperature: 0.3,
      top_p: 0.8,
      top_k: 5,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      max_tokens: 100,
    });
  });

  it('the model-level sampling settings are defaults: the call options win', async () => {
    const model = provider().languageModel('openai/gpt-4o', { temperature: 0, maxTokens: 10 });
    await generateText({ model, prompt: 'hi', temperature: 0.5, maxOutputTokens: 20 });
    expect(lastBody()).toMatchObject({ temperature: 0.5, max_tokens: 20 });
  });

  it('usage: { include: true } is accepted with a deprecation warning and not sent', async () => {
    const model = provider().chat('openai/gpt-4o', { usage: { include: true } });
    const result = await generateText({ model, prompt: 'hi' });
    expect(lastBody()).not.toHaveProperty('usage');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'deprecated', setting: 'settings.usage' }),
    ]);
    expect(result.providerMetadata?.openrouter?.usage).toMatchObject({ cost: expect.any(Number) });
  });

  it('providerOptions.openrouter typed as OpenRouterProviderOptions', async () => {
    const options: OpenRouterProviderOptions = {
      models: ['openai/gpt-4o-mini'],
      reasoning: { max_tokens: 200 },
      user: 'call-user',
    };
    await generateText({
      model: provider()('openai/gpt-4o'),
      prompt: 'hi',
      providerOptions: { openrouter: options },
    });
    expect(lastBody()).toMatchObject({
      models: ['openai/gpt-4o-mini'],
      reasoning: { max_tokens: 200 },
      user: 'call-user',
    });
  });

  it('tools.webSearch({ maxResults, searchPrompt, engine })', async () => {
    const openrouter = provider();
    await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'hi',
      tools: {
        web: openrouter.tools.webSearch({ maxResults: 4, searchPrompt: 'Sources:', engine: 'exa' }),
      },
    });
    expect(lastBody().tools).toEqual([
      {
        type: 'openrouter:web_search',
        parameters: { max_results: 4, search_prompt: 'Sources:', engine: 'exa' },
      },
    ]);
  });
});

describe('OpenRouterCompletionSettings', () => {
  it('logitBias, logprobs, suffix and the shared settings', async () => {
    const model = provider().completion('openai/gpt-3.5-turbo-instruct', {
      logitBias: { 50256: -100 },
      logprobs: true,
      suffix: ' END',
      user: 'user-1',
      models: ['openai/gpt-4o-mini'],
      includeReasoning: false,
      temperature: 0.2,
      maxTokens: 30,
      extraBody: { custom_field: 2 },
    });
    const result = await generateText({ model, prompt: 'Once upon a time' });
    expect(result.warnings).toEqual([]);
    expect(lastBody()).toMatchObject({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Once upon a time',
      logit_bias: { '50256': -100 },
      logprobs: 0,
      suffix: ' END',
      user: 'user-1',
      models: ['openai/gpt-4o-mini'],
      include_reasoning: false,
      temperature: 0.2,
      max_tokens: 30,
      custom_field: 2,
    });
  });
});

describe('OpenRouterEmbeddingSettings', () => {
  it('user and provider are sent; the shared language settings are reported, not sent', async () => {
    const openrouter = provider();
    const { warnings } = await embed({
      model: openrouter.textEmbeddingModel('openai/text-embedding-3-small', {
        user: 'user-1',
        provider: {
          order: ['openai'],
          allow_fallbacks: false,
          require_parameters: true,
          data_collection: 'deny',
          only: ['openai'],
          ignore: ['azure'],
          sort: 'price',
          max_price: { prompt: 1 },
        },
        extraBody: { custom_field: 3 },
        temperature: 0,
        usage: { include: true },
      }),
      value: 'x',
    });
    expect(lastBody()).toMatchObject({
      model: 'openai/text-embedding-3-small',
      user: 'user-1',
      provider: { order: ['openai'], allow_fallbacks: false, data_collection: 'deny' },
      custom_field: 3,
    });
    expect(lastBody()).not.toHaveProperty('temperature');
    expect(lastBody()).not.toHaveProperty('usage');
    expect(warnings.map((warning) => warning.type === 'deprecated' && warning.setting)).toEqual([
      'settings.temperature',
      'settings.usage',
    ]);
  });

  it('embedding(id, settings), the deprecated spelling, is the same', async () => {
    await embed({
      model: provider().embedding('openai/text-embedding-3-small', { user: 'u' }),
      value: 'x',
    });
    expect(lastBody()).toMatchObject({ user: 'u' });
  });
});

describe('OpenRouterImageSettings', () => {
  it('provider routing and user are sent (user, which the image API does not document, with a warning)', async () => {
    const { warnings } = await generateImage({
      model: provider().imageModel('google/gemini-2.5-flash-image', {
        provider: { order: ['google-vertex'], allow_fallbacks: false, max_price: { image: 1 } },
        user: 'user-1',
      }),
      prompt: 'a fox',
    });
    expect(lastBody()).toMatchObject({
      model: 'google/gemini-2.5-flash-image',
      provider: { order: ['google-vertex'], allow_fallbacks: false, max_price: { image: 1 } },
      user: 'user-1',
    });
    expect(warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('settings.user is not a known') }),
    ]);
  });
});

describe('OpenRouterVideoSettings', () => {
  it('generateAudio and extraBody are sent; pollIntervalMs and maxPollTimeMs are reported', async () => {
    const started = await startVideo({
      model: provider().videoModel('google/veo-3.1', {
        generateAudio: true,
        pollIntervalMs: 1000,
        maxPollTimeMs: 60_000,
        extraBody: { custom_field: 4 },
      }),
      prompt: 'a fox in snow',
    });
    expect(lastBody()).toMatchObject({
      model: 'google/veo-3.1',
      generate_audio: true,
      custom_field: 4,
    });
    expect(lastBody()).not.toHaveProperty('poll_interval_ms');
    expect(started.warnings).toEqual([
      expect.objectContaining({ type: 'deprecated', setting: 'settings.pollIntervalMs' }),
      expect.objectContaining({ type: 'deprecated', setting: 'settings.maxPollTimeMs' }),
    ]);
  });
});

describe('OpenRouterEvaluationSettings', () => {
  it('user, provider (with percentile cutoffs), session_id, trace and extraBody', async () => {
    const result = await evaluate({
      model: provider().evaluationModel('typesafe/jev-1.13', {
        user: 'user-1',
        provider: {
          order: ['typesafe'],
          enforce_distillable_text: true,
          quantizations: ['fp8'],
          sort: { by: 'latency', partition: 'none' },
          preferred_max_latency: { p50: 1, p90: 3 },
          preferred_min_throughput: 50,
        },
        session_id: 'workflow-1',
        trace: { trace_id: 't-1', span_name: 'triage' },
        extraBody: { custom_field: 5 },
      }),
      state: 'The checkout page is blank.',
      questions: { is_bug: { type: 'boolean', instructions: 'Is it a defect?' } },
    });
    expect(result.warnings).toEqual([]);
    expect(lastBody()).toMatchObject({
      model: 'typesafe/jev-1.13',
      user: 'user-1',
      provider: {
        order: ['typesafe'],
        enforce_distillable_text: true,
        quantizations: ['fp8'],
        sort: { by: 'latency', partition: 'none' },
        preferred_max_latency: { p50: 1, p90: 3 },
        preferred_min_throughput: 50,
      },
      session_id: 'workflow-1',
      trace: { trace_id: 't-1', span_name: 'triage' },
      custom_field: 5,
    });
  });
});

describe('the deprecated OpenRouter class', () => {
  it('constructs from the provider settings and serves chat, completion and embeddings', async () => {
    const calls: string[] = [];
    const client = new OpenRouter({
      baseURL: `${emulator.baseURL}/`,
      apiKey: 'sk-or-v1-class',
      headers: { 'X-Custom': 'class' },
      api_keys: { openai: 'sk-byok' },
      appName: 'Class App',
      appUrl: 'https://class.example',
      extraBody: { custom_field: 6 },
      fetch: async (input, init) => {
        calls.push(String(input));
        return fetch(input, init);
      },
    });
    expect(client.baseURL).toBe(emulator.baseURL);
    expect(client.apiKey).toBe('sk-or-v1-class');
    expect(client.api_keys).toEqual({ openai: 'sk-byok' });
    expect([client.appName, client.appUrl]).toEqual(['Class App', 'https://class.example']);

    await generateText({ model: client.chat('openai/gpt-4o'), prompt: 'hi' });
    expect(lastRequest().headers).toMatchObject({
      authorization: 'Bearer sk-or-v1-class',
      'x-custom': 'class',
    });
    // Unlike the original class, fetch and extraBody are honoured.
    expect(lastBody()).toMatchObject({ custom_field: 6 });
    await generateText({ model: client.completion('openai/gpt-3.5-turbo-instruct'), prompt: 'x' });
    expect(lastRequest().path).toBe('/completions');
    await embed({ model: client.textEmbeddingModel('openai/text-embedding-3-small'), value: 'x' });
    await embed({ model: client.embedding('openai/text-embedding-3-small'), value: 'x' });
    expect(calls.map((url) => new URL(url).pathname.replace('/api/v1', ''))).toEqual([
      '/chat/completions',
      '/completions',
      '/embeddings',
      '/embeddings',
    ]);
  });
});
