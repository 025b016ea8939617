import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { applyCallSampling, modelSampling } from '../../../src/shared/sampling-defaults';

const call = (options: Partial<LanguageModelV4CallOptions> = {}): LanguageModelV4CallOptions => ({
  prompt: [],
  ...options,
});
const none = { body: {}, defaults: {} };

/** The body as the kinds build it: the model's sampling defaults, then the model's own fields. */
function apply(
  model: { defaults?: Record<string, unknown>; body?: Record<string, unknown> },
  options: Partial<LanguageModelV4CallOptions>,
  providerOptions: { body: Record<string, unknown>; defaults: Record<string, unknown> } = none,
) {
  const settings = { defaults: model.defaults ?? {} };
  const body: Record<string, unknown> = {
    model: 'm',
    ...modelSampling(settings.defaults),
    ...model.body,
    ...providerOptions.body,
  };
  const warnings: SharedV4Warning[] = [];
  applyCallSampling(body, call(options), { settings, providerOptions }, warnings);
  return { body, warnings };
}

describe('applyCallSampling', () => {
  it('lets the call options win over the model defaults, keeping the keys in place', () => {
    const { body } = apply(
      { defaults: { temperature: 0.2, top_p: 0.5 } },
      { temperature: 0.9, maxOutputTokens: 100, stopSequences: ['END'] },
    );
    expect(body).toMatchObject({ temperature: 0.9, top_p: 0.5, max_tokens: 100, stop: ['END'] });
    expect(Object.keys(body).slice(0, 3)).toEqual(['model', 'max_tokens', 'temperature']);
  });

  it("takes a default from the call's providerOptions when the call option is absent", () => {
    const { body } = apply(
      { defaults: { temperature: 0.2 } },
      {},
      {
        body: {},
        defaults: { temperature: 0.4 },
      },
    );
    expect(body.temperature).toBe(0.4);
  });

  it('leaves the model values where the call sets nothing, and reasoning undefined without any', () => {
    const { body } = apply({ body: { temperature: 0.3 } }, {});
    expect(body.temperature).toBe(0.3);
    expect(body).toHaveProperty('reasoning', undefined);
  });

  it("replaces the effort of the model's reasoning object with the call's, keeping its other fields", () => {
    const { body } = apply(
      { body: { reasoning: { effort: 'low', exclude: true } } },
      { reasoning: 'high' },
    );
    expect(body.reasoning).toEqual({ exclude: true, effort: 'high' });
  });

  it("lets the call's OpenRouter reasoning object win over the call option, with a warning", () => {
    const { body, warnings } = apply(
      {},
      { reasoning: 'high' },
      {
        body: { reasoning: { max_tokens: 1000 } },
        defaults: {},
      },
    );
    expect(body.reasoning).toEqual({ max_tokens: 1000 });
    expect(warnings).toHaveLength(1);
  });

  it('uses a default effort: the call providerOptions one over the settings one', () => {
    expect(apply({ defaults: { reasoning: 'low' } }, {}).body.reasoning).toEqual({ effort: 'low' });
    expect(
      apply({ defaults: { reasoning: 'low' } }, {}, { body: {}, defaults: { reasoning: 'medium' } })
        .body.reasoning,
    ).toEqual({ effort: 'medium' });
  });
});
