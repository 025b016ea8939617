import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import {
  combineHeaders,
  type FetchFunction,
  generateId,
  getFromApi,
  isBrowserRuntime,
  loadOptionalSetting,
  postFormDataToApi,
  postJsonToApi,
  type ResponseHandler,
  withUserAgentSuffix,
} from '@ai-sdk/provider-utils';
import { type CallSignal, openCallSignal } from './call-signal';
import { provideCallTimeUtils } from './call-time-utils';
import { createOpenRouterFailedResponseHandler } from './openrouter-error';
import type { StreamLifecycle } from './openrouter-event-stream';
import { createOpenRouterFetch } from './openrouter-fetch';
import { DEFAULT_OPENROUTER_LIMITS, type OpenRouterLimits } from './openrouter-limits';
import { buildOpenRouterUrl } from './openrouter-url';
import { createRedactor, type Redactor, secretsOfHeaders } from './redact-secrets';
import type { OpenRouterTimeout } from './request-timeout';
import { VERSION } from './version';

// Every call loads this module before the provider's per-request functions run (base URL,
// headers, set-up warnings, default ids): they find their provider-utils functions here.
provideCallTimeUtils({ generateId, isBrowserRuntime, loadOptionalSetting });

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
  /** The `limits` setting, resolved (the defaults when absent). */
  limits?: Required<OpenRouterLimits>;
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
  /**
   * The call's signal, when the call opened it before its own awaits (see `openCallSignal`);
   * then `abortSignal` and `timeout` are not used. The request ends it when it fails.
   */
  call?: CallSignal;
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
  const { call, redact, ...response } = await send(request, false);
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
  const { call, ...response } = await send({ ...rest, path: '', keyOptional: true }, false, url);
  call.done();
  return response;
}

/**
 * Sends a request whose body is read later (an event stream). The returned lifecycle belongs to
 * the body's reader, which must end it: the timeout and the abort link live until the stream is
 * over.
 */
export async function requestOpenRouterStream(
  request: OpenRouterRequest<ReadableStream<Uint8Array>>,
): Promise<OpenRouterResponse<ReadableStream<Uint8Array>> & { lifecycle: StreamLifecycle }> {
  const { call, redact, ...response } = await send(request, true);
  const context = { url: response.url, requestBodyValues: requestBodyValues(request.body) };
  return {
    ...response,
    lifecycle: {
      done: () => call.done(),
      timeoutError: () => call.timeoutError(context),
      redact,
      maxEventBytes: limitsOf(request.config).maxEventBytes,
      request: { ...context, responseHeaders: response.responseHeaders },
    },
  };
}

function limitsOf(config: OpenRouterRequestConfig): Required<OpenRouterLimits> {
  return config.limits ?? DEFAULT_OPENROUTER_LIMITS;
}

async function send<T>(
  request: OpenRouterRequest<T>,
  stream: boolean,
  /** A URL from a response body, fetched instead of `path` (see requestOpenRouterResponseUrl). */
  responseUrl?: string,
): Promise<OpenRouterResponse<T> & { call: CallSignal; redact: Redactor }> {
  const { config, body } = request;
  const baseURL = config.baseURL();
  const url = responseUrl ?? buildOpenRouterUrl(baseURL, request.path, request.query);
  const values = requestBodyValues(body);
  // Before anything that can wait: an abort or a timeout must be able to end every await below.
  const call = request.call ?? openCallSignal(request.abortSignal, request.timeout);
  let redact: Redactor = (value) => value;
  try {
    const headers = buildRequestHeaders(config, request.headers, request.keyOptional === true);
    redact = createRedactor(secretsOfHeaders(headers));
    const common = {
      url,
      headers,
      // The path lets a 404's hint fit what was asked (a model, a generation, a missing route).
      failedResponseHandler: createOpenRouterFailedResponseHandler({
        path: request.path,
        baseURL: baseURL.split('?')[0] ?? baseURL,
      }),
      successfulResponseHandler: request.successfulResponseHandler,
      abortSignal: call.signal,
      fetch: createOpenRouterFetch({
        fetch: config.fetch,
        call,
        limits: limitsOf(config),
        stream,
        requestBodyValues: values,
        // A URL from a response (a CDN) may redirect to another origin: provider-utils checks
        // every hop of it and sends headers only to the base URL's origin (see urlTrust).
        redirects: responseUrl === undefined ? 'same-origin' : 'validated-by-caller',
      }),
    };
    const { value, rawValue, responseHeaders } =
      body === undefined
        ? await getFromApi({ ...common, ...urlTrust(config, responseUrl) })
        : 'json' in body
          ? await postJsonToApi({ ...common, body: body.json })
          : await postFormDataToApi({ ...common, formData: body.formData });
    return { value, rawValue, responseHeaders: responseHeaders ?? {}, url, call, redact };
  } catch (error) {
    call.done();
    throw redact(call.timeoutError({ url, requestBodyValues: values }) ?? error);
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
  checkHeaders(configHeaders);
  checkHeaders(callHeaders);
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

/** An HTTP token: what a header name may consist of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Inside a header value (after trimming, as `fetch` does): no CR, LF or NUL, only Latin-1. */
const INVALID_HEADER_VALUE = /[\0\r\n\u0100-\uffff]/;
const HTTP_WHITESPACE_AROUND = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Checks every header before `fetch` sees it: `fetch` would throw a plain `TypeError` that quotes
 * the value, which for `Authorization` is the API key. The error names the header, never its value.
 */
function checkHeaders(headers: Record<string, string | undefined> | undefined): void {
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (!HEADER_NAME.test(name)) {
      throw new InvalidArgumentError({
        argument: 'headers',
        message: `Invalid header name ${JSON.stringify(name.slice(0, 64))}: a header name is a token of letters, digits and !#$%&'*+-.^_\`|~.`,
      });
    }
    if (
      typeof value !== 'string' ||
      INVALID_HEADER_VALUE.test(value.replace(HTTP_WHITESPACE_AROUND, ''))
    ) {
      throw new InvalidArgumentError({
        argument: `headers.${name}`,
        message: `The ${name} header cannot be sent: its value ${typeof value !== 'string' ? 'is not a string' : 'contains a line break, a NUL or a character outside Latin-1'} (the value is not shown, as it may be a key).`,
      });
    }
  }
}
