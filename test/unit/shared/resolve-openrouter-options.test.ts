import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { providerPreferencesSchema } from '../../../src/shared/openrouter-request-schemas';
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

function resolve(options: Record<string, unknown>) {
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
});
