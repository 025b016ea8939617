import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  createStreamReadError,
  createTruncatedStreamError,
} from '../../../src/shared/openrouter-event-stream';

const request = {
  url: 'http://127.0.0.1:1/api/v1/chat/completions',
  requestBodyValues: { model: 'm' },
  responseHeaders: { 'x-generation-id': 'gen-1' },
};

describe('createTruncatedStreamError', () => {
  it('is a retryable APICallError that says the output is partial', () => {
    const cause = new Error('socket hang up');
    const error = createTruncatedStreamError(request, 'The stream ended early', cause);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe('The stream ended early; the output is partial.');
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBe(200);
    expect(error.url).toBe(request.url);
    expect(error.responseHeaders).toEqual(request.responseHeaders);
    expect(error.cause).toBe(cause);
  });
});

describe('createStreamReadError', () => {
  it('keeps an APICallError the request layer made (a timeout describes itself)', () => {
    const timeout = new APICallError({
      message: 'OpenRouter sent nothing for 1000 ms',
      url: request.url,
      requestBodyValues: {},
      isRetryable: true,
    });
    expect(createStreamReadError(request, timeout)).toBe(timeout);
  });

  it('turns any other read failure into a retryable truncated-stream error naming its reason', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const error = createStreamReadError(request, reset);
    expect(error.message).toBe(
      'The connection to OpenRouter was lost mid-stream (read ECONNRESET); the output is partial.',
    );
    expect(error.isRetryable).toBe(true);
    expect(error.cause).toBe(reset);
    expect(createStreamReadError(request, 'closed').message).toContain('mid-stream (closed)');
  });
});
