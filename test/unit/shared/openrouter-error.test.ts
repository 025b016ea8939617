import { describe, expect, it } from 'vitest';
import {
  getOpenRouterErrorMessage,
  isRetryableOpenRouterError,
} from '../../../src/shared/openrouter-error';

describe('OpenRouter error messages say what happened and what to do', () => {
  it.each([
    [401, 'No auth credentials found', 'Check the API key', false],
    [402, 'This request requires more credits', 'Add credits', false],
    [403, 'Input was flagged by moderation', 'retrying will not help', false],
    [404, 'No endpoints found for acme/x.', 'Check the model id', false],
    [408, 'Operation timed out.', 'can be retried', true],
    [413, 'Payload too large', 'shorten the prompt', false],
    [429, 'Rate limit exceeded', 'Retry-After', true],
    [500, 'Internal Server Error', 'can be retried', true],
    [502, 'Provider returned error', 'fallback models', true],
    [503, 'Service temporarily unavailable', 'relax provider routing', true],
    [524, 'Timeout', 'can be retried', true],
    [529, 'Overloaded', 'can be retried', true],
  ])('%i: keeps the message and adds a hint', (code, message, hint, retryable) => {
    const text = getOpenRouterErrorMessage({ code, message });
    expect(text.startsWith(message)).toBe(true);
    expect(text).toContain(hint);
    expect(isRetryableOpenRouterError({ code, message }, code)).toBe(retryable);
  });

  it('puts the upstream provider and its own message first, with moderation reasons', () => {
    expect(
      getOpenRouterErrorMessage({
        code: 403,
        message: 'Input was flagged by moderation',
        metadata: { reasons: ['harassment'], provider_name: 'OpenAI' },
      }),
    ).toBe(
      "[OpenAI] Input was flagged by moderation (flagged: harassment). The request was blocked by moderation, a guardrail or the key's permissions; retrying will not help.",
    );
    expect(
      getOpenRouterErrorMessage({
        code: 400,
        message: 'Provider returned error',
        metadata: {
          raw: '{"error":{"message":"messages.1: thinking block signature invalid"}}',
          provider_name: 'Anthropic',
        },
      }),
    ).toBe(
      '[Anthropic] Provider returned error: messages.1: thinking block signature invalid. Check the request: model id, parameters and message format.',
    );
  });

  it('uses http_status when an availability error has no code, and honours availability.retryable', () => {
    const error = {
      message: 'All providers are at capacity.',
      http_status: 429,
      availability: { retryable: true },
    };
    expect(getOpenRouterErrorMessage(error)).toContain('Rate limited');
    expect(isRetryableOpenRouterError({ ...error, availability: { retryable: false } }, 429)).toBe(
      false,
    );
  });
});
