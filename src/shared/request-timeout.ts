import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';

/**
 * The `timeout` model setting: milliseconds (first byte and idle), or separate limits:
 * - `firstByteMs`: from sending the request until the response starts (its headers arrive);
 * - `idleMs`: each wait for more of the body while the package is reading it (a consumer that
 *   pauses does not count, and every received byte restarts it, streamed or not);
 * - `totalMs`: the whole call, body included.
 */
export type OpenRouterTimeout =
  | number
  | { firstByteMs?: number; idleMs?: number; totalMs?: number };

/** The longest delay `setTimeout` can wait; a longer one fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const TIMEOUT_KEYS = ['firstByteMs', 'idleMs', 'totalMs'];

/** What is wrong with a `timeout` value, or undefined when it is valid (or absent). */
export function timeoutProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return millisecondsProblem(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'expected milliseconds or { firstByteMs, idleMs, totalMs }';
  }
  for (const [key, ms] of Object.entries(value)) {
    if (!TIMEOUT_KEYS.includes(key)) {
      return `unknown key "${key}" (expected firstByteMs, idleMs or totalMs)`;
    }
    const problem = ms === undefined ? undefined : millisecondsProblem(ms);
    if (problem) return `${key}: ${problem}`;
  }
  return undefined;
}

function millisecondsProblem(ms: unknown): string | undefined {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1) {
    return 'expected a whole number of milliseconds, at least 1';
  }
  if (ms > MAX_TIMEOUT_MS) {
    return `${ms} ms is beyond the longest delay a JavaScript timer can wait (${MAX_TIMEOUT_MS} ms, about 24.8 days)`;
  }
  return undefined;
}

/** Validates a `timeout` value where it is configured; `argument` names it in the error. */
export function parseOpenRouterTimeout(
  value: unknown,
  argument: string,
): OpenRouterTimeout | undefined {
  const problem = timeoutProblem(value);
  if (problem) {
    throw new InvalidArgumentError({
      argument,
      message: `Invalid value for ${argument}: ${problem}.`,
    });
  }
  return value as OpenRouterTimeout | undefined;
}

type Phase = 'first-byte' | 'idle' | 'total';

/**
 * Optional client-side timeouts (off by default), as a call signal (`CallSignal`). When one fires the request
 * is aborted, which closes the connection, and the caller reports the `APICallError` of
 * `timeoutError`. The caller's own abort signal keeps working and is never reported as a
 * timeout. Timers and listeners are released by `done()`.
 */
export class RequestTimeout {
  private readonly controller = new AbortController();
  private readonly timers: Partial<Record<Phase, ReturnType<typeof setTimeout>>> = {};
  private fired: { phase: Phase; ms: number } | undefined;
  private readonly firstByteMs: number | undefined;
  private readonly idleMs: number | undefined;
  /** The request was sent / the response has started. */
  private sent = false;
  private responded = false;

  constructor(
    setting: OpenRouterTimeout,
    private readonly userSignal: AbortSignal | undefined,
  ) {
    const limits =
      typeof setting === 'number' ? { firstByteMs: setting, idleMs: setting } : setting;
    this.firstByteMs = limits.firstByteMs;
    this.idleMs = limits.idleMs;
    if (userSignal?.aborted) this.controller.abort(userSignal.reason);
    else userSignal?.addEventListener('abort', this.onUserAbort);
    if (limits.totalMs !== undefined) this.arm('total', limits.totalMs);
  }

  /** Aborts on the caller's signal or on a timeout: pass it to fetch. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first wait is for the response to start (first byte); later ones for more data. */
  waiting(): void {
    if (this.fired || this.controller.signal.aborted) return;
    if (!this.sent) {
      this.sent = true;
      if (this.firstByteMs !== undefined) this.arm('first-byte', this.firstByteMs);
    } else if (this.responded && this.idleMs !== undefined && this.timers.idle === undefined) {
      this.arm('idle', this.idleMs);
    }
  }

  arrived(): void {
    this.responded = true;
    this.clear('first-byte');
    this.clear('idle');
  }

  done(): void {
    this.clear('first-byte');
    this.clear('idle');
    this.clear('total');
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }

  timeoutError(context: { url: string; requestBodyValues: unknown }): APICallError | undefined {
    const fired = this.fired;
    if (!fired) return undefined;
    const message =
      fired.phase === 'total'
        ? `The OpenRouter request did not complete within ${fired.ms} ms (timeout.totalMs), so it was aborted. It is not retried: a retry would need as long again.`
        : fired.phase === 'idle'
          ? `OpenRouter sent no further data for ${fired.ms} ms while the response was being read (timeout.idleMs), so the request was aborted. It can be retried.`
          : `OpenRouter sent no response for ${fired.ms} ms (timeout.firstByteMs), so the request was aborted. It can be retried.`;
    return new APICallError({
      message,
      url: context.url,
      requestBodyValues: context.requestBodyValues,
      isRetryable: fired.phase !== 'total',
    });
  }

  private readonly onUserAbort = () => {
    this.done();
    this.controller.abort(this.userSignal?.reason);
  };

  private arm(phase: Phase, ms: number): void {
    this.timers[phase] = setTimeout(() => {
      this.timers[phase] = undefined;
      if (this.controller.signal.aborted) return;
      this.fired = { phase, ms };
      this.done();
      this.controller.abort(
        new DOMException(`OpenRouter ${phase} timeout (${ms} ms)`, 'TimeoutError'),
      );
    }, ms);
  }

  private clear(phase: Phase): void {
    const timer = this.timers[phase];
    if (timer !== undefined) clearTimeout(timer);
    this.timers[phase] = undefined;
  }
}
