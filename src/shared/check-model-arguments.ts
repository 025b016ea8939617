import { InvalidArgumentError } from '@ai-sdk/provider';
import { checkOptionValue, describeValue, isPlainObject } from './check-option-value';

/**
 * What every model factory (`openrouter(id, settings)`, `openrouter.chat(...)`, and each further
 * kind) checks before it builds a model, so a mistake fails where it is made and before any
 * request: the model id must be a non-empty string (without one, OpenRouter would answer with
 * the account's default model: a silent surprise with a bill), and the settings, when given,
 * must be an object whose values JSON can carry.
 */
export function checkModelArguments(modelId: unknown, settings: unknown): void {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `The OpenRouter model id must be a non-empty string like "openai/gpt-4o", not ${describeValue(modelId)}. If it comes from an environment variable, check that the variable is set.`,
    });
  }
  if (settings === undefined) return;
  if (!isPlainObject(settings)) {
    throw new InvalidArgumentError({
      argument: 'settings',
      message: `The model settings (the second argument of the model factory, for "${modelId}") must be an object, not ${describeValue(settings)}.`,
    });
  }
  checkOptionValue(settings, 'settings');
}
