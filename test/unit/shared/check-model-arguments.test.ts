import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { checkModelArguments } from '../../../src/shared/check-model-arguments';

function argumentOf(modelId: unknown, settings?: unknown): string | undefined {
  try {
    checkModelArguments(modelId, settings);
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkModelArguments', () => {
  it('accepts a model id with or without settings', () => {
    expect(argumentOf('openai/gpt-4o')).toBeUndefined();
    expect(argumentOf('openai/gpt-4o', { provider: { sort: 'price' } })).toBeUndefined();
  });

  it.each([undefined, null, '', ' \n', 0, {}, ['a/b']])('rejects the model id %j', (modelId) => {
    expect(argumentOf(modelId)).toBe('modelId');
  });

  it.each([null, 'x', [], 1, new Map()])('rejects the settings %j', (settings) => {
    expect(argumentOf('a/b', settings)).toBe('settings');
  });

  it('rejects settings JSON cannot carry, naming the field', () => {
    expect(argumentOf('a/b', { extraBody: { n: 1n } })).toBe('settings.extraBody.n');
  });
});
