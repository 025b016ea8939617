import { APICallError } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestTimeout } from '../../../src/shared/request-timeout';

const CONTEXT = { url: 'https://openrouter.ai/api/v1/chat/completions', requestBodyValues: {} };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RequestTimeout', () => {
  it('aborts when the response does not start within firstByteMs', () => {
    const timeout = new RequestTimeout({ firstByteMs: 1000 }, undefined);
    vi.advanceTimersByTime(999);
    expect(timeout.signal.aborted).toBe(false);
    expect(timeout.timeoutError(CONTEXT)).toBeUndefined();

    vi.advanceTimersByTime(1);
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.signal.reason).toBeInstanceOf(DOMException);
    expect((timeout.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(timeout.timedOut).toBe(true);
    const error = timeout.timeoutError(CONTEXT);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      url: CONTEXT.url,
      message: expect.stringContaining('sent no response for 1000 ms'),
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with only firstByteMs, stops timing once data arrives', () => {
    const timeout = new RequestTimeout({ firstByteMs: 1000 }, undefined);
    vi.advanceTimersByTime(500);
    timeout.activity();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(timeout.signal.aborted).toBe(false);
  });

  it('restarts the idle limit on every read and aborts after a long gap', () => {
    const timeout = new RequestTimeout({ idleMs: 200 }, undefined);
    // No first-byte limit: waiting for the response is not timed.
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    timeout.activity();
    for (let read = 0; read < 5; read++) {
      vi.advanceTimersByTime(150);
      timeout.activity();
    }
    expect(timeout.signal.aborted).toBe(false);
    vi.advanceTimersByTime(200);
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.timeoutError(CONTEXT)?.message).toContain('sent no further data for 200 ms');
  });

  it('uses a number for both limits', () => {
    const timeout = new RequestTimeout(300, undefined);
    vi.advanceTimersByTime(299);
    timeout.activity();
    vi.advanceTimersByTime(299);
    timeout.activity();
    expect(timeout.signal.aborted).toBe(false);
    vi.advanceTimersByTime(300);
    expect(timeout.timeoutError(CONTEXT)?.message).toContain('no further data for 300 ms');
  });

  it('passes the caller abort through, with its reason, and never calls it a timeout', () => {
    const user = new AbortController();
    const timeout = new RequestTimeout(1000, user.signal);
    const reason = new Error('user cancelled');
    user.abort(reason);
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.signal.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(timeout.timedOut).toBe(false);
    expect(timeout.timeoutError(CONTEXT)).toBeUndefined();
  });

  it('starts aborted when the caller signal already is', () => {
    const reason = new Error('too late');
    const timeout = new RequestTimeout(1000, AbortSignal.abort(reason));
    expect(timeout.signal.aborted).toBe(true);
    expect(timeout.signal.reason).toBe(reason);
  });

  it('done() releases the timer and the listener on the caller signal', () => {
    const user = new AbortController();
    const timeout = new RequestTimeout({ firstByteMs: 1000, idleMs: 1000 }, user.signal);
    timeout.activity();
    timeout.done();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    user.abort();
    expect(timeout.signal.aborted).toBe(false);
    expect(timeout.timedOut).toBe(false);
  });

  it('ignores activity after it fired', () => {
    const timeout = new RequestTimeout({ firstByteMs: 100, idleMs: 100 }, undefined);
    vi.advanceTimersByTime(100);
    timeout.activity();
    expect(vi.getTimerCount()).toBe(0);
    expect(timeout.timeoutError(CONTEXT)?.message).toContain('no response for 100 ms');
  });
});
