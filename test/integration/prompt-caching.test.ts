/**
 * Prompt caching through `generateText` / `streamText` of `ai` 7, over real HTTP against the
 * OpenRouter emulator: `cache_control` from message and part provider options lands on the
 * content blocks of the recorded request body, the four-breakpoint limit holds with one warning,
 * an invalid value fails before anything is sent, and cache read / write tokens come back in
 * usage and provider metadata, so users can see what was cached
 * (https://openrouter.ai/docs/guides/best-practices/prompt-caching).
 */
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, isStepCount, type ModelMessage, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ChatScript, scriptedChat } from '../../src/testing/index.js';
import { scriptedTurns, useEmulator } from './support.js';

const fx = useEmulator();
const MODEL = 'anthropic/claude-sonnet-4.5';

let savedLogger: typeof globalThis.AI_SDK_LOG_WARNINGS;
beforeAll(() => {
  savedLogger = globalThis.AI_SDK_LOG_WARNINGS;
  globalThis.AI_SDK_LOG_WARNINGS = false;
});
afterAll(() => {
  globalThis.AI_SDK_LOG_WARNINGS = savedLogger;
});

const EPHEMERAL = { type: 'ephemeral' } as const;
const ONE_HOUR = { type: 'ephemeral', ttl: '1h' } as const;
const FIVE_MINUTES = { type: 'ephemeral', ttl: '5m' } as const;

const SYSTEM = 'You are a contracts assistant. '.repeat(20).trim();
const PDF_URL = 'https://example.com/contract.pdf';

/** `ai` 7 takes a system message with provider options as `instructions`. */
const INSTRUCTIONS = {
  role: 'system',
  content: SYSTEM,
  providerOptions: { anthropic: { cacheControl: ONE_HOUR } },
} as const;

/** With INSTRUCTIONS: every key spelling, at message and part level. */
const CONVERSATION: ModelMessage[] = [
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Summarise this contract.' },
      {
        type: 'file',
        data: new URL(PDF_URL),
        mediaType: 'application/pdf',
        providerOptions: { openrouter: { cacheControl: ONE_HOUR } },
      },
    ],
  },
  {
    role: 'assistant',
    content: [{ type: 'text', text: 'It is a two-year lease.' }],
    providerOptions: { openrouter: { cache_control: FIVE_MINUTES } },
  },
  {
    role: 'user',
    content: 'When does it end?',
    providerOptions: { anthropic: { cache_control: EPHEMERAL } },
  },
];

const EXPECTED_MESSAGES = [
  {
    role: 'system',
    content: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral', ttl: '1h' } }],
  },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Summarise this contract.' },
      {
        type: 'file',
        file: { file_data: PDF_URL },
        cache_control: { type: 'ephemeral', ttl: '1h' },
      },
    ],
  },
  {
    role: 'assistant',
    content: [
      {
        type: 'text',
        text: 'It is a two-year lease.',
        cache_control: { type: 'ephemeral', ttl: '5m' },
      },
    ],
  },
  {
    role: 'user',
    content: [{ type: 'text', text: 'When does it end?', cache_control: { type: 'ephemeral' } }],
  },
];

const CACHED_USAGE: ChatScript['usage'] = {
  prompt_tokens: 2000,
  completion_tokens: 50,
  prompt_tokens_details: { cached_tokens: 1500, cache_write_tokens: 300 },
  completion_tokens_details: { reasoning_tokens: 0 },
};

const EXPECTED_INPUT_DETAILS = {
  noCacheTokens: 200,
  cacheReadTokens: 1500,
  cacheWriteTokens: 300,
};

const EXPECTED_PROMPT_TOKENS_DETAILS = {
  cachedTokens: 1500,
  cacheWriteTokens: 300,
  audioTokens: 0,
  videoTokens: 0,
};

describe('cache_control on the wire', () => {
  it('generateText: system, user part (PDF URL), assistant and user message breakpoints', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'In 2027.' }));
    const result = await generateText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages: CONVERSATION,
    });

    expect(result.text).toBe('In 2027.');
    const [body] = fx.chatBodies();
    expect(body?.messages).toEqual(EXPECTED_MESSAGES);
    expect(body?.cache_control).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('streamText sends the same body (stream aside)', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'In 2027.' }));
    const result = streamText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages: CONVERSATION,
    });

    expect(await result.text).toBe('In 2027.');
    const [body] = fx.chatBodies();
    expect(body?.stream).toBe(true);
    expect(body?.messages).toEqual(EXPECTED_MESSAGES);
  });

  it('keeps the top-level cacheControl option (automatic caching) next to block breakpoints', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages: CONVERSATION,
      providerOptions: { openrouter: { cacheControl: FIVE_MINUTES } },
    });
    const [body] = fx.chatBodies();
    expect(body?.cache_control).toEqual({ type: 'ephemeral', ttl: '5m' });
    expect(body?.messages).toEqual(EXPECTED_MESSAGES);
  });

  it('an image URL part and a tool loop whose prepareStep caches the latest tool result', async () => {
    fx.emulator.setHandler(
      scriptedTurns([
        { toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"clause":"term"}' }] },
        { text: 'Two years.' },
      ]),
    );
    const result = await generateText({
      model: fx.model(MODEL),
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image',
              image: new URL('https://example.com/page1.png'),
              providerOptions: { openrouter: { cacheControl: EPHEMERAL } },
            },
            { type: 'text', text: 'How long is the term?' },
          ],
        },
      ],
      tools: {
        lookup: tool({
          inputSchema: z.object({ clause: z.string() }),
          execute: async ({ clause }) => ({ clause, text: 'two years' }),
        }),
      },
      stopWhen: isStepCount(3),
      // The usual agent pattern: a breakpoint on the newest message of every step.
      prepareStep: ({ messages }) => ({
        messages: messages.map((message, index) =>
          index === messages.length - 1 && message.role !== 'user'
            ? { ...message, providerOptions: { openrouter: { cacheControl: EPHEMERAL } } }
            : message,
        ),
      }),
    });

    expect(result.text).toBe('Two years.');
    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'image_url',
            image_url: { url: 'https://example.com/page1.png' },
            cache_control: { type: 'ephemeral' },
          },
          { type: 'text', text: 'How long is the term?' },
        ],
      },
    ]);
    expect(bodies[1]?.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'lookup', arguments: '{"clause":"term"}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content: [
          {
            type: 'text',
            text: '{"clause":"term","text":"two years"}',
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
    ]);
  });

  describe('in a ten-step tool loop (the recipes of docs/prompt-caching.md)', () => {
    /** docs/prompt-caching.md, "In a tool loop": one breakpoint, on the newest message. */
    function cacheNewestMessage(messages: ModelMessage[]): ModelMessage[] {
      return messages.map((message, index): ModelMessage => {
        const { cacheControl: _, ...openrouterOptions } = message.providerOptions?.openrouter ?? {};
        const isNewest = index === messages.length - 1;
        return {
          ...message,
          providerOptions: {
            ...message.providerOptions,
            openrouter: isNewest
              ? { ...openrouterOptions, cacheControl: { type: 'ephemeral' } }
              : openrouterOptions,
          },
        };
      });
    }
    const loop = (call: number) =>
      call < 9
        ? {
            toolCalls: [{ id: `call_${call}`, name: 'lookup', arguments: `{"clause":"c${call}"}` }],
          }
        : { text: 'Done.' };
    const tools = {
      lookup: tool({
        inputSchema: z.object({ clause: z.string() }),
        execute: async ({ clause }) => ({ clause, text: 'two years' }),
      }),
    };
    const breakpoints = (body: unknown) => JSON.stringify(body).split('"cache_control"').length - 1;

    it('moving one breakpoint: one per request, no warning on any step', async () => {
      let call = 0;
      fx.emulator.setHandler(scriptedChat(() => loop(call++)));
      const result = await generateText({
        model: fx.model(MODEL),
        prompt: 'Look up ten clauses.',
        tools,
        stopWhen: isStepCount(10),
        prepareStep: ({ messages }) => ({ messages: cacheNewestMessage(messages) }),
      });
      expect(result.steps).toHaveLength(10);
      expect(fx.chatBodies().map(breakpoints)).toEqual(Array(10).fill(1));
      expect(result.steps.flatMap((step) => step.warnings)).toEqual([]);
      // The breakpoint is on the newest message: the user prompt first, then the latest tool result.
      expect(JSON.stringify(fx.chatBodies()[9]?.messages.at(-1))).toContain('cache_control');
    });

    it('adding a breakpoint every step piles them up: warnings from the fifth step on', async () => {
      let call = 0;
      fx.emulator.setHandler(scriptedChat(() => loop(call++)));
      const result = await generateText({
        model: fx.model(MODEL),
        prompt: 'Look up ten clauses.',
        tools,
        stopWhen: isStepCount(10),
        prepareStep: ({ messages }) => ({
          messages: messages.map((message, index) =>
            index === messages.length - 1
              ? { ...message, providerOptions: { openrouter: { cacheControl: EPHEMERAL } } }
              : message,
          ),
        }),
      });
      expect(fx.chatBodies().map(breakpoints)).toEqual([1, 2, 3, 4, 4, 4, 4, 4, 4, 4]);
      expect(result.steps.map((step) => step.warnings?.length ?? 0)).toEqual([
        0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
      ]);
    });

    it('automatic caching (the top-level option): one cache_control per request, no warning', async () => {
      let call = 0;
      fx.emulator.setHandler(scriptedChat(() => loop(call++)));
      const result = await generateText({
        model: fx.model(MODEL),
        prompt: 'Look up ten clauses.',
        tools,
        stopWhen: isStepCount(10),
        providerOptions: { openrouter: { cacheControl: EPHEMERAL } },
      });
      expect(fx.chatBodies().map((body) => body.cache_control)).toEqual(Array(10).fill(EPHEMERAL));
      expect(fx.chatBodies().map(breakpoints)).toEqual(Array(10).fill(1));
      expect(result.steps.flatMap((step) => step.warnings)).toEqual([]);
    });
  });

  it('keeps the last four of six breakpoints and reports one warning (generateText and streamText)', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    const cachedUser = (text: string): ModelMessage => ({
      role: 'user',
      content: text,
      providerOptions: { openrouter: { cacheControl: EPHEMERAL } },
    });
    const messages: ModelMessage[] = [
      cachedUser('1'),
      { role: 'assistant', content: 'a' },
      cachedUser('2'),
      cachedUser('3'),
      cachedUser('4'),
      cachedUser('5'),
    ];
    const expectedMessages = [
      { role: 'system', content: [{ type: 'text', text: SYSTEM }] },
      { role: 'user', content: [{ type: 'text', text: '1' }] },
      { role: 'assistant', content: 'a' },
      ...['2', '3', '4', '5'].map((text) => ({
        role: 'user',
        content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }],
      })),
    ];
    const expectedWarning = {
      type: 'other',
      message:
        'The prompt sets 6 cache breakpoints (cache_control), but Anthropic allows at most 4 per request. Removed the first 2 and kept the last 4, which cache the longest prompt prefixes.',
    };

    const generated = await generateText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages,
    });
    expect(generated.warnings).toEqual([expectedWarning]);

    const streamed = streamText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages,
    });
    await streamed.consumeStream();
    expect(await streamed.warnings).toEqual([expectedWarning]);

    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body.messages).toEqual(expectedMessages);
  });

  it('rejects an invalid value with InvalidArgumentError before sending anything', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'never' }));
    const error = await generateText({
      model: fx.model(MODEL),
      messages: [
        {
          role: 'user',
          content: 'hi',
          providerOptions: { openrouter: { cacheControl: { type: 'persistent' } } },
        },
      ],
      maxRetries: 0,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      name: 'AI_InvalidArgumentError',
      argument: 'prompt[0].providerOptions.openrouter.cacheControl',
    });
    expect(fx.emulator.requests).toHaveLength(0);
  });
});

describe('cache read and write tokens in usage', () => {
  it('generateText: inputTokenDetails and providerMetadata.openrouter.usage', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'In 2027.', usage: CACHED_USAGE }));
    const result = await generateText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages: CONVERSATION,
    });

    expect(result.usage.inputTokens).toBe(2000);
    expect(result.usage.inputTokenDetails).toEqual(EXPECTED_INPUT_DETAILS);
    expect(result.usage.raw).toMatchObject({
      prompt_tokens_details: { cached_tokens: 1500, cache_write_tokens: 300 },
    });
    const usage = (result.providerMetadata?.openrouter as { usage?: Record<string, unknown> })
      ?.usage;
    expect(usage?.promptTokensDetails).toEqual(EXPECTED_PROMPT_TOKENS_DETAILS);
    expect(usage?.promptTokens).toBe(2000);
  });

  it('streamText: the same usage and metadata from the stream', async () => {
    fx.emulator.setHandler(scriptedChat({ text: 'In 2027.', usage: CACHED_USAGE }));
    const result = streamText({
      model: fx.model(MODEL),
      instructions: INSTRUCTIONS,
      messages: CONVERSATION,
    });

    const parts = await convertReadableStreamToArray(result.fullStream);
    const finish = parts.find((part) => part.type === 'finish');
    expect(finish).toBeDefined();
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(2000);
    expect(usage.inputTokenDetails).toEqual(EXPECTED_INPUT_DETAILS);
    const metadata = (await result.providerMetadata)?.openrouter as {
      usage?: Record<string, unknown>;
    };
    expect(metadata?.usage?.promptTokensDetails).toEqual(EXPECTED_PROMPT_TOKENS_DETAILS);
  });

  it('without cache_write_tokens (older captures): cacheWriteTokens undefined, not 0', async () => {
    const usage: ChatScript['usage'] = {
      prompt_tokens: 1000,
      completion_tokens: 10,
      prompt_tokens_details: { cached_tokens: 900, cache_write_tokens: undefined },
    };
    fx.emulator.setHandler(scriptedChat({ text: 'ok', usage }));
    const generated = await generateText({ model: fx.model(MODEL), prompt: 'hi' });
    const streamed = streamText({ model: fx.model(MODEL), prompt: 'hi' });
    const streamedUsage = await streamed.usage;

    for (const details of [generated.usage.inputTokenDetails, streamedUsage.inputTokenDetails]) {
      expect(details).toEqual({
        noCacheTokens: 100,
        cacheReadTokens: 900,
        cacheWriteTokens: undefined,
      });
    }
    const metadata = generated.providerMetadata?.openrouter as {
      usage?: { promptTokensDetails?: Record<string, unknown> };
    };
    expect(metadata.usage?.promptTokensDetails).not.toHaveProperty('cacheWriteTokens');
  });
});
