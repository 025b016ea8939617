/**
 * Reranking through `rerank` from `ai`, over real HTTP to the emulator: the request bodies as
 * sent (text and object documents, `topN`), the ranking, options in both spellings, usage and
 * cost, generation ids, errors, retries, abort, lenient parsing, the aliases and the registry.
 */
import { InvalidArgumentError, InvalidResponseDataError } from '@ai-sdk/provider';
import { createProviderRegistry, rerank } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, scriptedRerank } from '../../src/testing/index';
import {
  asApiCallError,
  bodyAt,
  captureAiWarnings,
  emulatorProvider,
  rejectionOf,
  requestAt,
  TEST_API_KEY,
  useEmulator,
} from './support';

const ctx = useEmulator();
const warnings = captureAiWarnings();

const MODEL = 'cohere/rerank-v3.5';
const model = (settings?: Parameters<typeof ctx.openrouter.rerankingModel>[1]) =>
  ctx.openrouter.rerankingModel(MODEL, settings);
const QUERY = 'capital of France';
const DOCUMENTS = [
  'Berlin is the capital of Germany.',
  'Paris is the capital of France.',
  'The weather is sunny.',
];

describe('rerank', () => {
  it('sends model, query, documents and top_n; returns the ranking sorted by score', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    const result = await rerank({ model: model(), query: QUERY, documents: DOCUMENTS, topN: 2 });
    const request = requestAt(ctx.emulator);
    expect(request.path).toBe('/rerank');
    expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request.json()).toEqual({ model: MODEL, query: QUERY, documents: DOCUMENTS, top_n: 2 });
    expect(result.ranking).toEqual([
      { originalIndex: 1, score: 0.99, document: DOCUMENTS[1] },
      { originalIndex: 0, score: 0.663333, document: DOCUMENTS[0] },
    ]);
    expect(result.providerMetadata?.openrouter).toEqual({
      provider: 'Cohere',
      generationId: expect.stringMatching(/^gen-rerank-/),
      usage: { totalTokens: expect.any(Number), cost: 0.002, searchUnits: 1 },
    });
    expect(result.response).toMatchObject({
      id: result.providerMetadata?.openrouter?.generationId,
      modelId: MODEL,
    });
    expect(warnings.logged).toEqual([]);
  });

  it('sorts by score even when the results arrive in document order', async () => {
    ctx.emulator.setHandler(scriptedRerank({ order: 'input', scores: [0.2, 0.9, 0.5] }));
    const { ranking } = await rerank({ model: model(), query: QUERY, documents: DOCUMENTS });
    expect(ranking.map(({ originalIndex, score }) => [originalIndex, score])).toEqual([
      [1, 0.9],
      [2, 0.5],
      [0, 0.2],
    ]);
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('top_n');
  });

  it('sends { text, image } documents as they are, without warnings', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    const documents = [
      { text: 'Paris is the capital of France.' },
      { image: 'https://example.com/eiffel.png' },
      { text: 'A map of France', image: 'data:image/png;base64,iVBORw0KGgo=' },
    ];
    const { ranking } = await rerank({ model: model(), query: QUERY, documents });
    expect(bodyAt(ctx.emulator).documents).toEqual(documents);
    expect(ranking[0]?.document).toEqual(documents[0]);
    expect(warnings.logged).toEqual([]);
  });

  it('sends other objects as JSON text with a compatibility warning, and returns the objects', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    const emails = [
      { from: 'Paul', subject: 'Discount', text: 'A discount of 20% on your next order.' },
      { from: 'John', subject: 'Invoice', text: 'We did not receive your invoice.' },
    ];
    const { rerankedDocuments } = await rerank({
      model: model(),
      query: 'discount order',
      documents: emails,
    });
    expect(bodyAt(ctx.emulator).documents).toEqual(emails.map((email) => JSON.stringify(email)));
    expect(rerankedDocuments[0]).toBe(emails[0]);
    expect(warnings.logged).toEqual([
      expect.objectContaining({ type: 'compatibility', feature: 'object documents' }),
    ]);
  });
});

describe('options', () => {
  const wire = {
    provider: { only: ['cohere'], allow_fallbacks: false },
    user: 'user-42',
    session_id: 'session-7',
    trace: { trace_id: 'trace-1', myKey: 'as written' },
  };

  it.each([
    ['wire spelling', wire],
    [
      'camelCase',
      {
        provider: { only: ['cohere'], allowFallbacks: false },
        user: 'user-42',
        sessionId: 'session-7',
        trace: { trace_id: 'trace-1', myKey: 'as written' },
      },
    ],
  ])('providerOptions.openrouter in %s reach the body in wire spelling', async (_, options) => {
    ctx.emulator.setHandler(scriptedRerank());
    await rerank({
      model: model(),
      query: QUERY,
      documents: DOCUMENTS,
      providerOptions: { openrouter: options },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      query: QUERY,
      documents: DOCUMENTS,
      ...wire,
    });
    expect(warnings.logged).toEqual([]);
  });

  it('settings are defaults; unknown keys are sent with a warning; top_n stays the call’s', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    await rerank({
      model: model({ user: 'settings-user', sessionId: 'settings-session' }),
      query: QUERY,
      documents: DOCUMENTS,
      topN: 1,
      providerOptions: { openrouter: { sessionId: 'call-session', topN: 3, returnDocs: true } },
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({
      user: 'settings-user',
      session_id: 'call-session',
      top_n: 1,
      returnDocs: true,
    });
    expect(warnings.logged).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/sets "top_n" itself/) }),
      expect.objectContaining({ message: expect.stringMatching(/returnDocs is not a known/) }),
    ]);
  });

  it('an invalid option fails before any request', async () => {
    const error = await rejectionOf(
      rerank({
        model: model(),
        query: QUERY,
        documents: DOCUMENTS,
        providerOptions: { openrouter: { sessionId: 300 } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('sends the provider-level session id as x-session-id', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    const openrouter = emulatorProvider(ctx.emulator, { sessionId: 'session-header' });
    await rerank({ model: openrouter.rerankingModel(MODEL), query: QUERY, documents: DOCUMENTS });
    expect(requestAt(ctx.emulator).headers['x-session-id']).toBe('session-header');
  });
});

describe('response metadata and lenient parsing', () => {
  it('takes the generation id from the header when the body has none; BYOK is reported', async () => {
    ctx.emulator.setHandler(
      scriptedRerank({
        id: null,
        headers: { 'x-generation-id': 'gen-rerank-header' },
        usage: { is_byok: true },
      }),
    );
    const result = await rerank({ model: model(), query: QUERY, documents: DOCUMENTS });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      generationId: 'gen-rerank-header',
      isByok: true,
    });
  });

  it('keeps a billed result with cost: null, an unknown field and no document echo', async () => {
    ctx.emulator.setHandler(
      scriptedRerank({ usage: { cost: null }, omitDocuments: true, extra: { novel: [1] } }),
    );
    const result = await rerank({ model: model(), query: QUERY, documents: DOCUMENTS });
    expect(result.ranking.map((entry) => entry.originalIndex)).toEqual([1, 0, 2]);
    expect(result.providerMetadata?.openrouter?.usage).toEqual({
      totalTokens: expect.any(Number),
      searchUnits: 1,
    });
  });

  it.each([
    { order: [1, 5], message: 'index 5, outside the 3 documents sent' },
    { order: [1, 1], message: 'index 1 twice' },
  ])('fails clearly when results do not match the documents ($order)', async (script) => {
    ctx.emulator.setHandler(scriptedRerank({ order: script.order }));
    const error = await rejectionOf(
      rerank({ model: model(), query: QUERY, documents: DOCUMENTS, maxRetries: 0 }),
    );
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(script.message);
  });
});

describe('errors, retries and abort', () => {
  it.each([
    { status: 400, retryable: false, message: 'Model is not a rerank model' },
    { status: 429, retryable: true, message: 'Rate limit exceeded' },
    { status: 503, retryable: true, message: 'No available provider' },
  ])('HTTP $status -> APICallError (retryable: $retryable)', async (scenario) => {
    ctx.emulator.enqueue({ type: 'error', status: scenario.status, message: scenario.message });
    const error = asApiCallError(
      await rejectionOf(
        rerank({ model: model(), query: QUERY, documents: DOCUMENTS, maxRetries: 0 }),
      ),
    );
    expect(error.statusCode).toBe(scenario.status);
    expect(error.isRetryable).toBe(scenario.retryable);
    expect(error.message).toContain(scenario.message);
  });

  it('HTTP 200 with an error body is retried like an HTTP error, then succeeds', async () => {
    ctx.emulator.enqueue({
      type: 'json',
      body: errorBody({ status: 502, message: 'Provider returned error' }),
      headers: { 'retry-after': '0' },
    });
    ctx.emulator.setHandler(scriptedRerank());
    const { ranking } = await rerank({ model: model(), query: QUERY, documents: DOCUMENTS });
    expect(ranking[0]?.originalIndex).toBe(1);
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('no error contains the API key', async () => {
    const secret = 'sk-or-v1-SECRET-rerank-4242';
    const openrouter = emulatorProvider(ctx.emulator, { apiKey: secret });
    for (const response of [
      { type: 'error', status: 401, message: 'No auth credentials found' },
      { type: 'json', body: errorBody({ status: 400, message: 'bad' }) },
      { type: 'raw', status: 200, body: '{"results": nope', headers: {} },
    ] as const) {
      ctx.emulator.enqueue(response);
      const error = await rejectionOf(
        rerank({
          model: openrouter.rerankingModel(MODEL),
          query: QUERY,
          documents: DOCUMENTS,
          maxRetries: 0,
        }),
      );
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(secret);
      expect(String((error as Error).stack)).not.toContain(secret);
    }
  });

  it('an abort ends the call at once', async () => {
    ctx.emulator.enqueue({ type: 'raw', status: 200, body: '{"results":[', ending: 'hang' });
    const controller = new AbortController();
    const pending = rerank({
      model: model(),
      query: QUERY,
      documents: DOCUMENTS,
      abortSignal: controller.signal,
    });
    await vi.waitFor(() => expect(ctx.emulator.requests).toHaveLength(1));
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });
});

describe('provider wiring', () => {
  it('reranking is an alias; the provider id names the kind', () => {
    for (const create of [ctx.openrouter.rerankingModel, ctx.openrouter.reranking]) {
      const created = create(MODEL);
      expect(created.provider).toBe('openrouter.reranking');
      expect(created.modelId).toBe(MODEL);
      expect(created.specificationVersion).toBe('v4');
    }
  });

  it('createProviderRegistry resolves the model by string id', async () => {
    ctx.emulator.setHandler(scriptedRerank());
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const { ranking } = await rerank({
      model: registry.rerankingModel(`openrouter:${MODEL}`),
      query: QUERY,
      documents: DOCUMENTS,
    });
    expect(ranking[0]?.originalIndex).toBe(1);
    expect(bodyAt(ctx.emulator).model).toBe(MODEL);
  });
});
