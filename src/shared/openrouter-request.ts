import { LoadAPIKeyError } from '@ai-sdk/provider';
import {
  combineHeaders,
  type FetchFunction,
  getFromApi,
  postFormDataToApi,
  postJsonToApi,
  type ResponseHandler,
  withUserAgentSuffix,
} from '@ai-sdk/provider-utils';
import { type CallSignal, linkAbortSignal } from './call-signal';
import { openRouterFailedResponseHandler } from './openrouter-error';
import type { StreamLifecycle } from './openrouter-event-stream';
import type { OpenRouterTimeout } from './request-timeout';
import { VERSION } from './version';

/**
 * The one HTTP path of the package: every model kind and the platform API send their requests
 * through here, so headers, aborts, timeouts and error mapping behave the same everywhere.
 */

/** What a request needs from the provider, resolved per request (env may change after import). */
export interface OpenRouterRequestConfig {
  /** Base URL without trailing slash. */
  baseURL: () => string;
  /** Auth, attribution and user headers; throws `LoadAPIKeyError` when no key is configured. */
  headers: () => Record<string, string | undefined>;
  fetch?: FetchFunction;
}

/** A JSON body, or a multipart body (file uploads) with the values to report in errors. */
export type OpenRouterRequestBody =
  | { json: Record<string, unknown> }
  | { formData: FormData; values: Record<string, unknown> };

export interface OpenRouterRequest<T> {
  config: OpenRouterRequestConfig;
  /** Path after the base URL, e.g. `/chat/completions`. */
  path: string;
  query?: URLSearchParams;
  /** Without a body the request is a `GET`, with one a `POST`. */
  body?: OpenRouterRequestBody;
  /** The call's own headers, merged over the provider's. */
  headers?: Record<string, string | undefined>;
  abortSignal?: AbortSignal;
  /** The `timeout` setting; off when undefined. */
  timeout?: OpenRouterTimeout;
  successfulResponseHandler: ResponseHandler<T>;
  /** The route works without a key (the public model catalog): send none instead of failing. */
  keyOptional?: boolean;
}

export interface OpenRouterResponse<T> {
  value: T;
  /** The parsed JSON body, where there is one. */
  rawValue?: unknown;
  responseHeaders: Record<string, string>;
  url: string;
}

/** Sends a request and reads its whole response. */
export async function requestOpenRouter<T>(
  request: OpenRouterRequest<T>,
): Promise<OpenRouterResponse<T>> {
  const { call, ...response } = await send(request);
  call.done();
  return response;
}

/** A GET of a URL that a response named, with the abort, timeout and handlers of any request. */
export type OpenRouterResponseUrlRequest<T> = Omit<
  OpenRouterRequest<T>,
  'path' | 'query' | 'body' | 'keyOptional'
> & {
  /** The URL as the response gave it (a generated image or video to download). */
  url: string;
};

/**
 * GETs a URL taken from a response body (a generated file hosted on a CDN, say). Such a URL is
 * not trusted: it must be http(s) and may not point at a private, loopback or link-local address
 * (except on the configured base URL's origin), every redirect hop is checked the same way, and
 * the provider's and the call's headers, the API key among them, are sent only to the base URL's
 * origin, never to another host. An unsafe URL throws a `DownloadError` before anything is sent;
 * HTTP errors are mapped as for any other request.
 */
export async function requestOpenRouterResponseUrl<T>(
  request: OpenRouterResponseUrlRequest<T>,
): Promise<OpenRouterResponse<T>> {
  const { url, ...rest } = request;
  const { call, ...response } = await send({ ...rest, path: '', keyOptional: true }, url);
  call.done();
  return response;
}

/**
 * Sends a request whose body is read later (an event stream). The returned lifecycle belongs to
 * the body's reader, which must report reads to it and end it: the timeout and the abort link
 * live until the stream is over.
 */
export async function requestOpenRouterStream(
  request: OpenRouterRequest<ReadableStream<Uint8Array>>,
): Promise<OpenRouterResponse<ReadableStream<Uint8Array>> & { lifecycle: StreamLifecycle }> {
  const { call, ...response } = await send(request);
  const context = { url: response.url, requestBodyValues: requestBodyValues(request.body) };
  return {
    ...response,
    lifecycle: {
      activity: () => call.activity(),
      done: () => call.done(),
      timeoutError: () => call.timeoutError(context),
    },
  };
}

async function send<T>(
  request: OpenRouterRequest<T>,
  /** A URL from a response body, fetched instead of `path` (see requestOpenRouterResponseUrl). */
  responseUrl?: string,
): Promise<OpenRouterResponse<T> & { call: CallSignal }> {
  const { config, body } = request;
  const search = request.query?.toString();
  const url = responseUrl ?? `${config.baseURL()}${request.path}${search ? `?${search}` : ''}`;
  const headers = buildRequestHeaders(config, request.headers, request.keyOptional === true);
  const call = await openCallSignal(request.abortSignal, request.timeout);
  // The response starting counts as activity: it ends the first-byte wait of a timeout.
  const started =
    <R>(handler: ResponseHandler<R>): ResponseHandler<R> =>
    (options) => {
      call.activity();
      return handler(options);
    };
  const common = {
    url,
    headers,
    failedResponseHandler: started(openRouterFailedResponseHandler),
    successfulResponseHandler: started(request.successfulResponseHandler),
    abortSignal: call.signal,
    fetch: config.fetch,
  };
  try {
    const { value, rawValue, responseHeaders } =
      body === undefined
        ? await getFromApi({ ...common, ...urlTrust(config, responseUrl) })
        : 'json' in body
          ? await postJsonToApi({ ...common, body: body.json })
          : await postFormDataToApi({ ...common, formData: body.formData });
    return { value, rawValue, responseHeaders: responseHeaders ?? {}, url, call };
  } catch (error) {
    call.done();
    throw call.timeoutError({ url, requestBodyValues: requestBodyValues(body) }) ?? error;
  }
}

/**
 * A URL built from the configured base URL needs no check. A URL from a response is validated
 * (provider-utils refuses private addresses and checks each redirect), except on the base URL's
 * own origin, which may legitimately be a local proxy; headers go to that origin only.
 */
function urlTrust(config: OpenRouterRequestConfig, responseUrl: string | undefined) {
  if (responseUrl === undefined) return { validateUrl: false };
  const origin = new URL(config.baseURL()).origin;
  return { validateUrl: true, credentialedOrigin: origin, trustedOrigin: origin };
}

function requestBodyValues(body: OpenRouterRequestBody | undefined): unknown {
  if (body === undefined) return undefined;
  return 'json' in body ? body.json : body.values;
}

/** The caller's signal linked per call, with the timeout when one is set. */
async function openCallSignal(
  abortSignal: AbortSignal | undefined,
  timeout: OpenRouterTimeout | undefined,
): Promise<CallSignal> {
  if (timeout === undefined) return linkAbortSignal(abortSignal);
  // The timeout code loads only when a timeout is configured (it is off by default).
  const { RequestTimeout } = await import('./request-timeout');
  return new RequestTimeout(timeout, abortSignal);
}

/**
 * The provider's headers, the call's headers over them, and our user-agent suffix. `ai` sends
 * its own user-agent with every call, which would replace both a user-agent from the provider
 * settings and ours in a plain merge, so all three are kept.
 */
function buildRequestHeaders(
  config: Pick<OpenRouterRequestConfig, 'headers'>,
  callHeaders: Record<string, string | undefined> | undefined,
  keyOptional: boolean,
): Record<string, string> {
  let configHeaders: Record<string, string | undefined> = {};
  try {
    configHeaders = config.headers();
  } catch (error) {
    if (!(keyOptional && LoadAPIKeyError.isInstance(error))) throw error;
  }
  const configUserAgent = findHeader(configHeaders, 'user-agent');
  const keepConfigUserAgent =
    configUserAgent !== undefined && findHeader(callHeaders, 'user-agent') !== undefined;
  return withUserAgentSuffix(
    combineHeaders(configHeaders, callHeaders),
    ...(keepConfigUserAgent ? [configUserAgent] : []),
    `ai-sdk-openrouter/${VERSION}`,
  );
}

function findHeader(
  headers: Record<string, string | undefined> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}
