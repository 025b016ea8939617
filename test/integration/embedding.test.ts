/**
 * Embeddings through `embed` and `embedMany` from `ai`, over real HTTP to the emulator: the
 * request bodies as sent, vectors in input order whatever the response order and encoding,
 * options in both spellings, usage and cost, generation ids, errors, retries, abort, lenient
 * parsing, batching, the factory aliases and the registry.
 */
import {
  InvalidArgumentError,
  InvalidResponseDataError,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import { createProviderRegistry, embed, embedMany } from 'ai';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  embeddingVector,
  encodeFloat32Base64,
  errorBody,
  scriptedEmbedding,
} from '../../src/testing/index';
import {
  asApiCallError,
  bodyAt,
  emulatorProvider,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  TEST_API_KEY,
  useEmulator,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const MODEL = 'openai/text-embedding-3-small';
const model = (settings?: Parameters<typeof ctx.openrouter.embeddingModel>[1]) =>
  ctx.openrouter.embeddingModel(MODEL, settings);
const VALUES = ['sunny day at the beach', 'rainy afternoon', 'snowy night', 'foggy morning'];

/** Vectors compared as float32: float JSON and base64 carry the same float32 values. */
const asFloat32 = (vectors: number[][]) => vectors.map((vector) => vector.map(Math.fround));
const expectedVectors = (values: string[], dimensions = 8) =>
  asFloat32(values.map((value) => embeddingVector(value, dimensions)));

describe('embed and embedMany', () => {
  it('embed sends the model, the value and base64 by default, and decodes the vector', async () => {
    ctx.emulator.setHandler(scriptedEmbedding({ usage: { is_byok: true } }));
    const result = await embed({ model: model(), value: 'sunny day at the beach' });
    const request = requestAt(ctx.emulator);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/embeddings');
    expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request.json()).toEqual({
      model: MODEL,
      input: ['sunny day at the beach'],
      encoding_format: 'base64',
    });
    expect(asFloat32([result.embedding])).toEqual(expectedVectors(['sunny day at the beach']));
    expect(result.usage).toEqual({ tokens: 6 });
    expect(result.providerMetadata?.openrouter).toEqual({
      provider: 'OpenAI',
      generationId: expect.stringMatching(/^gen-emb-/),
      isByok: true,
      usage: { promptTokens: 6, totalTokens: 6, cost: 1.2e-7, isByok: true },
    });
    expect(result.response?.headers?.['x-generation-id']).toBe(
      result.providerMetadata?.openrouter?.generationId,
    );
  });

  it.each([
    { order: 'input', encoding: 'float' },
    { order: 'reverse', encoding: 'float' },
    { order: 'shuffled', encoding: 'base64' },
    { order: [2, 0, 3, 1], encoding: 'base64' },
  ] as const)('vectors come back in input order: $order, $encoding', async (script) => {
    ctx.emulator.setHandler(
      scriptedEmbedding({ order: script.order as never, encoding: script.encoding }),
    );
    const { embeddings } = await embedMany({ model: model(), values: VALUES });
    expect(asFloat32(embeddings)).toEqual(expectedVectors(VALUES));
    const sent = bodyAt(ctx.emulator);
    expect(sent.input).toEqual(VALUES);
  });

  it('takes the arrival order when no entry has an index', async () => {
    ctx.emulator.setHandler(scriptedEmbedding({ omitIndex: true }));
    const { embeddings } = await embedMany({ model: model(), values: VALUES });
    expect(asFloat32(embeddings)).toEqual(expectedVectors(VALUES));
  });

  it('asks for float when told to, and decodes whatever form comes back', async () => {
    ctx.emulator.setHandler(scriptedEmbedding({ encoding: 'base64' }));
    const { embeddings } = await embedMany({
      model: model(),
      values: VALUES,
      providerOptions: { openrouter: { encodingFormat: 'float' } },
    });
    expect(bodyAt(ctx.emulator).encoding_format).toBe('float');
    expect(asFloat32(embeddings)).toEqual(expectedVectors(VALUES));
  });

  it('sends dimensions from the call', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const { embedding } = await embed({ model: model(), value: 'x', dimensions: 3 });
    expect(bodyAt(ctx.emulator).dimensions).toBe(3);
    expect(embedding).toHaveLength(3);
  });
});

describe('options', () => {
  const wire = {
    input_type: 'search_document',
    provider: { order: ['openai'], allow_fallbacks: false, data_collection: 'deny' },
    user: 'user-42',
    session_id: 'session-7',
    trace: { trace_id: 'trace-1', myKey: 'as written' },
    dimensions: 16,
  };

  it.each([
    ['wire spelling', wire],
    [
      'camelCase',
      {
        inputType: 'search_document',
        provider: { order: ['openai'], allowFallbacks: false, dataCollection: 'deny' },
        user: 'user-42',
        sessionId: 'session-7',
        trace: { trace_id: 'trace-1', myKey: 'as written' },
        dimensions: 16,
      },
    ],
  ])('providerOptions.openrouter in %s reach the body in wire spelling', async (_, options) => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const result = await embed({
      model: model(),
      value: 'query',
      providerOptions: { openrouter: options },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      input: ['query'],
      encoding_format: 'base64',
      ...wire,
    });
    expect(result.warnings).toEqual([]);
  });

  it('model settings are defaults that call options override', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const configured = model({ inputType: 'search_query', user: 'settings-user', dimensions: 4 });
    await embed({
      model: configured,
      value: 'q',
      dimensions: 6,
      providerOptions: { openrouter: { user: 'call-user' } },
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({
      input_type: 'search_query',
      user: 'call-user',
      dimensions: 6,
    });
  });

  it('unknown keys are sent with a warning; reserved keys are not sent', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const result = await embed({
      model: model(),
      value: 'q',
      providerOptions: { openrouter: { inputTyp: 'typo', model: 'other/model' } },
    });
    const body = bodyAt(ctx.emulator);
    expect(body.inputTyp).toBe('typo');
    expect(body.model).toBe(MODEL);
    expect(result.warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/inputTyp is not a known/) }),
      expect.objectContaining({ message: expect.stringMatching(/sets "model" itself/) }),
    ]);
  });

  it('an invalid option fails before any request', async () => {
    const error = await rejectionOf(
      embed({
        model: model(),
        value: 'q',
        providerOptions: { openrouter: { encodingFormat: 'binary' } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('sends the provider-level session id and the call headers', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const openrouter = emulatorProvider(ctx.emulator, { sessionId: 'session-header' });
    await embed({
      model: openrouter.embeddingModel(MODEL),
      value: 'q',
      headers: { 'x-custom': 'yes' },
    });
    const { headers } = requestAt(ctx.emulator);
    expect(headers['x-session-id']).toBe('session-header');
    expect(headers['x-custom']).toBe('yes');
    expect(headers['user-agent']).toMatch(/ai-sdk-openrouter\//);
  });
});

describe('response metadata and lenient parsing', () => {
  it('takes the generation id from the header when the body has none', async () => {
    ctx.emulator.setHandler(
      scriptedEmbedding({ id: null, headers: { 'x-generation-id': 'gen-emb-header-only' } }),
    );
    const result = await embed({ model: model(), value: 'q' });
    expect(result.providerMetadata?.openrouter?.generationId).toBe('gen-emb-header-only');
  });

  it('keeps a billed result with cost: null, an unknown field and no provider', async () => {
    ctx.emulator.setHandler(
      scriptedEmbedding({
        usage: { cost: null },
        provider: null,
        extra: { surprise: { added: 'later' } },
      }),
    );
    const result = await embedMany({ model: model(), values: VALUES });
    expect(asFloat32(result.embeddings)).toEqual(expectedVectors(VALUES));
    expect(result.usage.tokens).toBeGreaterThan(0);
    expect(result.providerMetadata?.openrouter?.usage).not.toHaveProperty('cost');
    expect(result.providerMetadata?.openrouter).not.toHaveProperty('provider');
  });

  it('reports no usage when the response has none (embedMany shows NaN)', async () => {
    ctx.emulator.setHandler(scriptedEmbedding({ omitUsage: true }));
    const result = await embedMany({ model: model(), values: VALUES });
    expect(result.usage.tokens).toBeNaN();
  });

  it.each([
    { name: 'a duplicated index', order: [0, 1, 1, 3], message: /two embeddings with index 1/ },
    { name: 'a missing entry', order: [0, 1, 2], message: /3 readable embeddings for 4 inputs/ },
  ])('fails clearly on $name instead of misaligning vectors', async ({ order, message }) => {
    ctx.emulator.setHandler(scriptedEmbedding({ order }));
    const error = await rejectionOf(embedMany({ model: model(), values: VALUES }));
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('fails clearly on an index outside the inputs', async () => {
    const info = { inputs: VALUES.slice(0, 2) };
    ctx.emulator.enqueue({
      type: 'json',
      body: {
        object: 'list',
        data: [
          { object: 'embedding', embedding: encodeFloat32Base64([1]), index: 0 },
          { object: 'embedding', embedding: encodeFloat32Base64([2]), index: 5 },
        ],
        model: MODEL,
      },
    });
    const error = await rejectionOf(embedMany({ model: model(), values: info.inputs }));
    expect((error as Error).message).toBe(
      'OpenRouter returned an embedding with index 5, outside the 2 inputs.',
    );
  });
});

describe('errors, retries and abort', () => {
  it.each([
    { status: 400, retryable: false, message: 'Invalid model ID' },
    { status: 402, retryable: false, message: 'Insufficient credits' },
    { status: 429, retryable: true, message: 'Rate limit exceeded' },
    { status: 502, retryable: true, message: 'Provider returned error' },
  ])('HTTP $status -> APICallError (retryable: $retryable)', async (scenario) => {
    ctx.emulator.enqueue({ type: 'error', status: scenario.status, message: scenario.message });
    const error = asApiCallError(
      await rejectionOf(embed({ model: model(), value: 'q', maxRetries: 0 })),
    );
    expect(error.statusCode).toBe(scenario.status);
    expect(error.isRetryable).toBe(scenario.retryable);
    expect(error.message).toContain(scenario.message);
    expect(error.url).toBe(`${ctx.emulator.baseURL}/embeddings`);
  });

  it('HTTP 200 with an error body is an APICallError', async () => {
    ctx.emulator.enqueue({
      type: 'json',
      body: errorBody({ status: 502, message: 'Upstream embedding failed' }),
    });
    const error = asApiCallError(
      await rejectionOf(embed({ model: model(), value: 'q', maxRetries: 0 })),
    );
    expect(error.message).toContain('Upstream embedding failed');
    expect(error.isRetryable).toBe(true);
  });

  it('a retryable error is retried by embedMany, with the same body', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 503, message: 'Unavailable', retryAfter: 0 });
    ctx.emulator.setHandler(scriptedEmbedding());
    const { embeddings } = await embedMany({ model: model(), values: VALUES });
    expect(asFloat32(embeddings)).toEqual(expectedVectors(VALUES));
    expect(ctx.emulator.requests).toHaveLength(2);
    expect(bodyAt(ctx.emulator, 1)).toEqual(bodyAt(ctx.emulator, 0));
  });

  it('no error contains the API key', async () => {
    const secret = 'sk-or-v1-SECRET-embedding-4242';
    const openrouter = emulatorProvider(ctx.emulator, { apiKey: secret });
    for (const response of [
      { type: 'error', status: 401, message: 'No auth credentials found' },
      { type: 'json', body: errorBody({ status: 500, message: 'boom' }) },
      { type: 'raw', status: 200, body: '{"data": not json', headers: {} },
    ] as const) {
      ctx.emulator.enqueue(response);
      const error = await rejectionOf(
        embed({ model: openrouter.embeddingModel(MODEL), value: 'q', maxRetries: 0 }),
      );
      const everything = JSON.stringify(error, Object.getOwnPropertyNames(error));
      expect(everything).not.toContain(secret);
      expect(String((error as Error).stack)).not.toContain(secret);
    }
  });

  it('an abort ends the call at once', async () => {
    ctx.emulator.enqueue({ type: 'raw', status: 200, body: '{"data":[', ending: 'hang' });
    const controller = new AbortController();
    const pending = embed({ model: model(), value: 'q', abortSignal: controller.signal });
    await vi.waitFor(() => expect(ctx.emulator.requests).toHaveLength(1));
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });
});

describe('batching', () => {
  it('embedMany splits by maxEmbeddingsPerCall, in parallel, and keeps the input order', async () => {
    ctx.emulator.setHandler(scriptedEmbedding({ order: 'reverse' }));
    const values = Array.from({ length: 7 }, (_, i) => `value ${i}`);
    const batched = model({ maxEmbeddingsPerCall: 3 });
    expect(batched.maxEmbeddingsPerCall).toBe(3);
    expect(batched.supportsParallelCalls).toBe(true);
    const { embeddings, usage } = await embedMany({ model: batched, values });
    expect(asFloat32(embeddings)).toEqual(expectedVectors(values));
    const inputs = ctx.emulator.requests.map(
      (request) => request.json<{ input: string[] }>().input,
    );
    expect(inputs.map((batch) => batch.length).sort()).toEqual([1, 3, 3]);
    expect(usage.tokens).toBe(14);
  });

  it('defaults to 2,048 values per call; doEmbed refuses more', async () => {
    const embeddingModel = model();
    expect(embeddingModel.maxEmbeddingsPerCall).toBe(2048);
    const values = Array.from({ length: 2049 }, () => 'x');
    const error = await rejectionOf(embeddingModel.doEmbed({ values }));
    expect(TooManyEmbeddingValuesForCallError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('rejects an invalid maxEmbeddingsPerCall when the model is created', () => {
    for (const limit of [0, -1, 2.5, Number.NaN]) {
      expect(() => model({ maxEmbeddingsPerCall: limit })).toThrow(InvalidArgumentError);
    }
    expect(model({ maxEmbeddingsPerCall: Number.POSITIVE_INFINITY }).maxEmbeddingsPerCall).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('provider wiring', () => {
  it('embedding and textEmbeddingModel are aliases; the provider id names the kind', async () => {
    for (const create of [
      ctx.openrouter.embeddingModel,
      ctx.openrouter.embedding,
      ctx.openrouter.textEmbeddingModel,
    ]) {
      const created = create(MODEL, { inputType: 'search_query' });
      expect(created.provider).toBe('openrouter.embedding');
      expect(created.modelId).toBe(MODEL);
      expect(created.specificationVersion).toBe('v4');
    }
  });

  it('createProviderRegistry resolves the model by string id', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const { embedding } = await embed({
      model: registry.embeddingModel(`openrouter:${MODEL}`),
      value: 'registry',
    });
    expect(asFloat32([embedding])).toEqual(expectedVectors(['registry']));
    expect(bodyAt(ctx.emulator).model).toBe(MODEL);
  });
});
