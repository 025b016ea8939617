import { APICallError, EmptyResponseBodyError, InvalidResponseDataError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
  isAbortError,
  type ResponseHandler,
  safeParseJSON,
  safeValidateTypes,
} from '@ai-sdk/provider-utils';
import {
  createOpenRouterResponseError,
  type OpenRouterErrorObject,
  openRouterErrorDataSchema,
} from './openrouter-error';

/**
 * Handlers for successful (2xx) responses. OpenRouter can answer HTTP 200 with an `{ error }`
 * body instead of a result (for example when the upstream failed after the status was sent);
 * every handler here turns that into the same typed `APICallError` as an HTTP error, so retries
 * and error handling work alike for every endpoint.
 */

/**
 * A JSON result, validated leniently by `schema`; a 200 `{ error }` body throws, and so does an
 * error that `findError` finds elsewhere in the result (chat: `choices[0].error`, a generation
 * that failed midway), as the same typed `APICallError`.
 */
export function createOpenRouterJsonResponseHandler<T>(
  schema: FlexibleSchema<T>,
  findError?: (value: T) => OpenRouterErrorObject | null | undefined,
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
        const error = findError?.(validated.value);
        if (error) {
          throw createOpenRouterResponseError({
            error,
            data: parsed.value,
            url,
            requestBodyValues,
            responseHeaders,
          });
        }
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

/**
 * Raw bytes (audio, video content); a JSON `{ error }` body instead throws. The bytes are
 * copied at most once on the way: a body that arrives in one chunk is returned as it is, one in
 * several chunks is copied once into a single buffer. (`Response.arrayBuffer()`, which
 * provider-utils' binary handler uses, copies twice in Node's fetch: it concatenates the chunks,
 * then copies the result into a fresh `ArrayBuffer`.) A JSON body is read the same way and
 * decoded from those bytes, so it needs no second read.
 */
export const openRouterBinaryResponseHandler: ResponseHandler<Uint8Array> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseHeaders = extractResponseHeaders(response);
  if (!response.body) {
    throw new APICallError({
      message: 'Response body is empty',
      url,
      requestBodyValues,
      statusCode: response.status,
      responseHeaders,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readAllBytes(response.body);
  } catch (error) {
    if (isAbortError(error)) throw error; // the request layer reports aborts and timeouts
    // The status was 200 but the body broke off (a reset connection): worth another try.
    throw new APICallError({
      message: 'The connection closed before the whole response body arrived.',
      cause: error,
      url,
      requestBodyValues,
      statusCode: response.status,
      responseHeaders,
      isRetryable: true,
    });
  }
  if (isJson(response)) {
    const parsed = await safeParseJSON({ text: new TextDecoder().decode(bytes) });
    if (parsed.success) throwIfErrorBody(parsed.value, { url, requestBodyValues, responseHeaders });
  }
  return { responseHeaders, value: bytes };
};

/** Every chunk of `body` in one `Uint8Array`, each byte copied at most once. */
async function readAllBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

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
