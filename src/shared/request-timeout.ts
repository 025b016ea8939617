import { APICallError } from '@ai-sdk/provider';
import type { CallSignal } from './call-signal';

/** The `timeout` model setting: milliseconds, or separate first-byte and idle limits. */
export type OpenRouterTimeout = number | { firstByteMs?: number; idleMs?: number };

/**
 * Optional client-side timeouts (off by default). `firstByteMs` bounds the wait for the
 * response to start (headers, and for streams the first body bytes); `idleMs` bounds every gap
 * between stream reads. When one fires the request is aborted, which closes the connection, and
 * the caller reports a retryable `APICallError`. The caller's own abort signal keeps working and
 * is never reported as a timeout. Timers and listeners are released by `done()`.
 */
export class RequestTimeout implements CallSignal {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fired: { phase: 'first-byte' | 'idle'; ms: number } | undefined;
  private started = false;
  private readonly firstByteMs: number | undefined;
  private readonly idleMs: number | undefined;

  constructor(
    setting: OpenRouterTimeout,
    private readonly userSignal: AbortSignal | undefined,
  ) {
    this.firstByteMs = typeof setting === 'number' ? setting : setting.firstByteMs;
    this.idleMs = typeof setting === 'number' ? setting : setting.idleMs;
    if (userSignal?.aborted) this.controller.abort(userSignal.reason);
    else userSignal?.addEventListener('abort', this.onUserAbort);
    if (this.firstByteMs !== undefined) this.arm('first-byte', this.firstByteMs);
  }

  /** Aborts on the caller's signal or on a timeout: pass it to fetch. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get timedOut(): boolean {
    return this.fired !== undefined;
  }

  /** Data arrived: the first call ends the first-byte phase; each call restarts the idle limit. */
  activity(): void {
    if (this.fired) return;
    if (this.idleMs !== undefined) this.arm('idle', this.idleMs);
    else if (!this.started) this.clearTimer();
    this.started = true;
  }

  /** The response is complete (or failed, or was cancelled): release the timer and listener. */
  done(): void {
    this.clearTimer();
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }

  timeoutError(context: { url: string; requestBodyValues: unknown }): APICallError | undefined {
    if (!this.fired) return undefined;
    const what = this.fired?.phase === 'idle' ? 'no further data' : 'no response';
    return new APICallError({
      message: `OpenRouter sent ${what} for ${this.fired?.ms} ms (the model's timeout setting), so the request was aborted. It can be retried.`,
      url: context.url,
      requestBodyValues: context.requestBodyValues,
      isRetryable: true,
    });
  }

  private readonly onUserAbort = () => {
    this.clearTimer();
    this.controller.abort(this.userSignal?.reason);
  };

  private arm(phase: 'first-byte' | 'idle', ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.fired = { phase, ms };
      this.done();
      this.controller.abort(
        new DOMException(`OpenRouter ${phase} timeout (${ms} ms)`, 'TimeoutError'),
      );
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
