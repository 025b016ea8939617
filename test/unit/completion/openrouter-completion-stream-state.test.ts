import { APICallError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { OpenRouterCompletionStreamState } from '../../../src/completion/openrouter-completion-stream-state';

const ID = 'gen-1791500300-LkJhGfDsApOiUyTrEwQz';

function run(
  events: Array<Record<string, unknown> | string>,
  options: { headers?: Record<string, string>; readError?: unknown; raw?: boolean } = {},
) {
  const parts: LanguageModelV4StreamPart[] = [];
  const state = new OpenRouterCompletionStreamState({
    emit: (part) => parts.push(part),
    warnings: [],
    includeRawChunks: options.raw === true,
    request: {
      url: 'http://127.0.0.1/api/v1/completions',
      requestBodyValues: { prompt: 'x' },
      responseHeaders: options.headers ?? {},
    },
  });
  for (const event of events) {
    if (state.isDone) break;
    if (event === ':') state.comment();
    else state.data(typeof event === 'string' ? event : JSON.stringify(event));
  }
  if (options.readError !== undefined) state.readError(options.readError);
  state.end();
  return parts;
}

const chunk = (
  choice: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
) => ({
  id: ID,
  provider: 'OpenAI',
  model: 'openai/gpt-3.5-turbo-instruct',
  object: 'text_completion',
  created: 1791500300,
  choices: choice ? [{ index: 0, logprobs: null, finish_reason: null, ...choice }] : [],
  ...extra,
});
const usage = {
  prompt_tokens: 3,
  completion_tokens: 4,
  total_tokens: 7,
  cost: 0.0000105,
  is_byok: true,
};

const types = (parts: LanguageModelV4StreamPart[]) =>
  parts.map((part) =>
    'id' in part && part.type !== 'response-metadata' ? `${part.type}:${part.id}` : part.type,
  );

describe('OpenRouterCompletionStreamState', () => {
  it('emits one text block, then finish with usage and metadata', () => {
    const parts = run([
      ':',
      chunk({ text: 'Hi' }),
      chunk({ text: '' }),
      chunk({ text: ' there' }),
      chunk({ text: '', finish_reason: 'stop', native_finish_reason: 'stop' }),
      chunk(undefined, { usage }),
      '[DONE]',
    ]);
    expect(types(parts)).toEqual([
      'stream-start',
      'ping',
      'response-metadata',
      'text-start:text-0',
      'text-delta:text-0',
      'text-delta:text-0',
      'text-end:text-0',
      'finish',
    ]);
    expect(parts[2]).toEqual({
      type: 'response-metadata',
      id: ID,
      modelId: 'openai/gpt-3.5-turbo-instruct',
      timestamp: new Date(1791500300 * 1000),
    });
    const finish = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(finish.usage.inputTokens.total).toBe(3);
    expect(finish.usage.outputTokens.total).toBe(4);
    expect(finish.providerMetadata?.openrouter).toEqual({
      provider: 'OpenAI',
      generationId: ID,
      isByok: true,
      usage: {
        promptTokens: 3,
        completionTokens: 4,
        totalTokens: 7,
        cost: 0.0000105,
        isByok: true,
      },
      nativeFinishReason: 'stop',
    });
  });

  it('streams reasoning as its own block before the text', () => {
    const parts = run([
      chunk({ text: '', reasoning: 'Let me' }),
      chunk({ text: '', reasoning: ' think.' }),
      chunk({ text: 'Answer.' }),
      chunk({ text: '', finish_reason: 'stop' }, { usage }),
      '[DONE]',
    ]);
    expect(types(parts)).toEqual([
      'stream-start',
      'response-metadata',
      'reasoning-start:reasoning-0',
      'reasoning-delta:reasoning-0',
      'reasoning-delta:reasoning-0',
      'reasoning-end:reasoning-0',
      'text-start:text-1',
      'text-delta:text-1',
      'text-end:text-1',
      'finish',
    ]);
  });

  it('appends streamed logprobs key by key', () => {
    const parts = run([
      chunk({ text: 'Hi', logprobs: { tokens: ['Hi'], token_logprobs: [-0.1], text_offset: [0] } }),
      chunk({ text: '!', logprobs: { tokens: ['!'], token_logprobs: [-0.2], text_offset: [2] } }),
      chunk({ text: '', finish_reason: 'length' }),
      '[DONE]',
    ]);
    const finish = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
    expect(finish.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(finish.providerMetadata?.openrouter?.logprobs).toEqual({
      tokens: ['Hi', '!'],
      token_logprobs: [-0.1, -0.2],
      text_offset: [0, 2],
    });
  });

  it('takes the generation id from the X-Generation-Id header when chunks carry none', () => {
    const parts = run([{ choices: [{ text: 'Hi', finish_reason: 'stop' }] }, '[DONE]'], {
      headers: { 'x-generation-id': 'gen-from-header' },
    });
    expect(parts[1]).toEqual({ type: 'response-metadata', id: 'gen-from-header' });
    const finish = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
    expect(finish.providerMetadata?.openrouter).toMatchObject({ generationId: 'gen-from-header' });
  });

  it('reports a stream cut before the finish reason as a retryable error', () => {
    const parts = run([chunk({ text: 'Once' })]);
    expect(types(parts)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start:text-0',
      'text-delta:text-0',
      'error',
      'text-end:text-0',
      'finish',
    ]);
    const error = (parts[4] as { error: unknown }).error as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
    expect((parts.at(-1) as { finishReason: unknown }).finishReason).toEqual({
      unified: 'error',
      raw: undefined,
    });
  });

  it('does not report a connection lost after the finish reason', () => {
    const parts = run([chunk({ text: 'Done', finish_reason: 'stop' })], {
      readError: new Error('socket hang up'),
    });
    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect((parts.at(-1) as { finishReason: { unified: string } }).finishReason.unified).toBe(
      'stop',
    );
  });

  it('reports a connection lost mid-answer with the reason', () => {
    const parts = run([chunk({ text: 'Once' })], { readError: new Error('socket hang up') });
    const errors = parts.filter((part) => part.type === 'error');
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as { error: Error }).error.message)).toContain('socket hang up');
  });

  it('turns a mid-stream error chunk into a typed APICallError', () => {
    const parts = run([
      chunk({ text: 'Par' }),
      chunk(
        { text: '', finish_reason: 'error' },
        { error: { code: 502, message: 'Provider disconnected unexpectedly' } },
      ),
      '[DONE]',
    ]);
    const error = (parts.find((part) => part.type === 'error') as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Provider disconnected unexpectedly');
    expect((parts.at(-1) as { finishReason: unknown }).finishReason).toEqual({
      unified: 'error',
      raw: 'error',
    });
  });

  it('reports an event that is not JSON, and stops reading at [DONE]', () => {
    const parts = run([
      '{not json',
      chunk({ text: 'x', finish_reason: 'stop' }),
      '[DONE]',
      chunk({ text: 'late' }),
    ]);
    expect(parts.filter((part) => part.type === 'error')).toHaveLength(1);
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', id: 'text-0', delta: 'x' },
    ]);
  });

  it('keeps a billed result whose usage has null or invalid fields, and an unknown field', () => {
    const parts = run(
      [
        chunk(
          { text: 'Hi', finish_reason: 'stop', future: { x: 1 } },
          {
            usage: { prompt_tokens: 'many', completion_tokens: 2, cost: null },
            future_top_level: true,
          },
        ),
        '[DONE]',
      ],
      { raw: true },
    );
    expect(parts.filter((part) => part.type === 'raw')).toHaveLength(1);
    const finish = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
    expect(finish.finishReason.unified).toBe('stop');
    expect(finish.usage.outputTokens.total).toBe(2);
    expect(finish.usage.inputTokens.total).toBeUndefined();
    expect(finish.providerMetadata?.openrouter?.usage).toEqual({ completionTokens: 2 });
  });
});
