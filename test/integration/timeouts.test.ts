/**
 * The optional `timeout` model setting over real HTTP: a slow start or a stalled stream aborts
 * the request (the emulator sees the socket close) and surfaces as a retryable APICallError;
 * within the limits nothing changes, and the caller's own abort is still an abort. The idle
 * limit measures the network only (a slow reader does not trip it, a trickling body keeps it
 * alive), `totalMs` bounds the whole call, and aborts and timeouts reach a call that waits for
 * the capability-check catalog.
 */
import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletionJson,
  chatCompletionStream,
  chatResponse,
  type EmulatorResponse,
  type RecordedRequest,
} from '../../src/testing/index';
import {
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  thrownBy,
  useEmulator,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers after `ms`: the response headers arrive late. */
const late = (ms: number, response: EmulatorResponse) => async (): Promise<EmulatorResponse> => {
  await sleep(ms);
  return response;
};

describe('timeout setting', () => {
  it('generateText: no response within firstByteMs is a retryable APICallError, and the socket closes', async () => {
    ctx.emulator.setHandler(late(2_000, chatResponse({ text: 'too late', stream: false })));
    // Long enough for a cold first fetch to reach the server on a busy machine.
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { firstByteMs: 400 } });
    const started = Date.now();
    const error = await rejectionOf(generateText({ model, prompt: 'hi', maxRetries: 0 }));
    expect(Date.now() - started).toBeLessThan(1_800);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('no response for 400 ms'),
    });
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });

  it('generateText: the AI SDK retries a timed-out call', async () => {
    ctx.emulator.enqueue(
      late(2_000, chatResponse({ text: 'too late', stream: false })),
      chatResponse({ text: 'second try', stream: false }),
    );
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: 300 });
    const result = await generateText({ model, prompt: 'hi', maxRetries: 1 });
    expect(result.text).toBe('second try');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('streamText: a stall longer than idleMs ends the stream with the error, keeping the text', async () => {
    const events = chatCompletionStream({ text: ['Hello', ' world'] });
    // Stall after the first text delta (comments + role chunk + "Hello" come first).
    const firstText = events.findIndex(
      (event) => 'data' in event && JSON.stringify(event.data).includes('Hello'),
    );
    events.splice(firstText + 1, 0, { delayMs: 2_000 });
    ctx.emulator.enqueue({ type: 'sse', events });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { idleMs: 150 } });
    const errors: unknown[] = [];
    const result = streamText({
      model,
      prompt: 'hi',
      onError: ({ error }) => void errors.push(error),
    });
    const parts: string[] = [];
    for await (const part of result.stream) parts.push(part.type);
    expect(await result.text).toBe('Hello');
    expect(parts.at(-1)).toBe('finish');
    expect(await result.finishReason).toBe('error');
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect(errors[0]).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('no further data for 150 ms'),
    });
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });

  it('paced streams within the limits are untouched', async () => {
    const events = chatCompletionStream({ text: ['a', 'b', 'c'] });
    const paced = events.flatMap((event) => [event, { delayMs: 30 }]);
    ctx.emulator.enqueue({ type: 'sse', events: paced });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, {
      timeout: { firstByteMs: 1_000, idleMs: 500 },
    });
    const result = streamText({ model, prompt: 'hi' });
    expect(await result.text).toBe('abc');
    expect(await result.finishReason).toBe('stop');
  });

  it("the caller's abort stays an abort, not a timeout", async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: chatCompletionStream({ text: 'x', done: false }),
      ending: 'hang',
    });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { idleMs: 5_000 } });
    const controller = new AbortController();
    const errors: unknown[] = [];
    let aborted = false;
    const result = streamText({
      model,
      prompt: 'hi',
      abortSignal: controller.signal,
      onError: ({ error }) => void errors.push(error),
      onAbort: () => {
        aborted = true;
      },
    });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await result.consumeStream();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(aborted).toBe(true);
    expect(errors.filter((error) => APICallError.isInstance(error))).toEqual([]);
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });

  it('rejects an invalid timeout value naming the setting, where the model is created', () => {
    const create = () =>
      emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { firstByte: 10 } as never });
    expect(thrownBy(create)).toMatchObject({
      name: 'AI_InvalidArgumentError',
      message: expect.stringContaining('settings.timeout'),
    });
  });
});

describe('timeouts measure the server', () => {
  it('idleMs pauses while the consumer is not reading: a fast server and a slow reader lose nothing', async () => {
    // 2,000 events sent at once; the app pauses twice as long as idleMs before reading on.
    const pieces = Array.from({ length: 2_000 }, (_, i) => `w${i} `);
    ctx.emulator.enqueue(chatResponse({ text: pieces, stream: true }));
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { idleMs: 300 } });
    const errors: unknown[] = [];
    const result = streamText({
      model,
      prompt: 'hi',
      onError: ({ error }) => void errors.push(error),
    });
    let paused = false;
    for await (const part of result.stream) {
      if (part.type === 'text-delta' && !paused) {
        paused = true;
        await sleep(700);
      }
    }
    expect(errors).toEqual([]);
    expect(await result.text).toBe(pieces.join(''));
    expect(await result.finishReason).toBe('stop');
  });

  it('idleMs on a non-streamed call restarts with every body byte: a trickling body is read whole', async () => {
    const body = JSON.stringify(chatCompletionJson({ text: 'slow but steady' }));
    // Keep-alive whitespace every 100 ms for 1.2 s, then the JSON: 12 waits, each below idleMs.
    const whitespace = ' '.repeat(12);
    ctx.emulator.enqueue({
      type: 'raw',
      headers: { 'content-type': 'application/json' },
      body: whitespace + body,
      splitAt: Array.from({ length: 12 }, (_, i) => i + 1),
      pieceDelayMs: 100,
    });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { idleMs: 400 } });
    const result = await generateText({ model, prompt: 'hi', maxRetries: 0 });
    expect(result.text).toBe('slow but steady');
  });

  it('control: a non-streamed body that stalls longer than idleMs is still aborted', async () => {
    const body = JSON.stringify(chatCompletionJson({ text: 'too slow' }));
    ctx.emulator.enqueue({
      type: 'raw',
      headers: { 'content-type': 'application/json' },
      body,
      splitAt: [5],
      pieceDelayMs: 1_500,
    });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: { idleMs: 300 } });
    const error = await rejectionOf(generateText({ model, prompt: 'hi', maxRetries: 0 }));
    expect(error).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('no further data for 300 ms'),
    });
  });

  it('totalMs bounds the whole call, body included, and is not retried', async () => {
    const events = chatCompletionStream({ text: ['a', 'b', 'c', 'd', 'e'] });
    ctx.emulator.enqueue({
      type: 'sse',
      events: events.flatMap((event) => [event, { delayMs: 150 }]),
    });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID, {
      timeout: { idleMs: 1_000, totalMs: 500 },
    });
    const errors: unknown[] = [];
    const result = streamText({
      model,
      prompt: 'hi',
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      isRetryable: false,
      message: expect.stringContaining('did not complete within 500 ms'),
    });
    expect((errors[0] as Error).message).not.toContain('can be retried');
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });

  it('a timeout beyond what a timer can wait (2^31 ms) is refused where it is configured', async () => {
    const tooLong = 2 ** 31;
    expect(
      thrownBy(() => emulatorProvider(ctx.emulator)(MODEL_ID, { timeout: tooLong })),
    ).toMatchObject({
      name: 'AI_InvalidArgumentError',
      message: expect.stringContaining('beyond the longest delay'),
    });
    const model = emulatorProvider(ctx.emulator)(MODEL_ID);
    const error = await rejectionOf(
      generateText({
        model,
        prompt: 'hi',
        providerOptions: { openrouter: { timeout: { idleMs: tooLong } } },
      }),
    );
    expect(error).toMatchObject({
      name: 'AI_InvalidArgumentError',
      message: expect.stringContaining('providerOptions.openrouter.timeout'),
    });
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('aborts and timeouts reach a call that waits for the model catalog (capabilityChecks)', () => {
  /** The catalog never answers (until the client goes away); chat answers at once. */
  function stalledCatalog() {
    const catalogRequests: RecordedRequest[] = [];
    ctx.emulator.setHandler(async (request) => {
      if (request.path !== '/models') return chatResponse({ text: 'answered', stream: false });
      catalogRequests.push(request);
      await Promise.race([request.closed, sleep(10_000)]);
      return { type: 'json', body: { data: [] } };
    });
    return catalogRequests;
  }

  it('an abort ends the call at once, also with a signal that is already aborted', async () => {
    const catalogRequests = stalledCatalog();
    const openrouter = emulatorProvider(ctx.emulator, { capabilityChecks: true });
    let started = Date.now();
    const error = await rejectionOf(
      generateText({
        model: openrouter(MODEL_ID),
        prompt: 'hi',
        abortSignal: AbortSignal.timeout(200),
      }),
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((error as Error).name).toMatch(/AbortError|TimeoutError/);
    started = Date.now();
    const controller = new AbortController();
    controller.abort();
    await rejectionOf(
      generateText({ model: openrouter(MODEL_ID), prompt: 'hi', abortSignal: controller.signal }),
    );
    expect(Date.now() - started).toBeLessThan(500);
    expect(catalogRequests.length).toBeLessThanOrEqual(1);
    expect(ctx.emulator.requests.filter((r) => r.path === '/chat/completions')).toHaveLength(0);
  });

  it("the model's totalMs covers the catalog wait", async () => {
    stalledCatalog();
    const openrouter = emulatorProvider(ctx.emulator, { capabilityChecks: true });
    const model = openrouter(MODEL_ID, { timeout: { totalMs: 300 } });
    const started = Date.now();
    const error = await rejectionOf(generateText({ model, prompt: 'hi', maxRetries: 0 }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: expect.stringContaining('within 300 ms') });
  });

  it('a catalog slower than catalogTimeoutMs is given up with a warning, and the call goes ahead', async () => {
    const catalogRequests = stalledCatalog();
    const openrouter = emulatorProvider(ctx.emulator, {
      capabilityChecks: { catalogTimeoutMs: 300 },
    });
    const started = Date.now();
    const result = await generateText({ model: openrouter(MODEL_ID), prompt: 'hi' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.text).toBe('answered');
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('did not load within 300 ms') },
    ]);
    // The catalog request itself was aborted, not left hanging.
    expect(await catalogRequests[0]?.closed).toEqual({ closedEarly: true });
  });
});
