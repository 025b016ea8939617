import { describe, expect, it } from 'vitest';
import { mapOpenRouterCompletionResponse } from '../../../src/completion/map-openrouter-completion-response';
import { openRouterCompletionResponseSchema } from '../../../src/completion/openrouter-completion-api';

function map(body: unknown, responseHeaders: Record<string, string> = {}) {
  const response = openRouterCompletionResponseSchema.parse(body);
  const choice = response.choices?.[0];
  if (!choice) throw new Error('no choice');
  return mapOpenRouterCompletionResponse({ response, choice, responseHeaders });
}

describe('mapOpenRouterCompletionResponse', () => {
  it('maps the documented text_completion body', () => {
    const result = map({
      id: 'gen-1791500300-LkJhGfDsApOiUyTrEwQz',
      provider: 'OpenAI',
      model: 'openai/gpt-3.5-turbo-instruct',
      object: 'text_completion',
      created: 1791500300,
      choices: [{ text: 'Hi there!', index: 0, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6, cost: 0.0000105 },
    });
    expect(result.content).toEqual([{ type: 'text', text: 'Hi there!' }]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(result.usage.inputTokens.total).toBe(3);
    expect(result.usage.outputTokens.text).toBe(3);
    expect(result.providerMetadata).toEqual({
      openrouter: {
        provider: 'OpenAI',
        generationId: 'gen-1791500300-LkJhGfDsApOiUyTrEwQz',
        usage: { promptTokens: 3, completionTokens: 3, totalTokens: 6, cost: 0.0000105 },
      },
    });
  });

  it('puts reasoning first, keeps logprobs and the native finish reason', () => {
    const logprobs = { tokens: ['4'], token_logprobs: [-0.01], top_logprobs: [{ '4': -0.01 }] };
    const result = map({
      choices: [
        {
          text: '4',
          reasoning: 'Two plus two.',
          logprobs,
          finish_reason: 'length',
          native_finish_reason: 'max_tokens',
        },
      ],
    });
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Two plus two.' },
      { type: 'text', text: '4' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(result.providerMetadata.openrouter).toEqual({
      provider: '',
      nativeFinishReason: 'max_tokens',
      logprobs,
    });
  });

  it('reads the generation id from the header, and survives null and invalid fields', () => {
    const result = map(
      {
        id: null,
        created: 'yesterday',
        choices: [{ text: 'ok', finish_reason: null, logprobs: 'broken', future: 1 }],
        usage: { prompt_tokens: 2, completion_tokens: 1, cost: null, is_byok: true },
        brand_new_field: { x: 1 },
      },
      { 'x-generation-id': 'gen-header' },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(result.finishReason).toEqual({ unified: 'other', raw: undefined });
    expect(result.providerMetadata.openrouter).toEqual({
      provider: '',
      generationId: 'gen-header',
      isByok: true,
      usage: { promptTokens: 2, completionTokens: 1, totalTokens: 3, isByok: true },
    });
  });
});
