/**
 * `npm run bench`: per-chunk cost of the stream pipeline against the raw-parse floor, measured
 * in the same run and interleaved, reported as ratios (absolute times on shared machines are
 * noise). In memory, no HTTP: this isolates the provider's own work.
 */
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createParser } from 'eventsource-parser';
import { OpenRouterChatStreamState } from '../src/chat/openrouter-chat-stream-state';
import { createOpenRouterPartStream } from '../src/chat/openrouter-event-stream';
import { chatCompletionStream, serializeSse } from '../src/testing/index';

const CHUNKS = 20_000;
const ROUNDS = 7;

const transcript = serializeSse(
  chatCompletionStream({
    text: Array.from({ length: CHUNKS }, (_, index) => `token${index} `),
    processingComments: 2,
  }),
);
const bytes = new TextEncoder().encode(transcript);
// Deliver the body in network-sized pieces, as a socket would.
const pieces: Uint8Array[] = [];
for (let offset = 0; offset < bytes.length; offset += 16_384) {
  pieces.push(bytes.subarray(offset, offset + 16_384));
}

function body(): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const piece = pieces[index++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

/** The floor: read, decode, split SSE events and JSON.parse each one. */
async function floor(): Promise<string> {
  const reader = body().getReader();
  const decoder = new TextDecoder();
  let text = '';
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') return;
      const chunk = JSON.parse(event.data) as { choices: Array<{ delta?: { content?: string } }> };
      text += chunk.choices[0]?.delta?.content ?? '';
    },
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return text;
}

/** This package's pipeline: bytes -> SSE -> state machine -> V4 parts. */
async function provider(): Promise<string> {
  let next = 0;
  const generateId = () => `id-${next++}`;
  const stream = createOpenRouterPartStream({
    body: body(),
    abortSignal: undefined,
    createState: (emit: (part: LanguageModelV4StreamPart) => void) =>
      new OpenRouterChatStreamState({
        emit,
        warnings: [],
        prompt: [],
        tools: undefined,
        generateId,
        includeRawChunks: false,
        request: { url: 'bench', requestBodyValues: {}, responseHeaders: {} },
      }),
  });
  const reader = stream.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'text-delta') text += value.delta;
  }
  return text;
}

async function time(run: () => Promise<string>): Promise<{ ms: number; text: string }> {
  const start = performance.now();
  const text = await run();
  return { ms: performance.now() - start, text };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const floorTimes: number[] = [];
const providerTimes: number[] = [];
await floor();
await provider(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  const a = await time(floor);
  const b = await time(provider);
  if (a.text !== b.text) throw new Error('The provider produced different text than the floor.');
  floorTimes.push(a.ms);
  providerTimes.push(b.ms);
}

const floorPerChunk = (median(floorTimes) * 1000) / CHUNKS;
const providerPerChunk = (median(providerTimes) * 1000) / CHUNKS;
console.log(`text stream, ${CHUNKS} chunks, median of ${ROUNDS} interleaved rounds`);
console.table({
  'floor (parse + JSON.parse)': { 'µs/chunk': floorPerChunk.toFixed(2), ratio: '1.00' },
  'doStream pipeline': {
    'µs/chunk': providerPerChunk.toFixed(2),
    ratio: (providerPerChunk / floorPerChunk).toFixed(2),
  },
});
