import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildOpenRouterCompletionRequest } from '../../../src/completion/build-openrouter-completion-request';
import type { OpenRouterCompletionSettings } from '../../../src/completion/openrouter-completion-options';

function build(
  call: Partial<LanguageModelV4CallOptions>,
  settings: OpenRouterCompletionSettings = {},
  providerExtraBody?: Record<string, unknown>,
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterCompletionRequest({
    modelId: 'openai/gpt-3.5-turbo-instruct',
    options: { prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], ...call },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterCompletionRequest', () => {
  it('maps the call options to the wire and omits what is absent', () => {
    const { body, warnings } = build({
      maxOutputTokens: 64,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      frequencyPenalty: 0.1,
      presencePenalty: 0.3,
      seed: 7,
      stopSequences: ['END'],
      reasoning: 'low',
    });
    expect(body).toEqual({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Hi',
      max_tokens: 64,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      seed: 7,
      stop: ['END'],
      reasoning: { effort: 'low' },
    });
    expect(warnings).toEqual([]);
    expect(build({}).body).toEqual({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi' });
  });

  it("adds the transcript's stop sequence after the caller's, while there is room", () => {
    const conversation: Partial<LanguageModelV4CallOptions> = {
      prompt: [
        { role: 'system', content: 'S' },
        { role: 'user', content: [{ type: 'text', text: 'U' }] },
      ],
    };
    expect(build(conversation).body.stop).toEqual(['\nuser:']);
    expect(build({ ...conversation, stopSequences: ['a', 'b'] }).body.stop).toEqual([
      'a',
      'b',
      '\nuser:',
    ]);
    expect(build({ ...conversation, stopSequences: ['a', 'b', 'c', 'd'] }).body.stop).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('warns about tools, a forced tool choice and JSON output instead of throwing', () => {
    const { body, warnings } = build({
      tools: [{ type: 'function', name: 'weather', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'required' },
      responseFormat: { type: 'json', schema: { type: 'object' } },
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('response_format');
    expect(warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual([
      'tools',
      'toolChoice',
      'responseFormat',
    ]);
  });

  it.each([{ type: 'auto' }, { type: 'none' }] as const)(
    'treats toolChoice %o without tools as a no-op (ai sends auto on every call)',
    (toolChoice) => {
      expect(build({ toolChoice, responseFormat: { type: 'text' } }).warnings).toEqual([]);
    },
  );

  it('takes the endpoint options in both spellings; call options win over settings', () => {
    const { body, behaviour, warnings } = build(
      {
        providerOptions: {
          openrouter: {
            logitBias: { '50256': -100 },
            logprobs: 3,
            suffix: '\n-- end',
            provider: { allowFallbacks: false, order: ['OpenAI'] },
            sessionId: 'session-call',
            timeout: 5000,
          },
        },
      },
      { user: 'user-1', session_id: 'session-settings', echo: true, transforms: ['middle-out'] },
    );
    expect(body).toMatchObject({
      user: 'user-1',
      echo: true,
      transforms: ['middle-out'],
      logit_bias: { '50256': -100 },
      logprobs: 3,
      suffix: '\n-- end',
      provider: { allow_fallbacks: false, order: ['OpenAI'] },
      session_id: 'session-call',
    });
    expect(behaviour).toEqual({ timeout: 5000 });
    expect(warnings).toEqual([]);
  });

  it('layers settings, extraBody and call options in that order', () => {
    const { body } = build(
      { temperature: 0.1, providerOptions: { openrouter: { user: 'from-call' } } },
      { user: 'from-settings', extraBody: { top_a: 0.5, user: 'from-model-extra' } },
      { top_a: 0.2, min_p: 0.1 },
    );
    expect(body).toMatchObject({ temperature: 0.1, user: 'from-call', top_a: 0.5, min_p: 0.1 });
  });

  it('warns about unknown and reserved keys, and rejects an invalid value before sending', () => {
    const { body, warnings } = build({
      providerOptions: { openrouter: { prompt: 'hijack', allowFallbacks: false, shinyNew: 1 } },
    });
    expect(body.prompt).toBe('Hi');
    expect(body).toMatchObject({ allowFallbacks: false, shinyNew: 1 });
    expect(warnings.map((warning) => warning.type === 'other' && warning.message)).toEqual([
      expect.stringContaining('providerOptions.openrouter.prompt was ignored'),
      expect.stringContaining('put it inside `provider`'),
      expect.stringContaining(
        'providerOptions.openrouter.shinyNew is not a known OpenRouter option',
      ),
    ]);
    expect(() => build({ providerOptions: { openrouter: { logprobs: 'all' } } })).toThrow(
      InvalidArgumentError,
    );
  });

  it('reports a reasoning call option overridden by the explicit OpenRouter option', () => {
    const { body, warnings } = build({
      reasoning: 'high',
      providerOptions: { openrouter: { reasoning: { maxTokens: 200 } } },
    });
    expect(body.reasoning).toEqual({ max_tokens: 200 });
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'other', message: expect.stringContaining('overridden') }),
    ]);
  });
});
