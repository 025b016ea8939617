/**
 * The emulator's legacy completion fixtures and handler, read over raw HTTP (no provider code):
 * the body and chunk shapes OpenRouter sends for `POST /completions`, and the odd-but-valid forms
 * the tests rely on.
 */
import { describe, expect, it } from 'vitest';
import {
  completionJson,
  completionStream,
  scriptedCompletion,
  serializeSse,
} from '../src/testing/index.js';
import { useEmulator } from './integration/support';

const ctx = useEmulator();
const post = ctx.postJson;

const dataEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice('data: '.length)) as Record<string, unknown>);

describe('completion fixtures', () => {
  it('renders a text_completion body in the documented key order', () => {
    const body = completionJson({ id: 'gen-1', created: 1791500300, text: 'Hi there!' });
    expect(Object.keys(body)).toEqual([
      'id',
      'provider',
      'model',
      'object',
      'created',
      'choices',
      'usage',
    ]);
    expect(body.choices).toEqual([
      { text: 'Hi there!', index: 0, logprobs: null, finish_reason: 'stop' },
    ]);
  });

  it('streams text fragments, a finish chunk, a separate usage chunk and [DONE]', () => {
    const text = serializeSse(completionStream({ id: 'gen-2', text: ['Hi', ' there'] }));
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = dataEvents(text);
    const choices = chunks.map((chunk) => (chunk.choices as Array<Record<string, unknown>>)[0]);
    expect(choices.map((choice) => choice?.text)).toEqual(['Hi', ' there', '', undefined]);
    expect(choices[2]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 120, cost: expect.any(Number) });
    expect(
      chunks.every((chunk) => chunk.object === 'text_completion' && chunk.id === 'gen-2'),
    ).toBe(true);
  });

  it('serves the odd-but-valid forms: cost null, usage on the finish chunk, unknown fields', () => {
    const chunks = dataEvents(
      serializeSse(
        completionStream({
          text: 'x',
          usage: { cost: null },
          usagePlacement: 'on-finish',
          extra: { future_field: 1 },
        }),
      ),
    );
    const finish = chunks.at(-1)!;
    expect((finish.choices as Array<{ finish_reason: string }>)[0]?.finish_reason).toBe('stop');
    expect((finish.usage as { cost: unknown }).cost).toBeNull();
    expect(chunks.every((chunk) => chunk.future_field === 1)).toBe(true);
  });
});

describe('scriptedCompletion', () => {
  it('answers POST /completions, streamed or not, with the requested model', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'Hello.' }));
    const json = (await (
      await post('/completions', { model: 'meta-llama/llama-3-8b', prompt: 'Hi' })
    ).json()) as { model: string; choices: Array<{ text: string }> };
    expect(json.model).toBe('meta-llama/llama-3-8b');
    expect(json.choices[0]?.text).toBe('Hello.');

    const stream = await post('/completions', { model: 'x/y', prompt: 'Hi', stream: true });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('x-generation-id')).toMatch(/^gen-\d+-\w{20}$/);
    const texts = dataEvents(await stream.text()).map(
      (chunk) => (chunk.choices as Array<{ text?: string }>)[0]?.text ?? '',
    );
    expect(texts.join('')).toBe('Hello.');
  });

  it('answers other routes with a 404 error envelope', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'Hello.' }));
    const response = await post('/chat/completions', { model: 'x', messages: [] });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'no route for POST /chat/completions',
    );
  });
});
