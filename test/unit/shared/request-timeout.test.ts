/** The `timeout` and `limits` settings as validated where they are configured. */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_OPENROUTER_LIMITS,
  formatBytes,
  resolveOpenRouterLimits,
} from '../../../src/shared/openrouter-fetch';
import {
  parseOpenRouterTimeout,
  RequestTimeout,
  timeoutProblem,
} from '../../../src/shared/request-timeout';

describe('timeout', () => {
  it.each([
    [undefined],
    [1],
    [2 ** 31 - 1],
    [{ firstByteMs: 1_000 }],
    [{ idleMs: 500, totalMs: 60_000 }],
    [{ firstByteMs: undefined }],
  ])('accepts %j', (value) => {
    expect(timeoutProblem(value)).toBeUndefined();
  });

  it.each([
    [0, 'at least 1'],
    [-5, 'at least 1'],
    [1.5, 'whole number'],
    [Number.NaN, 'whole number'],
    [Number.POSITIVE_INFINITY, 'whole number'],
    [2 ** 31, 'beyond the longest delay'],
    [{ idleMs: 2 ** 40 }, 'idleMs: '],
    [{ firstByte: 10 }, 'unknown key "firstByte"'],
    ['1000', 'expected milliseconds'],
    [null, 'expected milliseconds'],
    [[100], 'expected milliseconds'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(timeoutProblem(value)).toContain(problem);
    const error = (() => {
      try {
        parseOpenRouterTimeout(value, 'settings.timeout');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('settings.timeout');
  });
});

describe('limits', () => {
  it('defaults to 16 MB per event and 64 MB per body, and takes whole positive byte counts', () => {
    expect(resolveOpenRouterLimits(undefined)).toEqual({
      maxEventBytes: 16 * 1024 * 1024,
      maxResponseBytes: 64 * 1024 * 1024,
    });
    expect(resolveOpenRouterLimits({ maxEventBytes: 1024 })).toEqual({
      ...DEFAULT_OPENROUTER_LIMITS,
      maxEventBytes: 1024,
    });
  });

  it.each([
    [null],
    ['16MB'],
    [{ maxEventBytes: -1 }],
    [{ maxResponseBytes: 2 ** 60 }],
    [{ other: 1 }],
  ])('refuses %j', (limits) => {
    expect(() => resolveOpenRouterLimits(limits)).toThrow(InvalidArgumentError);
  });

  it('formats sizes for messages', () => {
    expect([formatBytes(16 * 1024 * 1024), formatBytes(65_536), formatBytes(1000)]).toEqual([
      '16 MB',
      '64 KB',
      '1000 bytes',
    ]);
  });
});

const CONTEXT = { url: 'https://openrouter.ai/api/v1/chat/completions', requestBodyValues: {} };

describe('RequestTimeout timers (fake time)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts the first-byte wait when the request is sent, not when the call opens', () => {
    const timeout = new RequestTimeout({ firstByteMs: 100 }, undefined);
    vi.advanceTimersByTime(1_000); // preparing the request (options, catalog) takes a while
    expect(timeout.signal.aborted).toBe(false);
    timeout.waiting();
    vi.advanceTimersByTime(99);
    expect(timeout.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(timeout.signal.aborted).toBe(true);
    expect((timeout.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(timeout.timeoutError(CONTEXT)).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('timeout.firstByteMs'),
    });
  });

  it('runs the idle wait only while waiting on the network, restarting on every arrival', () => {
    const timeout = new RequestTimeout({ idleMs: 100 }, undefined);
    timeout.waiting(); // request sent
    timeout.arrived(); // headers
    vi.advanceTimersByTime(5_000); // the consumer is slow: not the server's fault
    expect(timeout.signal.aborted).toBe(false);
    timeout.waiting();
    vi.advanceTimersByTime(90);
    timeout.arrived();
    timeout.waiting();
    vi.advanceTimersByTime(90);
    expect(timeout.signal.aborted).toBe(false);
    vi.advanceTimersByTime(10);
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.timeoutError(CONTEXT)?.message).toContain('timeout.idleMs');
  });

  it('bounds the whole call with totalMs, not retryable', () => {
    const timeout = new RequestTimeout({ totalMs: 300, idleMs: 100 }, undefined);
    for (let step = 0; step < 5; step++) {
      timeout.waiting();
      vi.advanceTimersByTime(60);
      timeout.arrived();
    }
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.timeoutError(CONTEXT)).toMatchObject({
      isRetryable: false,
      message: expect.stringContaining('timeout.totalMs'),
    });
  });

  it("passes the caller's abort through and never reports it as a timeout", () => {
    const caller = new AbortController();
    const timeout = new RequestTimeout(100, caller.signal);
    timeout.waiting();
    caller.abort(new Error('user cancelled'));
    expect(timeout.signal.aborted).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(timeout.timeoutError(CONTEXT)).toBeUndefined();
    expect((timeout.signal.reason as Error).message).toBe('user cancelled');
  });

  it('releases its timers when done', () => {
    const timeout = new RequestTimeout({ firstByteMs: 100, totalMs: 200 }, undefined);
    timeout.waiting();
    timeout.done();
    vi.advanceTimersByTime(1_000);
    expect(timeout.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
