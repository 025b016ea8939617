/**
 * The API key must never leak into anything a caller can log: thrown errors (message, stack,
 * request body values, response body, data, cause chain) and results (request, response,
 * provider metadata, warnings, steps, stream parts). Runs a spread of failing and succeeding
 * calls over real HTTP (emulator) and deep-scans everything they produce, also against servers
 * that echo the keys back, with header values `fetch` would quote in its error, and with
 * redirects to another origin (refused: the keys never travel there).
 */

import { createServer } from 'node:net';
import { inspect } from 'node:util';
import {
  APICallError,
  InvalidArgumentError,
  InvalidResponseDataError,
  LoadAPIKeyError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, NoOutputGeneratedError, RetryError, streamText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import {
  chatCompletionJson,
  chatCompletionStream,
  chatResponse,
  type EmulatorResponse,
  type OpenRouterEmulator,
  type RecordedRequest,
  scriptedChat,
  startOpenRouterEmulator,
} from '../../src/testing/index';
import {
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  useEmulator,
  withEnv,
} from './support';

const SECRET = 'sk-or-v1-SECRET-abc123';
const ENV_SECRET = 'sk-or-v1-SECRET-env789';
/** A bring-your-own-key upstream key: sent in `X-Provider-API-Keys` only. */
const BYOK_SECRET = 'sk-ant-SECRET-byok456';
const SECRETS = [SECRET, ENV_SECRET, BYOK_SECRET];

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

// ---------------------------------------------------------------------------------------------
// Deep scanning
// ---------------------------------------------------------------------------------------------

const BUILTIN_PROTOTYPES = new Set<unknown>([
  Object.prototype,
  Function.prototype,
  Array.prototype,
  Error.prototype,
  Map.prototype,
  Set.prototype,
  Date.prototype,
  RegExp.prototype,
  Promise.prototype,
  URL.prototype,
  Headers.prototype,
  Response.prototype,
  Request.prototype,
  ReadableStream.prototype,
  AbortSignal.prototype,
  EventTarget.prototype,
]);

const isThenable = (value: unknown): boolean =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Paths at which a secret occurs: walks own properties (enumerable or not, so `message`,
 * `stack` and `cause` are included), getters on class prototypes (result objects), arrays,
 * maps, sets, headers, URLs and byte arrays, with cycle protection.
 */
function walkForSecrets(root: unknown, secrets: string[]): string[] {
  const hits: string[] = [];
  const seen = new WeakSet<object>();
  const checkString = (text: string, path: string) => {
    for (const secret of secrets) if (text.includes(secret)) hits.push(`${path} (${secret})`);
  };
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      checkString(value, path);
      return;
    }
    if (typeof value === 'function' || value === null || typeof value !== 'object') return;
    if (depth > 60 || seen.has(value)) return;
    seen.add(value);
    if (isThenable(value)) return; // stream results: their promises are awaited and scanned separately
    if (value instanceof Uint8Array) {
      checkString(Buffer.from(value).toString('latin1'), `${path}<bytes>`);
      return;
    }
    if (value instanceof URL) {
      checkString(value.href, path);
      return;
    }
    if (value instanceof Headers) {
      for (const [name, header] of value) checkString(`${name}: ${header}`, `${path}<headers>`);
      return;
    }
    if (value instanceof Map) {
      for (const [key, entry] of value) {
        visit(key, `${path}<key>`, depth + 1);
        visit(entry, `${path}<${String(key)}>`, depth + 1);
      }
      return;
    }
    if (value instanceof Set) {
      for (const entry of value) visit(entry, `${path}<entry>`, depth + 1);
      return;
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      const childPath = `${path}.${String(key)}`;
      if (typeof key === 'string') checkString(key, `${childPath}<name>`);
      if (descriptor && 'value' in descriptor) visit(descriptor.value, childPath, depth + 1);
      else if (descriptor?.get) visit(safeGet(descriptor.get, value), childPath, depth + 1);
    }
    for (
      let proto = Object.getPrototypeOf(value);
      proto && !BUILTIN_PROTOTYPES.has(proto);
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const key of Reflect.ownKeys(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (descriptor?.get)
          visit(safeGet(descriptor.get, value), `${path}.${String(key)}`, depth + 1);
      }
    }
  };
  visit(root, '$', 0);
  return hits;
}

function safeGet(getter: () => unknown, target: object): unknown {
  try {
    const value: unknown = getter.call(target);
    // Never leave a rejected promise unhandled because a getter created it.
    if (isThenable(value)) Promise.resolve(value).catch(() => {});
    return value;
  } catch {
    return undefined;
  }
}

/** JSON with cycles cut and errors expanded (name, message, stack, cause, own props). */
function stringifyDeep(root: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(root, (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
      if (value !== null && typeof value === 'object') {
        if (seen.has(value)) return '[Circular]';
        seen.add(value);
        if (value instanceof Error) {
          const expanded: Record<string, unknown> = {
            name: value.name,
            message: value.message,
            stack: value.stack,
            cause: value.cause,
          };
          for (const name of Object.getOwnPropertyNames(value)) {
            expanded[name] = (value as unknown as Record<string, unknown>)[name];
          }
          return expanded;
        }
      }
      return value;
    }) ?? ''
  );
}

/** Every textual rendering a user might log. */
function renderings(value: unknown): Record<string, string> {
  return {
    json: stringifyDeep(value),
    inspect: inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    string: String(value),
  };
}

function expectNoSecrets(artifacts: Record<string, unknown>): void {
  const leaks: string[] = [];
  for (const [name, artifact] of Object.entries(artifacts)) {
    for (const hit of walkForSecrets(artifact, SECRETS)) leaks.push(`${name}: ${hit}`);
    for (const [kind, text] of Object.entries(renderings(artifact))) {
      for (const secret of SECRETS) {
        if (text.includes(secret)) leaks.push(`${name}: ${kind} rendering contains ${secret}`);
      }
    }
  }
  expect(leaks).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The scanner itself must find planted secrets (otherwise every test below passes vacuously)
// ---------------------------------------------------------------------------------------------

describe('the scanner', () => {
  it('finds a secret in a non-enumerable cause of a nested error', () => {
    const inner = new Error('inner');
    Object.defineProperty(inner, 'cause', { value: `key=${SECRET}`, enumerable: false });
    const outer = new APICallError({
      message: 'outer',
      url: 'http://x',
      requestBodyValues: {},
      cause: inner,
    });
    expect(walkForSecrets(outer, SECRETS)).not.toEqual([]);
    expect(stringifyDeep(outer)).toContain(SECRET);
    expect(renderings(outer).inspect).toContain(SECRET);
  });

  it('finds a secret in a message, behind a cycle, in bytes, in headers and in a prototype getter', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    cyclic.deeper = { list: [1, { value: `Bearer ${SECRET}` }] };
    expect(walkForSecrets(cyclic, SECRETS)).toEqual([`$.deeper.list.1.value (${SECRET})`]);
    expect(stringifyDeep(cyclic)).toContain(SECRET);

    expect(walkForSecrets(new Error(`failed with ${SECRET}`), SECRETS)).not.toEqual([]);
    expect(walkForSecrets({ body: new TextEncoder().encode(SECRET) }, SECRETS)).not.toEqual([]);
    expect(
      walkForSecrets(new Headers({ authorization: `Bearer ${ENV_SECRET}` }), SECRETS),
    ).not.toEqual([]);
    class Result {
      get request() {
        return { headers: { authorization: `Bearer ${SECRET}` } };
      }
    }
    expect(walkForSecrets(new Result(), SECRETS)).not.toEqual([]);
    expect(walkForSecrets(new Map([['k', { v: SECRET }]]), SECRETS)).not.toEqual([]);
  });

  it('finds a secret the caller put in the request body, in a real APICallError', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 400, message: 'Bad request' });
    const error = await rejectionOf(
      generateText({
        model: createOpenRouter({ apiKey: 'sk-or-v1-harmless', baseURL: ctx.emulator.baseURL })(
          MODEL_ID,
        ),
        prompt: 'hello',
        maxRetries: 0,
        providerOptions: { openrouter: { user: SECRET } },
      }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(walkForSecrets(error, SECRETS)).toContain(`$.requestBodyValues.user (${SECRET})`);
    expect(stringifyDeep(error)).toContain(SECRET);
  });

  it('finds nothing in clean values', () => {
    const error = new APICallError({ message: 'm', url: 'u', requestBodyValues: { a: 1 } });
    expect(walkForSecrets({ error, list: [error] }, SECRETS)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

const secretProvider = () =>
  createOpenRouter({
    apiKey: SECRET,
    apiKeys: { anthropic: BYOK_SECRET },
    baseURL: ctx.emulator.baseURL,
  });
const secretModel = () => secretProvider()(MODEL_ID);

/** The key really was in play: it went out in the authorization header (and only there). */
function expectKeySentOnlyInAuthorization(key = SECRET): void {
  expect(ctx.emulator.requests.length).toBeGreaterThan(0);
  for (const request of ctx.emulator.requests) {
    expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(request.rawBody).not.toContain(key);
  }
}

/**
 * Runs a streamText call with the secret key (prompt `hello`) to the end: the result, and
 * everything it produced (every part, what `onError` received, every result promise settled).
 */
async function streamArtifacts(
  settings: Omit<Parameters<typeof streamText>[0], 'onError' | 'model' | 'prompt'> = {},
): Promise<{ result: ReturnType<typeof streamText>; artifacts: Record<string, unknown> }> {
  const errors: unknown[] = [];
  const result = streamText({
    model: secretModel(),
    prompt: 'hello',
    ...settings,
    onError: ({ error }) => {
      errors.push(error);
    },
  } as Parameters<typeof streamText>[0]);
  const parts = await convertReadableStreamToArray(result.fullStream);
  const settled = await Promise.allSettled([
    result.text,
    result.content,
    result.finishReason,
    result.usage,
    result.warnings,
    result.steps,
    result.request,
    result.response,
    result.providerMetadata,
  ]);
  const artifacts = {
    parts,
    onError: errors,
    settled: settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason)),
  };
  return { result, artifacts };
}

const errorPartsOf = (artifacts: Record<string, unknown>) =>
  (artifacts.parts as Array<{ type: string; error?: unknown }>)
    .filter((part) => part.type === 'error')
    .map((part) => part.error);

describe('the API key never appears in errors or results', () => {
  it('generateText success: result, request, response, provider metadata, warnings, steps', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'fine', reasoning: 'thinking about it' }));
    const result = await generateText({
      model: secretModel(),
      prompt: 'hello',
      include: { requestBody: true, requestMessages: true },
      providerOptions: { openrouter: { unknownOption: 1, messages: [] } }, // produces warnings
    });
    expect(result.text).toBe('fine');
    expect(result.warnings?.length).toBe(2);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets({
      result,
      request: result.request,
      response: result.response,
      providerMetadata: result.providerMetadata,
      warnings: result.warnings,
      steps: result.steps,
    });
  });

  it('streamText success: every part and every result promise', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'streamed fine', reasoning: 'hmm' }));
    const { result, artifacts } = await streamArtifacts({
      include: { requestBody: true, requestMessages: true },
      includeRawChunks: true,
    });
    expect(await result.text).toBe('streamed fine');
    expectKeySentOnlyInAuthorization();
    expectNoSecrets(artifacts);
  });

  it.each([
    ['401', { type: 'error', status: 401, message: 'No auth credentials found' }],
    [
      '403 moderation',
      {
        type: 'error',
        status: 403,
        message: 'Input was flagged by moderation',
        metadata: { reasons: ['harassment'], provider_name: 'OpenAI', flagged_input: 'hi' },
      },
    ],
    [
      '502 with metadata.raw',
      {
        type: 'error',
        status: 502,
        message: 'Provider returned error',
        metadata: { raw: '{"error":{"message":"upstream broke"}}', provider_name: 'Anthropic' },
        userId: 'user_1',
      },
    ],
  ] as const)('HTTP %s through generateText', async (_name, response) => {
    ctx.emulator.enqueue(response);
    const error = await rejectionOf(
      generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets({ error });
  });

  it('429s that exhaust the retries: the RetryError and every attempt', async () => {
    const limited = {
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      retryAfter: 0,
    } as const;
    ctx.emulator.enqueue(limited, limited, limited);
    const error = await rejectionOf(generateText({ model: secretModel(), prompt: 'hello' }));
    expect(RetryError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(3);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets({ error, errors: (error as RetryError).errors });
  });

  it('HTTP error through streamText (error part, onError, rejected promises)', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 401, message: 'No auth credentials found' });
    const { artifacts } = await streamArtifacts({ maxRetries: 0 });
    expect(errorPartsOf(artifacts).map((e) => APICallError.isInstance(e))).toEqual([true]);
    expectNoSecrets(artifacts);
  });

  it('HTTP 200 with a whole-body error: generateText and streamText', async () => {
    const body = { error: { message: 'Internal Server Error', code: 500 }, user_id: 'org_1' };
    ctx.emulator.enqueue({ type: 'json', body }, { type: 'json', body });
    const error = await rejectionOf(
      generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const { result, artifacts } = await streamArtifacts({ maxRetries: 0 });
    expect(errorPartsOf(artifacts).map((e) => APICallError.isInstance(e))).toEqual([true]);
    const textError = await rejectionOf(result.text);
    expect(NoOutputGeneratedError.isInstance(textError)).toBe(true);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets({ error, textError, ...artifacts });
  });

  it('choices[0].error in a non-stream response', async () => {
    ctx.emulator.enqueue({
      type: 'json',
      body: chatCompletionJson({
        text: 'partial',
        midStreamError: { code: 502, message: 'Provider disconnected mid-stream' },
      }),
    });
    const error = await rejectionOf(
      generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expectNoSecrets({ error });
  });

  it('a mid-stream error chunk', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: chatCompletionStream({
        text: ['Once upon', ' a time'],
        midStreamError: {
          code: 429,
          message: 'Provider returned error',
          metadata: { raw: 'slow down', provider_name: 'Stealth' },
        },
      }),
    });
    const { artifacts } = await streamArtifacts();
    expect(errorPartsOf(artifacts).map((e) => APICallError.isInstance(e))).toEqual([true]);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets(artifacts);
  });

  it('a stream cut by a connection reset', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: chatCompletionStream({ text: ['Partial'], finishReason: null, done: false }),
      ending: 'reset',
    });
    const { artifacts } = await streamArtifacts();
    expect(errorPartsOf(artifacts)).toHaveLength(1);
    expectNoSecrets(artifacts);
  });

  it('a malformed stream event', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: [
        ...chatCompletionStream({ text: ['ok'], finishReason: null, done: false }),
        { data: '{"broken' },
      ],
    });
    const { artifacts } = await streamArtifacts();
    expect(errorPartsOf(artifacts).some((e) => InvalidResponseDataError.isInstance(e))).toBe(true);
    expectNoSecrets(artifacts);
  });

  it('a non-JSON error body (HTML from a proxy)', async () => {
    ctx.emulator.enqueue({
      type: 'raw',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>502 Bad Gateway</body></html>',
    });
    const error = await rejectionOf(
      generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(502);
    expectNoSecrets({ error });
  });

  it('an invalid option (InvalidArgumentError, nothing sent)', async () => {
    const error = await rejectionOf(
      generateText({
        model: secretModel(),
        prompt: 'hello',
        providerOptions: { openrouter: { models: 'x' } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
    expectNoSecrets({ error });
  });

  it('an unsupported prompt part (audio URL)', async () => {
    const error = await rejectionOf(
      generateText({
        model: secretModel(),
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                data: new URL('https://example.com/a.wav'),
                mediaType: 'audio/wav',
              },
            ],
          },
        ],
        experimental_download: async (requests) => requests.map(() => null), // keep the URL: the provider must reject it
      }),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
    expectNoSecrets({ error });
  });

  it('a connection that cannot be made (nothing listening)', async () => {
    const port = await closedPort();
    const provider = createOpenRouter({
      apiKey: SECRET,
      baseURL: `http://127.0.0.1:${port}/api/v1`,
    });
    const error = await rejectionOf(
      generateText({ model: provider(MODEL_ID), prompt: 'hello', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expectNoSecrets({ error });
  });

  it('a key from OPENROUTER_API_KEY (a different key) on a failing call', async () => {
    const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL });
    ctx.emulator.enqueue({ type: 'error', status: 401, message: 'User not found.' });
    const error = await withEnv({ OPENROUTER_API_KEY: ENV_SECRET }, () =>
      rejectionOf(generateText({ model: provider(MODEL_ID), prompt: 'hello', maxRetries: 0 })),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expectKeySentOnlyInAuthorization(ENV_SECRET);
    expectNoSecrets({ error });
  });

  it('a missing key (LoadAPIKeyError) while another provider holds a key', async () => {
    const keyed = secretProvider();
    // OpenRouter's own base URL requires a key; the fetch proves nothing is sent.
    const keyless = createOpenRouter({
      fetch: async () => {
        throw new Error('no request may be sent without a key');
      },
    });
    const error = await withEnv({ OPENROUTER_API_KEY: undefined }, () =>
      rejectionOf(generateText({ model: keyless(MODEL_ID), prompt: 'hello' })),
    );
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
    expectNoSecrets({ error, keyedModel: keyed(MODEL_ID).modelId });
  });
});

describe('models and providers themselves', () => {
  it('JSON.stringify / inspect of a model do not reveal the key', () => {
    const model = secretProvider().chat(MODEL_ID, { user: 'u' });
    const rendered = renderings(model);
    expect(rendered.json).not.toContain(SECRET);
    expect(rendered.inspect).not.toContain(SECRET);
  });

  it('a successful doGenerate result (request and response) holds no key', async () => {
    ctx.emulator.enqueue(chatResponse({ text: 'direct', stream: false }));
    const result = await secretModel().doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
    });
    expect(requestAt(ctx.emulator).headers.authorization).toBe(`Bearer ${SECRET}`);
    expectNoSecrets({ result });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// Hostile servers: echoed keys, header values fetch would quote, redirects to another origin
// ---------------------------------------------------------------------------------------------

describe('a server that echoes the keys back', () => {
  /** What an echoing proxy puts in its bodies: the credential headers it received. */
  const echoOf = (request: RecordedRequest) =>
    `auth=${request.headers.authorization} byok=${request.headers['x-provider-api-keys']} key=${SECRET}`;

  /** The echo really happened: the replacement marker is where the keys were. */
  const expectRedacted = (error: unknown) => {
    expect(stringifyDeep(error)).toContain('[REDACTED]');
  };

  it('in an HTTP error envelope (message, metadata.raw): generateText and streamText', async () => {
    const answer = (request: RecordedRequest): EmulatorResponse => ({
      type: 'error',
      status: 401,
      message: `Invalid key ${echoOf(request)}`,
      metadata: { raw: { error: { message: echoOf(request) } }, provider_name: 'Echo' },
    });
    ctx.emulator.enqueue(answer, answer);
    const error = await rejectionOf(generateText({ model: secretModel(), prompt: 'hello' }));
    expect(APICallError.isInstance(error)).toBe(true);
    expectRedacted(error);
    const { artifacts } = await streamArtifacts({ maxRetries: 0 });
    expect(errorPartsOf(artifacts)).toHaveLength(1);
    expectKeySentOnlyInAuthorization();
    expectNoSecrets({ error, ...artifacts });
  });

  it('in an HTML error page, a 200 error body and a choices[0].error', async () => {
    ctx.emulator.enqueue(
      (request) => ({
        type: 'raw',
        status: 502,
        headers: { 'content-type': 'text/html', 'x-echo': echoOf(request) },
        body: `<html>${echoOf(request)}</html>`,
      }),
      (request) => ({ type: 'json', body: { error: { message: echoOf(request), code: 400 } } }),
      (request) => ({
        type: 'json',
        body: chatCompletionJson({
          text: 'partial',
          midStreamError: { code: 400, message: echoOf(request) },
        }),
      }),
    );
    const errors = [];
    for (let i = 0; i < 3; i++) {
      errors.push(
        await rejectionOf(generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 })),
      );
    }
    for (const error of errors) {
      expect(APICallError.isInstance(error)).toBe(true);
      expectRedacted(error);
    }
    expectNoSecrets({ errors });
  });

  it('in a mid-stream error chunk and in a malformed event', async () => {
    const stream = (request: RecordedRequest): EmulatorResponse => ({
      type: 'sse',
      events: [
        ...chatCompletionStream({ text: ['Once'], finishReason: null, done: false }),
        { data: `not json ${echoOf(request)}` },
        {
          data: {
            id: 'gen-echo',
            choices: [{ index: 0, delta: {}, finish_reason: 'error' }],
            error: { code: 429, message: echoOf(request), metadata: { raw: echoOf(request) } },
          },
        },
      ],
    });
    ctx.emulator.enqueue(stream);
    const { artifacts } = await streamArtifacts({ maxRetries: 0 });
    const errors = errorPartsOf(artifacts);
    expect(errors).toHaveLength(2);
    for (const error of errors) expectRedacted(error);
    expectNoSecrets(artifacts);
  });
});

describe('header values fetch cannot send are refused before fetch, without quoting them', () => {
  const cases: Array<[string, Parameters<typeof createOpenRouter>[0]]> = [
    ['a key with a line break', { apiKey: `${SECRET}\nX-Injected: 1` }],
    ['a key with a NUL', { apiKey: `${SECRET}\0` }],
    ['a key with a carriage return', { apiKey: `${SECRET}\rx` }],
    ['a BYOK key outside Latin-1', { apiKey: SECRET, apiKeys: { anthropic: `${BYOK_SECRET}😀` } }],
    [
      'a custom header with a line break',
      { apiKey: SECRET, headers: { 'X-Trace': `a\nb${SECRET}` } },
    ],
    ['a custom header outside Latin-1', { apiKey: SECRET, headers: { 'X-Title': `😀 ${SECRET}` } }],
  ];

  it.each(cases)('%s: InvalidArgumentError naming the header', async (_name, settings) => {
    const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL, ...settings });
    const error = await rejectionOf(generateText({ model: provider(MODEL_ID), prompt: 'hello' }));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toMatch(/^headers\./);
    expect((error as Error).message).toContain('value is not shown');
    expect(ctx.emulator.requests).toHaveLength(0);
    expectNoSecrets({ error });
  });

  it('a key with only a trailing newline (as read from a file) is sent, trimmed as fetch does', async () => {
    ctx.emulator.enqueue(chatResponse({ text: 'fine', stream: false }));
    const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL, apiKey: `${SECRET}\n` });
    expect((await generateText({ model: provider(MODEL_ID), prompt: 'hello' })).text).toBe('fine');
    expectKeySentOnlyInAuthorization();
  });
});

describe('redirects', () => {
  let elsewhere: OpenRouterEmulator;
  beforeAll(async () => {
    elsewhere = await startOpenRouterEmulator({ handler: scriptedChat({ text: 'hijacked' }) });
    return () => elsewhere.close();
  });

  it.each([301, 302, 303, 307, 308])(
    '%i to another origin is refused: nothing reaches it, the error says why',
    async (status) => {
      elsewhere.reset();
      ctx.emulator.enqueue({
        type: 'raw',
        status,
        headers: { location: `${elsewhere.baseURL}/chat/completions?token=abc` },
        body: '',
      });
      const error = await rejectionOf(
        generateText({ model: secretModel(), prompt: 'hello', maxRetries: 0 }),
      );
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: status, isRetryable: false });
      expect((error as Error).message).toContain(
        `redirected to another origin (${new URL(elsewhere.baseURL).origin})`,
      );
      expect((error as Error).message).not.toContain('token=abc');
      expect(elsewhere.requests).toHaveLength(0);
      expectNoSecrets({ error });
    },
  );

  it('also for the platform API (GET) and for streams', async () => {
    elsewhere.reset();
    const redirect: EmulatorResponse = {
      type: 'raw',
      status: 302,
      headers: { location: `${elsewhere.baseURL}/key` },
      body: '',
    };
    ctx.emulator.enqueue(redirect, redirect);
    await expect(secretProvider().key()).rejects.toThrow(/another origin/);
    const { artifacts } = await streamArtifacts({ maxRetries: 0 });
    expect(String(errorPartsOf(artifacts)[0])).toMatch(/another origin/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('within the same origin it is followed, with the headers and (307) the body', async () => {
    ctx.emulator.enqueue(
      {
        type: 'raw',
        status: 307,
        headers: { location: '/api/v1/chat/completions?moved=1' },
        body: '',
      },
      chatResponse({ text: 'moved', stream: false }),
    );
    const result = await generateText({ model: secretModel(), prompt: 'hello' });
    expect(result.text).toBe('moved');
    const [first, second] = ctx.emulator.requests;
    expect(second?.query).toEqual({ moved: '1' });
    expect(second?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(second?.headers['x-provider-api-keys']).toBe(first?.headers['x-provider-api-keys']);
    expect(second?.rawBody).toBe(first?.rawBody);
  });

  describe('where the runtime hides the target (a browser answers opaqueredirect)', () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null };
    const answer = JSON.stringify(chatCompletionJson({ text: 'followed' }));

    it('a request with a key is refused; one without is sent again with the runtime following', async () => {
      const inits: RequestInit[] = [];
      const fetch = async (_url: unknown, init?: RequestInit) => {
        inits.push(init ?? {});
        return inits.length % 2 === 1
          ? (opaque as unknown as Response)
          : new Response(answer, { headers: { 'content-type': 'application/json' } });
      };
      const baseURL = 'https://my-app.example/api/openrouter';
      const keyed = createOpenRouter({ apiKey: SECRET, baseURL, fetch })(MODEL_ID);
      const error = await rejectionOf(generateText({ model: keyed, prompt: 'hi', maxRetries: 0 }));
      expect((error as Error).message).toContain('does not reveal');
      expect(inits.map((init) => init.redirect)).toEqual(['manual']);
      inits.length = 0;
      const keyless = createOpenRouter({ baseURL, fetch })(MODEL_ID);
      const result = await withEnv({ OPENROUTER_API_KEY: undefined }, () =>
        generateText({ model: keyless, prompt: 'hi' }),
      );
      expect(result.text).toBe('followed');
      expect(inits.map((init) => init.redirect)).toEqual(['manual', 'follow']);
      expectNoSecrets({ error });
    });
  });
});
