import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
  safeParseJSON,
} from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/**
 * OpenRouter's error envelope (openrouter.ai/docs/api/reference/errors-and-debugging). Two
 * generations of `metadata` exist in the wild ({raw, provider_name} and {error_type,
 * provider_code}), and availability errors carry `http_status` instead of `code`, so every field
 * is optional and unknown fields pass through.
 */
export const openRouterErrorObjectSchema = z
  .object({
    message: z.string().nullish(),
    code: z.union([z.number(), z.string()]).nullish(),
    http_status: z.number().nullish(),
    error_type: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    availability: z.object({ retryable: z.boolean().nullish() }).passthrough().nullish(),
  })
  .passthrough();

export const openRouterErrorDataSchema = z
  .object({ error: openRouterErrorObjectSchema, user_id: z.string().nullish() })
  .passthrough();

export type OpenRouterErrorObject = z.infer<typeof openRouterErrorObjectSchema>;
/**
 * OpenRouter's error envelope, `{ error: { message, code, metadata? }, user_id? }`: the `data` of
 * an `APICallError` from this provider.
 */
export type OpenRouterErrorData = z.infer<typeof openRouterErrorDataSchema>;

const RAW_MESSAGE_KEYS = ['message', 'error', 'detail', 'details', 'msg'] as const;

/** Digs the human-readable message out of an upstream body (`metadata.raw`: JSON text or object). */
function findUpstreamMessage(raw: unknown, depth = 0): string | undefined {
  if (depth > 4 || raw == null) return undefined;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return findUpstreamMessage(JSON.parse(trimmed), depth + 1) ?? trimmed;
      } catch {
        return trimmed;
      }
    }
    return trimmed || undefined;
  }
  if (Array.isArray(raw)) return findUpstreamMessage(raw[0], depth + 1);
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    for (const key of RAW_MESSAGE_KEYS) {
      const found = findUpstreamMessage(record[key], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * What a request asked for, so that a hint fits it: a 404 for a model, for a generation id and
 * for a route that does not exist (a base URL without `/api/v1`) need different advice.
 */
export interface OpenRouterRequestContext {
  /** The path after the base URL (`/chat/completions`, `/generation`); empty for a download. */
  path: string;
  /** The base URL the path was appended to. */
  baseURL: string;
}

/**
 * The message users see: OpenRouter's own message, plus the upstream provider's detail when
 * OpenRouter only says "Provider returned error", and a hint by status (and, for a 404, by what
 * was asked for). The hint only suggests a retry when the error is retryable (by default: what
 * `isRetryableOpenRouterError` says).
 */
export function getOpenRouterErrorMessage(
  error: OpenRouterErrorObject,
  status: number | undefined = getOpenRouterErrorStatus(error),
  retryable: boolean = isRetryableOpenRouterError(error, status),
  context?: OpenRouterRequestContext,
): string {
  const metadata = error.metadata ?? undefined;
  const providerName =
    typeof metadata?.provider_name === 'string' ? metadata.provider_name : undefined;
  const upstream = findUpstreamMessage(metadata?.raw);
  const base = error.message || 'Unknown OpenRouter error';
  const parts = [upstream ? `${base}: ${upstream}` : base];
  if (providerName) parts.unshift(`[${providerName}]`);
  const reasons = metadata?.reasons;
  if (Array.isArray(reasons) && reasons.length > 0) parts.push(`(flagged: ${reasons.join(', ')})`);
  return withStatusHint(parts.join(' '), status, retryable, context, true);
}

function withStatusHint(
  message: string,
  status: number | undefined,
  retryable: boolean,
  context: OpenRouterRequestContext | undefined,
  /** Whether the body was OpenRouter's error envelope (a route that exists answered). */
  envelope: boolean,
): string {
  const hint =
    status === 404 && context !== undefined
      ? notFoundHint(context, envelope)
      : status !== undefined
        ? STATUS_HINTS[status]
        : undefined;
  if (hint === undefined) return message;
  return `${message}. ${typeof hint === 'string' ? hint : hint(retryable)}`;
}

/** The routes whose request names a model: a 404 there is about the model (or its routing). */
const MODEL_ROUTE =
  /^\/(chat\/completions|completions|embeddings|rerank|images|audio\/speech|audio\/transcriptions|videos|decisions)$|^\/models?\/./;

/**
 * A 404 means different things by what was asked: OpenRouter's error envelope on a model route
 * is about the model; on `/generation`, about the id; and an answer that is not OpenRouter's
 * envelope at all (its website's HTML page, a proxy's own 404) means the route does not exist,
 * most often because the base URL lacks `/api/v1`.
 */
function notFoundHint(context: OpenRouterRequestContext, envelope: boolean): string {
  if (!envelope && context.path !== '') {
    return context.path === '/decisions'
      ? `Nothing answers at ${context.baseURL}${context.path}: check decisionsBaseURL (OpenRouter serves the Decisions API at https://openrouter.ai/api/alpha; by default it is the base URL's origin plus /api/alpha).`
      : `Nothing answers at ${context.baseURL}${context.path}: check that baseURL ends with /api/v1 (https://openrouter.ai/api/v1, or your proxy's route to it).`;
  }
  if (context.path === '/generation') {
    return 'No generation has this id: check the id (the response id, gen-...); the stats of a generation that just ended may take a moment to appear.';
  }
  if (MODEL_ROUTE.test(context.path)) return STATUS_HINTS[404] as string;
  return 'Check the id in the request (nothing was found under it).';
}

/**
 * What to do about it, by status, following OpenRouter's list of error codes
 * (https://openrouter.ai/docs/api/reference/errors-and-debugging); a retry is suggested only for
 * retryable errors.
 */
const STATUS_HINTS: Record<number, string | ((retryable: boolean) => string)> = {
  400: 'Check the request: model id, parameters and message format.',
  401: 'Check the API key (the apiKey setting or OPENROUTER_API_KEY).',
  402: 'Add credits at https://openrouter.ai/settings/credits, or ask for fewer tokens (maxOutputTokens).',
  403: "The request was blocked by moderation, a guardrail or the key's permissions; retrying will not help.",
  404: 'Check the model id (openrouter.models.list()) and whether your provider routing leaves any endpoint.',
  408: (retry) => `The request timed out${retry ? '; it can be retried' : ''}.`,
  413: 'The request is too large: shorten the prompt or the attachments.',
  422: 'The request could not be processed as sent; check its content.',
  429: (retry) =>
    `Rate limited: ${retry ? 'retry after the Retry-After delay (the AI SDK does with maxRetries), or ' : ''}bring your own key (apiKeys).`,
  500: (retry) => `OpenRouter had an internal error${retry ? '; it can be retried' : ''}.`,
  502: (retry) =>
    `The upstream provider failed${retry ? '; it can be retried, or add' : ': add'} fallback models (models).`,
  503: (retry) =>
    `No provider is available for this request right now: ${retry ? 'retry, or ' : ''}relax provider routing (only, ignore, quantizations, max_price).`,
  504: (retry) => `The upstream provider timed out${retry ? '; it can be retried' : ''}.`,
  524: (retry) => `The request timed out at the edge${retry ? '; it can be retried' : ''}.`,
  529: (retry) =>
    `The provider is overloaded${retry ? '; it can be retried, or add' : ': add'} fallback models (models).`,
};

/** The HTTP-like status of an error object: numeric `code`, else `http_status`. */
function getOpenRouterErrorStatus(error: OpenRouterErrorObject): number | undefined {
  if (typeof error.code === 'number') return error.code;
  if (typeof error.code === 'string' && /^\d{3}$/.test(error.code)) return Number(error.code);
  return error.http_status ?? undefined;
}

const RETRYABLE_STRING_CODES = new Set([
  'server_error',
  'rate_limit_exceeded',
  'provider_overloaded',
  'provider_unavailable',
  'timeout',
]);

/**
 * Retryable by status: 408, 409, 429 and 5xx, whatever else the body says, unless OpenRouter's
 * envelope decides (`availability.retryable`). Without a status, by OpenRouter's string code.
 */
export function isRetryableOpenRouterError(
  error: OpenRouterErrorObject | undefined,
  status: number | undefined,
): boolean {
  if (typeof error?.availability?.retryable === 'boolean') return error.availability.retryable;
  if (status !== undefined) return isRetryableStatus(status);
  const code = typeof error?.code === 'string' ? error.code : (error?.error_type ?? undefined);
  return code !== undefined && RETRYABLE_STRING_CODES.has(code);
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * For non-2xx responses: an `APICallError` whose message carries OpenRouter's (and the upstream
 * provider's) detail. Bodies that are not OpenRouter's envelope (an HTML page from a CDN, an
 * empty body, `{"message": ...}` from a proxy) are classified by status alone, so a 429 or 503
 * from anything in between is retried like OpenRouter's own.
 */
export const openRouterFailedResponseHandler = createOpenRouterFailedResponseHandler();

/** The failed-response handler of one request, whose hints fit what it asked for. */
export function createOpenRouterFailedResponseHandler(
  context?: OpenRouterRequestContext,
): ResponseHandler<APICallError> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();
    const status = response.status;
    const parsed = await safeParseJSON({ text: responseBody });
    const envelope = parsed.success ? openRouterErrorDataSchema.safeParse(parsed.value) : undefined;
    const data = envelope?.success ? envelope.data : undefined;
    const isRetryable = isRetryableOpenRouterError(data?.error, status);
    const message = data
      ? getOpenRouterErrorMessage(data.error, status, isRetryable, context)
      : withStatusHint(
          describeFailedResponse(response, parsed.success ? parsed.value : undefined),
          status,
          isRetryable,
          context,
          false,
        );
    return {
      responseHeaders,
      value: new APICallError({
        message,
        url,
        requestBodyValues,
        statusCode: status,
        responseHeaders,
        responseBody,
        isRetryable,
        data,
      }),
    };
  };
}

/** `OpenRouter answered HTTP 429 Too Many Requests`, with a message found in a JSON body. */
function describeFailedResponse(response: Response, json: unknown): string {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const detail = json === undefined ? undefined : findUpstreamMessage(json);
  return `OpenRouter answered ${status}${detail ? `: ${detail}` : ''}`;
}

/**
 * An error that arrived inside a successful (HTTP 200) response: a whole-body `{error}`, a
 * `choices[].error`, or a mid-stream error chunk. Typed like an HTTP error so callers and `ai`'s
 * retry logic treat it the same way.
 */
export function createOpenRouterResponseError(options: {
  error: OpenRouterErrorObject;
  url: string;
  requestBodyValues: unknown;
  responseHeaders?: Record<string, string>;
  data: unknown;
}): APICallError {
  const status = getOpenRouterErrorStatus(options.error);
  const isRetryable = isRetryableOpenRouterError(options.error, status);
  return new APICallError({
    message: getOpenRouterErrorMessage(options.error, status, isRetryable),
    url: options.url,
    requestBodyValues: options.requestBodyValues,
    statusCode: status,
    responseHeaders: options.responseHeaders,
    responseBody: JSON.stringify(options.data),
    isRetryable,
    data: options.data,
  });
}
