import { EmptyResponseBodyError, InvalidResponseDataError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import { createOpenRouterResponseError, openRouterErrorDataSchema } from './openrouter-error';

/**
 * Successful-response handler for streaming requests. OpenRouter can answer a stream request
 * with HTTP 200 and a JSON error body instead of SSE (P9); that becomes an API error here, before
 * the stream starts. Otherwise the raw body is handed to the SSE reader.
 */
export const openRouterStreamResponseHandler: ResponseHandler<ReadableStream<Uint8Array>> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseHeaders = extractResponseHeaders(response);
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const parsed = openRouterErrorDataSchema.safeParse(data);
    if (parsed.success) {
      throw createOpenRouterResponseError({
        error: parsed.data.error,
        url,
        requestBodyValues,
        responseHeaders,
        data,
      });
    }
    throw new InvalidResponseDataError({
      data: text,
      message: 'OpenRouter answered a streaming request with JSON instead of an event stream.',
    });
  }
  if (response.body == null) throw new EmptyResponseBodyError({});
  return { responseHeaders, value: response.body };
};
