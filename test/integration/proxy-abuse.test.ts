/**
 * The proxy helper under abuse, over real HTTP: a client -> the proxy (served like a web-standard
 * server) -> the emulator standing in for OpenRouter. Every response the proxy gives is checked
 * for the server's key.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenRouterProxy, type OpenRouterProxyOptions } from '../../src/proxy/index.js';
import {
  defaultHandler,
  type OpenRouterEmulator,
  startOpenRouterEmulator,
} from '../../src/testing/index.js';
import {
  type RawResult,
  rawRequest,
  type ServedHandler,
  serveFetchHandler,
} from '../helpers/serve-fetch-handler.js';
import { withEnv } from './support.js';

const SERVER_KEY = 'sk-or-v1-proxy-server-key-7f3a9c';
const CLIENT_KEY = 'sk-or-v1-client-own-key-1234';

let emulator: OpenRouterEmulator;
const proxies: ServedHandler[] = [];

beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
beforeEach(() => {
  emulator.reset();
  emulator.setHandler(defaultHandler());
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await emulator.close();
});

async function proxy(options: OpenRouterProxyOptions = {}): Promise<string> {
  const served = await serveFetchHandler(
    createOpenRouterProxy({ apiKey: SERVER_KEY, baseURL: emulator.baseURL, ...options }),
  );
  proxies.push(served);
  return served.origin;
}

/** The key must never come back, in a body or a header. */
function expectNoKey(result: RawResult): RawResult {
  expect(result.body).not.toContain(SERVER_KEY);
  expect(JSON.stringify(result.headers)).not.toContain(SERVER_KEY);
  return result;
}

async function send(origin: string, options: Parameters<typeof rawRequest>[1]): Promise<RawResult> {
  return expectNoKey(await rawRequest(origin, options));
}

const chatBody = (model: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }], ...extra });

const json = { 'content-type': 'application/json' };

function envelope(result: RawResult): { code: number; message: string } {
  return (JSON.parse(result.body) as { error: { code: number; message: string } }).error;
}

describe('forwarding', () => {
  it('adds the server key and drops the client credentials, keeping other headers', async () => {
    const origin = await proxy();
    const result = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: {
        ...json,
        authorization: `Bearer ${CLIENT_KEY}`,
        'x-provider-api-keys': '{"openai":"sk-client-openai"}',
        cookie: 'session=abc',
        'x-title': 'Proxy test',
        'http-referer': 'https://app.example',
      },
      body: chatBody('openai/gpt-4o'),
    });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body).choices[0].message.content).toContain('demo agent');
    const [received] = emulator.requests;
    expect(received?.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    expect(received?.headers['x-provider-api-keys']).toBeUndefined();
    expect(received?.headers.cookie).toBeUndefined();
    expect(received?.headers['x-title']).toBe('Proxy test');
    expect(received?.headers['http-referer']).toBe('https://app.example');
    expect(JSON.stringify(received?.headers)).not.toContain(CLIENT_KEY);
  });

  it('forwards GET platform reads with their query', async () => {
    const origin = await proxy();
    const models = await send(origin, { path: '/api/v1/models?output_modalities=text' });
    expect(models.status).toBe(200);
    expect(JSON.parse(models.body).data.length).toBeGreaterThan(3);
    const key = await send(origin, { path: '/api/v1/key' });
    expect(key.status).toBe(200);
    expect(
      emulator.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`),
    ).toEqual(['GET /models {"output_modalities":"text"}', 'GET /key {}']);
  });

  it('mounts at the configured base path', async () => {
    const origin = await proxy({ basePath: '/api/openrouter/' });
    expect((await send(origin, { path: '/api/openrouter/credits' })).status).toBe(200);
    expect((await send(origin, { path: '/api/v1/credits' })).status).toBe(404);
    expect(emulator.requests.map((r) => r.path)).toEqual(['/credits']);
  });

  it('passes binary bodies through byte for byte', async () => {
    const origin = await proxy();
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256);
    emulator.enqueue({
      type: 'raw',
      body: bytes,
      headers: { 'content-type': 'audio/mpeg' },
      splitEvery: 1000,
    });
    const response = await fetch(`${origin}/api/v1/audio/speech`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ model: 'openai/gpt-4o-mini-tts', input: 'Hi' }),
    });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('passes an event stream on before the upstream finishes it', async () => {
    const origin = await proxy();
    const controller = new AbortController();
    const response = await fetch(`${origin}/api/v1/chat/completions`, {
      method: 'POST',
      headers: json,
      body: chatBody('emulator/hang', { stream: true }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    // The upstream never ends this stream: a buffering proxy would never deliver these bytes.
    const reader = response.body!.getReader();
    let seen = '';
    while (!seen.includes('Waiting')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      seen += new TextDecoder().decode(value);
    }
    controller.abort();
    // The client went away, so the proxy cancels its upstream request too.
    await expect(emulator.requests[0]!.closed).resolves.toEqual({ closedEarly: true });
  });
});

describe('refusals', () => {
  it('refuses a model that is not allowed with 403, forwarding nothing', async () => {
    const origin = await proxy({ allowedModels: ['openai/gpt-4o-mini'] });
    const refused = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: chatBody('anthropic/claude-opus-4'),
    });
    expect(refused.status).toBe(403);
    expect(envelope(refused)).toEqual({
      code: 403,
      message: 'Model "anthropic/claude-opus-4" is not allowed by this proxy.',
    });
    // A fallback list may not smuggle one in, and a request must name a model.
    const smuggled = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: chatBody('openai/gpt-4o-mini', { models: ['openai/gpt-4o-mini', 'openai/o3-pro'] }),
    });
    expect(smuggled.status).toBe(403);
    const unnamed = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: JSON.stringify({ messages: [] }),
    });
    expect(unnamed.status).toBe(403);
    const unreadable = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: '{"model":',
    });
    expect(unreadable.status).toBe(400);
    expect(emulator.requests).toHaveLength(0);

    const allowed = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: chatBody('openai/gpt-4o-mini'),
    });
    expect(allowed.status).toBe(200);
    expect(emulator.requests).toHaveLength(1);
  });

  it('checks the model field of multipart bodies, and accepts a predicate', async () => {
    const origin = await proxy({ allowedModels: (id) => id.startsWith('openai/') });
    const form = new FormData();
    form.set('model', 'acme/whisper-pro');
    form.set('file', new Blob([new Uint8Array(16)], { type: 'audio/wav' }), 'a.wav');
    const response = await fetch(`${origin}/api/v1/audio/transcriptions`, {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('acme/whisper-pro');
    expect(emulator.requests).toHaveLength(0);
  });

  it('refuses an oversize body with 413, declared or streamed', async () => {
    const origin = await proxy({ maxBodyBytes: 1000 });
    const big = chatBody('openai/gpt-4o', { padding: 'x'.repeat(5000) });
    const declared = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(envelope(declared).code).toBe(413);
    const chunked = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: chatBody('openai/gpt-4o', { padding: 'x'.repeat(200_000) }),
      chunked: true,
    });
    expect(chunked.status).toBe(413);
    expect(emulator.requests).toHaveLength(0);
    const small = await send(origin, {
      method: 'POST',
      path: '/api/v1/chat/completions',
      headers: json,
      body: chatBody('openai/gpt-4o'),
    });
    expect(small.status).toBe(200);
  });

  it.each([
    ['/api/v1/../../keys', 404],
    ['/api/v1/chat/../keys', 404],
    ['/api/v1/%2e%2e/keys', 404],
    ['/api/v1/models/..%2f..%2fkeys', 400],
    ['/api/v1/models%2F..%2Fkeys', 400],
    ['/api/v1/models/%252e%252e/keys', 400],
    // URL parsers read a backslash as a slash in http(s) URLs, then resolve the `..`.
    ['/api/v1/models/..\\..\\keys', 404],
    ['/api/v1//keys', 400],
    ['/api/v1/keys', 404],
    ['/api/v1/credits/coinbase', 404],
    ['/api/v1/auth/keys', 404],
    ['/api/v1', 404],
    ['/keys', 404],
    ['/api/v2/chat/completions', 404],
  ])('refuses %s with %i', async (path, status) => {
    const origin = await proxy();
    for (const method of ['GET', 'POST']) {
      const result = await send(origin, {
        method,
        path,
        ...(method === 'POST' ? { headers: json, body: chatBody('openai/gpt-4o') } : {}),
      });
      expect(result.status).toBe(status);
      expect(envelope(result).code).toBe(status);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it('refuses other methods with 405', async () => {
    const origin = await proxy();
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const result = await send(origin, { method, path: '/api/v1/chat/completions' });
      expect(result.status).toBe(405);
      expect(result.headers.allow).toBe('GET, POST');
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it('runs the authorize hook first', async () => {
    const origin = await proxy({
      authorize: (request) =>
        request.headers.get('x-session') === 'ok'
          ? true
          : request.headers.has('x-session')
            ? new Response('go away', { status: 429 })
            : false,
    });
    expect((await send(origin, { path: '/api/v1/credits' })).status).toBe(401);
    const custom = await send(origin, { path: '/api/v1/credits', headers: { 'x-session': 'no' } });
    expect([custom.status, custom.body]).toEqual([429, 'go away']);
    expect(emulator.requests).toHaveLength(0);
    expect(
      (await send(origin, { path: '/api/v1/credits', headers: { 'x-session': 'ok' } })).status,
    ).toBe(200);
  });
});

describe('the key never comes back', () => {
  it('redacts the key from upstream error and JSON bodies and headers', async () => {
    const origin = await proxy();
    emulator.enqueue(
      (request) => ({
        type: 'error',
        status: 401,
        message: `Invalid credentials: ${request.headers.authorization}`,
        headers: { 'x-debug-auth': String(request.headers.authorization) },
      }),
      (request) => ({ type: 'json', body: { seen: request.headers.authorization } }),
    );
    const error = await send(origin, { path: '/api/v1/key' });
    expect(error.status).toBe(401);
    expect(envelope(error).message).toBe('Invalid credentials: Bearer [REDACTED]');
    expect(error.headers['x-debug-auth']).toBe('Bearer [REDACTED]');
    const ok = await send(origin, { path: '/api/v1/credits' });
    expect(JSON.parse(ok.body)).toEqual({ seen: 'Bearer [REDACTED]' });
  });

  it('answers 502 without the key when OpenRouter cannot be reached', async () => {
    const origin = await proxy({ baseURL: 'http://127.0.0.1:9/api/v1' });
    const result = await send(origin, { path: '/api/v1/models' });
    expect(result.status).toBe(502);
    expect(envelope(result).message).toMatch(/could not reach OpenRouter/);
  });

  it('answers 500 when the server has no key, and reads OPENROUTER_API_KEY otherwise', async () => {
    const origin = await proxy({ apiKey: undefined });
    await withEnv({ OPENROUTER_API_KEY: undefined }, async () => {
      const result = await send(origin, { path: '/api/v1/credits' });
      expect(result.status).toBe(500);
      expect(envelope(result).message).toMatch(/OPENROUTER_API_KEY/);
    });
    expect(emulator.requests).toHaveLength(0);
    await withEnv({ OPENROUTER_API_KEY: SERVER_KEY }, async () => {
      expect((await send(origin, { path: '/api/v1/credits' })).status).toBe(200);
    });
    expect(emulator.requests[0]?.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
  });
});
