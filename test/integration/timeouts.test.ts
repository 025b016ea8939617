/**
 * The optional `timeout` model setting over real HTTP: a slow start or a stalled stream aborts
 * the request (the emulator sees the socket close) and surfaces as a retryable APICallError;
 * within the limits nothing changes, and the caller's own abort is still an abort.
 */
import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionStream, chatResponse, type EmulatorResponse } from '../../src/testing/index';
import { MODEL_ID, rejectionOf, requestAt, silenceAiWarnings, useEmulator } from './support';

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
    const model = ctx.model(MODEL_ID, { timeout: { firstByteMs: 100 } });
    const started = Date.now();
    const error = await rejectionOf(generateText({ model, prompt: 'hi', maxRetries: 0 }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('no response for 100 ms'),
    });
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });

  it('generateText: the AI SDK retries a timed-out call', async () => {
    ctx.emulator.enqueue(
      late(2_000, chatResponse({ text: 'too late', stream: false })),
      chatResponse({ text: 'second try', stream: false }),
    );
    const model = ctx.model(MODEL_ID, { timeout: 300 });
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
    const model = ctx.model(MODEL_ID, { timeout: { idleMs: 150 } });
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
    const model = ctx.model(MODEL_ID, {
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
    const model = ctx.model(MODEL_ID, { timeout: { idleMs: 5_000 } });
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

  it('rejects an invalid timeout value naming the setting', async () => {
    const model = ctx.model(MODEL_ID, { timeout: { firstByte: 10 } as never });
    const error = await rejectionOf(generateText({ model, prompt: 'hi' }));
    expect(error).toMatchObject({
      name: 'AI_InvalidArgumentError',
      message: expect.stringContaining('settings.timeout'),
    });
  });
});
