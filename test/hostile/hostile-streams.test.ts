/**
 * Hostile upstreams, over real HTTP (emulator): malformed and wrongly shaped events, unknown
 * fields and types, odd framing, huge lines, thousands of tiny chunks, comments anywhere, a
 * missing `[DONE]`, data after it, resets and stalls. Every scenario runs through `streamText`
 * (and the provider's own `doStream`), and the non-stream variants through `generateText`.
 *
 * For each stream scenario the defined outcome is asserted:
 * - either it is tolerated (no error part) or it yields typed error parts
 *   (`InvalidResponseDataError` for an unusable event, retryable `APICallError` for a cut body);
 * - the stream always ends with exactly one `finish` (in `ai`'s stream and in the provider's);
 * - nothing already received is lost: the text sent before (and around) the fault is in the result.
 */

import {
  APICallError,
  InvalidResponseDataError,
  type LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import {
  type FinishReason,
  generateText,
  jsonSchema,
  NoContentGeneratedError,
  streamText,
  type TextStreamPart,
  type ToolSet,
  tool,
} from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletionJson,
  type EmulatorResponse,
  type SseEvent,
  serializeSse,
} from '../../src/testing/index';
import { chunk } from '../helpers/run-stream';
import { MODEL_ID, rejectionOf, silenceAiWarnings, useEmulator } from '../integration/support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

/** A client tool without `execute`: tool calls end the step instead of failing as unknown tools. */
const tools = {
  lookup: tool({ description: 'Looks something up.', inputSchema: jsonSchema({ type: 'object' }) }),
} satisfies ToolSet;

// ---------------------------------------------------------------------------------------------
// Event builders
// ---------------------------------------------------------------------------------------------

const data = (value: unknown): SseEvent => ({ data: value });
const text = (content: string): SseEvent => data(chunk({ role: 'assistant', content }));
const texts = (...pieces: string[]): SseEvent[] => pieces.map(text);
const finish = (reason = 'stop'): SseEvent => data(chunk({}, {}, { finish_reason: reason }));
const USAGE = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cost: 0.0001 };
const usage = (): SseEvent => data(chunk(undefined, { usage: USAGE }));
const DONE: SseEvent = { done: true };
const comment = (value = 'OPENROUTER PROCESSING'): SseEvent => ({ comment: value });
const ending = (reason = 'stop'): SseEvent[] => [finish(reason), usage(), DONE];
const toolStart = (index: number, id: string, args = ''): SseEvent =>
  data(
    chunk({
      tool_calls: [{ index, id, type: 'function', function: { name: 'lookup', arguments: args } }],
    }),
  );
const toolArgs = (index: number, args: string): SseEvent =>
  data(chunk({ tool_calls: [{ index, function: { arguments: args } }] }));

const sse = (events: SseEvent[], extra: Partial<Extract<EmulatorResponse, { type: 'sse' }>> = {}) =>
  ({ type: 'sse', events, ...extra }) satisfies EmulatorResponse;

/** A response of raw bytes with the given content type (for bodies the emulator does not build). */
const rawResponse =
  (contentType: string) =>
  (
    body: string | Uint8Array,
    extra: Partial<Extract<EmulatorResponse, { type: 'raw' }>> = {},
  ): EmulatorResponse => ({
    type: 'raw',
    headers: { 'content-type': contentType },
    body,
    ...extra,
  });

/** A body of raw bytes sent as an event stream (for framing the emulator does not produce). */
const rawSse = rawResponse('text/event-stream');

const BLOB = 'x'.repeat(1024 * 1024);
const BIG_ARGS = JSON.stringify({ blob: BLOB });
const MANY_CHARS = Array.from({ length: 5000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
const UNICODE = 'naïve café 😀 👩‍👩‍👧 🇫🇷 漢字テスト e\u0301 한국어 ∑';

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

type Outcome =
  /** No error part at all. */
  | 'tolerated'
  /** At least one error part, every one an `InvalidResponseDataError`. */
  | 'invalid-data'
  /** Exactly one error part: a retryable `APICallError` (a cut or unusable body). */
  | 'cut';

interface StreamCase {
  name: string;
  response: () => EmulatorResponse;
  outcome: Outcome;
  /** The whole text of the result (what was received before and after the fault). */
  text: string;
  finishReason: FinishReason;
  /** Extra checks on `ai`'s parts. */
  check?: (parts: Array<TextStreamPart<typeof tools>>) => void;
  /** Extra checks on the provider's own V4 parts. */
  checkProvider?: (parts: LanguageModelV4StreamPart[]) => void;
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function checkErrors(errors: unknown[], outcome: Outcome): void {
  const names = errors.map((error) => (error instanceof Error ? error.name : String(error)));
  if (outcome === 'tolerated') {
    expect(names, 'no error part expected').toEqual([]);
  } else if (outcome === 'invalid-data') {
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(InvalidResponseDataError.isInstance(error), `got ${names.join(', ')}`).toBe(true);
    }
  } else {
    expect(errors, `got ${names.join(', ')}`).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
    expect((errors[0] as APICallError).message).toMatch(/partial/);
  }
}

async function runStreamCase(c: StreamCase): Promise<void> {
  // 1. Through `ai`'s streamText.
  ctx.emulator.enqueue(c.response());
  const onError: unknown[] = [];
  const result = streamText({
    model: ctx.model(),
    prompt: 'hello',
    tools,
    maxRetries: 0,
    onError: ({ error }) => {
      onError.push(error);
    },
  });
  const parts = await within(
    convertReadableStreamToArray(result.stream),
    10_000,
    `streamText (${c.name})`,
  );
  expect(parts.at(-1)?.type, 'the stream ends with finish').toBe('finish');
  expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  const errors = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
  checkErrors(errors, c.outcome);
  expect(onError).toEqual(errors);
  expect(await result.text).toBe(c.text);
  expect(await result.finishReason).toBe(c.finishReason);
  c.check?.(parts);

  // 2. The provider's own stream: `stream-start` first, exactly one `finish`, last.
  ctx.emulator.enqueue(c.response());
  const { stream } = await ctx.model().doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  });
  const v4 = await within(convertReadableStreamToArray(stream), 10_000, `doStream (${c.name})`);
  expect(v4[0]?.type).toBe('stream-start');
  expect(v4.at(-1)?.type).toBe('finish');
  expect(v4.filter((part) => part.type === 'finish')).toHaveLength(1);
  checkErrors(
    v4.flatMap((part) => (part.type === 'error' ? [part.error] : [])),
    c.outcome,
  );
  const v4Text = v4.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
  expect(v4Text).toBe(c.text);
  c.checkProvider?.(v4);
}

// ---------------------------------------------------------------------------------------------
// Stream scenarios
// ---------------------------------------------------------------------------------------------

const MALFORMED_JSON = [
  '{"choices":[',
  '{"id":"gen-x","choices":[{"delta":{"content":"lost"}}]',
  "{'single':'quotes'}",
  'not json at all',
  '{"a":1}{"b":2}',
  '',
];
const NOT_OBJECTS = ['42', '[]', 'null', '"a string"', 'true', '[{"choices":[]}]'];
const WRONG_SHAPES: Array<[string, unknown]> = [
  ['choices is a string', { choices: 'x' }],
  ['choices: [null]', { choices: [null] }],
  ['choices: [42]', { choices: [42] }],
  ['an empty object', {}],
  ['delta is a string', { id: 'gen-x', choices: [{ index: 0, delta: 'Hello' }] }],
  ['delta is null', { choices: [{ index: 0, delta: null, finish_reason: null }] }],
  ['content is a number', { choices: [{ index: 0, delta: { content: 42 } }] }],
  // An array of text parts is read (see upstream-shapes.test.ts); other parts are skipped.
  [
    'content is an array without text parts',
    { choices: [{ delta: { content: [{ type: 'image_url' }, null, 5, { text: 'x' }] } }] },
  ],
  ['finish_reason is a number', { choices: [{ index: 0, delta: {}, finish_reason: 7 }] }],
  ['tool_calls is a string', { choices: [{ delta: { tool_calls: 'x' } }] }],
  ['tool_calls holds junk', { choices: [{ delta: { tool_calls: [null, 5, 'x', true] } }] }],
  ['reasoning_details is a string', { choices: [{ delta: { reasoning_details: 'x' } }] }],
  [
    'reasoning_details holds junk',
    { choices: [{ delta: { reasoning_details: [null, 5, {}, { type: 5 }, []] } }] },
  ],
  ['images holds junk', { choices: [{ delta: { images: [null, 5, { image_url: 7 }] } }] }],
  ['annotations holds junk', { choices: [{ delta: { annotations: [null, 'x', 5] } }] }],
  ['usage is a string', { choices: [], usage: 'lots' }],
  ['error is a number', { error: 42, choices: [] }],
  ['logprobs are junk', { choices: [{ delta: {}, logprobs: { content: 'x' } }] }],
  ['id/model/created have wrong types', { id: 5, model: [], created: 'yesterday', choices: [] }],
];

const streamCases: StreamCase[] = [
  {
    name: 'baseline: LF framing',
    response: () => sse([comment(), ...texts('Hello', ' world'), ...ending()]),
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'CRLF line endings',
    response: () =>
      sse([comment(), ...texts('Hello', ' world'), ...ending()], { lineEnding: '\r\n' }),
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'CRLF line endings split at every byte (CR and LF in different reads)',
    response: () =>
      sse([comment(), ...texts('Hello', ' world'), ...ending()], {
        lineEnding: '\r\n',
        splitEvery: 1,
      }),
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'bare CR line endings',
    response: () =>
      rawSse(
        serializeSse([comment(), ...texts('Hello', ' world'), ...ending()]).replace(/\n/g, '\r'),
      ),
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'mixed LF / CRLF / CR in one stream, split every 3 bytes',
    response: () => {
      const events = [comment(), ...texts('Hel', 'lo', ' wo', 'rld'), ...ending()];
      const endings = ['\n', '\r\n', '\r'];
      const body = events
        .map((event, i) => serializeSse([event]).replace(/\n/g, endings[i % 3]!))
        .join('');
      return rawSse(body, { splitEvery: 3 });
    },
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'a UTF-8 BOM, "data:" without a space, multi-line data, unknown SSE fields',
    response: () => {
      const first = JSON.stringify(chunk({ content: 'Hello' }), null, 1).split('\n');
      const body =
        '\uFEFF' +
        'retry: 1000\nid: 7\nevent: message\nx-unknown-field: whatever\nlinewithoutcolon\n' +
        `${first.map((line) => `data:${line}`).join('\n')}\n\n` +
        `event: completion\ndata:${JSON.stringify(chunk({ content: ' world' }))}\nid: 8\n\n` +
        serializeSse(ending());
      return rawSse(body);
    },
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'comments everywhere: before data, inside an event, between events, before [DONE]',
    response: () => {
      const body =
        ': OPENROUTER PROCESSING\n\n' +
        `:no-space comment\ndata: ${JSON.stringify(chunk({ content: 'Hello' }))}\n: inside the event\n\n` +
        ': between\n: two in a row\n\n' +
        `data: ${JSON.stringify(chunk({ content: ' world' }))}\n\n` +
        serializeSse([
          finish(),
          usage(),
          comment('before done'),
          comment(''),
          DONE,
          comment('after'),
        ]);
      return rawSse(body);
    },
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
    checkProvider: (parts) => {
      expect(parts.filter((part) => part.type === 'ping').length).toBeGreaterThanOrEqual(7);
    },
  },
  {
    name: '2,000 comment lines in a row, then the answer',
    response: () =>
      sse([...Array.from({ length: 2000 }, () => comment()), ...texts('Hi'), ...ending()]),
    outcome: 'tolerated',
    text: 'Hi',
    finishReason: 'stop',
    checkProvider: (parts) => {
      expect(parts.filter((part) => part.type === 'ping')).toHaveLength(2000);
    },
  },
  ...MALFORMED_JSON.map(
    (payload): StreamCase => ({
      name: `malformed JSON in a data line: ${JSON.stringify(payload)}`,
      response: () => sse([...texts('Before'), data(payload), ...texts(' after'), ...ending()]),
      outcome: 'invalid-data',
      text: 'Before after',
      finishReason: 'error',
      check: (parts) => {
        const error = parts.find((part) => part.type === 'error');
        expect(error?.type === 'error' && (error.error as Error).message).toMatch(/not JSON/);
      },
    }),
  ),
  ...NOT_OBJECTS.map(
    (payload): StreamCase => ({
      name: `valid JSON that is not an object: ${payload}`,
      response: () => sse([...texts('Before'), data(payload), ...texts(' after'), ...ending()]),
      outcome: 'invalid-data',
      text: 'Before after',
      finishReason: 'error',
    }),
  ),
  ...WRONG_SHAPES.map(
    ([name, payload]): StreamCase => ({
      name: `an object of the wrong shape is skipped: ${name}`,
      response: () => sse([...texts('Before'), data(payload), ...texts(' after'), ...ending()]),
      outcome: 'tolerated',
      text: 'Before after',
      finishReason: 'stop',
    }),
  ),
  {
    name: 'a usage object with wrong field types keeps the good fields and the finish reason',
    response: () =>
      sse([
        ...texts('Done'),
        finish(),
        data(
          chunk(undefined, {
            usage: { prompt_tokens: 'many', completion_tokens: 5, total_tokens: null, cost: null },
          }),
        ),
        DONE,
      ]),
    outcome: 'tolerated',
    text: 'Done',
    finishReason: 'stop',
    check: (parts) => {
      const last = parts.at(-1);
      expect(last?.type === 'finish' && last.totalUsage.outputTokens).toBe(5);
    },
  },
  {
    name: '__proto__ / constructor keys do not pollute prototypes',
    response: () =>
      sse([
        data(
          '{"id":"gen-p","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' +
            '"choices":[{"index":0,"delta":{"content":"Safe","__proto__":{"polluted":1},' +
            '"reasoning_details":[{"type":"reasoning.text","index":0,"text":"r","__proto__":{"polluted":1}},' +
            '{"type":"reasoning.text","index":0,"text":"s","__proto__":{"polluted":2}}],' +
            '"tool_calls":[{"index":0,"id":"c","function":{"name":"lookup","arguments":"{}","__proto__":{"polluted":1}}}]}}]}',
        ),
        ...ending('tool_calls'),
      ]),
    outcome: 'tolerated',
    text: 'Safe',
    finishReason: 'tool-calls',
    check: () => {
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    },
  },
  {
    name: 'unknown fields on the chunk, the choice and the delta are ignored',
    response: () =>
      sse([
        data(
          chunk(
            { role: 'assistant', content: 'Hello', audio: { data: 'AAAA' }, future_field: [1, 2] },
            { system_fingerprint: 'fp_x', service_tier: 'flex', object: 'chat.completion.future' },
          ),
        ),
        data({
          ...chunk({ content: ' world', refusal: null }),
          choices: [
            { index: 0, delta: { content: ' world' }, future: { a: 1 }, finish_reason: null },
          ],
        }),
        ...ending(),
      ]),
    outcome: 'tolerated',
    text: 'Hello world',
    finishReason: 'stop',
  },
  {
    name: 'unknown reasoning detail types and formats are kept for the round-trip',
    response: () =>
      sse([
        data(
          chunk({
            reasoning_details: [
              { type: 'reasoning.text', text: 'Think', format: 'future-format-v9', index: 0 },
            ],
          }),
        ),
        data(
          chunk({
            reasoning_details: [
              { type: 'reasoning.hologram', data: 'opaque', format: 'x', index: 1 },
            ],
          }),
        ),
        ...texts('Answer'),
        ...ending(),
      ]),
    outcome: 'tolerated',
    text: 'Answer',
    finishReason: 'stop',
    check: (parts) => {
      const last = parts.at(-1);
      expect(last?.type).toBe('finish');
      const reasoning = parts.filter((part) => part.type === 'reasoning-delta');
      expect(reasoning.map((part) => (part.type === 'reasoning-delta' ? part.text : ''))).toEqual([
        'Think',
      ]);
    },
    checkProvider: (parts) => {
      const end = parts.at(-1);
      const details =
        end?.type === 'finish'
          ? (end.providerMetadata?.openrouter as { reasoningDetails?: unknown[] } | undefined)
          : undefined;
      expect(JSON.stringify(details)).toContain('reasoning.hologram');
    },
  },
  {
    name: 'unknown annotation and image types are skipped; a url_citation still becomes a source',
    response: () =>
      sse([
        ...texts('See sources'),
        data(
          chunk({
            annotations: [
              { type: 'hologram_citation', hologram: { id: 1 } },
              { type: 'url_citation', url_citation: { url: 'https://example.com/a', title: 'A' } },
            ],
            images: [{ type: 'video_url', video_url: { url: 'https://example.com/v.mp4' } }],
          }),
        ),
        ...ending(),
      ]),
    outcome: 'tolerated',
    text: 'See sources',
    finishReason: 'stop',
    check: (parts) => {
      const sources = parts.filter((part) => part.type === 'source');
      expect(sources).toHaveLength(1);
    },
  },
  {
    name: 'an unknown finish_reason string maps to "other"',
    response: () => sse([...texts('Hm'), finish('future_reason'), usage(), DONE]),
    outcome: 'tolerated',
    text: 'Hm',
    finishReason: 'other',
  },
  {
    name: 'a tool call of an unknown `type` is still a function call',
    response: () =>
      sse([
        data(
          chunk({
            tool_calls: [
              {
                index: 0,
                id: 'call_x',
                type: 'custom',
                function: { name: 'lookup', arguments: '{}' },
              },
            ],
          }),
        ),
        ...ending('tool_calls'),
      ]),
    outcome: 'tolerated',
    text: '',
    finishReason: 'tool-calls',
    check: (parts) => {
      expect(parts.filter((part) => part.type === 'tool-call')).toHaveLength(1);
    },
  },
  ...[{}, [], { index: 3, function: { arguments: '{}' } }].map(
    (entry): StreamCase => ({
      // BUG (src): the stream reports finish reason 'tool-calls' although no tool call was
      // emitted (StreamingToolCallAssembler.hasCalls counts the nameless call); doGenerate
      // answers 'stop' for the same answer (see the generateText case below).
      name: `a tool-call entry that never gets a name (${JSON.stringify(entry)}): an error part, not executed, finish "stop"`,
      response: () =>
        sse([
          ...texts('Before'),
          data(chunk({ tool_calls: [entry] })),
          ...texts(' after'),
          ...ending(),
        ]),
      outcome: 'invalid-data',
      text: 'Before after',
      finishReason: 'stop',
      check: (parts) => {
        expect(parts.filter((part) => part.type === 'tool-call')).toEqual([]);
      },
    }),
  ),
  {
    name: 'multi-byte UTF-8 (emoji, ZWJ, flags, CJK, combining marks) split at every byte',
    response: () =>
      sse(
        [
          data(
            chunk({
              reasoning: UNICODE,
              reasoning_details: [{ type: 'reasoning.text', text: UNICODE, index: 0 }],
            }),
          ),
          ...Array.from(UNICODE).map(text),
          toolStart(0, 'call_u', JSON.stringify({ q: UNICODE })),
          ...ending('tool_calls'),
        ],
        { splitEvery: 1 },
      ),
    outcome: 'tolerated',
    text: UNICODE,
    finishReason: 'tool-calls',
    check: (parts) => {
      const reasoning = parts.map((part) => (part.type === 'reasoning-delta' ? part.text : ''));
      expect(reasoning.join('')).toBe(UNICODE);
      const call = parts.find((part) => part.type === 'tool-call');
      expect(call?.type === 'tool-call' && call.input).toEqual({ q: UNICODE });
    },
  },
  {
    name: 'JSON escapes of astral characters and lone surrogates survive',
    response: () =>
      sse([
        data('{"choices":[{"index":0,"delta":{"content":"\\ud83d\\ude00 \\ud83d"}}]}'),
        ...ending(),
      ]),
    outcome: 'tolerated',
    text: '😀 \ud83d',
    finishReason: 'stop',
  },
  {
    name: 'invalid UTF-8 bytes in the body become U+FFFD, the stream goes on',
    response: () => {
      const before = new TextEncoder().encode(`data: {"choices":[{"index":0,"delta":{"content":"a`);
      const after = new TextEncoder().encode(`b"}}]}\n\n${serializeSse(ending())}`);
      return rawSse(new Uint8Array([...before, 0xff, 0xfe, 0xc3, ...after]), { splitEvery: 1 });
    },
    outcome: 'tolerated',
    text: 'a\uFFFD\uFFFD\uFFFDb',
    finishReason: 'stop',
  },
  {
    name: '1 MB of tool arguments in one delta (a 1 MB line)',
    response: () => sse([toolStart(0, 'call_big', BIG_ARGS), ...ending('tool_calls')]),
    outcome: 'tolerated',
    text: '',
    finishReason: 'tool-calls',
    check: (parts) => {
      const call = parts.find((part) => part.type === 'tool-call');
      expect(call?.type === 'tool-call' && (call.input as { blob: string }).blob).toBe(BLOB);
    },
    checkProvider: (parts) => {
      const call = parts.find((part) => part.type === 'tool-call');
      expect(call?.type === 'tool-call' && call.input).toBe(BIG_ARGS);
    },
  },
  {
    name: '1 MB of tool arguments in 1,024 deltas, body written in 7-byte pieces for the first 4 KB',
    response: () =>
      sse(
        [
          toolStart(0, 'call_big'),
          ...Array.from({ length: 1024 }, (_, i) =>
            toolArgs(0, BIG_ARGS.slice(i * 1024, (i + 1) * 1024)),
          ),
          toolArgs(0, BIG_ARGS.slice(1024 * 1024)),
          ...ending('tool_calls'),
        ],
        { splitAt: Array.from({ length: 585 }, (_, i) => (i + 1) * 7) },
      ),
    outcome: 'tolerated',
    text: '',
    finishReason: 'tool-calls',
    check: (parts) => {
      const call = parts.find((part) => part.type === 'tool-call');
      expect(call?.type === 'tool-call' && (call.input as { blob: string }).blob).toBe(BLOB);
    },
  },
  {
    name: '1 MB of text in one delta',
    response: () => sse([text(BLOB), ...ending()]),
    outcome: 'tolerated',
    text: BLOB,
    finishReason: 'stop',
  },
  {
    name: '5,000 one-character deltas',
    response: () => sse([...Array.from(MANY_CHARS).map(text), ...ending()]),
    outcome: 'tolerated',
    text: MANY_CHARS,
    finishReason: 'stop',
    checkProvider: (parts) => {
      // Joined per network read: far fewer parts than events, the same text.
      expect(parts.filter((part) => part.type === 'text-delta').length).toBeLessThan(500);
      expect(parts.filter((part) => part.type === 'response-metadata')).toHaveLength(1);
    },
  },
  {
    name: 'parallel tool calls with interleaved deltas and several calls per delta',
    response: () =>
      sse([
        ...texts('Calling'),
        data(
          chunk({
            tool_calls: [
              {
                index: 0,
                id: 'call_a',
                type: 'function',
                function: { name: 'lookup', arguments: '{"q"' },
              },
              {
                index: 1,
                id: 'call_b',
                type: 'function',
                function: { name: 'lookup', arguments: '' },
              },
            ],
          }),
        ),
        toolArgs(1, '{"q":'),
        toolArgs(0, ':"a"'),
        toolArgs(1, '"b"}'),
        toolArgs(0, '}'),
        ...ending('tool_calls'),
      ]),
    outcome: 'tolerated',
    text: 'Calling',
    finishReason: 'tool-calls',
    check: (parts) => {
      const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part] : []));
      // Each call is passed on when its object completes: "b" closes first.
      expect(calls.map((call) => call.input)).toEqual([{ q: 'b' }, { q: 'a' }]);
    },
  },
  {
    name: '[DONE] missing after a finish chunk: a complete answer',
    response: () => sse([...texts('Whole', ' answer'), finish(), usage()]),
    outcome: 'tolerated',
    text: 'Whole answer',
    finishReason: 'stop',
  },
  {
    name: '[DONE] missing and no finish chunk: a retryable error, the text kept',
    response: () => sse([...texts('Partial', ' answer')]),
    outcome: 'cut',
    text: 'Partial answer',
    finishReason: 'error',
  },
  {
    name: '[DONE] without any finish chunk: tolerated, reason "other"',
    response: () => sse([...texts('Short'), DONE]),
    outcome: 'tolerated',
    text: 'Short',
    finishReason: 'other',
  },
  {
    name: 'data after [DONE] (text, garbage, a second [DONE]) is ignored',
    response: () =>
      sse([
        ...texts('Kept'),
        ...ending(),
        ...texts(' IGNORED'),
        data('{not json'),
        data('42'),
        DONE,
        { raw: 'data: {"trailing":' },
      ]),
    outcome: 'tolerated',
    text: 'Kept',
    finishReason: 'stop',
  },
  {
    name: 'the last event lacks its blank line ([DONE] cut): tolerated after a finish chunk',
    response: () => sse([...texts('Ok'), finish(), usage(), { raw: 'data: [DONE]\n' }]),
    outcome: 'tolerated',
    text: 'Ok',
    finishReason: 'stop',
  },
  {
    name: 'the body ends inside an event (no finish): a retryable error, the text kept',
    response: () =>
      sse([
        ...texts('Before', ' the cut'),
        { raw: 'data: {"choices":[{"index":0,"delta":{"content":"lo' },
      ]),
    outcome: 'cut',
    text: 'Before the cut',
    finishReason: 'error',
  },
  {
    name: 'an empty event-stream body: a retryable error',
    response: () => sse([]),
    outcome: 'cut',
    text: '',
    finishReason: 'error',
  },
  {
    name: 'only keep-alive comments, then the body ends: a retryable error',
    response: () => sse([comment(), comment(), comment()]),
    outcome: 'cut',
    text: '',
    finishReason: 'error',
  },
  {
    name: 'HTTP 200 with an HTML body to a stream request: a retryable error',
    response: () => ({
      type: 'raw',
      headers: { 'content-type': 'text/html' },
      body: '<html><body>502 Bad Gateway</body></html>',
    }),
    outcome: 'cut',
    text: '',
    finishReason: 'error',
  },
  {
    name: 'connection reset after whole events: a retryable error, the text kept',
    response: () => sse([comment(), ...texts('Partial', ' answer')], { ending: 'reset' }),
    outcome: 'cut',
    text: 'Partial answer',
    finishReason: 'error',
  },
  {
    name: 'connection reset inside an event',
    response: () =>
      sse([...texts('Partial'), { raw: 'data: {"choices":[{"index":0,"delta":{"content":"x' }], {
        ending: 'reset',
      }),
    outcome: 'cut',
    text: 'Partial',
    finishReason: 'error',
  },
  {
    name: 'connection reset inside a multi-byte character',
    response: () => {
      const bytes = new TextEncoder().encode(serializeSse([...texts('Emoji: '), text('😀')]));
      return rawSse(bytes.subarray(0, bytes.length - 8), { ending: 'reset', splitEvery: 5 });
    },
    outcome: 'cut',
    text: 'Emoji: ',
    finishReason: 'error',
  },
  {
    // BUG (src): today a read error after the finish chunk still yields an error part and flips
    // the finish reason to 'error' (OpenRouterChatStreamState.readError ignores finishReason),
    // unlike a clean end without [DONE], which is treated as complete.
    name: 'connection reset after the finish and usage chunks, before [DONE]: complete, no error',
    response: () => sse([...texts('Complete'), finish(), usage()], { ending: 'reset' }),
    outcome: 'tolerated',
    text: 'Complete',
    finishReason: 'stop',
  },
  {
    name: 'a reset while a tool call streams: the partial call is flushed, the text kept',
    response: () =>
      sse([...texts('Look'), toolStart(0, 'call_cut', '{"q":"pa')], { ending: 'reset' }),
    outcome: 'cut',
    text: 'Look',
    finishReason: 'error',
    checkProvider: (parts) => {
      const types = parts.map((part) => part.type);
      // The started call is closed (start -> delta -> end -> call) before the finish.
      expect(types).toContain('tool-input-end');
      expect(types.indexOf('error')).toBeLessThan(types.indexOf('finish'));
    },
  },
  {
    name: 'a 300 ms stall mid-stream, then the rest',
    response: () =>
      sse([...texts('Slow'), { delayMs: 300 }, comment(), ...texts(' but sure'), ...ending()]),
    outcome: 'tolerated',
    text: 'Slow but sure',
    finishReason: 'stop',
  },
  {
    name: 'a 300 ms stall inside an event (between two bytes of a line)',
    response: () => {
      const events = [...texts('Split'), ...texts(' line'), ...ending()];
      const at = serializeSse(events.slice(0, 1)).length + 20;
      return sse(events, { splitAt: [at], pieceDelayMs: 300 });
    },
    outcome: 'tolerated',
    text: 'Split line',
    finishReason: 'stop',
  },
];

describe('hostile streams through streamText and doStream', () => {
  // A loop rather than it.each: it.each truncates long $name values in the report.
  for (const c of streamCases) {
    it(c.name, async () => {
      await runStreamCase(c);
    });
  }

  it('mid-stream error chunk followed by more data and no [DONE]: typed, text kept', async () => {
    ctx.emulator.enqueue(
      sse([
        ...texts('Once'),
        data({
          ...chunk({ content: '' }, {}, { finish_reason: 'error' }),
          error: { code: 502, message: 'Provider disconnected' },
        }),
        ...texts(' more?'),
      ]),
    );
    const result = streamText({ model: ctx.model(), prompt: 'x', onError: () => {} });
    const parts = await convertReadableStreamToArray(result.stream);
    expect(parts.at(-1)?.type).toBe('finish');
    const errors = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).statusCode).toBe(502);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
    expect(await result.finishReason).toBe('error');
    expect(await result.text).toMatch(/^Once/);
  });
});

// ---------------------------------------------------------------------------------------------
// Non-stream (generateText) scenarios
// ---------------------------------------------------------------------------------------------

const jsonRaw = rawResponse('application/json');

const GOOD = JSON.stringify(chatCompletionJson({ text: UNICODE }));

describe('hostile non-stream responses through generateText', () => {
  const rejected: Array<{ name: string; response: () => EmulatorResponse; retryable: boolean }> = [
    { name: 'truncated JSON', response: () => jsonRaw(GOOD.slice(0, 60)), retryable: false },
    { name: 'not JSON at all', response: () => jsonRaw('Internal hiccup'), retryable: false },
    { name: 'an empty body', response: () => jsonRaw(''), retryable: false },
    { name: 'valid JSON: 42', response: () => jsonRaw('42'), retryable: false },
    { name: 'valid JSON: []', response: () => jsonRaw('[]'), retryable: false },
    { name: 'valid JSON: null', response: () => jsonRaw('null'), retryable: false },
    {
      name: 'an HTML page with HTTP 200',
      response: () => ({
        type: 'raw',
        headers: { 'content-type': 'text/html' },
        body: '<html>502</html>',
      }),
      retryable: false,
    },
    {
      name: 'an event stream answered to a non-stream request',
      response: () => rawSse(serializeSse([...texts('x'), ...ending()])),
      retryable: false,
    },
    {
      name: 'the connection reset mid-body',
      response: () => jsonRaw(GOOD.slice(0, 80), { ending: 'reset' }),
      retryable: true,
    },
    {
      name: 'the connection reset mid-body with a Content-Length promising more',
      response: () =>
        jsonRaw(GOOD.slice(0, 80), {
          ending: 'reset',
          headers: { 'content-type': 'application/json', 'content-length': String(GOOD.length) },
        }),
      retryable: true,
    },
  ];

  for (const c of rejected) {
    it(`${c.name} -> a typed APICallError (retryable: ${c.retryable})`, async () => {
      ctx.emulator.enqueue(c.response());
      const error = await within(
        rejectionOf(generateText({ model: ctx.model(), prompt: 'x', maxRetries: 0 })),
        10_000,
        c.name,
      );
      expect(APICallError.isInstance(error), String(error)).toBe(true);
      expect((error as APICallError).isRetryable).toBe(c.retryable);
    });
  }

  it.each([
    ['choices is a string', { choices: 'x' }],
    ['choices: [null]', { choices: [null] }],
    ['choices: []', { choices: [] }],
    ['no choices at all', { id: 'gen-x' }],
  ])('%s -> NoContentGeneratedError', async (_name, body) => {
    ctx.emulator.enqueue(jsonRaw(JSON.stringify(body)));
    const error = await rejectionOf(
      generateText({ model: ctx.model(), prompt: 'x', maxRetries: 0 }),
    );
    expect(NoContentGeneratedError.isInstance(error), String(error)).toBe(true);
  });

  const tolerated: Array<{
    name: string;
    response: () => EmulatorResponse;
    text: string;
    check?: (result: Awaited<ReturnType<typeof generateText<typeof tools>>>) => void;
  }> = [
    {
      name: 'a multi-byte body written one byte at a time',
      response: () => jsonRaw(GOOD, { splitEvery: 1 }),
      text: UNICODE,
    },
    {
      name: 'leading whitespace before the JSON',
      response: () => ({ type: 'json', body: JSON.parse(GOOD), leadingWhitespace: '\n\n  \n' }),
      text: UNICODE,
    },
    {
      name: 'a 300 ms stall mid-body',
      response: () => jsonRaw(GOOD, { splitAt: [40], pieceDelayMs: 300 }),
      text: UNICODE,
    },
    {
      name: 'unknown fields and unknown annotation / detail / image types',
      response: () => {
        const body = chatCompletionJson({ text: 'Known' }) as {
          choices: Array<{ message: Record<string, unknown> } & Record<string, unknown>>;
        } & Record<string, unknown>;
        body.future_top = { a: 1 };
        body.system_fingerprint = null;
        const choice = body.choices[0]!;
        choice.future_choice = [1];
        choice.message.audio = { transcript: 'x' };
        choice.message.annotations = [{ type: 'hologram_citation' }, null, 5];
        choice.message.reasoning_details = [{ type: 'reasoning.hologram', data: 'opaque' }, null];
        choice.message.images = [{ type: 'video_url', video_url: { url: 'x' } }];
        return { type: 'json', body };
      },
      text: 'Known',
    },
    {
      name: 'wrong field types inside the message are dropped, not fatal',
      response: () =>
        jsonRaw(
          JSON.stringify({
            id: 5,
            model: [],
            choices: [
              {
                message: { content: 'Fine', reasoning: 7, tool_calls: 'x', annotations: {} },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 'many', completion_tokens: 3, cost: null },
          }),
        ),
      text: 'Fine',
    },
    {
      name: 'the message is a string: tolerated as an empty answer',
      response: () =>
        jsonRaw(
          JSON.stringify({
            id: 'g',
            choices: [{ index: 0, message: 'str', finish_reason: 'stop' }],
          }),
        ),
      text: '',
    },
    {
      name: 'a tool call that has no function name is skipped with a warning; finish stays "stop"',
      response: () => {
        const body = chatCompletionJson({ text: 'Answer' }) as {
          choices: Array<{ message: Record<string, unknown> }>;
        };
        body.choices[0]!.message.tool_calls = [{ id: 'call_x', function: { arguments: '{}' } }];
        return { type: 'json', body };
      },
      text: 'Answer',
      check: (result) => {
        expect(result.toolCalls).toEqual([]);
        expect(result.finishReason).toBe('stop');
        expect(JSON.stringify(result.warnings)).toContain('without a function name');
      },
    },
    {
      name: '1 MB of tool arguments',
      response: () => {
        const body = chatCompletionJson({
          toolCalls: [{ id: 'call_big', name: 'lookup', arguments: BIG_ARGS }],
        });
        return { type: 'json', body };
      },
      text: '',
      check: (result) => {
        expect((result.toolCalls[0]!.input as { blob: string }).blob).toBe(BLOB);
      },
    },
  ];

  for (const c of tolerated) {
    it(`${c.name} -> tolerated`, async () => {
      ctx.emulator.enqueue(c.response());
      const result = await within(
        generateText({ model: ctx.model(), prompt: 'x', tools, maxRetries: 0 }),
        10_000,
        c.name,
      );
      expect(result.text).toBe(c.text);
      c.check?.(result);
    });
  }

  it('the connection reset mid-body is retried by maxRetries and then succeeds', async () => {
    // `retry-after-ms` keeps ai's backoff short; the error carries the response headers.
    const headers = { 'content-type': 'application/json', 'retry-after-ms': '10' };
    ctx.emulator.enqueue(jsonRaw(GOOD.slice(0, 80), { ending: 'reset', headers }), {
      type: 'json',
      body: JSON.parse(GOOD),
    });
    const result = await generateText({ model: ctx.model(), prompt: 'x', maxRetries: 1 });
    expect(result.text).toBe(UNICODE);
    expect(ctx.emulator.requests).toHaveLength(2);
  });
});

describe('the connection stays open after the answer', () => {
  it('[DONE] then nothing, connection held open: the stream still ends with finish', async () => {
    // BUG (src): [DONE] is OpenRouter's terminator, but OpenRouterChatStreamState only records it
    // and createOpenRouterPartStream keeps reading until the body ends, so a connection held
    // open after [DONE] (a proxy, a misbehaving upstream) leaves the call hanging without a
    // finish. Expected: finish at [DONE], and the body cancelled (the connection closed).
    ctx.emulator.enqueue(sse([...texts('Whole'), ...ending()], { ending: 'hang' }));
    const controller = new AbortController();
    const result = streamText({
      model: ctx.model(),
      prompt: 'x',
      abortSignal: controller.signal,
      onError: () => {},
    });
    const parts = await within(
      convertReadableStreamToArray(result.stream),
      2_000,
      'a stream held open after [DONE]',
    ).finally(() => controller.abort()); // do not leave a hanging call behind on failure
    expect(parts.at(-1)?.type).toBe('finish');
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(await result.text).toBe('Whole');
    expect(await result.finishReason).toBe('stop');
    const closed = await within(ctx.emulator.requests.at(-1)!.closed, 2_000, 'the connection');
    expect(closed).toEqual({ closedEarly: true });
  });

  it("finish and usage, then silence: the model's idle timeout does not turn it into an error", async () => {
    // Same cause as the reset-after-finish scenario (readError ignores a received finish
    // reason): a timeout after the complete answer reports a retryable error and finish 'error'.
    ctx.emulator.enqueue(sse([...texts('Whole'), finish(), usage()], { ending: 'hang' }));
    const timed = ctx.model(MODEL_ID, { timeout: { idleMs: 200 } });
    const result = streamText({ model: timed, prompt: 'x', onError: () => {} });
    const parts = await within(
      convertReadableStreamToArray(result.stream),
      3_000,
      'an idle stream after finish',
    );
    expect(parts.at(-1)?.type).toBe('finish');
    const errors = parts.flatMap((part) => (part.type === 'error' ? [String(part.error)] : []));
    expect(errors).toEqual([]);
    expect(await result.text).toBe('Whole');
    expect(await result.finishReason).toBe('stop');
  });
});

describe('what streamText retries', () => {
  // ai 7 retries every error part when `streamRetries` is set (it does not read `isRetryable`);
  // `onError` returning `{ retry }` lets the app decide from the typed error instead.
  const retryIfRetryable = ({ error }: { error: unknown }) => ({
    retry: APICallError.isInstance(error) && error.isRetryable,
  });

  /** streamText with prompt `x` and these retry settings, read to the end (within 10 s). */
  async function streamRetried(
    retry: Pick<Parameters<typeof streamText>[0], 'streamRetries' | 'onError'>,
  ) {
    const result = streamText({ model: ctx.model(), prompt: 'x', ...retry });
    const parts = await within(
      convertReadableStreamToArray(result.stream),
      10_000,
      'the retried stream',
    );
    return { result, parts };
  }

  it('streamRetries: a connection reset mid-stream is retried; the result is the 2nd attempt', async () => {
    ctx.emulator.enqueue(
      sse([...texts('Lost', ' half')], { ending: 'reset' }),
      sse([...texts('Second', ' attempt'), ...ending()]),
    );
    const { result, parts } = await streamRetried({ streamRetries: 1, onError: () => {} });
    expect(parts.at(-1)?.type).toBe('finish');
    expect(await result.text).toBe('Second attempt');
    expect(await result.finishReason).toBe('stop');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('streamRetries: a stream cut without [DONE] or finish is retried the same way', async () => {
    ctx.emulator.enqueue(sse([...texts('Cut')]), sse([...texts('Whole'), ...ending()]));
    const { result } = await streamRetried({ streamRetries: 1, onError: () => {} });
    expect(await result.text).toBe('Whole');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('streamRetries: a complete answer reset before [DONE] is not requested again', async () => {
    // BUG (src), same cause as the scenario above: the reset after the finish chunk becomes an
    // error part, so ai re-requests (and re-bills) an answer that had fully arrived.
    ctx.emulator.enqueue(
      sse([...texts('Complete'), finish(), usage()], { ending: 'reset' }),
      sse([...texts('Billed twice'), ...ending()]),
    );
    const { result } = await streamRetried({ streamRetries: 1, onError: () => {} });
    expect(await result.text).toBe('Complete');
    expect(ctx.emulator.requests).toHaveLength(1);
  });

  it('onError({ retry: isRetryable }): a reset is retried', async () => {
    ctx.emulator.enqueue(
      sse([...texts('Lost')], { ending: 'reset' }),
      sse([...texts('Retried'), ...ending()]),
    );
    const { result } = await streamRetried({ streamRetries: 0, onError: retryIfRetryable });
    expect(await result.text).toBe('Retried');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('onError({ retry: isRetryable }): a malformed event is not retried, the text is kept', async () => {
    ctx.emulator.enqueue(
      sse([...texts('Kept'), data('{oops'), ...ending()]),
      sse([...texts('unused'), ...ending()]),
    );
    const { result, parts } = await streamRetried({ streamRetries: 0, onError: retryIfRetryable });
    expect(parts.at(-1)?.type).toBe('finish');
    expect(await result.text).toBe('Kept');
    expect(ctx.emulator.requests).toHaveLength(1);
  });
});
