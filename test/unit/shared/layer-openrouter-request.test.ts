import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../../../src/shared/layer-openrouter-request';
import {
  type OpenRouterOptionsSpec,
  type ResolvedOpenRouterOptions,
  resolveOpenRouterOptions,
} from '../../../src/shared/resolve-openrouter-options';

const spec: OpenRouterOptionsSpec = {
  fields: { input_type: z.string(), dimensions: z.number().int().positive() },
  behaviour: { timeout: z.number().int().positive() },
  reserved: new Set(['model', 'input']),
};

describe('layerOpenRouterRequest', () => {
  const resolved = (
    body: Record<string, unknown>,
    behaviour: Record<string, unknown> = {},
  ): ResolvedOpenRouterOptions => ({ body, behaviour, defaults: {} });

  it('layers base, settings, call options, extraBody (provider, model) and providerOptions, lowest first', () => {
    const { body } = layerOpenRouterRequest({
      base: { model: 'm', a: 'base', b: 'base', c: 'base', d: 'base', e: 'base' },
      settings: resolved({ b: 'settings', c: 'settings', d: 'settings', e: 'settings' }),
      callOptions: { c: 'call', d: 'call', e: 'call' },
      providerExtraBody: { d: 'provider extraBody', e: 'provider extraBody', f: 'provider' },
      modelExtraBody: { e: 'model extraBody', f: 'model' },
      providerOptions: resolved({ f: 'providerOptions' }),
    });
    expect(body).toEqual({
      model: 'm',
      a: 'base',
      b: 'settings',
      c: 'call',
      d: 'provider extraBody',
      e: 'model extraBody',
      f: 'providerOptions',
    });
    expect(Object.keys(body)).toEqual(['model', 'a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('an undefined call option leaves the settings value; an undefined extraBody entry removes the field', () => {
    const { body } = layerOpenRouterRequest({
      base: { model: 'm', top_n: 3 },
      settings: resolved({ dimensions: 256 }),
      callOptions: { dimensions: undefined, seed: undefined },
      providerExtraBody: undefined,
      modelExtraBody: { top_n: undefined },
      providerOptions: resolved({}),
    });
    expect(body).toStrictEqual({ model: 'm', dimensions: 256 });
  });

  it("merges the behaviour options key by key, the call's winning", () => {
    const { behaviour } = layerOpenRouterRequest({
      settings: resolved({}, { timeout: 1000, sessionId: 'settings' }),
      providerExtraBody: undefined,
      modelExtraBody: undefined,
      providerOptions: resolved({}, { sessionId: 'call' }),
    });
    expect(behaviour).toEqual({ timeout: 1000, sessionId: 'call' });
  });
});

describe('resolveOpenRouterSettingsAndCall', () => {
  it('resolves the settings and the call options by one spec, naming each source, settings first', () => {
    const warnings: SharedV4Warning[] = [];
    const resolved = resolveOpenRouterSettingsAndCall(
      spec,
      { inputType: 'query', typoA: 1 },
      { dimensions: 8, typoB: 2 },
      warnings,
    );
    expect(resolved.settings).toEqual(
      resolveOpenRouterOptions(spec, { inputType: 'query', typoA: 1 }, 'settings', []),
    );
    expect(resolved.providerOptions).toEqual(
      resolveOpenRouterOptions(spec, { dimensions: 8, typoB: 2 }, 'providerOptions.openrouter', []),
    );
    expect(warnings.map((warning) => ('message' in warning ? warning.message : ''))).toEqual([
      expect.stringContaining('settings.typoA'),
      expect.stringContaining('providerOptions.openrouter.typoB'),
    ]);
  });

  it('takes absent call options as none', () => {
    const resolved = resolveOpenRouterSettingsAndCall(spec, {}, undefined, []);
    expect(resolved.providerOptions).toEqual({ body: {}, behaviour: {}, defaults: {} });
  });

  it('throws for invalid call options, naming providerOptions.openrouter', () => {
    expect(() => resolveOpenRouterSettingsAndCall(spec, {}, { dimensions: -1 }, [])).toThrow(
      /providerOptions\.openrouter\.dimensions/,
    );
  });
});
