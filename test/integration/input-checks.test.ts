/**
 * Input checked at the door: what an app passes (model ids, settings, `providerOptions`, base
 * URL, API key, server-tool arguments) is checked before any request, and a mistake is a typed
 * AI SDK error naming the field, never a plain `TypeError`, a crash, or a request that silently
 * does something else. Over real HTTP (emulator) where a request is made, through `generateText`
 * and `streamText`.
 */
import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import {
  createProviderRegistry,
  embed,
  generateImage,
  experimental_generateSpeech as generateSpeech,
  generateText,
  experimental_generateVideo as generateVideo,
  rerank,
  streamText,
  experimental_transcribe as transcribe,
} from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter, DEFAULT_OPENROUTER_BASE_URL } from '../../src/index';
import { scriptedChat } from '../../src/testing/index';
import {
  bodyAt,
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  TEST_API_KEY,
  thrownBy,
  useEmulator,
  withEnv,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

/** Asserts an InvalidArgumentError for `argument` whose message matches `message`. */
function expectInvalidArgument(error: unknown, argument: string, message?: RegExp): void {
  expect(
    InvalidArgumentError.isInstance(error),
    `expected InvalidArgumentError, got ${error}`,
  ).toBe(true);
  expect((error as InvalidArgumentError).argument).toBe(argument);
  if (message) expect((error as Error).message).toMatch(message);
}

/** A fetch that records the URLs it is asked for and sends nothing. */
function recordingFetch(): { fetch: FetchFunction; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: async (input) => {
      urls.push(String(input instanceof Request ? input.url : input));
      throw new Error('not sent');
    },
  };
}

const warningMessages = (warnings: ReadonlyArray<unknown> | undefined) =>
  (warnings ?? []).map((warning) => (warning as { message?: string }).message ?? '');

describe('model ids', () => {
  const invalidIds: unknown[] = [undefined, null, '', '   ', 123, {}, ['openai/gpt-4o']];

  it('must be non-empty strings at every factory, before any request', () => {
    const provider = ctx.openrouter;
    const factories = [
      (id: unknown) => provider(id as string),
      (id: unknown) => provider.languageModel(id as string),
      (id: unknown) => provider.chat(id as string),
      (id: unknown) => provider.completion(id as string),
      (id: unknown) => provider.embeddingModel(id as string),
      (id: unknown) => provider.textEmbeddingModel(id as string),
      (id: unknown) => provider.rerankingModel(id as string),
      (id: unknown) => provider.imageModel(id as string),
      (id: unknown) => provider.speechModel(id as string),
      (id: unknown) => provider.transcriptionModel(id as string),
      (id: unknown) => provider.videoModel(id as string),
    ];
    for (const factory of factories) {
      for (const id of invalidIds) {
        expectInvalidArgument(
          thrownBy(() => factory(id)),
          'modelId',
          /non-empty string/,
        );
      }
    }
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('an unset environment variable as the id fails where the model is made', () => {
    const error = thrownBy(() =>
      generateText({
        model: ctx.openrouter(process.env.AI_SDK_OPENROUTER_UNSET_MODEL as string),
        prompt: 'hi',
      }),
    );
    expectInvalidArgument(error, 'modelId', /got undefined|not undefined/);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('through createProviderRegistry: an empty id is rejected by the provider', () => {
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const error = thrownBy(() => registry.languageModel('openrouter:'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
  });
});

describe('model settings', () => {
  it('must be an object: null, a string or an array is an InvalidArgumentError', () => {
    for (const settings of [null, 'fast', [1, 2], 42]) {
      const error = thrownBy(() => ctx.openrouter(MODEL_ID, settings as never));
      expectInvalidArgument(error, 'settings', /must be an object/);
      for (const factory of [ctx.openrouter.embeddingModel, ctx.openrouter.videoModel]) {
        expectInvalidArgument(
          thrownBy(() => factory('some/model', settings as never)),
          'settings',
          /must be an object/,
        );
      }
    }
  });

  it('circular and BigInt values are rejected at creation, naming the field', () => {
    const circular: Record<string, unknown> = { sort: 'price' };
    circular.self = circular;
    expectInvalidArgument(
      thrownBy(() => ctx.openrouter(MODEL_ID, { provider: circular } as never)),
      'settings.provider.self',
      /circular/,
    );
    expectInvalidArgument(
      thrownBy(() => ctx.openrouter(MODEL_ID, { extraBody: { seed: 10n } } as never)),
      'settings.extraBody.seed',
      /BigInt/,
    );
  });

  it('createOpenRouter: extraBody must be an object JSON can carry', () => {
    expectInvalidArgument(
      thrownBy(() => createOpenRouter({ extraBody: 'x' as never })),
      'extraBody',
      /must be an object/,
    );
    expectInvalidArgument(
      thrownBy(() => createOpenRouter({ extraBody: { a: [1n] } })),
      'extraBody.a[0]',
      /BigInt/,
    );
    expectInvalidArgument(
      thrownBy(() => createOpenRouter(null as never)),
      'options',
    );
  });
});

describe('providerOptions.openrouter', () => {
  it('must be an object: a string or an array fails the call before any request', async () => {
    for (const openrouter of ['abc', [1, 2]]) {
      const error = await rejectionOf(
        generateText({
          model: ctx.openrouter(MODEL_ID),
          prompt: 'hi',
          providerOptions: { openrouter: openrouter as never },
        }),
      );
      expectInvalidArgument(error, 'providerOptions.openrouter', /must be an object/);
    }
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('must be an object for every model kind: a number, a string or an array fails before any request', async () => {
    const openrouter = ctx.openrouter;
    const calls: Array<[string, (options: never) => Promise<unknown>]> = [
      [
        'embed',
        (o) => embed({ model: openrouter.embeddingModel('m/e'), value: 'x', ...(o as object) }),
      ],
      [
        'generateImage',
        (o) =>
          generateImage({ model: openrouter.imageModel('m/i'), prompt: 'x', ...(o as object) }),
      ],
      [
        'generateVideo',
        (o) =>
          generateVideo({ model: openrouter.videoModel('m/v'), prompt: 'x', ...(o as object) }),
      ],
      [
        'generateSpeech',
        (o) =>
          generateSpeech({ model: openrouter.speechModel('m/s'), text: 'x', ...(o as object) }),
      ],
      [
        'transcribe',
        (o) =>
          transcribe({
            model: openrouter.transcriptionModel('m/t'),
            audio: new Uint8Array([1, 2, 3]),
            ...(o as object),
          }),
      ],
      [
        'rerank',
        (o) =>
          rerank({
            model: openrouter.rerankingModel('m/r'),
            query: 'q',
            documents: ['a', 'b'],
            ...(o as object),
          }),
      ],
    ];
    for (const [name, call] of calls) {
      for (const value of [5, 'abc', [1, 2]]) {
        const error = await rejectionOf(call({ providerOptions: { openrouter: value } } as never));
        expect(
          InvalidArgumentError.isInstance(error),
          `${name} with ${JSON.stringify(value)}: ${error}`,
        ).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe('providerOptions.openrouter');
        expect((error as Error).message).toMatch(/must be an object/);
      }
    }
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('circular and BigInt values fail the call before any request, naming the field', async () => {
    const circular: Record<string, unknown> = {};
    circular.loop = { back: circular };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ trace: circular }, 'providerOptions.openrouter.trace.loop.back'],
      [{ custom_field: { n: 5n } }, 'providerOptions.openrouter.custom_field.n'],
    ];
    for (const [openrouter, argument] of cases) {
      const error = await rejectionOf(
        generateText({
          model: ctx.openrouter(MODEL_ID),
          prompt: 'hi',
          providerOptions: { openrouter: openrouter as never },
        }),
      );
      expectInvalidArgument(error, argument);
    }
    // streamText reports it as an error part; nothing is sent either.
    const errors: unknown[] = [];
    const result = streamText({
      model: ctx.openrouter(MODEL_ID),
      prompt: 'hi',
      providerOptions: { openrouter: { custom_field: 5n } as never },
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expectInvalidArgument(errors[0], 'providerOptions.openrouter.custom_field', /BigInt/);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('prototype keys in options', () => {
  it('constructor and prototype are unknown keys: sent with a warning, nested ones included', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const result = await generateText({
      model: ctx.openrouter(MODEL_ID),
      prompt: 'hi',
      providerOptions: {
        openrouter: {
          constructor: 'x',
          prototype: 1,
          provider: { constructor: 'y', sort: 'price' },
        },
      },
    });
    expect(result.text).toBe('ok');
    const body = bodyAt(ctx.emulator);
    expect(body).toMatchObject({
      constructor: 'x',
      prototype: 1,
      provider: { constructor: 'y', sort: 'price' },
    });
    expect(warningMessages(result.warnings)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^providerOptions\.openrouter\.constructor is not a known/),
        expect.stringMatching(/^providerOptions\.openrouter\.prototype is not a known/),
        expect.stringMatching(/^providerOptions\.openrouter\.provider\.constructor is not a known/),
      ]),
    );
  });

  it('__proto__ keys (from JSON) are left out with a warning, and nothing is polluted', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const openrouter = JSON.parse(
      '{"__proto__":{"model":"evil/model"},"provider":{"__proto__":{"polluted":true},"sort":"price"},"custom":{"__proto__":{"x":1},"y":2}}',
    );
    const settings = JSON.parse('{"__proto__":{"temperature":2},"user":"u-1"}');
    const result = await generateText({
      model: ctx.openrouter(MODEL_ID, settings),
      prompt: 'hi',
      providerOptions: { openrouter },
    });
    const request = requestAt(ctx.emulator);
    expect(request.rawBody).not.toContain('__proto__');
    expect(request.rawBody).not.toContain('evil/model');
    expect(bodyAt(ctx.emulator)).toMatchObject({
      model: MODEL_ID,
      user: 'u-1',
      provider: { sort: 'price' },
      custom: { y: 2 },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(warningMessages(result.warnings)).toEqual(
      expect.arrayContaining([
        'settings.__proto__ was ignored: "__proto__" cannot be an option name.',
        'providerOptions.openrouter.__proto__ was ignored: "__proto__" cannot be an option name.',
        'providerOptions.openrouter.provider.__proto__ was ignored: "__proto__" cannot be an option name.',
        'providerOptions.openrouter.custom.__proto__ was ignored: "__proto__" cannot be an option name.',
      ]),
    );
  });
});

describe('baseURL', () => {
  const invalid: Array<[string, RegExp]> = [
    ['not a url', /not an absolute URL/],
    ['/api/v1', /not an absolute URL/],
    ['openrouter.ai/api/v1', /not an absolute URL/],
    ['ftp://example.com/v1', /scheme "ftp:"/],
    ['https://example.com/v1#team', /fragment/],
    ['https://user:secret@example.com/v1', /credentials/],
    ['', /got ""/],
    ['   ', /got " {3}"/],
  ];

  it('an invalid or relative URL is an InvalidArgumentError when the provider is created', () => {
    for (const [baseURL, message] of invalid) {
      expectInvalidArgument(
        thrownBy(() => createOpenRouter({ baseURL })),
        'baseURL',
        message,
      );
    }
  });

  it('in a browser page, a path from the root (the browser-safe proxy route) works', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const global = globalThis as { location?: unknown };
    const origin = new URL(ctx.emulator.baseURL).origin;
    global.location = { href: `${origin}/chat/page` };
    try {
      const provider = createOpenRouter({ apiKey: TEST_API_KEY, baseURL: '/api/v1' });
      const result = await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
      expect(result.text).toBe('ok');
    } finally {
      delete global.location;
    }
    expect(requestAt(ctx.emulator).path).toBe('/chat/completions');
  });

  it('surrounding whitespace and trailing slashes are tolerated', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const provider = emulatorProvider(ctx.emulator, { baseURL: `  ${ctx.emulator.baseURL}//\n` });
    await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    expect(requestAt(ctx.emulator).path).toBe('/chat/completions');
  });

  it('a query string stays after the path, merged with the request query', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const provider = emulatorProvider(ctx.emulator, {
      baseURL: `${ctx.emulator.baseURL}?team=a&tag=x%20y`,
    });
    const result = await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    expect(result.text).toBe('ok');
    expect(requestAt(ctx.emulator)).toMatchObject({
      path: '/chat/completions',
      query: { team: 'a', tag: 'x y' },
    });
    await provider.generation('gen-1').catch(() => undefined);
    expect(requestAt(ctx.emulator)).toMatchObject({
      path: '/generation',
      query: { team: 'a', tag: 'x y', id: 'gen-1' },
    });
  });

  it('OPENROUTER_BASE_URL is checked at the first call, naming the variable', async () => {
    await withEnv({ OPENROUTER_BASE_URL: 'openrouter.ai/api/v1' }, async () => {
      const provider = createOpenRouter({ apiKey: TEST_API_KEY }); // creation does not throw
      const error = await rejectionOf(generateText({ model: provider(MODEL_ID), prompt: 'hi' }));
      expectInvalidArgument(error, 'OPENROUTER_BASE_URL', /not an absolute URL/);
    });
  });

  it('an empty OPENROUTER_BASE_URL counts as unset: the default is used', async () => {
    const recorder = recordingFetch();
    await withEnv({ OPENROUTER_BASE_URL: '' }, async () => {
      const provider = createOpenRouter({ apiKey: TEST_API_KEY, fetch: recorder.fetch });
      await generateText({ model: provider(MODEL_ID), prompt: 'hi', maxRetries: 0 }).catch(
        () => undefined,
      );
    });
    expect(recorder.urls).toEqual([`${DEFAULT_OPENROUTER_BASE_URL}/chat/completions`]);
  });
});

describe('API key', () => {
  it("apiKey: '' falls back to OPENROUTER_API_KEY instead of shadowing it", async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await withEnv({ OPENROUTER_API_KEY: 'sk-or-v1-from-env' }, async () => {
      const provider = emulatorProvider(ctx.emulator, { apiKey: '' });
      await generateText({ model: provider(MODEL_ID), prompt: 'hi' });
    });
    expect(requestAt(ctx.emulator).headers.authorization).toBe('Bearer sk-or-v1-from-env');
  });

  it('an empty or blank key, set or from the environment, is a LoadAPIKeyError: no "Bearer " is sent', async () => {
    const cases: Array<[string | undefined, string | undefined]> = [
      ['', undefined],
      ['   ', undefined],
      [undefined, ''],
      [undefined, ' \t'],
      ['  ', '  '],
    ];
    for (const [apiKey, env] of cases) {
      const recorder = recordingFetch();
      await withEnv({ OPENROUTER_API_KEY: env }, async () => {
        const provider = createOpenRouter({ apiKey, fetch: recorder.fetch });
        const error = await rejectionOf(generateText({ model: provider(MODEL_ID), prompt: 'hi' }));
        expect(LoadAPIKeyError.isInstance(error), `apiKey ${apiKey}, env ${env}`).toBe(true);
        expect((error as Error).message).toMatch(/missing or blank/);
      });
      expect(recorder.urls).toEqual([]);
    }
  });

  it('behind a proxy base URL a blank key is not sent at all', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await withEnv({ OPENROUTER_API_KEY: undefined }, async () => {
      const provider = createOpenRouter({ baseURL: ctx.emulator.baseURL, apiKey: '  ' });
      await generateText({ model: provider(MODEL_ID), prompt: 'hi', maxRetries: 0 }).catch(
        () => undefined,
      );
    });
    expect(requestAt(ctx.emulator).headers.authorization).toBeUndefined();
  });
});

describe('server-tool arguments', () => {
  it('are checked against their documented schemas when the tool is created', () => {
    const tools = ctx.openrouter.tools;
    expectInvalidArgument(
      thrownBy(() => tools.webSearch({ maxResults: 'many' as never })),
      'openrouter.tools.webSearch.maxResults',
      /webSearch\(\{ maxResults \}\)/,
    );
    expectInvalidArgument(
      thrownBy(() => tools.webSearch({ engine: 7 as never })),
      'openrouter.tools.webSearch.engine',
    );
    expectInvalidArgument(
      thrownBy(() => tools.webSearch({ max_uses: 0 } as never)),
      'openrouter.tools.webSearch.max_uses',
    );
    expectInvalidArgument(
      thrownBy(() => tools.webSearch({ userLocation: { city: 7 } } as never)),
      'openrouter.tools.webSearch.userLocation.city',
    );
    expectInvalidArgument(
      thrownBy(() => tools.webFetch({ allowedDomains: 'a.example' as never })),
      'openrouter.tools.webFetch.allowedDomains',
    );
    expectInvalidArgument(
      thrownBy(() => tools.datetime('UTC' as never)),
      'openrouter.tools.datetime',
      /must be an object/,
    );
    expectInvalidArgument(
      thrownBy(() => tools.bash({ limit: 1n })),
      'openrouter.tools.bash.limit',
      /BigInt/,
    );
  });

  it('valid arguments (and unknown ones) are sent; no arguments at all is allowed', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({
      model: ctx.openrouter(MODEL_ID),
      prompt: 'hi',
      tools: {
        search: ctx.openrouter.tools.webSearch({ maxResults: 2, futureOption: true } as never),
        now: ctx.openrouter.tools.datetime(),
      },
    });
    expect(bodyAt(ctx.emulator).tools).toEqual([
      { type: 'openrouter:web_search', parameters: { max_results: 2, future_option: true } },
      { type: 'openrouter:datetime' },
    ]);
  });
});
