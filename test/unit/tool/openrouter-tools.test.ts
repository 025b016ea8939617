/**
 * Server tools are built without zod (the main entry must not load it): their argument checks
 * are hand-written, and their input and output are Standard Schema objects with a JSON Schema.
 */
import { InvalidArgumentError, TypeValidationError } from '@ai-sdk/provider';
import { asSchema } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import { openrouterTools } from '../../../src/tool/openrouter-tools';

function argumentOf(create: () => unknown): string | undefined {
  try {
    create();
  } catch (error) {
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    return (error as InvalidArgumentError).argument;
  }
  return undefined;
}

describe('server tool schemas', () => {
  const tool = openrouterTools.webSearch({ maxResults: 3 });

  it('is a provider-executed tool with its arguments', () => {
    expect(tool).toMatchObject({
      type: 'provider',
      isProviderExecuted: true,
      id: 'openrouter.web_search',
      args: { maxResults: 3 },
    });
  });

  it('takes any object as input and describes it in JSON Schema', async () => {
    const input = asSchema(tool.inputSchema);
    expect(await input.jsonSchema).toEqual({ type: 'object', additionalProperties: {} });
    expect(await input.validate?.({ query: 'news' })).toEqual({
      success: true,
      value: { query: 'news' },
    });
    for (const value of [[], 'text', null, 3]) {
      const result = await input.validate?.(value);
      expect(result?.success, JSON.stringify(value)).toBe(false);
      expect(TypeValidationError.isInstance(result?.success === false && result.error)).toBe(true);
    }
  });

  it('takes any output', async () => {
    const output = asSchema(tool.outputSchema);
    expect(await output.jsonSchema).toEqual({});
    expect(await output.validate?.([1, 'a'])).toEqual({ success: true, value: [1, 'a'] });
  });
});

describe('server tool arguments', () => {
  it('names the failing argument in the spelling it was given, with nested paths', () => {
    expect(argumentOf(() => openrouterTools.webSearch({ maxResults: 2.5 }))).toBe(
      'openrouter.tools.webSearch.maxResults',
    );
    expect(argumentOf(() => openrouterTools.webSearch({ max_total_results: -1 } as never))).toBe(
      'openrouter.tools.webSearch.max_total_results',
    );
    expect(
      argumentOf(() => openrouterTools.webSearch({ allowedDomains: ['a.example', 5] as never })),
    ).toBe('openrouter.tools.webSearch.allowedDomains.1');
    expect(
      argumentOf(() => openrouterTools.webSearch({ userLocation: { type: 'exact' } as never })),
    ).toBe('openrouter.tools.webSearch.userLocation.type');
    expect(argumentOf(() => openrouterTools.webSearch({ userLocation: 'Paris' as never }))).toBe(
      'openrouter.tools.webSearch.userLocation',
    );
    expect(argumentOf(() => openrouterTools.webFetch({ maxContentTokens: '10' as never }))).toBe(
      'openrouter.tools.webFetch.maxContentTokens',
    );
  });

  it('says what was expected', () => {
    expect(() => openrouterTools.webSearch({ searchContextSize: 3 as never })).toThrow(
      /searchContextSize \}\): expected a string, got the number 3/,
    );
    // Open values: an engine or size OpenRouter added after this release is accepted.
    expect(() => openrouterTools.webSearch({ searchContextSize: 'huge' as never })).not.toThrow();
  });

  it('lets valid, absent and unknown arguments through', () => {
    expect(argumentOf(() => openrouterTools.webSearch())).toBeUndefined();
    expect(
      argumentOf(() =>
        openrouterTools.webSearch({
          engine: 'exa',
          mode: 'fast',
          maxUses: 2,
          maxCharacters: undefined,
          userLocation: { type: 'approximate', city: 'Paris', extra: 1 } as never,
          excludedDomains: [],
          futureOption: { any: 'thing' },
        } as never),
      ),
    ).toBeUndefined();
    expect(argumentOf(() => openrouterTools.datetime({ timezone: 5 }))).toBeUndefined();
  });
});
