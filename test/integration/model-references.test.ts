/**
 * Model references from configuration, at every model factory and through
 * `createProviderRegistry`: an optional `openrouter:` prefix, an optional `openrouter/` prefix
 * before an `author/slug`, variant suffixes kept, and a `?name=value` query of model settings that
 * become the model's defaults (a call option wins). What reaches the wire is the clean id.
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import {
  createProviderRegistry,
  embed,
  generateImage,
  generateSpeech,
  generateText,
  rerank,
  experimental_startVideo as startVideo,
  streamText,
  transcribe,
} from 'ai';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultHandler, pcmTone, wavFile } from '../../src/testing/index';
import { bodyAt, silenceAiWarnings, thrownBy, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);
beforeEach(() => ctx.emulator.setHandler(defaultHandler()));

describe('language models', () => {
  it('openrouter(ref): the clean id on the wire and as modelId, the query as defaults', async () => {
    const model = ctx.openrouter(
      'openrouter:anthropic/claude-3-5-sonnet?temperature=0.7&top_p=0.9&max_tokens=64&seed=3',
    );
    expect(model.modelId).toBe('anthropic/claude-3-5-sonnet');
    const result = await generateText({ model, prompt: 'hi' });
    expect(result.warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject({
      model: 'anthropic/claude-3-5-sonnet',
      temperature: 0.7,
      top_p: 0.9,
      max_tokens: 64,
      seed: 3,
    });
    // A call option wins over a query default.
    await generateText({ model, prompt: 'hi', temperature: 0.1, maxOutputTokens: 5 });
    expect(bodyAt(ctx.emulator)).toMatchObject({ temperature: 0.1, max_tokens: 5, top_p: 0.9 });
  });

  it.each([
    ['openrouter/anthropic/claude-sonnet-4-5', 'anthropic/claude-sonnet-4-5'],
    ['openrouter/meta-llama/llama-3.3-70b-instruct:free', 'meta-llama/llama-3.3-70b-instruct:free'],
    ['openrouter/auto', 'openrouter/auto'],
    ['openrouter/free', 'openrouter/free'],
    ['openrouter:openai/gpt-4o:nitro', 'openai/gpt-4o:nitro'],
  ])('%s is sent as %s (languageModel, chat, completion)', async (reference, wire) => {
    await generateText({ model: ctx.openrouter.languageModel(reference), prompt: 'hi' });
    expect(bodyAt(ctx.emulator).model).toBe(wire);
    await generateText({ model: ctx.openrouter.chat(reference), prompt: 'hi' });
    expect(bodyAt(ctx.emulator).model).toBe(wire);
    await generateText({ model: ctx.openrouter.completion(reference), prompt: 'hi' });
    expect(bodyAt(ctx.emulator).model).toBe(wire);
  });

  it('reasoning=high is a default effort: the call reasoning option wins (streamText)', async () => {
    const model = ctx.openrouter('openrouter/anthropic/claude-sonnet-4.5?reasoning=high');
    await streamText({ model, prompt: 'hi' }).consumeStream();
    expect(bodyAt(ctx.emulator).reasoning).toEqual({ effort: 'high' });
    await streamText({ model, prompt: 'hi', reasoning: 'low' }).consumeStream();
    expect(bodyAt(ctx.emulator).reasoning).toEqual({ effort: 'low' });
  });

  it('the query wins over the same setting in the settings argument, the others stay', async () => {
    const model = ctx.openrouter('openai/gpt-4o?temperature=0.9', { temperature: 0, topK: 4 });
    await generateText({ model, prompt: 'hi' });
    expect(bodyAt(ctx.emulator)).toMatchObject({ temperature: 0.9, top_k: 4 });
  });

  it('an unknown query parameter: a warning naming it, with every call; not sent', async () => {
    const model = ctx.openrouter('openai/gpt-4o?temperature=0&verbosity=low');
    for (let call = 0; call < 2; call++) {
      const result = await generateText({ model, prompt: 'hi' });
      expect(result.warnings).toEqual([
        {
          type: 'other',
          message: expect.stringContaining(
            'has the query parameter "verbosity", which was not sent',
          ),
        },
      ]);
      const body = bodyAt(ctx.emulator);
      expect(body).not.toHaveProperty('verbosity');
      expect(body.temperature).toBe(0);
    }
  });

  it('an invalid value: InvalidArgumentError naming the parameter, before any request', () => {
    const error = thrownBy(() => ctx.openrouter('openai/gpt-4o?temperature=hot'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'the query parameter "temperature" must be a number',
    );
    expect(thrownBy(() => ctx.openrouter.completion('a/b?top_k=many'))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('createProviderRegistry', () => {
  it('resolves "openrouter:<reference>" ids of every form', async () => {
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const model = registry.languageModel(
      'openrouter:openrouter/anthropic/claude-sonnet-4.5?reasoning=high&temperature=0.2',
    );
    expect(model.modelId).toBe('anthropic/claude-sonnet-4.5');
    await generateText({ model, prompt: 'hi' });
    expect(bodyAt(ctx.emulator)).toMatchObject({
      model: 'anthropic/claude-sonnet-4.5',
      reasoning: { effort: 'high' },
      temperature: 0.2,
    });

    const embedding = registry.embeddingModel('openrouter:openai/text-embedding-3-small');
    await embed({ model: embedding, value: 'x' });
    expect(bodyAt(ctx.emulator).model).toBe('openai/text-embedding-3-small');
  });
});

describe('the other model kinds', () => {
  const refused = (kind: string) =>
    expect.objectContaining({
      message: expect.stringMatching(
        new RegExp(`query parameter "temperature", which was not sent: ${kind} models have`),
      ),
    });

  it('embedding: prefixes removed; a sampling query parameter is reported, not sent', async () => {
    const model = ctx.openrouter.embeddingModel(
      'openrouter/openai/text-embedding-3-small?temperature=0',
    );
    expect(model.modelId).toBe('openai/text-embedding-3-small');
    const { warnings } = await embed({ model, value: 'x' });
    expect(bodyAt(ctx.emulator).model).toBe('openai/text-embedding-3-small');
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('temperature');
    expect(warnings).toEqual([refused('embedding')]);
  });

  it('image, speech, transcription, reranking and video take references too', async () => {
    const image = await generateImage({
      model: ctx.openrouter.imageModel('openrouter:google/gemini-2.5-flash-image?temperature=1'),
      prompt: 'a fox',
    });
    expect(bodyAt(ctx.emulator).model).toBe('google/gemini-2.5-flash-image');
    expect(image.warnings).toEqual([refused('image')]);

    await generateSpeech({
      model: ctx.openrouter.speechModel('openrouter/openai/gpt-4o-mini-tts'),
      text: 'hi',
    });
    expect(bodyAt(ctx.emulator).model).toBe('openai/gpt-4o-mini-tts');

    // A transcription model has a temperature of its own: the query sets it.
    await transcribe({
      model: ctx.openrouter.transcriptionModel('openrouter:openai/whisper-1?temperature=0.3'),
      audio: wavFile(pcmTone({ durationMs: 200 })),
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ model: 'openai/whisper-1', temperature: 0.3 });

    await rerank({
      model: ctx.openrouter.rerankingModel('openrouter/cohere/rerank-v3.5'),
      query: 'q',
      documents: ['a', 'b'],
    });
    expect(bodyAt(ctx.emulator).model).toBe('cohere/rerank-v3.5');

    await startVideo({
      model: ctx.openrouter.videoModel('openrouter:google/veo-3.1'),
      prompt: 'x',
    });
    expect(bodyAt(ctx.emulator).model).toBe('google/veo-3.1');
  });
});
