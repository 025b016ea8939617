/**
 * OpenRouter errors on every path (HTTP status, HTTP 200 with an error body, `choices[0].error`,
 * mid-stream error chunks, cut streams) as they reach users of `generateText` / `streamText`,
 * and `ai`'s retries over real HTTP (emulator).
 */

import type { APICallError } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, NoOutputGeneratedError, RetryError, streamText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  chatResponse,
  type EmulatorResponse,
  type ErrorResponse,
  errorBody,
} from '../../src/testing/index';
import { asApiCallError, MODEL_ID, rejectionOf, silenceAiWarnings, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const ok = (text = 'recovered', stream = false) => chatResponse({ text, stream });

/** What an error must look like: its status code, whether it is retryable, and its message. */
interface ExpectedError {
  status: number | undefined;
  retryable: boolean;
  /** Substrings the error message must contain. */
  message: string[];
}

function expectError(error: APICallError, expected: ExpectedError): void {
  expect(error.statusCode).toBe(expected.status);
  expect(error.isRetryable).toBe(expected.retryable);
  for (const part of expected.message) expect(error.message).toContain(part);
}

/**
 * Streams a call to the end: its parts and its one error part's error, which `onError` must
 * have received too.
 */
async function streamWithOneError(settings: { maxRetries?: number } = {}) {
  const errors: unknown[] = [];
  const result = streamText({
    model: ctx.model(),
    prompt: 'hello',
    ...settings,
    onError: ({ error }) => {
      errors.push(error);
    },
  });
  const parts = await convertReadableStreamToArray(result.fullStream);
  const errorParts = parts.filter((part) => part.type === 'error');
  expect(errorParts).toHaveLength(1);
  const error = asApiCallError(errorParts[0]?.error);
  expect(errors).toEqual([error]);
  return { result, parts, error };
}

interface ErrorCase extends ExpectedError {
  name: string;
  response: ErrorResponse;
  status: number;
}

const availabilityBody = {
  error: {
    message:
      'All providers for anthropic/claude-sonnet-4.5 are at capacity. Retry after 40 seconds.',
    error_type: 'rate_limit_exceeded',
    http_status: 429,
    availability: {
      code: 'capacity_exhausted',
      retryable: true,
      retry_after: 40,
      requested_models: ['anthropic/claude-sonnet-4.5'],
      fallback_models: ['anthropic/claude-haiku-4.5'],
    },
    metadata: { previous_errors: [{ provider: 'anthropic', code: 'capacity_exhausted' }] },
  },
};

const ERROR_CASES: ErrorCase[] = [
  {
    name: '400 invalid model',
    response: {
      type: 'error',
      status: 400,
      message: 'acme/fake-1.0 is not a valid model ID',
      userId: 'user_2dH',
    },
    status: 400,
    retryable: false,
    message: ['acme/fake-1.0 is not a valid model ID'],
  },
  {
    name: '401 no credentials',
    response: { type: 'error', status: 401, message: 'No auth credentials found' },
    status: 401,
    retryable: false,
    message: ['No auth credentials found'],
  },
  {
    name: '402 credits',
    response: {
      type: 'error',
      status: 402,
      message:
        'This request requires more credits, or fewer max_tokens. You requested up to 16384 tokens, but can only afford 3324.',
      userId: 'user_abc123',
    },
    status: 402,
    retryable: false,
    message: ['requires more credits', 'can only afford 3324'],
  },
  {
    name: '403 moderation',
    response: {
      type: 'error',
      status: 403,
      message: 'Input was flagged by moderation',
      metadata: {
        reasons: ['harassment', 'violence'],
        flagged_input: 'you are a ...',
        provider_name: 'OpenAI',
        model_slug: 'openai/gpt-4o',
      },
    },
    status: 403,
    retryable: false,
    message: ['Input was flagged by moderation', '[OpenAI]', 'harassment', 'violence'],
  },
  {
    name: '404 no endpoints',
    response: { type: 'error', status: 404, message: 'No endpoints found for openai/gpt-4o.' },
    status: 404,
    retryable: false,
    message: ['No endpoints found for openai/gpt-4o.'],
  },
  {
    name: '408 timeout',
    response: {
      type: 'error',
      status: 408,
      message: 'Operation timed out. Please try again later.',
    },
    status: 408,
    retryable: true,
    message: ['Operation timed out'],
  },
  {
    name: '413 payload too large',
    response: { type: 'error', status: 413, message: 'Payload Too Large' },
    status: 413,
    retryable: false,
    message: ['Payload Too Large'],
  },
  {
    name: '429 with Retry-After',
    response: {
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      retryAfter: 7,
      rateLimit: { limit: 20, remaining: 0, reset: 1791500060000 },
    },
    status: 429,
    retryable: true,
    message: ['Rate limit exceeded'],
  },
  {
    name: '500 internal',
    response: { type: 'error', status: 500, message: 'Internal Server Error' },
    status: 500,
    retryable: true,
    message: ['Internal Server Error'],
  },
  {
    name: '502 metadata.raw as JSON text',
    response: {
      type: 'error',
      status: 502,
      message: 'Provider returned error',
      metadata: {
        raw: JSON.stringify({
          type: 'error',
          error: { type: 'overloaded_error', message: 'Upstream Anthropic is overloaded' },
        }),
        provider_name: 'Anthropic',
        is_byok: false,
      },
      userId: 'user_36Z0',
    },
    status: 502,
    retryable: true,
    message: ['Provider returned error', 'Upstream Anthropic is overloaded', '[Anthropic]'],
  },
  {
    name: '502 metadata.raw as an object',
    response: {
      type: 'error',
      status: 502,
      message: 'Provider returned error',
      metadata: {
        raw: { error: { code: 400, message: 'messages.1: thinking block signature invalid' } },
        provider_name: 'Google Vertex',
      },
    },
    status: 502,
    retryable: true,
    message: ['Provider returned error', 'thinking block signature invalid', '[Google Vertex]'],
  },
  {
    name: '503 unavailable',
    response: { type: 'error', status: 503, message: 'Service temporarily unavailable' },
    status: 503,
    retryable: true,
    message: ['Service temporarily unavailable'],
  },
  {
    name: '524 edge timeout',
    response: { type: 'error', status: 524, message: 'A timeout occurred' },
    status: 524,
    retryable: true,
    message: ['A timeout occurred'],
  },
  {
    name: '529 overloaded',
    response: { type: 'error', status: 529, message: 'Provider overloaded' },
    status: 529,
    retryable: true,
    message: ['Provider overloaded'],
  },
  {
    name: 'availability error without code (http_status)',
    response: { type: 'error', status: 429, message: '', bodyOverride: availabilityBody },
    status: 429,
    retryable: true,
    message: ['All providers for anthropic/claude-sonnet-4.5 are at capacity'],
  },
];

const sentBody = (response: ErrorResponse) => response.bodyOverride ?? errorBody(response);

describe('HTTP errors through generateText (maxRetries: 0)', () => {
  it.each(ERROR_CASES)('$name', async (c) => {
    ctx.emulator.enqueue(c.response);
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expectError(error, c);
    expect(error.url).toBe(`${ctx.emulator.baseURL}/chat/completions`);
    expect(error.requestBodyValues).toMatchObject({ model: MODEL_ID });
    expect(JSON.parse(error.responseBody ?? 'null')).toEqual(sentBody(c.response));
    expect(error.data).toEqual(sentBody(c.response));
    expect(ctx.emulator.requests).toHaveLength(1);
  });

  it('429: the Retry-After and rate-limit headers are kept on the error', async () => {
    ctx.emulator.enqueue({
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      retryAfter: 7,
      rateLimit: { limit: 20, remaining: 0, reset: 1791500060000 },
    });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expect(error.responseHeaders).toMatchObject({
      'retry-after': '7',
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1791500060000',
    });
  });

  it('403 moderation: reasons and provider are readable from error.data', async () => {
    const moderation = ERROR_CASES.find((c) => c.status === 403)!.response;
    ctx.emulator.enqueue(moderation);
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expect(error.data).toMatchObject({
      error: {
        code: 403,
        metadata: { reasons: ['harassment', 'violence'], provider_name: 'OpenAI' },
      },
    });
  });
});

describe('HTTP errors through streamText (the request fails before the stream starts)', () => {
  it.each(ERROR_CASES)('$name', async (c) => {
    ctx.emulator.enqueue(c.response);
    const { error } = await streamWithOneError({ maxRetries: 0 });
    expectError(error, c);
    expect(ctx.emulator.requests).toHaveLength(1);
  });
});

describe('retries end to end (default maxRetries)', () => {
  it('429 with Retry-After: 0, then success: generateText succeeds after 2 requests', async () => {
    ctx.emulator.enqueue(
      { type: 'error', status: 429, message: 'Rate limit exceeded', retryAfter: 0 },
      ok(),
    );
    const result = await generateText({ model: ctx.model(), prompt: 'hello' });
    expect(result.text).toBe('recovered');
    expect(ctx.emulator.requests).toHaveLength(2);
    expect(ctx.emulator.requests[1]?.json()).toEqual(ctx.emulator.requests[0]?.json());
  });

  it('503 with Retry-After: 0.01, then success: streamText succeeds after 2 requests', async () => {
    ctx.emulator.enqueue(
      { type: 'error', status: 503, message: 'Service temporarily unavailable', retryAfter: 0.01 },
      ok('streamed', true),
    );
    const result = streamText({ model: ctx.model(), prompt: 'hello' });
    expect(await result.text).toBe('streamed');
    expect(await result.finishReason).toBe('stop');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('400 is not retried: the APICallError comes out after 1 request', async () => {
    ctx.emulator.enqueue(
      { type: 'error', status: 400, message: 'acme/fake-1.0 is not a valid model ID' },
      ok(),
    );
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'x' })),
    );
    expect(error.statusCode).toBe(400);
    expect(ctx.emulator.requests).toHaveLength(1);
  });

  it('402 is not retried either', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 402, message: 'Insufficient credits' }, ok());
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'x' })),
    );
    expect(error.statusCode).toBe(402);
    expect(ctx.emulator.requests).toHaveLength(1);
  });

  it('three 502s exhaust the retries: RetryError with every APICallError', async () => {
    const failure: ErrorResponse = {
      type: 'error',
      status: 502,
      message: 'Provider returned error',
      retryAfter: 0,
    };
    ctx.emulator.enqueue(failure, failure, failure, ok());
    const error = await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello' }));
    expect(RetryError.isInstance(error)).toBe(true);
    const retryError = error as RetryError;
    expect(retryError.reason).toBe('maxRetriesExceeded');
    expect(retryError.errors).toHaveLength(3);
    for (const attempt of retryError.errors) expect(asApiCallError(attempt).statusCode).toBe(502);
    expect(ctx.emulator.requests).toHaveLength(3);
  });

  it('HTTP 200 with a retryable error body is retried like an HTTP error', async () => {
    ctx.emulator.enqueue(
      {
        type: 'json',
        status: 200,
        body: { error: { message: 'Internal Server Error', code: 500 }, user_id: 'org_abc123' },
        headers: { 'retry-after': '0' },
      },
      ok(),
    );
    const result = await generateText({ model: ctx.model(), prompt: 'hello' });
    expect(result.text).toBe('recovered');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('a retryable choices[0].error is retried like an HTTP error', async () => {
    ctx.emulator.enqueue(
      {
        type: 'json',
        body: chatCompletionJson({
          text: 'partial output...',
          midStreamError: { code: 502, message: 'Provider disconnected mid-stream' },
        }),
        headers: { 'retry-after': '0' },
      },
      ok(),
    );
    const result = await generateText({ model: ctx.model(), prompt: 'hello' });
    expect(result.text).toBe('recovered');
    expect(ctx.emulator.requests).toHaveLength(2);
  });
});

describe('HTTP 200 with an error body', () => {
  const wholeBodyCases: Array<ExpectedError & { name: string; body: Record<string, unknown> }> = [
    {
      name: '500 (retryable)',
      body: { error: { message: 'Internal Server Error', code: 500 }, user_id: 'org_abc123' },
      status: 500,
      retryable: true,
      message: ['Internal Server Error'],
    },
    {
      name: '400 (not retryable)',
      body: { error: { message: 'Invalid request', code: 400 }, user_id: 'org_abc123' },
      status: 400,
      retryable: false,
      message: ['Invalid request'],
    },
    {
      name: '429 with metadata.raw and provider_name',
      body: {
        error: {
          message: 'Provider returned error',
          code: 429,
          metadata: {
            raw: 'qwen/qwen3:free is temporarily rate-limited upstream.',
            provider_name: 'ModelRun',
          },
        },
        user_id: 'user_3ByZ',
      },
      status: 429,
      retryable: true,
      message: ['Provider returned error', 'temporarily rate-limited upstream', '[ModelRun]'],
    },
    {
      name: 'availability body: status from http_status',
      body: availabilityBody,
      status: 429,
      retryable: true,
      message: ['are at capacity'],
    },
  ];

  it.each(wholeBodyCases)('generateText: $name', async (c) => {
    ctx.emulator.enqueue({ type: 'json', status: 200, body: c.body });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expectError(error, c);
    expect(error.data).toEqual(c.body);
    expect(ctx.emulator.requests).toHaveLength(1);
  });

  it.each(wholeBodyCases)(
    'streamText: $name surfaces as an error part, onError and a rejected text',
    async (c) => {
      ctx.emulator.enqueue({ type: 'json', status: 200, body: c.body });
      const { result, parts, error } = await streamWithOneError({ maxRetries: 0 });
      expectError(error, c);
      expect(parts.some((part) => part.type === 'text-delta')).toBe(false);
      const textError = await rejectionOf(result.text);
      expect(NoOutputGeneratedError.isInstance(textError)).toBe(true);
      expect(ctx.emulator.requests).toHaveLength(1);
      expect(ctx.emulator.requests[0]?.json().stream).toBe(true);
    },
  );

  it('non-stream choices[0].error with finish_reason error -> APICallError', async () => {
    const body = chatCompletionJson({
      text: 'partial output...',
      midStreamError: {
        code: 502,
        message: 'Provider disconnected mid-stream',
        metadata: { error_type: 'provider_unavailable' },
      },
    });
    ctx.emulator.enqueue({ type: 'json', body });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Provider disconnected mid-stream');
    expect(error.data).toEqual(body);
  });

  it('a non-retryable choices[0].error (400) is not retried', async () => {
    ctx.emulator.enqueue(
      {
        type: 'json',
        body: chatCompletionJson({
          midStreamError: { code: 400, message: 'context_length_exceeded' },
        }),
      },
      ok(),
    );
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'x' })),
    );
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(ctx.emulator.requests).toHaveLength(1);
  });
});

describe('mid-stream error chunks through streamText', () => {
  const cases: Array<
    ExpectedError & { name: string; error: NonNullable<ChatScript['midStreamError']> }
  > = [
    {
      name: '502 provider_unavailable',
      error: {
        code: 502,
        message: 'Provider disconnected unexpectedly',
        metadata: { error_type: 'provider_unavailable' },
      },
      status: 502,
      retryable: true,
      message: ['Provider disconnected unexpectedly'],
    },
    {
      name: '429 with metadata.raw',
      error: {
        code: 429,
        message: 'Provider returned error',
        metadata: { raw: 'rate-limited upstream, retry shortly', provider_name: 'Stealth' },
      },
      status: 429,
      retryable: true,
      message: ['Provider returned error', 'rate-limited upstream', '[Stealth]'],
    },
    {
      name: '400 (not retryable)',
      error: { code: 400, message: 'Output blocked by content filter' },
      status: 400,
      retryable: false,
      message: ['Output blocked by content filter'],
    },
    {
      name: "string code 'server_error'",
      error: { code: 'server_error', message: 'Upstream crashed' },
      status: undefined,
      retryable: true,
      message: ['Upstream crashed'],
    },
  ];

  for (const done of [true, false]) {
    it.each(cases)(`$name, ${done ? 'with' : 'without'} [DONE] after it`, async (c) => {
      ctx.emulator.enqueue({
        type: 'sse',
        events: chatCompletionStream({
          text: ['Once upon', ' a time'],
          midStreamError: c.error,
          done,
        }),
      });
      const { result, parts, error } = await streamWithOneError();
      const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : []));
      expect(text.join('')).toBe('Once upon a time');
      expectError(error, c);
      const finish = parts.find((part) => part.type === 'finish');
      expect(finish?.finishReason).toBe('error');
      expect(await result.finishReason).toBe('error');
      expect(await result.text).toBe('Once upon a time');
      // The error part comes after the text and before the finish.
      const order = parts.map((part) => part.type);
      expect(order.lastIndexOf('text-delta')).toBeLessThan(order.indexOf('error'));
      expect(order.indexOf('error')).toBeLessThan(order.indexOf('finish'));
      // Mid-stream errors are not retried by maxRetries.
      expect(ctx.emulator.requests).toHaveLength(1);
    });
  }
});

describe('streams cut short', () => {
  const cut = (ending: 'end' | 'reset'): EmulatorResponse => ({
    type: 'sse',
    events: chatCompletionStream({ text: ['Partial ', 'answer'], finishReason: null, done: false }),
    ending,
  });

  it.each([
    ['the connection is reset', 'reset'],
    ['the body ends without a finish reason or [DONE]', 'end'],
  ] as const)(
    '%s: an error part and finishReason error; the text is kept',
    async (_name, ending) => {
      ctx.emulator.enqueue(cut(ending));
      const { result, error } = await streamWithOneError();
      expect(error.isRetryable).toBe(true);
      expect(error.message).toMatch(/partial/i);
      expect(await result.finishReason).toBe('error');
      expect(await result.text).toBe('Partial answer');
    },
  );

  it('control: a finish reason without [DONE] is a complete answer, not an error', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: chatCompletionStream({ text: ['Whole ', 'answer'], done: false }),
    });
    const result = streamText({ model: ctx.model(), prompt: 'hello', onError: () => {} });
    const parts = await convertReadableStreamToArray(result.fullStream);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(await result.finishReason).toBe('stop');
    expect(await result.text).toBe('Whole answer');
  });

  it('control: a complete stream has no error part', async () => {
    ctx.emulator.enqueue(ok('fine', true));
    const result = streamText({ model: ctx.model(), prompt: 'hello' });
    const parts = await convertReadableStreamToArray(result.fullStream);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(await result.finishReason).toBe('stop');
  });
});

describe('retries by status, whatever the body says', () => {
  const bodies: Array<[string, string, string]> = [
    ['an HTML page from a CDN', 'text/html', '<html><body><h1>Too busy</h1></body></html>'],
    ['an empty body', 'text/plain', ''],
    ['a JSON body that is not the envelope', 'application/json', '{"message":"slow down"}'],
  ];
  const cases = [408, 409, 429, 503].flatMap((status) =>
    bodies.map(([what, type, body]) => ({ status, what, type, body })),
  );

  it.each(cases)('$status with $what is retried', async ({ status, type, body }) => {
    ctx.emulator.enqueue(
      { type: 'raw', status, headers: { 'content-type': type, 'retry-after': '0' }, body },
      ok(),
    );
    const result = await generateText({ model: ctx.model(), prompt: 'hello' });
    expect(result.text).toBe('recovered');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('the error of such a body says what came back and carries the status', async () => {
    ctx.emulator.enqueue({
      type: 'raw',
      status: 429,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"slow down"}',
    });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'hello', maxRetries: 0 })),
    );
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true });
    expect(error.message).toContain('HTTP 429');
    expect(error.message).toContain('slow down');
  });

  it('control: a 400 HTML page is not retried', async () => {
    ctx.emulator.enqueue({
      type: 'raw',
      status: 400,
      headers: { 'content-type': 'text/html' },
      body: '<html>bad request</html>',
    });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'x' })),
    );
    expect(error.isRetryable).toBe(false);
    expect(ctx.emulator.requests).toHaveLength(1);
  });
});

describe('Retry-After in every form decides the delay (the default backoff would be 2 s)', () => {
  /** Answers `first`, then success, noting when each request arrived. */
  function timed(first: EmulatorResponse) {
    const arrivals: number[] = [];
    const at = (response: EmulatorResponse) => () => {
      arrivals.push(performance.now());
      return response;
    };
    ctx.emulator.enqueue(at(first), at(ok()));
    return () => arrivals[1]! - arrivals[0]!;
  }

  it('retry-after-ms (on a 429 HTML page)', async () => {
    const delay = timed({
      type: 'raw',
      status: 429,
      headers: { 'content-type': 'text/html', 'retry-after-ms': '300' },
      body: '<html>rate limited</html>',
    });
    expect((await generateText({ model: ctx.model(), prompt: 'x' })).text).toBe('recovered');
    expect(delay()).toBeGreaterThanOrEqual(250);
    expect(delay()).toBeLessThan(1_500);
  });

  it('retry-after in seconds (on an OpenRouter 503)', async () => {
    const delay = timed({ type: 'error', status: 503, message: 'busy', retryAfter: 1 });
    expect((await generateText({ model: ctx.model(), prompt: 'x' })).text).toBe('recovered');
    expect(delay()).toBeGreaterThanOrEqual(900);
    expect(delay()).toBeLessThan(1_900);
  });

  it('retry-after as an HTTP date (on an empty 429)', async () => {
    const delay = timed({
      type: 'raw',
      status: 429,
      headers: { 'retry-after': new Date(Date.now() + 1_500).toUTCString() },
      body: '',
    });
    expect((await generateText({ model: ctx.model(), prompt: 'x' })).text).toBe('recovered');
    expect(delay()).toBeGreaterThanOrEqual(300);
    expect(delay()).toBeLessThan(1_900);
  });
});

describe('a message never suggests a retry that will not happen', () => {
  it.each([429, 500, 502, 503, 504, 524, 529])(
    '%i that OpenRouter marks not retryable',
    async (status) => {
      ctx.emulator.enqueue({
        type: 'error',
        status,
        message: 'Unavailable',
        bodyOverride: {
          error: { message: 'Unavailable', code: status, availability: { retryable: false } },
        },
      });
      const error = asApiCallError(
        await rejectionOf(generateText({ model: ctx.model(), prompt: 'x' })),
      );
      expect(error.isRetryable).toBe(false);
      expect(error.message).not.toMatch(/retr(y|ied)/i);
      expect(ctx.emulator.requests).toHaveLength(1);
    },
  );

  it('control: the same statuses when retryable do suggest it', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 502, message: 'Provider returned error' });
    const error = asApiCallError(
      await rejectionOf(generateText({ model: ctx.model(), prompt: 'x', maxRetries: 0 })),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('can be retried');
  });
});
