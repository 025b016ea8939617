import type { APICallError } from '@ai-sdk/provider';

/**
 * The abort signal of one model call, and what the call reports back to it. Each call links its
 * own signal to the caller's and unlinks it when the call ends: `fetch` keeps a listener on the
 * signal it is given until garbage collection, so handing it a long-lived app signal directly
 * piles up listeners across calls (MaxListenersExceededWarning).
 */
export interface CallSignal {
  /** The signal for `fetch`: aborts when the caller aborts (or a timeout fires). */
  readonly signal: AbortSignal | undefined;
  /** Response data arrived. */
  activity(): void;
  /** The call is over: release listeners and timers. Idempotent. */
  done(): void;
  /** The error to report when a timeout, not the caller, aborted the request. */
  timeoutError(context: { url: string; requestBodyValues: unknown }): APICallError | undefined;
}

/** A per-call signal linked to the caller's, without timeouts. */
export function linkAbortSignal(parent: AbortSignal | undefined): CallSignal {
  const controller = parent ? new AbortController() : undefined;
  const abort = () => controller?.abort(parent?.reason);
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort);
  return {
    signal: controller?.signal,
    activity() {},
    done: () => parent?.removeEventListener('abort', abort),
    timeoutError: () => undefined,
  };
}
