import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  providerPreferencesSchema,
  SAMPLING_DEFAULTS,
} from '../../../src/shared/openrouter-request-schemas';
import {
  type OpenRouterOptionsSpec,
  resolveOpenRouterOptions,
} from '../../../src/shared/resolve-openrouter-options';

/** A small spec of the shape every kind's `-options.ts` supplies. */
const spec: OpenRouterOptionsSpec = {
  fields: {
    provider: providerPreferencesSchema,
    input_type: z.string(),
    dimensions: z.number().int().positive(),
    metadata: z.record(z.string(), z.string()),
  },
  verbatimFields: new Set(['metadata']),
  behaviour: { timeout: z.number().int().positive() },
  checkedNested: { provider: providerPreferencesSchema },
  reserved: new Set(['model', 'input']),
  noEffect: { usage: 'usage is always returned.' },
};

function resolve(options: unknown) {
  const warnings: SharedV4Warning[] = [];
  const result = resolveOpenRouterOptions(spec, options, 'providerOptions.openrouter', warnings);
  return { ...result, warnings };
}

describe('resolveOpenRouterOptions', () => {
  it('accepts both spellings, nested keys included, and sends wire names', () => {
    const { body, warnings } = resolve({
      inputType: 'search_query',
      provider: { allowFallbacks: false, data_collection: 'deny' },
    });
    expect(body).toEqual({
      input_type: 'search_query',
      provider: { allow_fallbacks: false, data_collection: 'deny' },
    });
    expect(warnings).toEqual([]);
  });

  it("keeps the user's own keys in verbatim fields", () => {
    expect(resolve({ metadata: { traceId: 'a', user_tier: 'b' } }).body).toEqual({
      metadata: { traceId: 'a', user_tier: 'b' },
    });
  });

  it('returns package settings as behaviour, camelCase, not as body fields', () => {
    expect(resolve({ timeout: 500 })).toMatchObject({ body: {}, behaviour: { timeout: 500 } });
  });

  it('throws an InvalidArgumentError naming the field and its path', () => {
    expect(() => resolve({ dimensions: -1 })).toThrow(InvalidArgumentError);
    expect(() => resolve({ provider: { order: 'a' } })).toThrow(
      /providerOptions\.openrouter\.provider\.order/,
    );
  });

  it('warns about reserved keys and does not send them', () => {
    const { body, warnings } = resolve({ model: 'other/model' });
    expect(body).toEqual({});
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('the provider sets "model" itself') },
    ]);
  });

  it('accepts deprecated no-ops with a deprecation warning', () => {
    const { body, warnings } = resolve({ usage: { include: true } });
    expect(body).toEqual({});
    expect(warnings).toEqual([
      {
        type: 'deprecated',
        setting: 'providerOptions.openrouter.usage',
        message: 'usage is always returned.',
      },
    ]);
  });

  it('sends unknown keys unchanged with a warning, and points routing fields to provider', () => {
    const { body, warnings } = resolve({ newField: 1, only: ['a'] });
    expect(body).toEqual({ newField: 1, only: ['a'] });
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringContaining('newField is not a known OpenRouter option'),
      expect.stringContaining('put it inside `provider`'),
    ]);
  });

  it('warns about unknown keys inside checked nested objects', () => {
    const { warnings } = resolve({ provider: { odrer: ['a'] } });
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('provider.odrer is not a known OpenRouter provider field'),
      },
    ]);
  });

  it('skips undefined values', () => {
    expect(resolve({ inputType: undefined })).toMatchObject({ body: {}, warnings: [] });
  });

  it('treats undefined and null options as none, and anything but an object as an error', () => {
    expect(resolve(undefined)).toMatchObject({ body: {}, warnings: [] });
    expect(resolve(null)).toMatchObject({ body: {}, warnings: [] });
    for (const options of ['abc', [1, 2], 42, new Date()]) {
      expect(() => resolve(options)).toThrow(InvalidArgumentError);
      expect(() => resolve(options)).toThrow(/providerOptions\.openrouter must be an object/);
    }
  });

  it('looks keys up as own properties: constructor and prototype are unknown keys', () => {
    const { body, warnings } = resolve({
      constructor: 'x',
      prototype: 1,
      toString: 2,
      provider: { constructor: 'y', prototype: 3 },
    });
    expect(body).toEqual({
      constructor: 'x',
      prototype: 1,
      toString: 2,
      provider: { constructor: 'y', prototype: 3 },
    });
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringMatching(/^providerOptions\.openrouter\.constructor is not a known/),
      expect.stringMatching(/^providerOptions\.openrouter\.prototype is not a known/),
      expect.stringMatching(/^providerOptions\.openrouter\.toString is not a known/),
      expect.stringMatching(/^providerOptions\.openrouter\.provider\.constructor is not a known/),
      expect.stringMatching(/^providerOptions\.openrouter\.provider\.prototype is not a known/),
    ]);
  });

  it('leaves out __proto__ keys at any depth with a warning, without touching prototypes', () => {
    const { body, warnings } = resolve(
      JSON.parse(
        '{"__proto__":{"model":"x"},"provider":{"__proto__":{"sort":"price"}},"z":{"__proto__":1}}',
      ),
    );
    expect(body).toEqual({ provider: {}, z: {} });
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(body.provider)).toBe(Object.prototype);
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      'providerOptions.openrouter.__proto__ was ignored: "__proto__" cannot be an option name.',
      'providerOptions.openrouter.provider.__proto__ was ignored: "__proto__" cannot be an option name.',
      'providerOptions.openrouter.z.__proto__ was ignored: "__proto__" cannot be an option name.',
      expect.stringMatching(/^providerOptions\.openrouter\.z is not a known/),
    ]);
  });

  it('rejects values JSON cannot carry, naming the field, before validating them', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => resolve({ provider: circular })).toThrow(
      /providerOptions\.openrouter\.provider\.self: it refers back/,
    );
    expect(() => resolve({ dimensions: 3n })).toThrow(
      /providerOptions\.openrouter\.dimensions: it is a BigInt/,
    );
  });
});

describe('callDefaults', () => {
  const withDefaults: OpenRouterOptionsSpec = {
    ...spec,
    fields: { ...spec.fields, reasoning: z.object({ effort: z.string() }).partial() },
    callDefaults: SAMPLING_DEFAULTS,
  };
  const resolveWithDefaults = (options: unknown) => {
    const warnings: SharedV4Warning[] = [];
    const result = resolveOpenRouterOptions(withDefaults, options, 'settings', warnings);
    return { ...result, warnings };
  };

  it('collects call-option defaults apart, by wire name, in any spelling', () => {
    const { body, defaults, warnings } = resolveWithDefaults({
      temperature: 0,
      topP: 0.5,
      max_output_tokens: 9,
      stopSequences: ['x'],
      reasoning: 'high',
      inputType: 'query',
    });
    expect(defaults).toEqual({
      temperature: 0,
      top_p: 0.5,
      max_tokens: 9,
      stop: ['x'],
      reasoning: 'high',
    });
    expect(body).toEqual({ input_type: 'query' });
    expect(warnings).toEqual([]);
  });

  it('an object for a name that is also a field is the field, not a default', () => {
    const { body, defaults } = resolveWithDefaults({ reasoning: { effort: 'low' } });
    expect(body).toEqual({ reasoning: { effort: 'low' } });
    expect(defaults).toEqual({});
  });

  it('a default of the wrong type is an InvalidArgumentError naming it', () => {
    expect(() => resolveWithDefaults({ maxTokens: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => resolveWithDefaults({ topK: 'many' })).toThrow(/settings\.topK/);
  });
});
