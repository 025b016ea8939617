import type { APICallError } from '@ai-sdk/provider';
import { type OpenRouterTimeout, RequestTimeout } from './request-timeout';

/**
 * The abort signal of one model call, and what the call reports back to it. Each call links its
 * own signal to the caller's and unlinks it when the call ends: `fetch` keeps a listener on the
 * signal it is given until garbage collection, so handing it a long-lived app signal directly
 * piles up listeners across calls (MaxListenersExceededWarning).
 */
export interface CallSignal {
  /** The signal for `fetch`: aborts when the caller aborts (or a timeout fires). */
  readonly signal: AbortSignal | undefined;
  /**
   * The package waits on the network: for the response to start once the request is sent (a
   * first-byte timeout may run), later for more of the body (an idle timeout may run).
   */
  waiting(): void;
  /** Response data arrived: the headers, or body bytes (ends the first-byte and idle waits). */
  arrived(): void;
  /** The call is over: release listeners and timers. Idempotent. */
  done(): void;
  /** The error to report when a timeout, not the caller, aborted the request. */
  timeoutError(context: { url: string; requestBodyValues: unknown }): APICallError | undefined;
}

/**
 * Opens the signal of one call: linked to the caller's, with the timeout when one is set.
 * Synchronous, so a call can open it before its first `await` and pass it down.
 */
export function openCallSignal(
  abortSignal: AbortSignal | undefined,
  timeout: OpenRouterTimeout | undefined,
): CallSignal {
  return timeout === undefined
    ? linkAbortSignal(abortSignal)
    : new RequestTimeout(timeout, abortSignal);
}

/** A per-call signal linked to the caller's, without timeouts. */
function linkAbortSignal(parent: AbortSignal | undefined): CallSignal {
  const controller = parent ? new AbortController() : undefined;
  const abort = () => controller?.abort(parent?.reason);
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort);
  return {
    signal: controller?.signal,
    waiting() {},
    arrived() {},
    done: () => parent?.removeEventListener('abort', abort),
    timeoutError: () => undefined,
  };
}
