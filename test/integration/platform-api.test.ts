/**
 * The platform API (`GET /models`, `/model/{id}`, `/models/{id}/endpoints`, `/key`, `/credits`,
 * `/generation`) over real HTTP against the emulator's platform routes: the requests as sent
 * (path, query, headers), typed results, abort, errors, lenient parsing and pagination.
 */
import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import { loadApiKey } from '@ai-sdk/provider-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenRouterModelCatalog } from '../../src/platform/model-capabilities';
import {
  createOpenRouterPlatformApi,
  type OpenRouterPlatformApi,
  type OpenRouterPlatformApiConfig,
} from '../../src/platform/openrouter-platform-api';
import {
  modelEntry,
  modelsList,
  type OpenRouterEmulator,
  type PlatformHandlerOptions,
  platformHandler,
  type RecordedRequest,
  startOpenRouterEmulator,
  type WireModel,
} from '../../src/testing/index';
import { asApiCallError, rejectionOf, TEST_API_KEY, withEnv } from './support';

const MODELS: WireModel[] = [
  modelEntry({ id: 'openai/gpt-4o', canonical_slug: 'openai/gpt-4o-2024-08-06' }),
  modelEntry({
    id: 'anthropic/claude-sonnet-4.5',
    architecture: { input_modalities: ['text', 'image', 'file'] },
    supported_parameters: ['max_tokens', 'tools', 'tool_choice', 'reasoning', 'include_reasoning'],
    reasoning: { supported_efforts: ['low', 'medium', 'high'], supports_max_tokens: true },
  }),
  modelEntry({ id: 'openai/gpt-oss-20b', supported_parameters: ['max_tokens', 'reasoning'] }),
  modelEntry({ id: 'openai/gpt-oss-20b:free', supported_parameters: ['max_tokens'] }),
  modelEntry({
    id: 'google/gemini-2.5-flash-image',
    architecture: { input_modalities: ['text', 'image'], output_modalities: ['image', 'text'] },
  }),
  modelEntry({
    id: 'bytedance-seed/seedream-4.5',
    architecture: { output_modalities: ['image'] },
    supported_parameters: [],
  }),
  modelEntry({
    id: 'openai/text-embedding-3-small',
    architecture: { output_modalities: ['embeddings'] },
    supported_parameters: [],
  }),
  modelEntry({ id: 'anthropic/claude-opus-4.5' }),
  modelEntry({
    id: '~anthropic/claude-opus-latest',
    alias_target: 'anthropic/claude-opus-4.5',
  }),
];
const TEXT_MODEL_IDS = MODELS.filter((model) =>
  (model.architecture as { output_modalities: string[] }).output_modalities.includes('text'),
).map((model) => model.id);

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  // Catalog routes are public on OpenRouter; the platform handler guards key/credits/generation.
  emulator = await startOpenRouterEmulator({ requireAuth: false });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  serve();
});

function serve(options: PlatformHandlerOptions = {}) {
  emulator.setHandler(
    platformHandler({
      models: MODELS,
      key: { label: 'sk-or-v1-tes...000', limit: 20, limit_remaining: 12.5, usage: 7.5 },
      credits: { total_credits: 50, total_usage: 12.25 },
      generations: { 'gen-1791500300-abc': { model: 'openai/gpt-4o', total_cost: 0.0042 } },
      ...options,
    }),
  );
}

/** The provider's way of building headers: the key read at call time, attribution headers. */
function providerConfig(
  settings: { apiKey?: string; fetch?: OpenRouterPlatformApiConfig['fetch'] } = {},
): OpenRouterPlatformApiConfig {
  return {
    baseURL: () => emulator.baseURL,
    headers: () => ({
      Authorization: `Bearer ${loadApiKey({
        apiKey: settings.apiKey,
        environmentVariableName: 'OPENROUTER_API_KEY',
        description: 'OpenRouter',
      })}`,
      'HTTP-Referer': 'https://example.test',
      'X-OpenRouter-Title': 'Platform tests',
    }),
    fetch: settings.fetch,
  };
}

const api = (): OpenRouterPlatformApi =>
  createOpenRouterPlatformApi(providerConfig({ apiKey: TEST_API_KEY }));

function onlyRequest(): RecordedRequest {
  expect(emulator.requests).toHaveLength(1);
  return emulator.requests[0] as RecordedRequest;
}

describe('models.list', () => {
  it('GET /models with the provider headers; typed entries', async () => {
    const models = await api().models.list();
    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/models');
    expect(request.query).toEqual({});
    expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request.headers['http-referer']).toBe('https://example.test');
    expect(request.headers['x-openrouter-title']).toBe('Platform tests');
    expect(request.headers['user-agent']).toMatch(/ai-sdk-openrouter\/\S+/);
    expect(request.headers['user-agent']).toMatch(/ai-sdk-provider-utils\/\S+/);

    // OpenRouter's default output filter is `text`.
    expect(models.map((model) => model.id)).toEqual(TEXT_MODEL_IDS);
    const sonnet = models.find((model) => model.id === 'anthropic/claude-sonnet-4.5');
    expect(sonnet?.architecture?.input_modalities).toEqual(['text', 'image', 'file']);
    expect(sonnet?.supported_parameters).toContain('reasoning');
    expect(sonnet?.reasoning?.supported_efforts).toEqual(['low', 'medium', 'high']);
    expect(sonnet?.pricing?.prompt).toBe('0.000001');
    expect(sonnet?.context_length).toBe(128000);
  });

  it('sends the filters as query parameters, and the server applies them', async () => {
    const models = await api().models.list({
      supportedParameters: ['tools', 'reasoning'],
      outputModalities: ['text', 'image'],
      inputModalities: 'image',
      sort: 'newest',
      q: 'claude',
      maxPrice: 0.00002,
      distillable: false,
      modelAuthors: ['anthropic'],
      query: { use_rss_chat_links: 'false' },
    });
    const request = onlyRequest();
    expect(request.query).toEqual({
      supported_parameters: 'tools,reasoning',
      output_modalities: 'text,image',
      input_modalities: 'image',
      sort: 'newest',
      q: 'claude',
      max_price: '0.00002',
      distillable: 'false',
      model_authors: 'anthropic',
      use_rss_chat_links: 'false',
    });
    expect(models.map((model) => model.id)).toEqual(['anthropic/claude-sonnet-4.5']);
  });

  it('outputModalities: all lists image-only and embedding models too', async () => {
    const models = await api().models.list({ outputModalities: 'all' });
    expect(onlyRequest().query).toEqual({ output_modalities: 'all' });
    expect(models).toHaveLength(MODELS.length);
  });

  it('returns one page unless asked for all; page() exposes total_count and links.next', async () => {
    const first = await api().models.list({ outputModalities: 'all', limit: 4 });
    expect(first.map((model) => model.id)).toEqual(MODELS.slice(0, 4).map((model) => model.id));

    const page = await api().models.page({ outputModalities: 'all', offset: 4, limit: 4 });
    expect(page.total_count).toBe(MODELS.length);
    expect(page.data).toHaveLength(4);
    expect(page.links?.next).toBe('/api/v1/models?output_modalities=all&offset=8&limit=4');
    expect(emulator.requests.map((request) => request.query)).toEqual([
      { output_modalities: 'all', limit: '4' },
      { output_modalities: 'all', offset: '4', limit: '4' },
    ]);
  });

  it('all: true follows links.next on the base URL, keeping the filters', async () => {
    const models = await api().models.list({ outputModalities: 'all', limit: 4, all: true });
    expect(models.map((model) => model.id)).toEqual(MODELS.map((model) => model.id));
    expect(emulator.requests.map((request) => request.query)).toEqual([
      { output_modalities: 'all', limit: '4' },
      { output_modalities: 'all', offset: '4', limit: '4' },
      { output_modalities: 'all', offset: '8', limit: '4' },
    ]);
  });

  it('all: true never follows a link off the base URL and stops when the offset stalls', async () => {
    const entry = (id: string) => modelEntry({ id });
    emulator.setHandler(undefined);
    emulator.enqueue(
      {
        type: 'json',
        body: modelsList([entry('a/one'), entry('a/two')], {
          next: 'https://evil.example/steal?offset=2&limit=2',
          totalCount: 5,
        }),
      },
      {
        type: 'json',
        body: modelsList([entry('a/two'), entry('a/three')], {
          next: '/api/v1/models?offset=2&limit=2', // does not advance
          totalCount: 5,
        }),
      },
    );
    const models = await api().models.list({ limit: 2, all: true });
    // Deduplicated by id; the second page repeated one entry.
    expect(models.map((model) => model.id)).toEqual(['a/one', 'a/two', 'a/three']);
    expect(
      emulator.requests.map((request) => `${request.path} ${JSON.stringify(request.query)}`),
    ).toEqual(['/models {"limit":"2"}', '/models {"limit":"2","offset":"2"}']);
    expect(emulator.requests[1]?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(emulator.pending).toBe(0);
  });

  it('parses leniently: null, invalid and unknown fields never fail the list', async () => {
    emulator.setHandler(undefined);
    emulator.enqueue({
      type: 'json',
      body: {
        data: [
          {
            id: 'acme/sparse',
            name: null,
            canonical_slug: null,
            context_length: null,
            architecture: null,
            pricing: { prompt: '0', completion: 'free?', overrides: 'none' },
            supported_parameters: ['tools', null, 3],
            top_provider: { context_length: '8k', is_moderated: false },
            experimental_capabilities: { teleport: true },
          },
          { name: 'entry without id' },
          { ...modelEntry({ id: 'acme/full' }), created: 'yesterday' },
        ],
        links: { next: null },
        // no total_count
      },
    });
    const models = await api().models.list();
    expect(models.map((model) => model.id)).toEqual(['acme/sparse', 'acme/full']);
    const [sparse, full] = models;
    expect(sparse).toMatchObject({
      name: null,
      context_length: null,
      architecture: null,
      pricing: { prompt: '0', completion: 'free?' },
      supported_parameters: ['tools'],
      top_provider: { is_moderated: false },
      experimental_capabilities: { teleport: true },
    });
    expect(sparse?.pricing?.overrides).toBeUndefined();
    expect(sparse?.top_provider?.context_length).toBeUndefined();
    expect(full?.created).toBeUndefined();
    expect(full?.context_length).toBe(128000);
  });

  it('works without an API key: the catalog is public (no Authorization sent)', async () => {
    await withEnv({ OPENROUTER_API_KEY: undefined }, async () => {
      const keyless = createOpenRouterPlatformApi(providerConfig());
      const models = await keyless.models.list();
      expect(models.length).toBeGreaterThan(0);
      expect(onlyRequest().headers.authorization).toBeUndefined();
      expect(await keyless.models.get('openai/gpt-4o')).toMatchObject({ id: 'openai/gpt-4o' });
    });
  });

  it('uses the configured fetch', async () => {
    const fetch = vi.fn(globalThis.fetch);
    await createOpenRouterPlatformApi(
      providerConfig({ apiKey: TEST_API_KEY, fetch }),
    ).models.list();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${emulator.baseURL}/models`);
  });
});

describe('models.get and models.endpoints', () => {
  it('GET /model/{author}/{slug}, with the variant encoded', async () => {
    const model = await api().models.get('openai/gpt-oss-20b:free');
    expect(onlyRequest().path).toBe('/model/openai/gpt-oss-20b%3Afree');
    expect(model.id).toBe('openai/gpt-oss-20b:free');
    expect(model.supported_parameters).toEqual(['max_tokens']);
  });

  it('resolves a permaslug, an unknown variant and a ~latest alias (server side)', async () => {
    expect((await api().models.get('openai/gpt-4o-2024-08-06')).id).toBe('openai/gpt-4o');
    expect((await api().models.get('openai/gpt-4o:nitro')).id).toBe('openai/gpt-4o');
    expect((await api().models.get('~anthropic/claude-opus-latest')).id).toBe(
      'anthropic/claude-opus-4.5',
    );
    expect(emulator.requests.map((request) => request.path)).toEqual([
      '/model/openai/gpt-4o-2024-08-06',
      '/model/openai/gpt-4o%3Anitro',
      '/model/~anthropic/claude-opus-latest',
    ]);
  });

  it('an unknown model is an APICallError 404', async () => {
    const error = asApiCallError(await rejectionOf(api().models.get('acme/nope')));
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('acme/nope');
    expect(error.isRetryable).toBe(false);
    expect(error.url).toBe(`${emulator.baseURL}/model/acme/nope`);
  });

  it('refuses ids that would change the route, before any request', async () => {
    for (const id of ['../key', 'openai//gpt-4o', '']) {
      expect(InvalidArgumentError.isInstance(await rejectionOf(api().models.get(id)))).toBe(true);
      expect(InvalidArgumentError.isInstance(await rejectionOf(api().models.endpoints(id)))).toBe(
        true,
      );
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it('GET /models/{author}/{slug}/endpoints: providers with uptime and latency', async () => {
    serve({
      endpoints: {
        'anthropic/claude-sonnet-4.5': [
          { provider_name: 'Anthropic', tag: 'anthropic', uptime_last_30m: 99.99 },
          {
            provider_name: 'Amazon Bedrock',
            tag: 'amazon-bedrock',
            latency_last_30m: { p50: 610, p75: 700, p90: 980, p99: 2100 },
            status: -2,
          },
        ],
      },
    });
    const result = await api().models.endpoints('anthropic/claude-sonnet-4.5');
    expect(onlyRequest().path).toBe('/models/anthropic/claude-sonnet-4.5/endpoints');
    expect(result.id).toBe('anthropic/claude-sonnet-4.5');
    expect(result.architecture?.input_modalities).toEqual(['text', 'image', 'file']);
    expect(result.endpoints.map((endpoint) => endpoint.tag)).toEqual([
      'anthropic',
      'amazon-bedrock',
    ]);
    expect(result.endpoints[0]?.uptime_last_30m).toBe(99.99);
    expect(result.endpoints[1]?.latency_last_30m).toEqual({
      p50: 610,
      p75: 700,
      p90: 980,
      p99: 2100,
    });
    expect(result.endpoints[1]?.status).toBe(-2);
    expect(result.endpoints[1]?.supported_parameters).toContain('tools');
  });

  it('endpoints of a :free variant keep the variant in the path', async () => {
    const result = await api().models.endpoints('openai/gpt-oss-20b:free');
    expect(onlyRequest().path).toBe('/models/openai/gpt-oss-20b%3Afree/endpoints');
    expect(result.endpoints[0]?.model_id).toBe('openai/gpt-oss-20b');
  });
});

describe('key, credits, generation', () => {
  it('GET /key: usage, limit and remaining', async () => {
    const key = await api().key();
    const request = onlyRequest();
    expect(request.path).toBe('/key');
    expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(key).toMatchObject({
      label: 'sk-or-v1-tes...000',
      limit: 20,
      limit_remaining: 12.5,
      usage: 7.5,
      limit_reset: 'monthly',
      is_free_tier: false,
    });
  });

  it('GET /credits', async () => {
    expect(await api().credits()).toEqual({ total_credits: 50, total_usage: 12.25 });
    expect(onlyRequest().path).toBe('/credits');
  });

  it('GET /generation?id=', async () => {
    const generation = await api().generation('gen-1791500300-abc');
    const request = onlyRequest();
    expect(request.path).toBe('/generation');
    expect(request.query).toEqual({ id: 'gen-1791500300-abc' });
    expect(generation).toMatchObject({
      id: 'gen-1791500300-abc',
      model: 'openai/gpt-4o',
      total_cost: 0.0042,
      tokens_prompt: 10,
      native_tokens_reasoning: 5,
      finish_reason: 'stop',
    });
  });

  it('encodes the generation id in the query string', async () => {
    serve({ generations: { 'gen-a&b=c d': { total_cost: 1 } } });
    const generation = await api().generation('gen-a&b=c d');
    expect(onlyRequest().query).toEqual({ id: 'gen-a&b=c d' });
    expect(generation.total_cost).toBe(1);
  });

  it('an unknown generation is an APICallError 404; an empty id is refused locally', async () => {
    const error = asApiCallError(await rejectionOf(api().generation('gen-missing')));
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('gen-missing');
    expect(InvalidArgumentError.isInstance(await rejectionOf(api().generation(' ')))).toBe(true);
    expect(emulator.requests).toHaveLength(1);
  });

  it('need the API key: LoadAPIKeyError, and no request', async () => {
    await withEnv({ OPENROUTER_API_KEY: undefined }, async () => {
      const keyless = createOpenRouterPlatformApi(providerConfig());
      expect(LoadAPIKeyError.isInstance(await rejectionOf(keyless.key()))).toBe(true);
      expect(LoadAPIKeyError.isInstance(await rejectionOf(keyless.credits()))).toBe(true);
      expect(LoadAPIKeyError.isInstance(await rejectionOf(keyless.generation('gen-1')))).toBe(true);
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it('a 401 from the server (wrong auth) is an APICallError', async () => {
    const error = asApiCallError(
      await rejectionOf(api().key({ headers: { Authorization: undefined } })),
    );
    expect(error.statusCode).toBe(401);
    expect(error.message.startsWith('No auth credentials found')).toBe(true);
    expect(onlyRequest().headers.authorization).toBeUndefined();
  });
});

describe('per-call options', () => {
  it('merges call headers over the provider headers', async () => {
    await api().credits({ headers: { 'X-OpenRouter-Title': 'Dashboard', 'X-Trace': 't-1' } });
    const { headers } = onlyRequest();
    expect(headers['x-openrouter-title']).toBe('Dashboard');
    expect(headers['x-trace']).toBe('t-1');
    expect(headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
  });

  it('aborts a hanging request', async () => {
    emulator.setHandler(undefined);
    emulator.enqueue({ type: 'raw', status: 200, body: '{"data":', ending: 'hang' });
    const controller = new AbortController();
    const pending = api().models.list({ abortSignal: controller.signal });
    await vi.waitFor(() => expect(emulator.requests).toHaveLength(1));
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(await onlyRequest().closed).toEqual({ closedEarly: true });
  });

  it('an already aborted signal sends nothing useful and rejects', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(api().key({ abortSignal: controller.signal }));
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('errors', () => {
  it.each([
    { status: 429, retryable: true, message: 'Rate limit exceeded: limit_rpm/openai/gpt-4o' },
    { status: 500, retryable: true, message: 'Internal Server Error' },
    { status: 403, retryable: false, message: 'Key is disabled' },
  ])('HTTP $status -> APICallError (retryable: $retryable)', async (scenario) => {
    emulator.enqueue({ type: 'error', status: scenario.status, message: scenario.message });
    const error = asApiCallError(await rejectionOf(api().models.list()));
    expect(error.statusCode).toBe(scenario.status);
    expect(error.isRetryable).toBe(scenario.retryable);
    expect(error.message.startsWith(scenario.message)).toBe(true);
    expect(error.responseBody).toContain(scenario.message);
  });

  it('a 200 body without the data envelope is an APICallError', async () => {
    emulator.enqueue({ type: 'json', body: { models: [] } });
    const error = asApiCallError(await rejectionOf(api().models.list()));
    expect(error.statusCode).toBe(200);
  });

  it('a non-JSON 200 body is an APICallError', async () => {
    emulator.enqueue({ type: 'raw', status: 200, body: '<html>gateway</html>' });
    asApiCallError(await rejectionOf(api().credits()));
  });
});

describe('OpenRouterModelCatalog over HTTP', () => {
  it('one GET /models?output_modalities=all shared by concurrent lookups', async () => {
    const catalog = OpenRouterModelCatalog.fromApi(api());
    expect(emulator.requests).toHaveLength(0); // nothing until asked
    const [sonnet, free, image, unknown] = await Promise.all([
      catalog.get('anthropic/claude-sonnet-4.5'),
      catalog.get('openai/gpt-oss-20b:free:online'),
      catalog.get('google/gemini-2.5-flash-image'),
      catalog.get('acme/none'),
    ]);
    expect(sonnet?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(free?.id).toBe('openai/gpt-oss-20b:free');
    expect(image?.architecture?.output_modalities).toEqual(['image', 'text']);
    expect(unknown).toBeUndefined();
    expect(onlyRequest().query).toEqual({ output_modalities: 'all' });
    await catalog.get('openai/gpt-4o-2024-08-06');
    expect(emulator.requests).toHaveLength(1);
  });

  it('a failed load is retried on the next lookup', async () => {
    emulator.enqueue({ type: 'error', status: 503, message: 'Service Unavailable' });
    const catalog = OpenRouterModelCatalog.fromApi(api());
    asApiCallError(await rejectionOf(catalog.get('openai/gpt-4o')));
    expect((await catalog.get('openai/gpt-4o'))?.id).toBe('openai/gpt-4o');
    expect(emulator.requests).toHaveLength(2);
  });
});
