import { describe, expect, it } from 'vitest';
import {
  createOpenRouterFailedResponseHandler,
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

describe('404 hints by what was asked', () => {
  const baseURL = 'https://openrouter.ai/api/v1';
  const messageOf = async (path: string, body: string, contentType = 'application/json') => {
    const handler = createOpenRouterFailedResponseHandler({ path, baseURL });
    const response = new Response(body, { status: 404, headers: { 'content-type': contentType } });
    const { value } = await handler({ response, url: `${baseURL}${path}`, requestBodyValues: {} });
    return value.message;
  };
  const envelope = JSON.stringify({ error: { code: 404, message: 'Not found' } });

  it.each([
    '/chat/completions',
    '/embeddings',
    '/images',
    '/models/acme/x/endpoints',
    '/decisions',
  ])('%s, OpenRouter envelope: the model', async (path) => {
    expect(await messageOf(path, envelope)).toContain('Check the model id');
  });

  it('/generation, OpenRouter envelope: the generation id', async () => {
    const message = await messageOf('/generation', envelope);
    expect(message).toContain('No generation has this id');
    expect(message).not.toContain('model id');
  });

  it('a page that is not the envelope: the route, so the base URL', async () => {
    const message = await messageOf('/chat/completions', '<html>404</html>', 'text/html');
    expect(message).toContain(`Nothing answers at ${baseURL}/chat/completions`);
    expect(message).toContain('baseURL ends with /api/v1');
    expect(await messageOf('/decisions', '<html>404</html>', 'text/html')).toContain(
      'check decisionsBaseURL',
    );
  });

  it('another route with the envelope (a video job): the id, not the model', async () => {
    const message = await messageOf('/videos/job-1', envelope);
    expect(message).toContain('Check the id in the request');
    expect(message).not.toContain('model id');
  });
});
