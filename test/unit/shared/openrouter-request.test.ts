/**
 * The shared request layer against a real HTTP server on loopback (the emulator): the method
 * and body kinds, headers, keys, error mapping, timeouts and aborts that every model kind and
 * the platform API inherit from it.
 */
import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { DownloadError, type FetchFunction, loadApiKey } from '@ai-sdk/provider-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  type OpenRouterRequestConfig,
  requestOpenRouter,
  requestOpenRouterResponseUrl,
  requestOpenRouterStream,
} from '../../../src/shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterBinaryResponseHandler,
  openRouterEventStreamResponseHandler,
} from '../../../src/shared/openrouter-response-handlers';
import { type OpenRouterEmulator, startOpenRouterEmulator } from '../../../src/testing/index.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const config = (headers: Record<string, string | undefined> = { Authorization: 'Bearer k' }) =>
  ({ baseURL: () => emulator.baseURL, headers: () => headers }) satisfies OpenRouterRequestConfig;
const okSchema = z.object({ ok: z.boolean() });
const json = createOpenRouterJsonResponseHandler(okSchema);

describe('requestOpenRouter', () => {
  it('POSTs JSON with the provider and call headers and our user-agent, and returns the parsed body', async () => {
    emulator.enqueue({
      type: 'json',
      body: { ok: true, extra: 1 },
      headers: { 'x-generation-id': 'gen-1' },
    });
    const response = await requestOpenRouter({
      config: config({ Authorization: 'Bearer k', 'X-Title': 'app' }),
      path: '/things',
      body: { json: { model: 'm' } },
      headers: { 'x-call': 'yes' },
      successfulResponseHandler: json,
    });
    expect(response).toMatchObject({
      value: { ok: true },
      rawValue: { ok: true, extra: 1 },
      url: `${emulator.baseURL}/things`,
    });
    expect(response.responseHeaders['x-generation-id']).toBe('gen-1');
    const request = emulator.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', path: '/things', body: { model: 'm' } });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer k',
      'x-title': 'app',
      'x-call': 'yes',
    });
    expect(request.headers['user-agent']).toMatch(/ai-sdk-openrouter\/\S+/);
  });

  it('keeps a user-agent from the provider settings when the call (like ai) sends its own', async () => {
    emulator.enqueue({ type: 'json', body: { ok: true } });
    await requestOpenRouter({
      config: config({ Authorization: 'Bearer k', 'User-Agent': 'my-app/1' }),
      path: '/x',
      body: { json: {} },
      headers: { 'user-agent': 'ai/7' },
      successfulResponseHandler: json,
    });
    const userAgent = emulator.requests[0]!.headers['user-agent'];
    expect(userAgent).toMatch(/^ai\/7 my-app\/1 ai-sdk-openrouter\//);
  });

  it('GETs with the query when there is no body', async () => {
    emulator.enqueue({ type: 'json', body: { ok: true } });
    await requestOpenRouter({
      config: config(),
      path: '/models',
      query: new URLSearchParams({ q: 'a b' }),
      successfulResponseHandler: json,
    });
    expect(emulator.requests[0]).toMatchObject({
      method: 'GET',
      path: '/models',
      query: { q: 'a b' },
    });
  });

  it('POSTs multipart form data', async () => {
    emulator.enqueue({ type: 'json', body: { ok: true } });
    const formData = new FormData();
    formData.append('model', 'm');
    formData.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' }), 'a.wav');
    await requestOpenRouter({
      config: config(),
      path: '/audio/transcriptions',
      body: { formData, values: { model: 'm' } },
      successfulResponseHandler: json,
    });
    const request = emulator.requests[0]!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.rawBody).toContain('name="file"; filename="a.wav"');
  });

  it('returns binary bodies as bytes', async () => {
    emulator.enqueue({
      type: 'raw',
      body: new Uint8Array([0xff, 0xfb, 0x90]),
      headers: { 'content-type': 'audio/mpeg' },
    });
    const { value } = await requestOpenRouter({
      config: config(),
      path: '/audio/speech',
      body: { json: {} },
      successfulResponseHandler: openRouterBinaryResponseHandler,
    });
    expect([...value]).toEqual([0xff, 0xfb, 0x90]);
  });

  it.each([
    ['a JSON result', createOpenRouterJsonResponseHandler(okSchema)],
    ['a binary result', openRouterBinaryResponseHandler],
    ['an event stream', openRouterEventStreamResponseHandler],
  ])('turns HTTP 200 with an error body into a typed APICallError (%s)', async (_, handler) => {
    emulator.enqueue({
      type: 'json',
      body: { error: { code: 502, message: 'Upstream failed', metadata: { provider_name: 'P' } } },
    });
    const error = await requestOpenRouter({
      config: config(),
      path: '/x',
      body: { json: { model: 'm' } },
      successfulResponseHandler: handler as typeof json,
    }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 502,
      isRetryable: true,
      message: expect.stringContaining('[P] Upstream failed'),
      requestBodyValues: { model: 'm' },
    });
  });

  it('maps HTTP errors through the OpenRouter envelope', async () => {
    emulator.enqueue({ type: 'error', status: 402, message: 'Insufficient credits' });
    const error = await requestOpenRouter({
      config: config(),
      path: '/x',
      body: { json: {} },
      successfulResponseHandler: json,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      statusCode: 402,
      isRetryable: false,
      message: expect.stringContaining('Insufficient credits'),
    });
  });

  it('reports a body that does not match the schema as an invalid response', async () => {
    emulator.enqueue({ type: 'json', body: { ok: 'maybe' } });
    const error = await requestOpenRouter({
      config: config(),
      path: '/x',
      successfulResponseHandler: json,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'Invalid JSON response', statusCode: 200 });
  });

  it('sends no key on key-optional routes when none is configured, and fails elsewhere', async () => {
    const noKey: OpenRouterRequestConfig = {
      baseURL: () => emulator.baseURL,
      headers: () => ({
        Authorization: `Bearer ${loadApiKey({ apiKey: undefined, environmentVariableName: 'NO_SUCH_KEY_VAR', description: 'OpenRouter' })}`,
      }),
    };
    emulator.enqueue({ type: 'json', body: { ok: true } });
    await requestOpenRouter({
      config: noKey,
      path: '/models',
      successfulResponseHandler: json,
      keyOptional: true,
    });
    expect(emulator.requests[0]!.headers.authorization).toBeUndefined();
    await expect(
      requestOpenRouter({ config: noKey, path: '/key', successfulResponseHandler: json }),
    ).rejects.toSatisfy(LoadAPIKeyError.isInstance);
    expect(emulator.requests).toHaveLength(1);
  });

  it('fails with a retryable timeout error when the response does not start in time', async () => {
    // The handler answers after a second: no headers reach the client before that.
    emulator.setHandler(
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ type: 'json', body: { ok: true } }), 1_000),
        ),
    );
    const error = await requestOpenRouter({
      config: config(),
      path: '/slow',
      body: { json: {} },
      timeout: { firstByteMs: 150 },
      successfulResponseHandler: json,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isRetryable: true, message: expect.stringContaining('150 ms') });
  });

  it('rejects with the abort when it comes while a binary body is read', async () => {
    emulator.enqueue({
      type: 'raw',
      body: new Uint8Array([1, 2, 3]),
      headers: { 'content-type': 'image/png' },
      ending: 'hang',
    });
    const controller = new AbortController();
    const pending = requestOpenRouter({
      config: config(),
      path: '/file',
      abortSignal: controller.signal,
      successfulResponseHandler: openRouterBinaryResponseHandler,
    }).catch((caught: unknown) => caught);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(APICallError.isInstance(error)).toBe(false);
  });

  it("rejects with the caller's abort, not a timeout", async () => {
    emulator.setHandler(() => ({ type: 'raw', body: '', ending: 'hang' }));
    const controller = new AbortController();
    const pending = requestOpenRouter({
      config: config(),
      path: '/slow',
      body: { json: {} },
      abortSignal: controller.signal,
      timeout: 5_000,
      successfulResponseHandler: json,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('requestOpenRouterStream', () => {
  it('hands over the unread body and a lifecycle that ends the call', async () => {
    emulator.enqueue({ type: 'sse', events: [{ data: { a: 1 } }, { done: true }] });
    const { value, lifecycle } = await requestOpenRouterStream({
      config: config(),
      path: '/chat/completions',
      body: { json: { stream: true } },
      successfulResponseHandler: openRouterEventStreamResponseHandler,
    });
    const text = await new Response(value).text();
    lifecycle.done();
    expect(text).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
    expect(lifecycle.timeoutError()).toBeUndefined();
  });
});

describe('requestOpenRouterResponseUrl', () => {
  // A stand-in CDN on another origin. Public hosts are reached through a custom fetch that maps
  // `cdn.example.test` to it, since on loopback it would (rightly) count as a private address.
  let cdn: OpenRouterEmulator;
  beforeAll(async () => {
    cdn = await startOpenRouterEmulator({ requireAuth: false });
  });
  beforeEach(() => cdn.reset());
  afterAll(() => cdn.close());

  const CDN_HOST = 'cdn.example.test';
  const viaCdn: FetchFunction = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== CDN_HOST) return fetch(input, init);
    return fetch(`${cdn.baseURL}${url.pathname}${url.search}`, init);
  };
  const keyed = {
    ...config({ Authorization: 'Bearer sk-or-secret', 'X-Title': 'app' }),
    fetch: viaCdn,
  };
  const png = { type: 'raw', body: new Uint8Array([0x89, 0x50]), headers: {} } as const;

  it('GETs a URL on the base URL origin with the provider headers', async () => {
    emulator.enqueue(png);
    const { value } = await requestOpenRouterResponseUrl({
      config: keyed,
      url: `${emulator.baseURL}/generated/a.png`,
      headers: { 'x-call': 'yes' },
      successfulResponseHandler: openRouterBinaryResponseHandler,
    });
    expect([...value]).toEqual([0x89, 0x50]);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/generated/a.png' });
    expect(emulator.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer sk-or-secret',
      'x-call': 'yes',
    });
  });

  it('sends neither the key nor any other provider or call header to another host', async () => {
    cdn.enqueue(png);
    const { value } = await requestOpenRouterResponseUrl({
      config: keyed,
      url: `https://${CDN_HOST}/img/a.png?sig=1`,
      headers: { 'x-call': 'yes' },
      successfulResponseHandler: openRouterBinaryResponseHandler,
    });
    expect([...value]).toEqual([0x89, 0x50]);
    const request = cdn.requests[0]!;
    expect(request).toMatchObject({ method: 'GET', path: '/img/a.png', query: { sig: '1' } });
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['x-title']).toBeUndefined();
    expect(request.headers['x-call']).toBeUndefined();
    expect(JSON.stringify(request.headers)).not.toContain('sk-or-secret');
  });

  it('drops the key when a same-origin URL redirects to another host', async () => {
    emulator.enqueue({
      type: 'raw',
      status: 302,
      headers: { location: `https://${CDN_HOST}/moved.png` },
      body: '',
    });
    cdn.enqueue(png);
    await requestOpenRouterResponseUrl({
      config: keyed,
      url: `${emulator.baseURL}/generated/a.png`,
      successfulResponseHandler: openRouterBinaryResponseHandler,
    });
    expect(emulator.requests[0]!.headers.authorization).toBe('Bearer sk-or-secret');
    expect(cdn.requests[0]!.path).toBe('/moved.png');
    expect(cdn.requests[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    ['a private address on another origin', () => `${cdn.baseURL}/a.png`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data'],
    ['a non-http scheme', () => 'file:///etc/passwd'],
  ])('refuses %s with a DownloadError before sending anything', async (_, url) => {
    const error = await requestOpenRouterResponseUrl({
      config: keyed,
      url: url(),
      successfulResponseHandler: openRouterBinaryResponseHandler,
    }).catch((caught: unknown) => caught);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(cdn.requests).toHaveLength(0);
  });

  it('maps HTTP errors like any other request', async () => {
    cdn.enqueue({
      type: 'raw',
      status: 404,
      headers: { 'content-type': 'text/plain' },
      body: 'gone',
    });
    const error = await requestOpenRouterResponseUrl({
      config: keyed,
      url: `https://${CDN_HOST}/expired.png`,
      successfulResponseHandler: openRouterBinaryResponseHandler,
    }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, isRetryable: false });
  });
});
