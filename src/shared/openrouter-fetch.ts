import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type FetchFunction } from '@ai-sdk/provider-utils';
import type { CallSignal } from './call-signal';
import { formatBytes, type OpenRouterLimits } from './openrouter-limits';

// The limits setting is checked where the provider is created, which must not load this module
// (nor provider-utils with it): it lives in its own file.
export {
  DEFAULT_OPENROUTER_LIMITS,
  formatBytes,
  type OpenRouterLimits,
  resolveOpenRouterLimits,
} from './openrouter-limits';

/**
 * The `fetch` every request goes through: it bounds what a response may cost in memory, reports
 * network waits and arrivals to the call's timeouts, and never carries the request's headers to
 * another origin.
 */

/** What the wrapped fetch needs to know about the call. */
export interface OpenRouterFetchOptions {
  fetch: FetchFunction | undefined;
  call: CallSignal;
  limits: Required<OpenRouterLimits>;
  /** A streaming request: an event-stream body is bounded per event by its reader, not here. */
  stream: boolean;
  /**
   * `same-origin` (the default): redirects are followed within the request's origin only.
   * `validated-by-caller`: redirects are handed to the caller, which checks each hop itself
   * (provider-utils' validated GET of a URL taken from a response).
   */
  redirects?: 'same-origin' | 'validated-by-caller';
  /** For the errors this layer raises. */
  requestBodyValues: unknown;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect this layer must decide about (a 3xx with a target, or one the runtime hides). */
function isRedirect(response: Response): boolean {
  return (
    response.type === 'opaqueredirect' ||
    (REDIRECT_STATUSES.has(response.status) && response.headers.has('location'))
  );
}

/**
 * Wraps `fetch` for one call. Redirects are followed only within the request's origin (with
 * `redirect: 'manual'`; see `openrouter-redirect.ts`), so neither the key nor any other header
 * or the body reaches another origin. The response body is read through a stream that tells the
 * call when it waits for the network and when bytes arrive, and counts them.
 */
export function createOpenRouterFetch(options: OpenRouterFetchOptions): FetchFunction {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    options.call.waiting();
    const response = await baseFetch(url, init);
    options.call.arrived();
    return response;
  };
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const requestInit: RequestInit = { ...init, redirect: 'manual' };
    const response = await send(url, requestInit);
    if (!isRedirect(response) || options.redirects === 'validated-by-caller') {
      return observeBody(response, options, url);
    }
    // Rare, so its rules load on first use.
    const { followRedirects } = await import('./openrouter-redirect');
    const final = await followRedirects({
      response,
      url,
      init: requestInit,
      send,
      isRedirect,
      requestBodyValues: options.requestBodyValues,
    });
    return observeBody(final.response, options, final.url);
  };
}

/** Statuses whose responses cannot be constructed with a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The response with its body read through a counting stream. It reads only when its consumer
 * asks (high-water mark 0), reporting the wait to the call (so an idle timeout measures the
 * network, not a slow consumer) and each arrival (which restarts it). A body beyond the limit
 * ends with a non-retryable `APICallError`, and the connection is closed at once.
 */
function observeBody(response: Response, options: OpenRouterFetchOptions, url: string): Response {
  const body = response.body;
  if (body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const isEventStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  const maxBytes =
    options.stream && isEventStream ? Number.POSITIVE_INFINITY : options.limits.maxResponseBytes;
  const tooLarge = () =>
    new APICallError({
      message: `The OpenRouter response body is larger than ${formatBytes(maxBytes)} (the limits.maxResponseBytes setting), so it was not read further and the connection was closed.`,
      url,
      requestBodyValues: options.requestBodyValues,
      statusCode: response.status,
      responseHeaders: extractResponseHeaders(response),
      isRetryable: false,
    });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    body.cancel().catch(() => {});
    throw tooLarge();
  }
  const { call } = options;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined = body.getReader();
  let received = 0;
  const counted = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) return;
        call.waiting();
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } finally {
          call.arrived();
        }
        if (result.done) {
          reader = undefined;
          controller.close();
          return;
        }
        received += result.value.byteLength;
        if (received > maxBytes) {
          reader.cancel().catch(() => {});
          reader = undefined; // nothing of the body is kept
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(result.value);
      },
      cancel(reason) {
        const current = reader;
        reader = undefined;
        return current?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
