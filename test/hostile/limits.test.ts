/**
 * Bounded memory and honest failures, through `streamText` / `generateText` against hostile
 * servers on loopback:
 * - one stream event may hold at most `limits.maxEventBytes` (an endless line, an endless
 *   multi-line event, a compressed event), a body read whole at most `limits.maxResponseBytes`
 *   (an endless body, a decompression bomb). Beyond, the call ends with a non-retryable
 *   `APICallError` (an error part and `finish` for streams) and the connection is closed;
 * - a failure to process the stream (not the network) is not reported as a lost connection
 *   and is not retryable;
 * - deltas that arrive in one network read become one part, so a tool call streamed in
 *   thousands of one-byte pieces costs `streamText` a few parts, not thousands.
 * The same limits at their defaults, under a 256 MB heap with GBs on offer, are the memory load
 * test (`test/load/memory.ts`).
 */
import { gzipSync } from 'node:zlib';
import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, jsonSchema, streamText, type TextStreamPart, type ToolSet, tool } from 'ai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter, type OpenRouterProviderSettings } from '../../src/index';
import { MODEL_ID, rejectionOf, silenceAiWarnings, thrownBy } from '../integration/support';
import {
  type HostileHandler,
  type HostileServer,
  STREAM_END,
  startHostileServer,
  textEvent,
} from './hostile-server';

beforeAll(silenceAiWarnings);

const KB = 1024;
const MB = 1024 * KB;
/** What the hostile servers offer at most here: far beyond the limits under test. */
const OFFERED = 8 * MB;

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: HostileHandler): Promise<HostileServer> {
  server = await startHostileServer(handler);
  return server;
}

function modelOn(host: HostileServer, settings: OpenRouterProviderSettings = {}) {
  return createOpenRouter({ apiKey: 'sk-or-v1-limits', baseURL: host.baseURL, ...settings })(
    MODEL_ID,
  );
}

/** Writes `head`, then `piece` over and over until the client leaves or `OFFERED` is sent. */
const endless =
  (head: string, piece: string, headers: Record<string, string> = {}): HostileHandler =>
  async (_exchange, res, write) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', ...headers });
    if (!(await write(head))) return;
    const chunk = piece.repeat(Math.max(1, Math.floor((16 * KB) / piece.length)));
    for (let sent = 0; sent < OFFERED; sent += chunk.length) {
      if (!(await write(chunk))) return;
    }
    res.end();
  };

async function streamParts(model: ReturnType<typeof modelOn>) {
  const errors: unknown[] = [];
  const result = streamText({
    model,
    prompt: 'hi',
    onError: ({ error }) => void errors.push(error),
  });
  const parts: Array<TextStreamPart<ToolSet>> = await convertReadableStreamToArray(result.stream);
  return { parts, errors, text: await result.text, finishReason: await result.finishReason };
}

function expectLimitError(error: unknown, setting: string): APICallError {
  expect(APICallError.isInstance(error), String(error)).toBe(true);
  const apiError = error as APICallError;
  expect(apiError.isRetryable).toBe(false);
  expect(apiError.message).toContain(setting);
  return apiError;
}

describe('limits.maxEventBytes: one stream event is bounded', () => {
  it('an endless data line ends the stream with a non-retryable error and finish, and the connection closes', async () => {
    const host = await serve(endless(`${textEvent('Before. ')}data: {"choices":"`, 'a'));
    const run = await streamParts(modelOn(host, { limits: { maxEventBytes: 64 * KB } }));
    expect(run.errors).toHaveLength(1);
    expect(expectLimitError(run.errors[0], 'limits.maxEventBytes').message).toContain('64 KB');
    expect(run.text).toBe('Before. ');
    expect(run.parts.at(-1)?.type).toBe('finish');
    expect(run.finishReason).toBe('error');
    expect(await host.exchanges[0]?.closed).toEqual({ closedEarly: true });
    // Read far less than was offered: the download stopped at the limit.
    expect(host.exchanges[0]?.written).toBeLessThan(OFFERED);
  });

  it('so does an endless event of many data lines without the blank line that ends it', async () => {
    const host = await serve(endless(textEvent('Before. '), 'data: xxxxxxxxxxxxxxxx\n'));
    const run = await streamParts(modelOn(host, { limits: { maxEventBytes: 64 * KB } }));
    expect(run.errors).toHaveLength(1);
    expectLimitError(run.errors[0], 'limits.maxEventBytes');
    expect(run.text).toBe('Before. ');
    expect(await host.exchanges[0]?.closed).toEqual({ closedEarly: true });
  });

  it('counts decompressed bytes: a small gzip body holding a huge event', async () => {
    const bomb = gzipSync(`${textEvent('Zipped. ')}data: "${'a'.repeat(16 * MB)}`);
    expect(bomb.length).toBeLessThan(64 * KB);
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const run = await streamParts(modelOn(host, { limits: { maxEventBytes: 256 * KB } }));
    expect(run.errors).toHaveLength(1);
    expectLimitError(run.errors[0], 'limits.maxEventBytes');
    expect(run.text).toBe('Zipped. ');
  });

  it('events within the limit pass untouched', async () => {
    const big = 'b'.repeat(48 * KB);
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(textEvent(big) + STREAM_END);
    });
    const run = await streamParts(modelOn(host, { limits: { maxEventBytes: 64 * KB } }));
    expect(run.errors).toEqual([]);
    expect(run.text).toBe(big);
    expect(run.finishReason).toBe('stop');
  });
});

describe('limits.maxResponseBytes: a body read whole is bounded', () => {
  it('generateText: an endless body rejects with a non-retryable error, and the connection closes', async () => {
    const host = await serve(async (_exchange, res, write) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (!(await write('{"choices":[{"message":{"content":"'))) return;
      const chunk = 'x'.repeat(16 * KB);
      for (let sent = 0; sent < OFFERED; sent += chunk.length) {
        if (!(await write(chunk))) return;
      }
      res.end('"}}]}');
    });
    const model = modelOn(host, { limits: { maxResponseBytes: 256 * KB } });
    const error = await rejectionOf(generateText({ model, prompt: 'hi' }));
    expect(expectLimitError(error, 'limits.maxResponseBytes').message).toContain('256 KB');
    expect(host.exchanges).toHaveLength(1); // not retried
    expect(await host.exchanges[0]?.closed).toEqual({ closedEarly: true });
    expect(host.exchanges[0]?.written).toBeLessThan(OFFERED);
  });

  it('counts decompressed bytes: a gzip bomb (16 KB -> 16 MB) is stopped at the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * MB, ' '));
    expect(bomb.length).toBeLessThan(64 * KB);
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const model = modelOn(host, { limits: { maxResponseBytes: 1 * MB } });
    const error = await rejectionOf(generateText({ model, prompt: 'hi' }));
    expectLimitError(error, 'limits.maxResponseBytes');
  });

  it('an HTTP error body counts too (a 503 page that never ends is not retried forever)', async () => {
    const host = await serve(async (_exchange, res, write) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      const chunk = '<p>busy</p>'.repeat(1500);
      for (let sent = 0; sent < OFFERED; sent += chunk.length) {
        if (!(await write(chunk))) return;
      }
      res.end();
    });
    const model = modelOn(host, { limits: { maxResponseBytes: 128 * KB } });
    const error = await rejectionOf(generateText({ model, prompt: 'hi', maxRetries: 0 }));
    expectLimitError(error, 'limits.maxResponseBytes');
  });

  it('a declared Content-Length beyond the limit fails before the body is read', async () => {
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(OFFERED) });
      res.write('{"choices":'); // and then nothing: only the header could end this quickly
    });
    const model = modelOn(host, { limits: { maxResponseBytes: 1 * MB } });
    const error = await rejectionOf(generateText({ model, prompt: 'hi' }));
    expectLimitError(error, 'limits.maxResponseBytes');
    expect(await host.exchanges[0]?.closed).toEqual({ closedEarly: true });
  });

  it('the setting is checked where the provider is created', () => {
    for (const limits of [{ maxEventBytes: 0 }, { maxResponseBytes: 1.5 }, { maxEventsBytes: 1 }]) {
      const error = thrownBy(() => createOpenRouter({ limits: limits as never }));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(`limits.${Object.keys(limits)[0]}`);
    }
  });
});

describe('a stream that cannot be processed is not a lost connection', () => {
  it('an exception while turning events into parts: a non-retryable error naming it, the text kept', async () => {
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const citation = `data: ${JSON.stringify({
        id: 'gen-hostile',
        choices: [
          {
            index: 0,
            delta: {
              annotations: [
                { type: 'url_citation', url_citation: { url: 'https://example.com', title: 'x' } },
              ],
            },
          },
        ],
      })}\n\n`;
      res.end(textEvent('Kept. ') + citation + STREAM_END);
    });
    // The app's id generator fails (here with the RangeError a parser would throw).
    const model = createOpenRouter({
      apiKey: 'sk-or-v1-limits',
      baseURL: host.baseURL,
      generateId: () => {
        throw new RangeError('Invalid string length');
      },
    })(MODEL_ID);
    const run = await streamParts(model);
    expect(run.errors).toHaveLength(1);
    const error = run.errors[0] as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('RangeError: Invalid string length');
    expect(error.message).not.toMatch(/connection|retried/i);
    expect(run.text).toBe('Kept. ');
    expect(run.parts.at(-1)?.type).toBe('finish');
  });
});

describe('deltas are joined per network read', () => {
  it('a tool call streamed in 20,000 one-byte pieces reaches streamText as a few parts', async () => {
    const args = JSON.stringify({ blob: 'z'.repeat(20_000 - 11) });
    expect(args).toHaveLength(20_000);
    const events = [
      `data: ${JSON.stringify({
        id: 'gen-hostile',
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'lookup', arguments: '' },
                },
              ],
            },
          },
        ],
      })}\n\n`,
      ...Array.from(
        args,
        (byte) =>
          `data: ${JSON.stringify({
            choices: [
              { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: byte } }] } },
            ],
          })}\n\n`,
      ),
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })}\n\ndata: [DONE]\n\n`,
    ];
    const host = await serve((_exchange, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(events.join(''));
    });
    const started = performance.now();
    const result = streamText({
      model: modelOn(host),
      prompt: 'hi',
      tools: {
        lookup: tool({ description: 'Looks up.', inputSchema: jsonSchema({ type: 'object' }) }),
      },
    });
    const parts = await convertReadableStreamToArray(result.fullStream);
    const deltas = parts.filter((part) => part.type === 'tool-input-delta');
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.length).toBeLessThan(1_000);
    expect(deltas.map((part) => part.delta).join('')).toBe(args);
    const calls = await result.toolCalls;
    expect(calls.map((call) => call.input)).toEqual([JSON.parse(args)]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
