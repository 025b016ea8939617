/**
 * `openrouterMetadata()` on real results of every model kind, from the emulator over HTTP: the
 * typed view keeps every field the provider reported (so the exported types describe all of
 * `providerMetadata.openrouter`), with the type the source implies.
 */
import {
  experimental_decide as decide,
  embed,
  embedMany,
  generateImage,
  generateSpeech,
  generateText,
  experimental_generateVideo as generateVideo,
  isStepCount,
  rerank,
  streamText,
  transcribe,
} from 'ai';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createOpenRouter,
  type OpenRouterChatMetadata,
  type OpenRouterDecisionMetadata,
  type OpenRouterEmbeddingMetadata,
  type OpenRouterImageEntryMetadata,
  type OpenRouterImageMetadata,
  type OpenRouterReasoningMetadata,
  type OpenRouterRerankingMetadata,
  type OpenRouterSourceMetadata,
  type OpenRouterSpeechMetadata,
  type OpenRouterToolCallMetadata,
  type OpenRouterTranscriptionMetadata,
  type OpenRouterVideoMetadata,
  openrouterMetadata,
} from '../../src/index.js';
import {
  chatCompletionJson,
  type OpenRouterEmulator,
  startOpenRouterEmulator,
  wavFile,
} from '../../src/testing/index.js';
import { weatherTools } from './support.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
afterAll(() => emulator.close());
const openrouter = () => createOpenRouter({ apiKey: 'sk-or-test', baseURL: emulator.baseURL });

/** The raw `providerMetadata.openrouter` of a source, for comparison. */
const raw = (source: { providerMetadata?: Record<string, unknown> | undefined }) =>
  source.providerMetadata?.openrouter;

describe('chat', () => {
  it('keeps every field of a response with reasoning, citations, logprobs and routing', async () => {
    const body = chatCompletionJson({
      provider: 'Anthropic',
      text: 'Paris [1].',
      reasoning: 'The user asks about France.',
      reasoningSignature: 'sig-1',
      nativeFinishReason: 'end_turn',
      annotations: [
        {
          type: 'url_citation',
          url_citation: {
            url: 'https://example.com/paris',
            title: 'Paris',
            content: 'Capital',
            start_index: 0,
            end_index: 5,
          },
        },
        { type: 'file', file: { hash: 'abc', name: 'doc.pdf', content: [] } },
      ],
      usage: {
        prompt_tokens_details: {
          cached_tokens: 50,
          cache_write_tokens: 10,
          audio_tokens: 0,
          video_tokens: 0,
        },
        server_tool_use_details: { web_search_requests: 1 },
      },
    });
    const choice = (body.choices as Array<Record<string, unknown>>)[0]!;
    choice.logprobs = { content: [{ token: 'Paris', logprob: -0.01, top_logprobs: [] }] };
    body.openrouter_metadata = { strategy: 'default' };
    emulator.enqueue({
      type: 'json',
      body,
      headers: { 'x-openrouter-cache-status': 'MISS', 'x-openrouter-cache-ttl': '300' },
    });

    const result = await generateText({
      model: openrouter()('anthropic/claude-sonnet-4.5'),
      prompt: 'Capital of France?',
    });
    const step = result.steps[0]!;
    const metadata = openrouterMetadata(step);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterChatMetadata | undefined>();
    expect(metadata).toEqual(raw(step));
    expect(metadata).toMatchObject({
      provider: 'Anthropic',
      nativeFinishReason: 'end_turn',
      usage: {
        promptTokensDetails: { cachedTokens: 50, cacheWriteTokens: 10 },
        serverToolUse: { web_search_requests: 1 },
      },
      responseCache: { status: 'MISS', ttl: '300' },
      logprobs: [{ token: 'Paris', logprob: -0.01, top_logprobs: [] }],
      routerMetadata: { strategy: 'default' },
      annotations: [{ type: 'file', file: { hash: 'abc', name: 'doc.pdf', content: [] } }],
    });
    expect(metadata?.usage?.cost).toBeGreaterThan(0);
    expect(metadata?.reasoning_details).toHaveLength(1);

    const source = result.sources[0]!;
    const citation = openrouterMetadata(source);
    expectTypeOf(citation).toEqualTypeOf<OpenRouterSourceMetadata | undefined>();
    expect(citation).toEqual({ content: 'Capital', startIndex: 0, endIndex: 5 });
    expect(citation).toEqual(raw(source));

    const reasoning = result.reasoning[0]!;
    const details = openrouterMetadata(reasoning);
    expectTypeOf(details).toEqualTypeOf<OpenRouterReasoningMetadata | undefined>();
    expect(details?.reasoning_details).toEqual(metadata?.reasoning_details);
    expect(details).toEqual(raw(reasoning));
  });

  it('reads every step, tool call and stream part of a streamed tool loop', async () => {
    const result = streamText({
      model: openrouter()('openai/gpt-4o-mini'),
      prompt: 'What is the weather in Rome, in Fahrenheit?',
      tools: weatherTools([]),
      stopWhen: isStepCount(5),
    });
    let finishSteps = 0;
    for await (const part of result.stream) {
      if (part.type === 'finish-step') {
        finishSteps++;
        expect(openrouterMetadata(part)).toEqual(raw(part));
        expect(openrouterMetadata(part)?.generationId).toMatch(/^gen-/);
      }
      if (part.type === 'tool-call') {
        const call = openrouterMetadata(part);
        expectTypeOf(call).toEqualTypeOf<OpenRouterToolCallMetadata | undefined>();
        expect(call ?? {}).toEqual(raw(part) ?? {});
      }
    }
    const steps = await result.steps;
    expect(finishSteps).toBe(steps.length);
    expect(steps.length).toBeGreaterThan(1);
    const cost = steps.reduce((sum, step) => sum + (openrouterMetadata(step)?.usage?.cost ?? 0), 0);
    expect(cost).toBeGreaterThan(0);
    const final = openrouterMetadata(await result.providerMetadata);
    expectTypeOf(final).toEqualTypeOf<OpenRouterChatMetadata | undefined>();
    expect(final).toEqual(steps.at(-1)?.providerMetadata?.openrouter);
  });
});

describe('other model kinds', () => {
  it('embedding: embed and embedMany', async () => {
    const model = openrouter().embeddingModel('openai/text-embedding-3-small');
    const one = await embed({ model, value: 'hello' });
    const metadata = openrouterMetadata(one);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterEmbeddingMetadata | undefined>();
    expect(metadata).toEqual(raw(one));
    expect(metadata?.usage?.promptTokens).toBeGreaterThan(0);
    const many = await embedMany({ model, values: ['a', 'b'] });
    expect(openrouterMetadata(many)).toEqual(raw(many));
    expectTypeOf(openrouterMetadata(many)).toEqualTypeOf<OpenRouterEmbeddingMetadata | undefined>();
  });

  it('reranking', async () => {
    const result = await rerank({
      model: openrouter().rerankingModel('cohere/rerank-v3.5'),
      query: 'capital of France',
      documents: ['Paris is the capital of France.', 'Berlin is in Germany.'],
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterRerankingMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.usage?.searchUnits).toBe(1);
  });

  it('image', async () => {
    const result = await generateImage({
      model: openrouter().imageModel('google/gemini-2.5-flash-image'),
      prompt: 'A red square',
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterImageMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.images?.[0]?.mediaType).toBe('image/png');
    const image = openrouterMetadata(result.image);
    expectTypeOf(image).toEqualTypeOf<OpenRouterImageEntryMetadata | undefined>();
    expect(image).toEqual({ mediaType: 'image/png' });
    expect(image).toEqual(raw(result.image));
    const call = result.calls[0]!;
    expect(openrouterMetadata(call)).toEqual(raw(call));
    expectTypeOf(openrouterMetadata(call)).toEqualTypeOf<OpenRouterImageMetadata | undefined>();
  });

  it('speech', async () => {
    const result = await generateSpeech({
      model: openrouter().speechModel('openai/gpt-4o-mini-tts'),
      text: 'Hello',
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterSpeechMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.generationId).toMatch(/^gen-/);
  });

  it('transcription', async () => {
    const result = await transcribe({
      model: openrouter().transcriptionModel('openai/whisper-1'),
      audio: wavFile(new Uint8Array(48_000)),
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterTranscriptionMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.usage).toBeDefined();
  });

  it('video', async () => {
    const result = await generateVideo({
      model: openrouter().videoModel('google/veo-3.1'),
      prompt: 'A paper boat',
      poll: { intervalMs: 10, timeoutMs: 10_000 },
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterVideoMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.jobId).toBeTypeOf('string');
    expect(metadata?.status).toBe('completed');
  });

  it('decision', async () => {
    const result = await decide({
      model: openrouter().decisionModel('openai/gpt-4o-mini'),
      state: 'Checkout fails with a card error.',
      questions: {
        team: {
          type: 'choice',
          instructions: 'Which team?',
          criteria: { payments: 'checkout and payment', account: 'login and profile' },
        },
      },
    });
    const metadata = openrouterMetadata(result);
    expectTypeOf(metadata).toEqualTypeOf<OpenRouterDecisionMetadata | undefined>();
    expect(metadata).toEqual(raw(result));
    expect(metadata?.answers?.team).toBeDefined();
  });
});
