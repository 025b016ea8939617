/**
 * Response shapes that OpenAI's format does not use but upstreams behind OpenRouter send, over
 * real HTTP (emulator), through `generateText` and `streamText`: tool-call arguments as an
 * object, id-less tool calls with a constant `generateId`, array `content`, usage counts that
 * are negative or strings, and values nested deeper than JSON.stringify can handle. None of them
 * may be dropped silently, hang, or break what the app does with the result.
 */
import { generateText, streamText, type ToolSet, tool } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EmulatorResponse, SseEvent } from '../../src/testing/index';
import { chunk } from '../helpers/run-stream';
import {
  emulatorProvider,
  MODEL_ID,
  silenceAiWarnings,
  streamTextToEnd,
  useEmulator,
} from '../integration/support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const model = () => emulatorProvider(ctx.emulator)(MODEL_ID);

/** Records every input it runs with. */
function weatherTools(inputs: unknown[]) {
  return {
    getWeather: tool({
      description: 'Weather for a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async (input) => {
        inputs.push(input);
        return { tempC: 18 };
      },
    }),
  } satisfies ToolSet;
}

/** A non-streamed completion whose message is `message`, with `extra` top-level fields. */
function completion(
  message: Record<string, unknown>,
  finishReason = 'stop',
  extra: Record<string, unknown> = {},
): EmulatorResponse {
  return {
    type: 'json',
    body: {
      id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
      object: 'chat.completion',
      created: 1791500000,
      model: MODEL_ID,
      provider: 'OpenAI',
      choices: [
        { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
      ...extra,
    },
  };
}

/** A stream of the given deltas, a finish chunk and `[DONE]`. */
function stream(deltas: Record<string, unknown>[], finishReason = 'stop'): EmulatorResponse {
  const events: SseEvent[] = deltas.map((delta) => ({ data: chunk(delta) }));
  events.push({ data: chunk({}, {}, { finish_reason: finishReason }) }, { done: true });
  return { type: 'sse', events };
}

function messagesOf(warnings: ReadonlyArray<unknown> | undefined): string[] {
  return (warnings ?? []).map((warning) => (warning as { message?: string }).message ?? '');
}

describe('tool-call arguments sent as an object', () => {
  const objectCall = {
    id: 'call_1',
    type: 'function',
    function: { name: 'getWeather', arguments: { city: 'Paris' } },
  };

  it('generateText: the tool runs with the object, not with {}', async () => {
    ctx.emulator.enqueue(completion({ content: null, tool_calls: [objectCall] }, 'tool_calls'));
    const inputs: unknown[] = [];
    const result = await generateText({
      model: model(),
      prompt: 'hi',
      tools: weatherTools(inputs),
    });
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ city: 'Paris' }]);
    expect(inputs).toEqual([{ city: 'Paris' }]);
    expect(result.warnings).toEqual([]);
  });

  it('streamText: the tool runs with the object, also when it arrives after a name-only delta', async () => {
    ctx.emulator.enqueue(
      stream(
        [
          { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'getWeather' } }] },
          { tool_calls: [{ index: 0, function: { arguments: { city: 'Rome' } } }] },
        ],
        'tool_calls',
      ),
    );
    const inputs: unknown[] = [];
    const result = await streamTextToEnd({
      model: model(),
      prompt: 'hi',
      tools: weatherTools(inputs),
    });
    expect((await result.toolCalls).map((call) => call.input)).toEqual([{ city: 'Rome' }]);
    expect(inputs).toEqual([{ city: 'Rome' }]);
  });

  it('arguments that are neither a string nor an object give a warning, and the tool does not run', async () => {
    const call = { ...objectCall, function: { name: 'getWeather', arguments: 42 } };
    ctx.emulator.enqueue(completion({ content: null, tool_calls: [call] }, 'tool_calls'));
    const inputs: unknown[] = [];
    const result = await generateText({
      model: model(),
      prompt: 'hi',
      tools: weatherTools(inputs),
    });
    expect(inputs).toEqual([]);
    expect(messagesOf(result.warnings)).toEqual([
      expect.stringMatching(/arguments of a tool call to "getWeather" as a number/),
    ]);

    ctx.emulator.enqueue(
      stream(
        [{ tool_calls: [{ index: 0, id: 'c', function: { name: 'getWeather', arguments: 42 } }] }],
        'tool_calls',
      ),
    );
    const streamed = streamText({ model: model(), prompt: 'hi', tools: weatherTools(inputs) });
    await streamed.consumeStream();
    expect(inputs).toEqual([]);
    expect(messagesOf(await streamed.warnings)).toEqual([
      expect.stringMatching(/as a number, not as a JSON object or string/),
    ]);
  });
});

describe('a generateId that always returns the same id', () => {
  /** 'fixed-id', counting its calls; gives up (failing the test) instead of looping forever. */
  function constantIds() {
    let calls = 0;
    return () => {
      if (++calls > 1000) throw new Error('generateId was called more than 1000 times');
      return 'fixed-id';
    };
  }
  const idLessCall = (city: string) => ({
    type: 'function',
    function: { name: 'getWeather', arguments: JSON.stringify({ city }) },
  });

  it('generateText: two id-less tool calls get distinct ids', async () => {
    ctx.emulator.enqueue(
      completion({ tool_calls: [idLessCall('Paris'), idLessCall('Rome')] }, 'tool_calls'),
    );
    const provider = emulatorProvider(ctx.emulator, { generateId: constantIds() });
    const inputs: unknown[] = [];
    const result = await generateText({
      model: provider(MODEL_ID),
      prompt: 'hi',
      tools: weatherTools(inputs),
    });
    expect(result.toolCalls.map((call) => call.toolCallId)).toEqual([
      'call_fixed-id',
      'call_fixed-id_1',
    ]);
    expect(inputs).toEqual([{ city: 'Paris' }, { city: 'Rome' }]);
  });

  it('streamText: two id-less tool calls get distinct ids', async () => {
    ctx.emulator.enqueue(
      stream(
        [
          { tool_calls: [{ index: 0, ...idLessCall('Paris') }] },
          { tool_calls: [{ index: 1, ...idLessCall('Rome') }] },
        ],
        'tool_calls',
      ),
    );
    const provider = emulatorProvider(ctx.emulator, { generateId: constantIds() });
    const result = await streamTextToEnd({
      model: provider(MODEL_ID),
      prompt: 'hi',
      tools: weatherTools([]),
    });
    expect((await result.toolCalls).map((call) => call.toolCallId)).toEqual([
      'call_fixed-id',
      'call_fixed-id_1',
    ]);
  });
});

describe('array content', () => {
  const parts = [
    { type: 'text', text: 'Hello' },
    { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
    { type: 'text', text: ', world.' },
  ];

  it('generateText: text parts are joined; another part type gives a warning', async () => {
    ctx.emulator.enqueue(completion({ content: parts }));
    const result = await generateText({ model: model(), prompt: 'hi' });
    expect(result.text).toBe('Hello, world.');
    expect(result.finishReason).toBe('stop');
    expect(messagesOf(result.warnings)).toEqual([
      expect.stringMatching(/content part of type "image_url".*skipped/),
    ]);
  });

  it('streamText: text parts of each delta are read; the warning comes once', async () => {
    ctx.emulator.enqueue(
      stream([{ content: parts.slice(0, 2) }, { content: [parts[1], parts[2]] }]),
    );
    const result = await streamTextToEnd({ model: model(), prompt: 'hi' });
    expect(await result.text).toBe('Hello, world.');
    expect(messagesOf(await result.warnings)).toEqual([
      expect.stringMatching(/content part of type "image_url"/),
    ]);
  });
});

describe('usage counts', () => {
  const usage = {
    prompt_tokens: '12',
    completion_tokens: -5,
    total_tokens: 7.5,
    prompt_tokens_details: { cached_tokens: ' 4 ' },
    completion_tokens_details: { reasoning_tokens: 'many' },
    cost: '0.0012',
  };

  it('generateText: negative, fractional and non-numeric counts are unknown; numeric strings are read', async () => {
    ctx.emulator.enqueue(completion({ content: 'ok' }, 'stop', { usage }));
    const result = await generateText({ model: model(), prompt: 'hi' });
    expect(result.usage).toMatchObject({
      inputTokens: 12,
      outputTokens: undefined,
      inputTokenDetails: { cacheReadTokens: 4, noCacheTokens: 8 },
    });
    expect(result.providerMetadata?.openrouter?.usage).toMatchObject({
      promptTokens: 12,
      cost: 0.0012,
    });
    expect(result.providerMetadata?.openrouter?.usage).not.toHaveProperty('completionTokens');
  });

  it('streamText: the same rules for the usage chunk', async () => {
    const events: SseEvent[] = [
      { data: chunk({ content: 'ok' }) },
      { data: chunk({}, {}, { finish_reason: 'stop' }) },
      { data: chunk(undefined, { usage }) },
      { done: true },
    ];
    ctx.emulator.enqueue({ type: 'sse', events });
    const result = await streamTextToEnd({ model: model(), prompt: 'hi' });
    expect(await result.usage).toMatchObject({ inputTokens: 12, outputTokens: undefined });
  });
});

describe('values nested deeper than JSON.stringify can handle', () => {
  const DEPTH = 100_000;
  const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
  const head =
    '{"id":"gen-1","object":"chat.completion","created":1791500000,"model":"openai/gpt-4o"';

  it('generateText: providerMetadata stays serialisable, with a warning', async () => {
    ctx.emulator.enqueue({
      type: 'raw',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: `${head},"choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"openrouter_metadata":{"routing":${deep}}}`,
    });
    const result = await generateText({ model: model(), prompt: 'hi' });
    expect(result.text).toBe('ok');
    const serialised = JSON.stringify(result.providerMetadata);
    expect(serialised).toContain('omitted: nested more than 64 levels deep');
    expect(() => JSON.stringify(result.response)).not.toThrow();
    expect(messagesOf(result.warnings)).toEqual([
      expect.stringMatching(/nested more than 64 levels deep/),
    ]);
  });

  it('streamText: the finish metadata stays serialisable, with a warning', async () => {
    const chunkJson = JSON.stringify(chunk({ content: 'ok' }, {}, { finish_reason: 'stop' }));
    const withDeep = `${chunkJson.slice(0, -1)},"openrouter_metadata":{"routing":${deep}}}`;
    ctx.emulator.enqueue({
      type: 'raw',
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: `data: ${withDeep}\n\ndata: [DONE]\n\n`,
    });
    const result = await streamTextToEnd({ model: model(), prompt: 'hi' });
    expect(await result.text).toBe('ok');
    expect(JSON.stringify(await result.providerMetadata)).toContain('omitted');
    expect(messagesOf(await result.warnings)).toEqual([
      expect.stringMatching(/nested more than 64 levels deep/),
    ]);
  });
});
