import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { extractResponseHeaders, type FetchFunction } from '@ai-sdk/provider-utils';
import type { CallSignal } from './call-signal';
import { isSecretHeader } from './redact-secrets';

/**
 * The `fetch` every request goes through: it bounds what a response may cost in memory, reports
 * network waits and arrivals to the call's timeouts, and never carries the request's headers to
 * another origin.
 */

/** The `limits` provider setting: how much of a response is held in memory at most. */
export interface OpenRouterLimits {
  /**
   * Largest server-sent event of a stream (a `data:` line, or the lines of one event), counted in
   * characters of the decoded text, so every event of up to this many bytes passes. Default
   * 16 MB. A larger event ends the stream with a non-retryable `APICallError`.
   */
  maxEventBytes?: number;
  /**
   * Largest response body read whole (every non-streamed response, error bodies and binary
   * downloads included), counted after decompression. Default 64 MB. A larger body fails the
   * call with a non-retryable `APICallError`.
   */
  maxResponseBytes?: number;
}

const MB = 1024 * 1024;

/**
 * 16 MB for one event: the largest single events OpenRouter sends are images generated inline
 * (base64) and long tool arguments, a few MB at most. 64 MB for a whole body: room for a response
 * with several such images, while a runaway or hostile body cannot take the process down.
 */
export const DEFAULT_OPENROUTER_LIMITS: Required<OpenRouterLimits> = {
  maxEventBytes: 16 * MB,
  maxResponseBytes: 64 * MB,
};

/** Validates the `limits` setting (at provider creation) and fills in the defaults. */
export function resolveOpenRouterLimits(limits: unknown): Required<OpenRouterLimits> {
  if (limits === undefined) return DEFAULT_OPENROUTER_LIMITS;
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) {
    throw new InvalidArgumentError({
      argument: 'limits',
      message: 'Invalid value for limits: expected { maxEventBytes?, maxResponseBytes? }.',
    });
  }
  const resolved = { ...DEFAULT_OPENROUTER_LIMITS };
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in resolved)) {
      throw new InvalidArgumentError({
        argument: `limits.${key}`,
        message: `Unknown setting limits.${key} (expected maxEventBytes or maxResponseBytes).`,
      });
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new InvalidArgumentError({
        argument: `limits.${key}`,
        message: `Invalid value for limits.${key}: expected a whole number of bytes, at least 1.`,
      });
    }
    resolved[key as keyof OpenRouterLimits] = value;
  }
  return resolved;
}

/** `16 MB`, `64 KB` for whole multiples, else bytes. */
export function formatBytes(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/** What the wrapped fetch needs to know about the call. */
export interface OpenRouterFetchOptions {
  fetch: FetchFunction | undefined;
  call: CallSignal;
  limits: Required<OpenRouterLimits>;
  /** A streaming request: an event-stream body is bounded per event by its reader, not here. */
  stream: boolean;
  /** For the errors this layer raises. */
  requestBodyValues: unknown;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** As many redirects as `fetch` itself follows. */
const MAX_REDIRECTS = 20;

/**
 * Wraps `fetch` for one call. Redirects are followed only within the request's origin (with
 * `redirect: 'manual'`); one to another origin is refused with a non-retryable `APICallError`,
 * so neither the key nor any other header or the body reaches it. Where a runtime hides the
 * target of a redirect (browsers answer `opaqueredirect`), a request that carries a secret
 * header is refused likewise, and one without is sent again with the runtime's own redirect
 * handling (the browser's CORS rules apply). The response body is read through a stream that
 * tells the call when it waits for the network and when bytes arrive, and counts them.
 */
export function createOpenRouterFetch(options: OpenRouterFetchOptions): FetchFunction {
  const baseFetch = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    let url = input instanceof Request ? input.url : String(input);
    let requestInit: RequestInit = { ...init, redirect: 'manual' };
    for (let redirects = 0; ; redirects++) {
      options.call.waiting();
      const response = await baseFetch(url, requestInit);
      options.call.arrived();
      if (response.type === 'opaqueredirect') {
        if (hasSecretHeader(requestInit.headers)) throw refusedRedirect(options, url, response);
        const followed = await baseFetch(url, { ...requestInit, redirect: 'follow' });
        return observeBody(followed, options, url);
      }
      const location = REDIRECT_STATUSES.has(response.status)
        ? response.headers.get('location')
        : null;
      if (location === null) return observeBody(response, options, url);
      const target = safeUrl(location, url);
      await response.body?.cancel().catch(() => {});
      if (target?.origin !== new URL(url).origin || redirects >= MAX_REDIRECTS) {
        throw refusedRedirect(options, url, response, target);
      }
      url = target.href;
      requestInit = redirectedInit(requestInit, response.status);
    }
  };
}

/** As `fetch` does: 303, and 301/302 after a POST, continue as a GET without the body. */
function redirectedInit(init: RequestInit, status: number): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (!(status === 303 || ((status === 301 || status === 302) && method === 'POST'))) return init;
  const headers = { ...(init.headers as Record<string, string>) };
  for (const name of Object.keys(headers)) {
    if (/^content-(type|length)$/i.test(name)) delete headers[name];
  }
  return { ...init, method: method === 'HEAD' ? 'HEAD' : 'GET', headers, body: undefined };
}

function safeUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

function hasSecretHeader(headers: RequestInit['headers']): boolean {
  return Object.keys((headers ?? {}) as Record<string, string>).some(isSecretHeader);
}

function refusedRedirect(
  options: OpenRouterFetchOptions,
  url: string,
  response: Response,
  target?: URL,
): APICallError {
  const where =
    response.type === 'opaqueredirect'
      ? 'to an address this runtime does not reveal'
      : target === undefined
        ? 'to an invalid address'
        : target.origin === new URL(url).origin
          ? `more than ${MAX_REDIRECTS} times`
          : `to another origin (${target.origin})`;
  return new APICallError({
    message: `The request to ${new URL(url).origin} was redirected ${where}. The redirect was not followed, so the API key, the other headers and the body were not sent there; if the move is intended, set baseURL to the new address.`,
    url,
    requestBodyValues: options.requestBodyValues,
    statusCode: response.status || undefined,
    responseHeaders: extractResponseHeaders(response),
    isRetryable: false,
  });
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
