/**
 * Chunking invariance over real HTTP, and robustness to garbage lines (fast-check).
 *
 * - Random valid OpenRouter streams (text, reasoning with details of every kind, tool calls incl.
 *   parallel ones, usage in either placement, comments, LF or CRLF), written by the emulator in
 *   random pieces, give through the provider's `doStream` the parts of a single-chunk,
 *   in-memory parse of the same bytes: the same parts with the same content per block (the
 *   deltas of one block that arrive in one read are joined, so they are compared joined).
 * - Every single byte boundary of a short multi-byte stream, one HTTP request per boundary.
 * - Random garbage lines interleaved with a valid stream (comments, unknown SSE fields, non-JSON
 *   and non-object events, wrongly shaped objects): the stream still ends with one `finish`,
 *   every valid text fragment is kept, and only unusable events yield (typed) error parts.
 */
import { InvalidResponseDataError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertReadableStreamToArray, mockId } from '@ai-sdk/provider-utils/test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SseEvent, serializeSse } from '../../src/testing/index';
import { chunk, joinDeltas, runStream } from '../helpers/run-stream';
import { emulatorProvider, MODEL_ID, useEmulator } from '../integration/support';

const ctx = useEmulator();

const PROMPT = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hello' }] }];

/** The provider's parts for one scripted response over HTTP, with deterministic ids. */
async function overHttp(
  events: SseEvent[],
  options: {
    lineEnding?: '\n' | '\r\n';
    splitAt?: number[];
    splitEvery?: number;
    rawBody?: string;
  },
): Promise<LanguageModelV4StreamPart[]> {
  if (options.rawBody !== undefined) {
    ctx.emulator.enqueue({
      type: 'raw',
      headers: { 'content-type': 'text/event-stream' },
      body: options.rawBody,
      splitAt: options.splitAt,
      splitEvery: options.splitEvery,
    });
  } else {
    ctx.emulator.enqueue({ type: 'sse', events, ...options });
  }
  const model = emulatorProvider(ctx.emulator, { generateId: mockId() })(MODEL_ID);
  const { stream } = await model.doStream({ prompt: PROMPT });
  return convertReadableStreamToArray(stream);
}

// ---------------------------------------------------------------------------------------------
// Random valid streams
// ---------------------------------------------------------------------------------------------

const fragment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 });
const fragments = (max: number) => fc.array(fragment, { maxLength: max });

/** `text` cut at the given offsets (empty pieces dropped). */
function cutText(text: string, offsets: number[]): string[] {
  const cuts = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const at of [...cuts, text.length]) {
    if (at > start) pieces.push(text.slice(start, at));
    start = Math.max(start, at);
  }
  return pieces;
}

/**
 * Tool arguments: either a JSON object (with braces, quotes and escapes in its strings) cut into
 * random fragments, which completes exactly at its last fragment, or text that does not start
 * an object, which only the finish completes.
 */
const toolArgumentsArb = fc.oneof(
  fc
    .tuple(
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      fc.array(fc.nat(), { maxLength: 5 }),
    )
    .map(([object, offsets]) => cutText(JSON.stringify(object), offsets)),
  fragments(4).filter((pieces) => !pieces.join('').trimStart().startsWith('{')),
);

const reasoningArb = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('text' as const),
    pieces: fragments(4),
    signature: fc.option(fc.base64String({ minLength: 4, maxLength: 24 }), { nil: undefined }),
    lateSignature: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('plain' as const), pieces: fragments(4) }),
  fc.record({
    kind: fc.constant('summary' as const),
    sections: fc.array(fragments(3), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('encrypted' as const),
    data: fc.base64String({ minLength: 4, maxLength: 40 }),
    withText: fragments(2),
  }),
);

const streamArb = fc.record({
  comments: fc.nat({ max: 3 }),
  roleChunk: fc.boolean(),
  reasoning: reasoningArb,
  text: fragments(6),
  toolCalls: fc.array(
    fc.record({
      name: fc.constantFrom('getWeather', 'search', 'convert'),
      args: toolArgumentsArb,
    }),
    { maxLength: 3 },
  ),
  parallel: fc.constantFrom('sequential', 'interleaved', 'batched'),
  usage: fc.constantFrom('separate', 'on-finish', 'none'),
  done: fc.boolean(),
  interleavedComments: fc.array(fc.nat({ max: 60 }), { maxLength: 4 }),
  lineEnding: fc.constantFrom('\n' as const, '\r\n' as const),
});

type StreamScript = typeof streamArb extends fc.Arbitrary<infer T> ? T : never;

function buildEvents(script: StreamScript): SseEvent[] {
  const events: SseEvent[] = [];
  const push = (delta: Record<string, unknown>, extra?: Record<string, unknown>) =>
    events.push({ data: chunk({ role: 'assistant', ...delta }, extra) });
  for (let i = 0; i < script.comments; i++) events.push({ comment: 'OPENROUTER PROCESSING' });
  if (script.roleChunk) push({ content: '' });

  const r = script.reasoning;
  let lateSignature: Record<string, unknown> | undefined;
  if (r.kind === 'text') {
    for (const piece of r.pieces) {
      push({
        reasoning: piece,
        reasoning_details: [{ type: 'reasoning.text', text: piece, format: 'unknown', index: 0 }],
      });
    }
    if (r.signature !== undefined) {
      const signature = {
        reasoning_details: [
          {
            type: 'reasoning.text',
            signature: r.signature,
            format: 'anthropic-claude-v1',
            index: 0,
          },
        ],
      };
      if (r.lateSignature) lateSignature = signature;
      else push(signature);
    }
  } else if (r.kind === 'plain') {
    for (const piece of r.pieces) push({ reasoning: piece });
  } else if (r.kind === 'summary') {
    r.sections.forEach((section, index) => {
      for (const piece of section) {
        push({
          reasoning: piece,
          reasoning_details: [
            { type: 'reasoning.summary', summary: piece, format: 'openai-responses-v1', index },
          ],
        });
      }
    });
  } else if (r.kind === 'encrypted') {
    for (const piece of r.withText) push({ reasoning: piece });
    push({
      reasoning_details: [
        { type: 'reasoning.encrypted', data: r.data, format: 'openai-responses-v1', index: 0 },
      ],
    });
  }

  for (const piece of script.text) push({ content: piece });
  if (lateSignature) push(lateSignature);

  const calls = script.toolCalls.map((call, index) => ({
    head: {
      index,
      id: `call_${index}`,
      type: 'function',
      function: { name: call.name, arguments: '' },
    },
    deltas: call.args.map((args) => ({ index, function: { arguments: args } })),
  }));
  if (script.parallel === 'sequential') {
    for (const call of calls) {
      push({ content: null, tool_calls: [call.head] });
      for (const delta of call.deltas) push({ content: null, tool_calls: [delta] });
    }
  } else {
    if (script.parallel === 'batched' && calls.length > 0) {
      push({ content: null, tool_calls: calls.map((call) => call.head) });
    } else {
      for (const call of calls) push({ content: null, tool_calls: [call.head] });
    }
    // Round-robin the argument deltas of all calls.
    const longest = Math.max(0, ...calls.map((call) => call.deltas.length));
    for (let i = 0; i < longest; i++) {
      for (const call of calls) {
        const delta = call.deltas[i];
        if (delta) push({ content: null, tool_calls: [delta] });
      }
    }
  }

  const usage = { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18, cost: 0.00012 };
  const finishReason = calls.length > 0 ? 'tool_calls' : 'stop';
  events.push({
    data: chunk({ content: '' }, script.usage === 'on-finish' ? { usage } : {}, {
      finish_reason: finishReason,
    }),
  });
  if (script.usage === 'separate') events.push({ data: chunk(undefined, { usage }) });
  if (script.done) events.push({ done: true });

  for (const at of script.interleavedComments) {
    events.splice(Math.min(at, events.length), 0, { comment: 'OPENROUTER PROCESSING' });
  }
  return events;
}

describe('chunking invariance over HTTP (property)', () => {
  it('random valid streams in random pieces give the single-chunk parts (deltas joined)', async () => {
    await fc.assert(
      fc.asyncProperty(
        streamArb,
        fc.oneof(
          fc.record({ splitAt: fc.array(fc.nat({ max: 4000 }), { maxLength: 40 }) }),
          fc.record({ splitEvery: fc.integer({ min: 1, max: 64 }) }),
        ),
        async (script, split) => {
          const events = buildEvents(script);
          const body = serializeSse(events, script.lineEnding);
          const single = await runStream(body);
          const http = await overHttp(events, { lineEnding: script.lineEnding, ...split });
          expect(joinDeltas(http)).toEqual(single);
          expect(http.at(-1)?.type).toBe('finish');
          expect(http.filter((part) => part.type === 'error')).toEqual([]);
          // What was sent is what came out.
          const textOut = http.map((part) => (part.type === 'text-delta' ? part.delta : ''));
          expect(textOut.join('')).toBe(script.text.join(''));
          // Calls are passed on as they complete, so compare them by id.
          const calls = http.flatMap((part) =>
            part.type === 'tool-call' ? [[part.toolCallId, part.input] as const] : [],
          );
          expect(new Map(calls)).toEqual(
            new Map(
              script.toolCalls.map((call, index) => [
                `call_${index}`,
                call.args.join('').trim() === '' ? '{}' : call.args.join(''),
              ]),
            ),
          );
          expect(calls).toHaveLength(script.toolCalls.length);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a short multi-byte stream survives a read boundary at every single byte (HTTP)', async () => {
    const events: SseEvent[] = [
      { comment: 'OPENROUTER PROCESSING' },
      {
        data: {
          id: 'g',
          choices: [
            {
              index: 0,
              delta: {
                reasoning: 'é😀',
                reasoning_details: [{ type: 'reasoning.text', text: 'é😀', index: 0 }],
              },
            },
          ],
        },
      },
      { data: { choices: [{ index: 0, delta: { content: '漢字👩‍👩‍👧' } }] } },
      { data: { choices: [{ index: 0, delta: { content: ' e\u0301🇫🇷' } }] } },
      {
        data: {
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"q":"∑' } }],
              },
            },
          ],
        },
      },
      {
        data: {
          choices: [
            { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"}' } }] } },
          ],
        },
      },
      {
        data: {
          choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        },
      },
      { done: true },
    ];
    for (const lineEnding of ['\n', '\r\n'] as const) {
      const body = serializeSse(events, lineEnding);
      const single = await runStream(body);
      expect(single.at(-1)?.type).toBe('finish');
      const bytes = new TextEncoder().encode(body);
      const length = bytes.length;
      // LF: every boundary. CRLF: every boundary next to a line break (CR | LF included), and a
      // sample of one in eight elsewhere, to keep the suite fast.
      const isBreak = (at: number) => bytes[at] === 13 || bytes[at] === 10;
      const offsets = Array.from({ length: length - 1 }, (_, i) => i + 1).filter(
        (at) => lineEnding === '\n' || at % 8 === 0 || isBreak(at) || isBreak(at - 1),
      );
      expect(offsets.length).toBeGreaterThan(lineEnding === '\n' ? 500 : 100);
      for (const at of offsets) {
        const parts = joinDeltas(await overHttp(events, { lineEnding, splitAt: [at] }));
        if (JSON.stringify(parts) !== JSON.stringify(single)) {
          expect(parts, `split at byte ${at} of ${length} (${JSON.stringify(lineEnding)})`).toEqual(
            single,
          );
        }
      }
      // And every byte in its own write.
      expect(joinDeltas(await overHttp(events, { lineEnding, splitEvery: 1 }))).toEqual(single);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Garbage lines interleaved with a valid stream
// ---------------------------------------------------------------------------------------------

const lineText = fc.string({ maxLength: 30 }).map((text) => text.replace(/[\r\n]/g, ' '));
const fieldName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/).filter((name) => name !== 'data');

/** A garbage line that is not a `data:` field: harmless anywhere, even inside an event. */
const harmlessLine = fc.oneof(
  lineText.map((text) => `:${text}`),
  fc.tuple(fieldName, lineText).map(([name, value]) => `${name}: ${value}`),
  fieldName,
  fc.constantFrom('event: error', 'id: 99', 'retry: 10', 'retry: soon', 'event:'),
);

const wrongShape = fc.constantFrom(
  '{}',
  '{"choices":"x"}',
  '{"choices":[null]}',
  '{"choices":[{"delta":"str"}]}',
  '{"choices":[{"delta":{"content":42}}]}',
  '{"choices":[{"delta":{"tool_calls":"x"}}]}',
  '{"usage":"lots","choices":[]}',
  '{"x_future":{"nested":[1,2,3]}}',
);
const notAnObject = fc.oneof(
  fc.constantFrom('42', '[]', 'null', 'true', '"text"', '[1,{"a":2}]'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const notJson = fc.oneof(
  fc.constantFrom('{"choices":[', '{oops}', 'undefined', 'NaN', '{"a":1}{"b":2}', ''),
  lineText.filter((text) => {
    if (text.trim() === '[DONE]') return false;
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** A whole garbage event, with whether it should produce an error part. */
const garbageEvent = fc.oneof(
  harmlessLine.map((line) => ({ text: `${line}\n\n`, error: false })),
  wrongShape.map((payload) => ({ text: `data: ${payload}\n\n`, error: false })),
  notAnObject.map((payload) => ({ text: `data: ${payload}\n\n`, error: true })),
  notJson.map((payload) => ({ text: `data: ${payload}\n\n`, error: true })),
);

const garbageArb = fc.record({
  text: fc.array(fragment, { minLength: 1, maxLength: 8 }),
  /** [position among the valid events, garbage event] */
  between: fc.array(fc.tuple(fc.nat({ max: 12 }), garbageEvent), { minLength: 1, maxLength: 8 }),
  /** [valid event index, harmless line inserted inside it, before its data line or after] */
  inside: fc.array(fc.tuple(fc.nat({ max: 12 }), harmlessLine, fc.boolean()), { maxLength: 4 }),
  done: fc.boolean(),
  crlf: fc.boolean(),
});

type GarbageScript = typeof garbageArb extends fc.Arbitrary<infer T> ? T : never;

function garbageBody(script: GarbageScript): { body: string; errors: number } {
  const valid = [
    ...script.text.map((piece) => chunk({ content: piece })),
    chunk({ content: '' }, {}, { finish_reason: 'stop' }),
    chunk(undefined, { usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }),
  ].map((value) => `data: ${JSON.stringify(value)}\n`);
  const events = valid.map((line) => ({ lines: [line], garbageBefore: [] as string[] }));
  for (const [at, line, before] of script.inside) {
    const event = events[at % events.length]!;
    if (before) event.lines.unshift(`${line}\n`);
    else event.lines.push(`${line}\n`);
  }
  let errors = 0;
  const tail: string[] = [];
  for (const [at, garbage] of script.between) {
    if (garbage.error) errors++;
    if (at >= events.length) tail.push(garbage.text);
    else events[at]!.garbageBefore.push(garbage.text);
  }
  let body = '';
  for (const event of events) body += `${event.garbageBefore.join('')}${event.lines.join('')}\n`;
  body += tail.join('');
  if (script.done) body += 'data: [DONE]\n\n';
  return { body: script.crlf ? body.replace(/\n/g, '\r\n') : body, errors };
}

function checkGarbageRun(
  parts: LanguageModelV4StreamPart[],
  script: GarbageScript,
  errors: number,
) {
  expect(parts[0]?.type).toBe('stream-start');
  expect(parts.at(-1)?.type).toBe('finish');
  expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
  expect(text).toBe(script.text.join(''));
  const errorParts = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
  expect(errorParts).toHaveLength(errors);
  for (const error of errorParts) expect(InvalidResponseDataError.isInstance(error)).toBe(true);
  const finish = parts.at(-1);
  expect(finish?.type === 'finish' && finish.finishReason.unified).toBe(
    errors > 0 ? 'error' : 'stop',
  );
  expect(finish?.type === 'finish' && finish.usage.outputTokens.total).toBe(4);
}

describe('garbage lines interleaved with a valid stream (property)', () => {
  it('pipeline level: ends with finish, keeps every valid fragment, types every error', async () => {
    await fc.assert(
      fc.asyncProperty(
        garbageArb,
        fc.array(fc.nat({ max: 3000 }), { maxLength: 20 }),
        async (script, splitAt) => {
          const { body, errors } = garbageBody(script);
          checkGarbageRun(await runStream(body, { splitAt }), script, errors);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('over HTTP, in random pieces', async () => {
    await fc.assert(
      fc.asyncProperty(garbageArb, fc.integer({ min: 1, max: 40 }), async (script, splitEvery) => {
        const { body, errors } = garbageBody(script);
        checkGarbageRun(await overHttp([], { rawBody: body, splitEvery }), script, errors);
      }),
      { numRuns: 40 },
    );
  });
});
