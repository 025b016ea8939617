/**
 * Model-level defaults: a language model's settings take the AI SDK's sampling options by their
 * camelCase names (and the wire's), send them under OpenRouter's wire names, and a call option
 * always wins over them, whatever the model brought (settings, `extraBody`, an unknown key).
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedChat, scriptedCompletion } from '../../src/testing/index';
import { bodyAt, MODEL_ID, rejectionOf, silenceAiWarnings, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const DEFAULTS = {
  temperature: 0,
  topP: 0.5,
  topK: 3,
  frequencyPenalty: 0.1,
  presencePenalty: 0.2,
  maxTokens: 10,
  seed: 7,
  stopSequences: ['END'],
};
const WIRE = {
  temperature: 0,
  top_p: 0.5,
  top_k: 3,
  frequency_penalty: 0.1,
  presence_penalty: 0.2,
  max_tokens: 10,
  seed: 7,
  stop: ['END'],
};

describe('chat', () => {
  it('sends camelCase model defaults under the wire names, without warnings', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({ model: ctx.model(MODEL_ID, DEFAULTS), prompt: 'hi' });
    expect(result.warnings).toEqual([]);
    const body = bodyAt(ctx.emulator);
    expect(body).toMatchObject(WIRE);
    for (const camel of ['topP', 'topK', 'maxTokens', 'frequencyPenalty', 'stopSequences']) {
      expect(body).not.toHaveProperty(camel);
    }
  });

  it('a call option wins over the model default, key by key (generateText and streamText)', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const model = ctx.model(MODEL_ID, DEFAULTS);
    await generateText({ model, prompt: 'hi', temperature: 0.5, maxOutputTokens: 20 });
    expect(bodyAt(ctx.emulator)).toMatchObject({ ...WIRE, temperature: 0.5, max_tokens: 20 });

    const streamed = streamText({ model, prompt: 'hi', topP: 0.9, stopSequences: ['STOP'] });
    await streamed.consumeStream();
    expect(bodyAt(ctx.emulator)).toMatchObject({ ...WIRE, top_p: 0.9, stop: ['STOP'] });
  });

  it('a call option of 0 wins over a model default (not only truthy values)', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({
      model: ctx.model(MODEL_ID, { temperature: 1, seed: 5 }),
      prompt: 'hi',
      temperature: 0,
      seed: 0,
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ temperature: 0, seed: 0 });
  });

  it('accepts maxOutputTokens and the wire spellings as model defaults too', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model: ctx.model(MODEL_ID, { maxOutputTokens: 30, top_p: 0.4, frequency_penalty: 1 }),
      prompt: 'hi',
    });
    expect(result.warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject({
      max_tokens: 30,
      top_p: 0.4,
      frequency_penalty: 1,
    });
  });

  it('nothing the model brings can override a call option: extraBody, unknown keys, providerOptions defaults', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const model = ctx.model(MODEL_ID, {
      temperature: 0,
      extraBody: { temperature: 1, top_p: 1, max_tokens: 99 },
      Temperature: 2,
    } as never);
    const result = await generateText({
      model,
      prompt: 'hi',
      temperature: 0.5,
      topP: 0.25,
      maxOutputTokens: 7,
      providerOptions: { openrouter: { temperature: 0.9 } },
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ temperature: 0.5, top_p: 0.25, max_tokens: 7 });
    // The unknown key still warns (and is sent under its own name, as any unknown key).
    expect(result.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('settings.Temperature is not a known OpenRouter option'),
      }),
    ]);
    // providerOptions.openrouter.temperature belongs to the call too: above all of the model's.
    await generateText({
      model,
      prompt: 'hi',
      providerOptions: { openrouter: { temperature: 0.9 } },
    });
    expect(bodyAt(ctx.emulator).temperature).toBe(0.9);
    // Without anything from the call, the model's extraBody (its raw escape hatch) is sent.
    await generateText({ model, prompt: 'hi' });
    expect(bodyAt(ctx.emulator).temperature).toBe(1);
  });

  it('a wrong type is an InvalidArgumentError naming the setting, before sending', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const error = await rejectionOf(
      generateText({ model: ctx.model(MODEL_ID, { temperature: 'hot' } as never), prompt: 'hi' }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('settings.temperature');
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('a string reasoning setting is a default effort; the call option wins over it', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const model = ctx.model(MODEL_ID, { reasoning: 'high' });
    await generateText({ model, prompt: 'hi' });
    expect(bodyAt(ctx.emulator).reasoning).toEqual({ effort: 'high' });
    await generateText({ model, prompt: 'hi', reasoning: 'low' });
    expect(bodyAt(ctx.emulator).reasoning).toEqual({ effort: 'low' });
  });
});

describe('completion', () => {
  it('the same defaults, and the call wins', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'ok' }));
    const model = ctx.openrouter.completion(MODEL_ID, DEFAULTS);
    const result = await generateText({ model, prompt: 'x' });
    expect(result.warnings).toEqual([]);
    expect(bodyAt(ctx.emulator)).toMatchObject(WIRE);
    await generateText({ model, prompt: 'x', temperature: 0.7, maxOutputTokens: 3 });
    expect(bodyAt(ctx.emulator)).toMatchObject({ ...WIRE, temperature: 0.7, max_tokens: 3 });
  });
});
