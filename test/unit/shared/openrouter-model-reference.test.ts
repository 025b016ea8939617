import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { parseOpenRouterModelReference as parse } from '../../../src/shared/openrouter-model-reference';

describe('model ids and prefixes', () => {
  it.each([
    ['openai/gpt-4o', 'openai/gpt-4o'],
    ['openrouter:anthropic/claude-sonnet-4.5', 'anthropic/claude-sonnet-4.5'],
    ['openrouter/anthropic/claude-sonnet-4-5', 'anthropic/claude-sonnet-4-5'],
    ['openrouter/meta-llama/llama-3.3-70b-instruct:free', 'meta-llama/llama-3.3-70b-instruct:free'],
    ['openrouter:openrouter/openai/gpt-4o', 'openai/gpt-4o'],
    // OpenRouter's own routers keep their names.
    ['openrouter/auto', 'openrouter/auto'],
    ['openrouter/free', 'openrouter/free'],
    ['openrouter:openrouter/auto', 'openrouter/auto'],
    ['openrouter/auto:nitro', 'openrouter/auto:nitro'],
    // Variant suffixes, presets and aliases are part of the id.
    ['openai/gpt-oss-20b:free:online', 'openai/gpt-oss-20b:free:online'],
    ['anthropic/claude-sonnet-4.5:nitro', 'anthropic/claude-sonnet-4.5:nitro'],
    ['@preset/support-bot', '@preset/support-bot'],
    ['~anthropic/claude-opus-latest', '~anthropic/claude-opus-latest'],
    // Surrounding whitespace from an env file is not part of the id.
    ['  openai/gpt-4o\n', 'openai/gpt-4o'],
  ])('%j -> %j', (reference, modelId) => {
    expect(parse(reference)).toEqual({ modelId, settings: {}, unknownParameters: [] });
  });

  it.each(['openrouter:', 'openrouter:?temperature=1', '?temperature=1', '  '])(
    '%j names no model: InvalidArgumentError',
    (reference) => {
      expect(() => parse(reference)).toThrow(InvalidArgumentError);
      expect(() => parse(reference)).toThrow(/names no model/);
    },
  );
});

describe('query settings', () => {
  it('reads every setting in either spelling into camelCase settings', () => {
    expect(
      parse(
        'openrouter:anthropic/claude-3-5-sonnet?temperature=0.7&top_p=0.9&topK=40&max_tokens=512&frequency_penalty=-0.5&presencePenalty=1e-1&seed=42&reasoning=high',
      ),
    ).toEqual({
      modelId: 'anthropic/claude-3-5-sonnet',
      settings: {
        temperature: 0.7,
        topP: 0.9,
        topK: 40,
        maxOutputTokens: 512,
        frequencyPenalty: -0.5,
        presencePenalty: 0.1,
        seed: 42,
        reasoning: 'high',
      },
      unknownParameters: [],
    });
  });

  it.each(['max_tokens', 'maxTokens', 'max_output_tokens', 'maxOutputTokens'])(
    '%s is maxOutputTokens',
    (name) => {
      expect(parse(`a/b?${name}=9`).settings).toEqual({ maxOutputTokens: 9 });
    },
  );

  it.each(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])(
    'reasoning=%s is an effort',
    (effort) => {
      expect(parse(`a/b?reasoning=${effort}`).settings).toEqual({ reasoning: effort });
    },
  );

  it('keeps the variant suffix before the query, and decodes values', () => {
    expect(parse('openrouter/meta-llama/llama-3.3-70b-instruct:free?temperature=%2E5')).toEqual({
      modelId: 'meta-llama/llama-3.3-70b-instruct:free',
      settings: { temperature: 0.5 },
      unknownParameters: [],
    });
  });

  it('reports unknown names, once each, without failing', () => {
    expect(parse('a/b?temperature=1&foo=1&foo=2&verbosity=low')).toEqual({
      modelId: 'a/b',
      settings: { temperature: 1 },
      unknownParameters: ['foo', 'verbosity'],
    });
  });

  it.each([
    ['temperature=hot', 'temperature', 'a number'],
    ['temperature=', 'temperature', 'a number'],
    ['top_p=0.5x', 'top_p', 'a number'],
    ['temperature=Infinity', 'temperature', 'a number'],
    ['top_k=1.5', 'top_k', 'an integer'],
    ['seed=abc', 'seed', 'an integer'],
    ['max_tokens=0', 'max_tokens', 'a positive integer'],
    ['maxOutputTokens=-3', 'maxOutputTokens', 'a positive integer'],
    ['reasoning=extreme', 'reasoning', 'a reasoning effort'],
  ])('?%s: InvalidArgumentError naming "%s"', (query, name, expected) => {
    let error: unknown;
    try {
      parse(`openai/gpt-4o?${query}`);
    } catch (thrown) {
      error = thrown;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`the query parameter "${name}" must be ${expected}`);
    expect((error as Error).message).toContain(`openai/gpt-4o?${query}`);
  });

  it('a setting given twice (even in both spellings) is an InvalidArgumentError', () => {
    expect(() => parse('a/b?temperature=1&temperature=2')).toThrow(/"temperature" is given twice/);
    expect(() => parse('a/b?top_p=1&topP=2')).toThrow(/"topP" repeats "top_p"/);
  });
});
