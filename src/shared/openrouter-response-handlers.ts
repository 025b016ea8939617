import { APICallError, EmptyResponseBodyError, InvalidResponseDataError } from '@ai-sdk/provider';
import {
  createBinaryResponseHandler,
  extractResponseHeaders,
  type FlexibleSchema,
  isAbortError,
  type ResponseHandler,
  safeParseJSON,
  safeValidateTypes,
} from '@ai-sdk/provider-utils';
import { createOpenRouterResponseError, openRouterErrorDataSchema } from './openrouter-error';

/**
 * Handlers for successful (2xx) responses. OpenRouter can answer HTTP 200 with an `{ error }`
 * body instead of a result (for example when the upstream failed after the status was sent);
 * every handler here turns that into the same typed `APICallError` as an HTTP error, so retries
 * and error handling work alike for every endpoint.
 */

/** A JSON result, validated leniently by `schema`; a 200 `{ error }` body throws. */
export function createOpenRouterJsonResponseHandler<T>(
  schema: FlexibleSchema<T>,
): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();
    const parsed = await safeParseJSON({ text: responseBody });
    let cause: unknown = parsed.success ? undefined : parsed.error;
    if (parsed.success) {
      throwIfErrorBody(parsed.value, { url, requestBodyValues, responseHeaders });
      const validated = await safeValidateTypes({ value: parsed.value, schema });
      if (validated.success) {
        return { responseHeaders, value: validated.value, rawValue: parsed.value };
      }
      cause = validated.error;
    }
    throw new APICallError({
      message: 'Invalid JSON response',
      cause,
      statusCode: response.status,
      responseHeaders,
      responseBody,
      url,
      requestBodyValues,
    });
  };
}

/**
 * An event stream, handed over unread to the SSE reader. A JSON body instead of SSE is an error
 * envelope (thrown typed) or a malformed answer.
 */
export const openRouterEventStreamResponseHandler: ResponseHandler<
  ReadableStream<Uint8Array>
> = async ({ response, url, requestBodyValues }) => {
  const responseHeaders = extractResponseHeaders(response);
  if (isJson(response)) {
    const text = await response.text();
    const parsed = await safeParseJSON({ text });
    if (parsed.success) throwIfErrorBody(parsed.value, { url, requestBodyValues, responseHeaders });
    throw new InvalidResponseDataError({
      data: text,
      message: 'OpenRouter answered a streaming request with JSON instead of an event stream.',
    });
  }
  if (response.body == null) throw new EmptyResponseBodyError({});
  return { responseHeaders, value: response.body };
};

const readBinary = createBinaryResponseHandler();

/**
 * Raw bytes (audio, video content, downloaded images); a JSON `{ error }` body instead throws. An
 * abort while the body is read rejects with the abort itself, as an abort before the response
 * does (provider-utils would report it as a failed read).
 */
export const openRouterBinaryResponseHandler: ResponseHandler<Uint8Array> = async (options) => {
  const { response, url, requestBodyValues } = options;
  if (isJson(response)) {
    const responseHeaders = extractResponseHeaders(response);
    const text = await response.clone().text();
    const parsed = await safeParseJSON({ text });
    if (parsed.success) throwIfErrorBody(parsed.value, { url, requestBodyValues, responseHeaders });
  }
  try {
    return await readBinary(options);
  } catch (error) {
    if (APICallError.isInstance(error) && isAbortError(error.cause)) throw error.cause;
    throw error;
  }
};

function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('application/json');
}

function throwIfErrorBody(
  data: unknown,
  context: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> },
): void {
  if (data === null || typeof data !== 'object' || !('error' in data)) return;
  const parsed = openRouterErrorDataSchema.safeParse(data);
  if (!parsed.success) return;
  throw createOpenRouterResponseError({ error: parsed.data.error, data, ...context });
}
