/** The `timeout` and `limits` settings as validated where they are configured. */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPENROUTER_LIMITS,
  formatBytes,
  resolveOpenRouterLimits,
} from '../../../src/shared/openrouter-fetch';
import { parseOpenRouterTimeout, timeoutProblem } from '../../../src/shared/request-timeout';

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
