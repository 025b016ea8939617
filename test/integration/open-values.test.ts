/**
 * Open values stay open: a field OpenRouter documents as a string takes any string, a string has
 * no length limit here, and `logprobs` takes a count as `@openrouter/ai-sdk-provider` did. Values
 * this package has never heard of reach the wire unchanged, without a warning; a value of the
 * wrong type is still an `InvalidArgumentError` before anything is sent.
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { embed, generateText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedChat, scriptedCompletion, scriptedEmbedding } from '../../src/testing/index';
import { bodyAt, MODEL_ID, rejectionOf, silenceAiWarnings, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const LONG_KEY = 'k'.repeat(100);

describe('chat: unfamiliar values of string fields reach the wire', () => {
  it('routing, plugins, metadata, service tier, verbosity and reasoning effort', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model: ctx.model(MODEL_ID, {
        provider: { data_collection: 'ask-first', sort: 'carbon', quantizations: ['fp2'] },
        plugins: [
          { id: 'web', engine: 'brave' },
          { id: 'file-parser', pdf: { engine: 'tesseract' } },
          { id: 'context-compression', engine: 'summarize' },
        ],
      }),
      prompt: 'hi',
      providerOptions: {
        openrouter: {
          metadata: { [LONG_KEY]: 'v'.repeat(1000) },
          sessionId: 's'.repeat(300),
          serviceTier: 'ultra',
          verbosity: 'terse',
          reasoning: { effort: 'maximal' },
          webSearchOptions: { searchContextSize: 'huge', engine: 'brave', maxResults: 2 },
        },
      },
    });
    expect(result.warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject({
      provider: { data_collection: 'ask-first', sort: 'carbon', quantizations: ['fp2'] },
      plugins: [
        { id: 'web', engine: 'brave' },
        { id: 'file-parser', pdf: { engine: 'tesseract' } },
        { id: 'context-compression', engine: 'summarize' },
      ],
      metadata: { [LONG_KEY]: 'v'.repeat(1000) },
      session_id: 's'.repeat(300),
      service_tier: 'ultra',
      verbosity: 'terse',
      reasoning: { effort: 'maximal' },
      web_search_options: { search_context_size: 'huge', engine: 'brave', max_results: 2 },
    });
  });

  it('logprobs: a number means top_logprobs, as in @openrouter/ai-sdk-provider', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({ model: ctx.model(MODEL_ID, { logprobs: 5 }), prompt: 'hi' });
    expect(bodyAt(ctx.emulator)).toMatchObject({ logprobs: true, top_logprobs: 5 });

    // An explicit top_logprobs wins over the count; true alone asks for the chosen tokens.
    await generateText({
      model: ctx.model(MODEL_ID, { logprobs: 5, topLogprobs: 2 }),
      prompt: 'hi',
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ logprobs: true, top_logprobs: 2 });
    await generateText({ model: ctx.model(MODEL_ID, { logprobs: true }), prompt: 'hi' });
    expect(bodyAt(ctx.emulator).logprobs).toBe(true);
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('top_logprobs');
  });

  it.each([
    ['provider', { data_collection: false }],
    ['plugins', [{ id: 'web', engine: ['exa'] }]],
    ['metadata', { run: 1 }],
    ['logprobs', 'all'],
  ])('a wrong type for %s is still an InvalidArgumentError, before sending', async (key, value) => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const error = await rejectionOf(
      generateText({
        model: ctx.model(),
        prompt: 'hi',
        providerOptions: { openrouter: { [key]: value } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(`providerOptions.openrouter.${key}`);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('other kinds', () => {
  it('completion: logprobs true is sent as 0 and a count as the count', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'ok' }));
    await generateText({
      model: ctx.openrouter.completion(MODEL_ID, { logprobs: true }),
      prompt: 'x',
    });
    expect(bodyAt(ctx.emulator).logprobs).toBe(0);
    await generateText({
      model: ctx.openrouter.completion(MODEL_ID, { logprobs: 3 }),
      prompt: 'x',
    });
    expect(bodyAt(ctx.emulator).logprobs).toBe(3);
    await generateText({
      model: ctx.openrouter.completion(MODEL_ID, { logprobs: false }),
      prompt: 'x',
    });
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('logprobs');
  });

  it('embedding: an unfamiliar data_collection value is sent', async () => {
    ctx.emulator.setHandler(scriptedEmbedding());
    const { warnings } = await embed({
      model: ctx.openrouter.embeddingModel('openai/text-embedding-3-small', {
        provider: { dataCollection: 'ask-first' },
        sessionId: 'x'.repeat(300),
      }),
      value: 'hi',
    });
    expect(warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject({
      provider: { data_collection: 'ask-first' },
      session_id: 'x'.repeat(300),
    });
  });

  it('the web search server tool takes an unfamiliar engine', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({
      model: ctx.model(),
      prompt: 'hi',
      tools: { search: ctx.openrouter.tools.webSearch({ engine: 'brave', maxResults: 2 }) },
    });
    expect(bodyAt(ctx.emulator).tools).toEqual([
      { type: 'openrouter:web_search', parameters: { engine: 'brave', max_results: 2 } },
    ]);
  });
});
