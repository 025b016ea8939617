/**
 * Every name `@openrouter/ai-sdk-provider` exports exists here, with a shape that code written
 * against it still compiles with: its settings and option types are assignable to ours (ours
 * accept a superset), and the shapes it hands back (the usage block) read the same. The type
 * checks run in `tsc --noEmit` (this file is part of the project); the runtime checks in vitest.
 */

import type { JSONObject } from '@ai-sdk/provider';
import type * as Incumbent from '@openrouter/ai-sdk-provider';
import * as incumbentRuntime from '@openrouter/ai-sdk-provider';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Ours from '../../src/index';
import * as ours from '../../src/index';

describe('exported values', () => {
  it('every runtime export of the incumbent exists here, of the same kind', () => {
    const names = Object.keys(incumbentRuntime);
    expect(names.sort()).toEqual(['OpenRouter', 'createOpenRouter', 'openrouter']);
    for (const name of names) {
      expect(typeof (ours as Record<string, unknown>)[name]).toBe(
        typeof (incumbentRuntime as Record<string, unknown>)[name],
      );
    }
  });

  it('the default provider and createOpenRouter() have every model factory of the incumbent', () => {
    const factories = [
      'languageModel',
      'chat',
      'completion',
      'textEmbeddingModel',
      'embedding',
      'imageModel',
      'videoModel',
      'evaluationModel',
    ];
    for (const provider of [ours.openrouter, ours.createOpenRouter({ apiKey: 'sk-or-x' })]) {
      for (const name of factories) {
        expect(typeof (provider as unknown as Record<string, unknown>)[name]).toBe('function');
      }
      expect(typeof provider.tools.webSearch).toBe('function');
    }
  });
});

/**
 * The keys of the incumbent's type that ours lacks. Assignability alone would not notice a
 * missing key (an object with more keys is assignable to an all-optional type).
 */
type Missing<INCUMBENT, OURS> = Exclude<keyof INCUMBENT, keyof OURS>;

describe('exported types (checked by tsc)', () => {
  it('settings and options of the incumbent have no key that ours lack', () => {
    type None = never;
    expectTypeOf<
      Missing<Incumbent.OpenRouterProviderSettings, Ours.OpenRouterProviderSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterChatSettings, Ours.OpenRouterChatSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterCompletionSettings, Ours.OpenRouterCompletionSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterEmbeddingSettings, Ours.OpenRouterEmbeddingSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterImageSettings, Ours.OpenRouterImageSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterVideoSettings, Ours.OpenRouterVideoSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterEvaluationSettings, Ours.OpenRouterEvaluationSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<
        Incumbent.OpenRouterEvaluationProviderPreferences,
        Ours.OpenRouterEvaluationProviderPreferences
      >
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterSharedSettings, Ours.OpenRouterSharedSettings>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterProviderOptions, Ours.OpenRouterProviderOptions>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterUsageAccounting, Ours.OpenRouterUsageAccounting>
    >().toEqualTypeOf<None>();
    expectTypeOf<
      Missing<Incumbent.OpenRouterProvider, Ours.OpenRouterProvider>
    >().toEqualTypeOf<None>();
    expectTypeOf<Missing<Incumbent.OpenRouter, Ours.OpenRouter>>().toEqualTypeOf<None>();
  });

  it('settings and options of the incumbent are assignable to ours', () => {
    expectTypeOf<Incumbent.OpenRouterProviderSettings>().toExtend<Ours.OpenRouterProviderSettings>();
    expectTypeOf<Incumbent.OpenRouterChatSettings>().toExtend<Ours.OpenRouterChatSettings>();
    expectTypeOf<Incumbent.OpenRouterCompletionSettings>().toExtend<Ours.OpenRouterCompletionSettings>();
    expectTypeOf<Incumbent.OpenRouterEmbeddingSettings>().toExtend<Ours.OpenRouterEmbeddingSettings>();
    expectTypeOf<Incumbent.OpenRouterImageSettings>().toExtend<Ours.OpenRouterImageSettings>();
    expectTypeOf<Incumbent.OpenRouterVideoSettings>().toExtend<Ours.OpenRouterVideoSettings>();
    expectTypeOf<Incumbent.OpenRouterEvaluationSettings>().toExtend<Ours.OpenRouterEvaluationSettings>();
    expectTypeOf<Incumbent.OpenRouterEvaluationProviderPreferences>().toExtend<Ours.OpenRouterEvaluationProviderPreferences>();
    expectTypeOf<Incumbent.OpenRouterSharedSettings>().toExtend<Ours.OpenRouterSharedSettings>();
    expectTypeOf<Incumbent.OpenRouterProviderOptions>().toExtend<Ours.OpenRouterProviderOptions>();
    expectTypeOf<Incumbent.OpenRouterPercentileCutoffs>().toExtend<Ours.OpenRouterPercentileCutoffs>();
  });

  it('model id types accept what the incumbent accepts', () => {
    expectTypeOf<Incumbent.OpenRouterEmbeddingModelId>().toExtend<Ours.OpenRouterEmbeddingModelId>();
    expectTypeOf<Incumbent.OpenRouterImageModelId>().toExtend<Ours.OpenRouterImageModelId>();
    expectTypeOf<Incumbent.OpenRouterVideoModelId>().toExtend<Ours.OpenRouterVideoModelId>();
    expectTypeOf<Incumbent.OpenRouterEvaluationModelId>().toExtend<Ours.OpenRouterEvaluationModelId>();
  });

  it('the usage block reads the same both ways', () => {
    expectTypeOf<Ours.OpenRouterUsageAccounting>().toExtend<Incumbent.OpenRouterUsageAccounting>();
    expectTypeOf<Incumbent.OpenRouterUsageAccounting>().toExtend<Ours.OpenRouterUsageAccounting>();
  });

  it('the provider, its factories and the legacy class take the incumbent arguments', () => {
    type Factories = Pick<
      Incumbent.OpenRouterProvider,
      'chat' | 'completion' | 'textEmbeddingModel' | 'embedding' | 'imageModel' | 'videoModel'
    >;
    // Each factory of ours takes every argument list the incumbent's takes.
    expectTypeOf<Parameters<Factories['chat']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['chat']>
    >();
    expectTypeOf<Parameters<Factories['completion']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['completion']>
    >();
    expectTypeOf<Parameters<Factories['textEmbeddingModel']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['textEmbeddingModel']>
    >();
    expectTypeOf<Parameters<Factories['embedding']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['embedding']>
    >();
    expectTypeOf<Parameters<Factories['imageModel']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['imageModel']>
    >();
    expectTypeOf<Parameters<Factories['videoModel']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['videoModel']>
    >();
    expectTypeOf<Parameters<Incumbent.OpenRouterProvider['evaluationModel']>>().toExtend<
      Parameters<Ours.OpenRouterProvider['evaluationModel']>
    >();
    expectTypeOf<ConstructorParameters<typeof Incumbent.OpenRouter>>().toExtend<
      ConstructorParameters<typeof Ours.OpenRouter>
    >();
    expectTypeOf<Parameters<typeof Incumbent.createOpenRouter>>().toExtend<
      Parameters<typeof Ours.createOpenRouter>
    >();
  });

  it('every options type is a valid providerOptions entry (JSON), as the incumbent one was', () => {
    // What `providerOptions: { openrouter: options }` needs of a variable typed with these.
    const entry = (options: JSONObject) => options;
    entry({} as Incumbent.OpenRouterProviderOptions);
    entry({} as Ours.OpenRouterProviderOptions);
    entry({} as Ours.OpenRouterLanguageModelOptions);
    entry({} as Ours.OpenRouterCompletionModelOptions);
    entry({} as Ours.OpenRouterEmbeddingModelOptions);
    entry({} as Ours.OpenRouterImageModelOptions);
    entry({} as Ours.OpenRouterRerankingModelOptions);
    entry({} as Ours.OpenRouterSpeechModelOptions);
    entry({} as Ours.OpenRouterTranscriptionModelOptions);
    entry({} as Ours.OpenRouterVideoModelOptions);
    entry({} as Ours.OpenRouterDecisionModelOptions);
  });

  it('the re-exported AI SDK types are the AI SDK types', () => {
    expectTypeOf<Incumbent.LanguageModelV4>().toEqualTypeOf<Ours.LanguageModelV4>();
    expectTypeOf<Incumbent.LanguageModelV4Prompt>().toEqualTypeOf<Ours.LanguageModelV4Prompt>();
  });
});
