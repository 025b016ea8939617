/**
 * `openrouterMetadata()`: what it reads from, what it keeps, and the types it gives. The type
 * assertions (`expectTypeOf`, `@ts-expect-error`) are checked by `npm run typecheck`.
 */
import type {
  ContentPart,
  EmbedResult,
  GeneratedFile,
  GenerateImageResult,
  GenerateTextResult,
  ProviderMetadata,
  RerankResult,
  SpeechResult,
  StepResult,
  StreamTextResult,
  TextStreamPart,
  ToolSet,
  TranscriptionResult,
} from 'ai';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type InferOpenRouterMetadataKind,
  type OpenRouterChatMetadata,
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

const metadata = {
  provider: 'Anthropic',
  generationId: 'gen-1',
  nativeFinishReason: 'end_turn',
  reasoning_details: [{ type: 'reasoning.text', text: 'Hm.' }],
  usage: {
    promptTokens: 10,
    completionTokens: 5,
    totalTokens: 15,
    cost: 0.0002,
    promptTokensDetails: { cachedTokens: 4 },
  },
};

describe('openrouterMetadata: sources', () => {
  it('reads a result or step, a providerMetadata record, and a part', () => {
    expect(openrouterMetadata({ providerMetadata: { openrouter: metadata } })).toEqual(metadata);
    expect(openrouterMetadata({ openrouter: metadata })).toEqual(metadata);
    expect(
      openrouterMetadata({ type: 'source', providerMetadata: { openrouter: { startIndex: 3 } } }),
    ).toEqual({ startIndex: 3 });
  });

  it('gives undefined when there is no OpenRouter metadata', () => {
    expect(openrouterMetadata(undefined)).toBeUndefined();
    expect(openrouterMetadata(null)).toBeUndefined();
    expect(openrouterMetadata({ providerMetadata: undefined })).toBeUndefined();
    expect(
      openrouterMetadata({ providerMetadata: { anthropic: { cacheCreationInputTokens: 1 } } }),
    ).toBeUndefined();
    expect(openrouterMetadata({ providerMetadata: { openrouter: 'text' } })).toBeUndefined();
    expect(openrouterMetadata({ providerMetadata: { openrouter: [1] } })).toBeUndefined();
    // A record with a `providerMetadata` key is read as a result, never as the record itself.
    expect(openrouterMetadata({ providerMetadata: null, openrouter: metadata })).toBeUndefined();
  });

  it('reads getters of class instances (AI SDK results are classes)', () => {
    class Result {
      get providerMetadata() {
        return { openrouter: { generationId: 'gen-2' } };
      }
    }
    expect(openrouterMetadata(new Result() as { providerMetadata: ProviderMetadata })).toEqual({
      generationId: 'gen-2',
    });
  });
});

describe('openrouterMetadata: checked, not cast', () => {
  it('leaves out fields whose value does not have the documented type', () => {
    const stored = {
      provider: 42,
      generationId: 'gen-1',
      reasoning_details: 'not a list',
      usage: {
        cost: '0.1', // a string would concatenate in `sum + cost`
        promptTokens: Number.NaN,
        completionTokens: Number.POSITIVE_INFINITY,
        totalTokens: 15,
        isByok: 'no',
        promptTokensDetails: 'none',
        serverToolUse: [1],
      },
      responseCache: { status: 'HIT', ttl: 300 },
    };
    expect(openrouterMetadata({ openrouter: stored })).toEqual({
      generationId: 'gen-1',
      usage: { totalTokens: 15 },
      responseCache: { status: 'HIT' },
    });
  });

  it('leaves out fields it does not know and inherited ones; keeps opaque JSON as is', () => {
    const withProto = Object.create({ generationId: 'inherited' }) as Record<string, unknown>;
    withProto.futureField = { x: 1 };
    withProto.logprobs = [{ token: 'a' }];
    withProto.routerMetadata = { anything: [null] };
    expect(openrouterMetadata({ openrouter: withProto })).toEqual({
      logprobs: [{ token: 'a' }],
      routerMetadata: { anything: [null] },
    });
  });

  it('keeps list entries in place (image i belongs to entry i)', () => {
    const images = [{ mediaType: 'image/png' }, 'broken', { url: 'https://x/y.png', extra: 1 }];
    expect(openrouterMetadata({ openrouter: { images } }, 'image')).toEqual({
      images: [{ mediaType: 'image/png' }, {}, { url: 'https://x/y.png' }],
    });
  });

  it('returns a copy: changing it leaves the result alone', () => {
    const source = { providerMetadata: { openrouter: structuredClone(metadata) } };
    const view = openrouterMetadata(source);
    if (view?.usage) view.usage.cost = 1;
    expect(source.providerMetadata.openrouter.usage.cost).toBe(0.0002);
  });
});

describe('openrouterMetadata: types', () => {
  it('infers the kind from AI SDK result, step and part types', () => {
    type Tools = ToolSet;
    const of = <T>(value: T) => value;
    const read = <T extends Parameters<typeof openrouterMetadata>[0]>(value: T) =>
      of(openrouterMetadata(value));

    expectTypeOf(read({} as StepResult<Tools>)).toEqualTypeOf<OpenRouterChatMetadata | undefined>();
    expectTypeOf(openrouterMetadata({} as GenerateTextResult<Tools, never, never>)).toEqualTypeOf<
      OpenRouterChatMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as EmbedResult)).toEqualTypeOf<
      OpenRouterEmbeddingMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as RerankResult<string>)).toEqualTypeOf<
      OpenRouterRerankingMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as GenerateImageResult)).toEqualTypeOf<
      OpenRouterImageMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as GeneratedFile)).toEqualTypeOf<
      OpenRouterImageEntryMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as SpeechResult)).toEqualTypeOf<
      OpenRouterSpeechMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as TranscriptionResult)).toEqualTypeOf<
      OpenRouterTranscriptionMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as ProviderMetadata)).toEqualTypeOf<
      OpenRouterChatMetadata | undefined
    >();
    expectTypeOf(openrouterMetadata({} as ProviderMetadata, 'video')).toEqualTypeOf<
      OpenRouterVideoMetadata | undefined
    >();
    expectTypeOf<InferOpenRouterMetadataKind<ContentPart<Tools>>>().toEqualTypeOf<
      'chat' | 'source' | 'tool-call' | 'reasoning'
    >();
    expectTypeOf<InferOpenRouterMetadataKind<TextStreamPart<Tools>>>().toEqualTypeOf<
      'chat' | 'source' | 'tool-call' | 'reasoning'
    >();
  });

  it('narrows by part type', () => {
    const parts: Array<ContentPart<ToolSet>> = [];
    for (const part of parts) {
      if (part.type === 'source') {
        expectTypeOf(openrouterMetadata(part)).toEqualTypeOf<
          OpenRouterSourceMetadata | undefined
        >();
      }
      if (part.type === 'tool-call') {
        expectTypeOf(openrouterMetadata(part)).toEqualTypeOf<
          OpenRouterToolCallMetadata | undefined
        >();
      }
      if (part.type === 'reasoning') {
        expectTypeOf(openrouterMetadata(part)).toEqualTypeOf<
          OpenRouterReasoningMetadata | undefined
        >();
      }
    }
  });

  it('makes the cost-tracking code type-check, which the raw record does not', () => {
    const steps: Array<StepResult<ToolSet>> = [];
    const cost: number = steps.reduce(
      (sum, step) => sum + (openrouterMetadata(step)?.usage?.cost ?? 0),
      0,
    );
    expect(cost).toBe(0);
    for (const step of steps) {
      // @ts-expect-error: the AI SDK types providerMetadata values as JSON, so `usage` is not known
      void step.providerMetadata?.openrouter?.usage?.cost;
    }
  });

  it('refuses what has no metadata to read synchronously', () => {
    const streamed = {} as StreamTextResult<ToolSet, never, never>;
    // @ts-expect-error: streamText's providerMetadata is a promise; pass `await result.providerMetadata`
    void (() => openrouterMetadata(streamed));
    // @ts-expect-error: a promise is not metadata
    void (() => openrouterMetadata(Promise.resolve({ openrouter: {} })));
    // @ts-expect-error: a kind that does not exist
    void (() => openrouterMetadata({}, 'chat-completion'));
  });
});
