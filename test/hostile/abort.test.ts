/**
 * Abort at any moment, over real HTTP (emulator): before the response headers arrive, mid-stream
 * after N parts, during a stall, while the consumer is not reading, after the end, with an
 * already-aborted signal, and through `ai`'s own `timeout`. For each: `streamText` /
 * `generateText` end promptly (well under a second), the emulator sees the socket close early,
 * and nothing leaks: no unhandled rejections, no abort listeners left on the caller's signal (once
 * undici's per-Request listener is collected: it is removed by a FinalizationRegistry), and no
 * growth of active handles.
 */
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isAbortError } from '@ai-sdk/provider-utils';
import { generateText, streamText, type TextStreamPart, type ToolSet } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletionJson,
  chatCompletionStream,
  type EmulatorResponse,
  type OpenRouterEmulator,
  type RecordedRequest,
  type SseEvent,
  startOpenRouterEmulator,
} from '../../src/testing/index';
import {
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  silenceAiWarnings,
  useEmulator,
} from '../integration/support';

const ctx = useEmulator();

/** The budget from `abort()` to the end of the call. */
const PROMPT_MS = 500;

// ---------------------------------------------------------------------------------------------
// Leak instruments
// ---------------------------------------------------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => {
  unhandled.push(reason);
};
beforeAll(() => {
  silenceAiWarnings();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  // Rejections are reported after the microtask queue drains: give them a few turns.
  await settle(50);
  expect(unhandled, 'unhandled rejections').toEqual([]);
  unhandled.length = 0;
});

function settle(ms = 10): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    await settle(5);
  }
}

type Origin = 'undici' | 'other';

/**
 * An AbortController whose signal records every abort listener added and removed (with where it
 * was added from), next to Node's own view (`getEventListeners`).
 */
function instrumentedController() {
  const controller = new AbortController();
  const signal = controller.signal;
  const live = new Map<unknown, Origin>();
  let added = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    if (type === 'abort' && listener) {
      added++;
      const stack = new Error().stack ?? '';
      live.set(listener, stack.includes('undici') ? 'undici' : 'other');
    }
    return add(type, listener, options as AddEventListenerOptions);
  }) as AbortSignal['addEventListener'];
  signal.removeEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    if (type === 'abort') live.delete(listener);
    return remove(type, listener, options as EventListenerOptions);
  }) as AbortSignal['removeEventListener'];
  return {
    controller,
    signal,
    get added() {
      return added;
    },
    /** Listeners still registered, by origin, as far as add/remove calls tell. */
    live(origin: Origin): number {
      return [...live.values()].filter((value) => value === origin).length;
    },
    /** Node's count: the truth, including `once` listeners dropped when the signal fired. */
    registered(): number {
      return getEventListeners(signal, 'abort').length;
    },
  };
}

/** A multiset of `process.getActiveResourcesInfo()`. */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function growth(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, count] of after) {
    const delta = count - (before.get(name) ?? 0);
    if (delta > 0) out[name] = delta;
  }
  return out;
}

async function waitForNoGrowth(before: Map<string, number>, ms: number) {
  const deadline = Date.now() + ms;
  let extra = growth(before, resources());
  while (Object.keys(extra).length > 0 && Date.now() < deadline) {
    await settle(20);
    extra = growth(before, resources());
  }
  return extra;
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

const TEXT_PIECES = ['One', ' two', ' three', ' four', ' five', ' six', ' seven', ' eight'];

/** Text pieces, then the server keeps the connection open without sending anything. */
const hanging = (): EmulatorResponse => ({
  type: 'sse',
  events: chatCompletionStream({ text: TEXT_PIECES, finishReason: null, usage: null, done: false }),
  ending: 'hang',
});

/** Text pieces, a 10 s stall, then the rest of the answer. */
const stalling = (): EmulatorResponse => {
  const head = chatCompletionStream({
    text: ['Before', ' the stall'],
    finishReason: null,
    done: false,
  });
  const tail = chatCompletionStream({ text: [' after'], processingComments: 0, roleChunk: false });
  const events: SseEvent[] = [...head, { delayMs: 10_000 }, ...tail];
  return { type: 'sse', events };
};

/** A handler that holds the response headers until the client goes away (or 10 s). */
function holdHeaders(onArrival: (request: RecordedRequest) => void) {
  return async (request: RecordedRequest): Promise<EmulatorResponse> => {
    onArrival(request);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      request.closed,
      new Promise((resolve) => {
        timer = setTimeout(resolve, 10_000);
      }),
    ]);
    clearTimeout(timer);
    return { type: 'sse', events: chatCompletionStream({ text: 'too late' }) };
  };
}

interface StreamRun {
  parts: Array<TextStreamPart<ToolSet>>;
  /** ms from `abort()` to the end of the stream. */
  afterAbortMs: number;
  aborts: number;
}

/**
 * Runs `streamText` on the emulator's next response and aborts when `abortWhen` says so (after
 * every part) or when `abortOn` resolves, whichever comes first. `pauseAfterAbortMs`: the
 * consumer stops reading for that long right after aborting.
 */
async function streamAndAbort(options: {
  probe: ReturnType<typeof instrumentedController>;
  abortWhen?: (part: TextStreamPart<ToolSet>, count: number) => boolean;
  abortOn?: Promise<unknown>;
  pauseAfterAbortMs?: number;
}): Promise<StreamRun> {
  let aborts = 0;
  const result = streamText({
    model: ctx.model(),
    prompt: 'Tell me a long story',
    abortSignal: options.probe.signal,
    onAbort: () => {
      aborts++;
    },
  });
  const parts: Array<TextStreamPart<ToolSet>> = [];
  let abortedAt = 0;
  const abort = () => {
    if (abortedAt === 0) {
      abortedAt = performance.now();
      options.probe.controller.abort();
    }
  };
  void options.abortOn?.then(abort);
  const reading = (async () => {
    for await (const part of result.stream) {
      parts.push(part);
      if (abortedAt === 0 && options.abortWhen?.(part, parts.length)) {
        abort();
        if (options.pauseAfterAbortMs) await settle(options.pauseAfterAbortMs);
      }
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    reading,
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        const seen = parts.map((part) => part.type).join(' ');
        reject(new Error(`the stream did not end within 8 s (parts: ${seen})`));
      }, 8_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const paused = options.pauseAfterAbortMs ?? 0;
  return {
    parts,
    afterAbortMs: abortedAt === 0 ? Number.NaN : performance.now() - abortedAt - paused,
    aborts,
  };
}

function expectAbortedStream(run: StreamRun): void {
  const types = run.parts.map((part) => part.type);
  expect(run.afterAbortMs, `ended ${run.afterAbortMs} ms after abort()`).toBeLessThan(PROMPT_MS);
  expect(types.at(-1), types.join(' ')).toBe('abort');
  expect(types).not.toContain('error');
  expect(types).not.toContain('finish');
  expect(run.aborts).toBe(1);
}

async function expectClosedEarly(request: RecordedRequest | undefined): Promise<void> {
  expect(request, 'the request reached the emulator').toBeDefined();
  const closed = await Promise.race([request!.closed, settle(2_000).then(() => 'still open')]);
  expect(closed).toEqual({ closedEarly: true });
}

async function expectNoListenersLeft(probe: ReturnType<typeof instrumentedController>) {
  // `ai`, provider-utils and the provider remove their own listeners (or they fired once).
  expect(probe.live('other'), 'abort listeners added by ai / the provider still live').toBe(0);
  // undici's Request listener is removed by a FinalizationRegistry once the Request is collected.
  await collectGarbage();
  expect(probe.registered(), 'abort listeners still registered on the signal').toBe(0);
}

/** A promise for the next request to reach the emulator's handler, plus the handler. */
function arrival() {
  let resolve!: (request: RecordedRequest) => void;
  const arrived = new Promise<RecordedRequest>((r) => {
    resolve = r;
  });
  return { arrived, handler: holdHeaders(resolve) };
}

const textOf = (parts: Array<TextStreamPart<ToolSet>>) =>
  parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

describe('abort at any moment (streamText)', () => {
  it('before the response headers arrive (the server holds them)', async () => {
    const probe = instrumentedController();
    const { arrived, handler } = arrival();
    ctx.emulator.enqueue(handler);
    const run = await streamAndAbort({ probe, abortOn: arrived.then(() => settle(20)) });
    expectAbortedStream(run);
    expect(run.parts.map((part) => part.type)).toEqual(['start', 'abort']);
    await expectClosedEarly(await arrived);
    await expectNoListenersLeft(probe);
  });

  it('mid-stream, after every possible number of parts', async () => {
    // The parts of the hanging response before it stalls: start, start-step, 2 pings,
    // text-start and up to 8 text-deltas (fewer when pieces arrive in one network read and
    // are joined). Once all the text is in, nothing more comes: abort then at the latest.
    const total = 5 + TEXT_PIECES.length;
    const fullText = TEXT_PIECES.join('');
    for (let n = 1; n <= total; n++) {
      const probe = instrumentedController();
      ctx.emulator.reset();
      ctx.emulator.enqueue(hanging());
      const before = ctx.emulator.requests.length;
      let text = '';
      let abortedAfter = 0;
      const run = await streamAndAbort({
        probe,
        abortWhen: (part, count) => {
          if (part.type === 'text-delta') text += part.text;
          const now = count === n || text === fullText;
          if (now) abortedAfter = count;
          return now;
        },
      });
      expectAbortedStream(run);
      // Nothing received before the abort is lost.
      expect(run.parts.length).toBeGreaterThanOrEqual(abortedAfter + 1);
      if (abortedAfter < n) expect(textOf(run.parts)).toBe(fullText);
      expect(TEXT_PIECES.join('').startsWith(textOf(run.parts))).toBe(true);
      // An abort on the first two parts (start, start-step) can beat the request to the server;
      // if it got there, the server must see the connection close early.
      await settle(20);
      const requests = ctx.emulator.requests.slice(before);
      expect(requests.length).toBeLessThanOrEqual(1);
      if (n > 2 || requests.length > 0) await expectClosedEarly(requests[0]);
      // A forced GC is slow: check undici's listener on a sample, the others every time.
      if (n % 4 === 1 || n === total) await expectNoListenersLeft(probe);
      else expect(probe.live('other')).toBe(0);
    }
  });

  it('during a stall (the server pauses 10 s mid-stream)', async () => {
    const probe = instrumentedController();
    ctx.emulator.enqueue(stalling());
    let sawText: () => void = () => {};
    const textArrived = new Promise<void>((resolve) => {
      sawText = resolve;
    });
    let text = '';
    const run = await streamAndAbort({
      probe,
      abortWhen: (part) => {
        if (part.type === 'text-delta') text += part.text;
        if (text === 'Before the stall') sawText();
        return false;
      },
      abortOn: textArrived.then(() => settle(100)),
    });
    expectAbortedStream(run);
    expect(textOf(run.parts)).toBe('Before the stall');
    await expectClosedEarly(ctx.emulator.requests.at(-1));
    await expectNoListenersLeft(probe);
  });

  it('while the consumer is not reading (backpressure), then it reads again', async () => {
    const probe = instrumentedController();
    ctx.emulator.enqueue({
      type: 'sse',
      events: chatCompletionStream({
        text: Array.from({ length: 2000 }, (_, i) => `word${i} `),
        finishReason: null,
        done: false,
      }),
      ending: 'hang',
    });
    const run = await streamAndAbort({
      probe,
      abortWhen: (_part, count) => count === 6,
      pauseAfterAbortMs: 200,
    });
    expectAbortedStream(run);
    await expectClosedEarly(ctx.emulator.requests.at(-1));
    await expectNoListenersLeft(probe);
  });

  it("with ai's own `timeout` during a stall", async () => {
    ctx.emulator.enqueue(stalling());
    const started = performance.now();
    const result = streamText({ model: ctx.model(), prompt: 'x', timeout: 300 });
    const types: string[] = [];
    for await (const part of result.stream) types.push(part.type);
    const elapsed = performance.now() - started;
    expect(types.at(-1)).toBe('abort');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + PROMPT_MS);
    await expectClosedEarly(ctx.emulator.requests.at(-1));
  });

  it('with a signal that is already aborted: no request is sent', async () => {
    const probe = instrumentedController();
    probe.controller.abort();
    ctx.emulator.enqueue(hanging());
    const started = performance.now();
    const result = streamText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal });
    const types: string[] = [];
    for await (const part of result.stream) types.push(part.type);
    expect(performance.now() - started).toBeLessThan(PROMPT_MS);
    expect(types.at(-1)).toBe('abort');
    await settle(50);
    expect(ctx.emulator.requests).toHaveLength(0);
    await expectNoListenersLeft(probe);
  });

  it('after the stream finished: nothing happens, nothing is left behind', async () => {
    const probe = instrumentedController();
    ctx.emulator.enqueue({ type: 'sse', events: chatCompletionStream({ text: 'Complete' }) });
    const result = streamText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal });
    const types: string[] = [];
    for await (const part of result.stream) types.push(part.type);
    probe.controller.abort();
    expect(types.at(-1)).toBe('finish');
    expect(await result.text).toBe('Complete');
    expect(await ctx.emulator.requests.at(-1)?.closed).toEqual({ closedEarly: false });
    await expectNoListenersLeft(probe);
  });

  it('nobody reads the result promises after an abort: still no unhandled rejection', async () => {
    const probe = instrumentedController();
    ctx.emulator.enqueue(hanging());
    const result = streamText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal });
    const reader = result.stream.getReader();
    await reader.read();
    await reader.read();
    probe.controller.abort();
    for (;;) if ((await reader.read()).done) break;
    await expectClosedEarly(ctx.emulator.requests.at(-1));
    // afterEach asserts that no rejection (text, usage, steps, ...) went unhandled.
  });
});

describe('abort at any moment (generateText)', () => {
  async function generateAndAbort(
    probe: ReturnType<typeof instrumentedController>,
    abortOn: Promise<unknown>,
  ) {
    let abortedAt = 0;
    void abortOn.then(() => {
      abortedAt = performance.now();
      probe.controller.abort();
    });
    const error = await rejectionOf(
      generateText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal }),
    );
    expect(performance.now() - abortedAt).toBeLessThan(PROMPT_MS);
    expect(isAbortError(error), String(error)).toBe(true);
  }

  it('before the response headers arrive', async () => {
    const probe = instrumentedController();
    const { arrived, handler } = arrival();
    ctx.emulator.enqueue(handler);
    await generateAndAbort(
      probe,
      arrived.then(() => settle(20)),
    );
    await expectClosedEarly(await arrived);
    await expectNoListenersLeft(probe);
  });

  it('mid-body (the server stops halfway through the JSON)', async () => {
    const probe = instrumentedController();
    const body = JSON.stringify(chatCompletionJson({ text: 'Hello world' }));
    ctx.emulator.enqueue({
      type: 'raw',
      headers: { 'content-type': 'application/json' },
      body: body.slice(0, 60),
      ending: 'hang',
    });
    await generateAndAbort(probe, settle(150));
    await expectClosedEarly(ctx.emulator.requests.at(-1));
    await expectNoListenersLeft(probe);
  });
});

describe('no leaks over many aborted and completed calls', () => {
  it('one long-lived signal over 30 completed calls: listeners return to baseline', async () => {
    const probe = instrumentedController();
    for (let i = 0; i < 15; i++) {
      ctx.emulator.enqueue({ type: 'sse', events: chatCompletionStream({ text: `s${i}` }) });
      const result = streamText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal });
      expect(await result.text).toBe(`s${i}`);
      ctx.emulator.enqueue({ type: 'json', body: chatCompletionJson({ text: `g${i}` }) });
      const generated = await generateText({
        model: ctx.model(),
        prompt: 'x',
        abortSignal: probe.signal,
      });
      expect(generated.text).toBe(`g${i}`);
      expect(probe.live('other')).toBe(0);
    }
    // One listener per call came from undici's Request (removed on collection, not on completion).
    expect(probe.added).toBeGreaterThanOrEqual(30);
    await expectNoListenersLeft(probe);
  });

  it("a completed call leaves no abort listener on the caller's signal, even before GC", async () => {
    // BUG (src): the provider hands the caller's signal straight to fetch (postJsonToApi), and
    // undici's Request adds an abort listener to it that only a FinalizationRegistry removes,
    // when the Request is garbage-collected. One long-lived signal shared by many calls (an
    // app-wide shutdown signal) collects one listener per call until a GC; past 1,500 Node warns
    // "MaxListenersExceededWarning: Possible EventTarget memory leak detected" (seen in the load
    // test). Expected: a per-call signal linked to the caller's, unlinked when the call ends.
    const probe = instrumentedController();
    const registeredAfterEachCall: number[] = [];
    for (let i = 0; i < 4; i++) {
      ctx.emulator.enqueue({ type: 'sse', events: chatCompletionStream({ text: `s${i}` }) });
      await streamText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal }).text;
      registeredAfterEachCall.push(probe.registered());
      ctx.emulator.enqueue({ type: 'json', body: chatCompletionJson({ text: `g${i}` }) });
      await generateText({ model: ctx.model(), prompt: 'x', abortSignal: probe.signal });
      registeredAfterEachCall.push(probe.registered());
    }
    expect(registeredAfterEachCall).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("control: with the model's `timeout` setting (a linked per-call signal), none is left", async () => {
    const probe = instrumentedController();
    const timed = ctx.model(MODEL_ID, { timeout: 30_000 });
    const registeredAfterEachCall: number[] = [];
    for (let i = 0; i < 4; i++) {
      ctx.emulator.enqueue({ type: 'sse', events: chatCompletionStream({ text: `s${i}` }) });
      await streamText({ model: timed, prompt: 'x', abortSignal: probe.signal }).text;
      registeredAfterEachCall.push(probe.registered());
      ctx.emulator.enqueue({ type: 'json', body: chatCompletionJson({ text: `g${i}` }) });
      await generateText({ model: timed, prompt: 'x', abortSignal: probe.signal });
      registeredAfterEachCall.push(probe.registered());
    }
    expect(registeredAfterEachCall).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('30 aborts of every kind: no handle growth, back to baseline once the emulator closes', async () => {
    await settle(50);
    const baseline = resources();
    const emulator: OpenRouterEmulator = await startOpenRouterEmulator();
    const local = () => emulatorProvider(emulator)(MODEL_ID);
    try {
      const afterStart = resources();
      for (let i = 0; i < 30; i++) {
        const controller = new AbortController();
        const kind = i % 3;
        let request: RecordedRequest | undefined;
        if (kind === 0) {
          const { arrived, handler } = arrival();
          emulator.enqueue(handler);
          void arrived.then((r) => {
            request = r;
            controller.abort();
          });
        } else {
          emulator.enqueue(kind === 1 ? hanging() : stalling());
        }
        const result = streamText({ model: local(), prompt: 'x', abortSignal: controller.signal });
        for await (const part of result.stream) {
          if (part.type === 'text-delta' && kind !== 0) controller.abort();
        }
        request ??= emulator.requests.at(-1);
        expect(await request?.closed).toEqual({ closedEarly: true });
      }
      await collectGarbage();
      // Idle keep-alive sockets the emulator still holds are its own; allow a couple.
      const extra = await waitForNoGrowth(afterStart, 500);
      expect(extra.Timeout ?? 0, JSON.stringify(extra)).toBeLessThanOrEqual(2);
      expect(extra.TCPSocketWrap ?? 0, JSON.stringify(extra)).toBeLessThanOrEqual(2);
    } finally {
      await emulator.close();
    }
    expect(await waitForNoGrowth(baseline, 2_000)).toEqual({});
  });
});
