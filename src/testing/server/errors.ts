import type { RecordedRequest } from './recorded-request.js';
import type { EmulatorResponse, ErrorResponse } from './responses.js';

/**
 * OpenRouter's error envelope, `{error: {message, code, metadata}, user_id}`, with absent keys
 * omitted. `code` defaults to the HTTP status, which is what OpenRouter sends for request errors.
 */
export function errorBody(response: Omit<ErrorResponse, 'type'>): Record<string, unknown> {
  const error: Record<string, unknown> = {
    message: response.message,
    code: response.code === undefined ? response.status : response.code,
  };
  if (response.metadata !== undefined) error.metadata = response.metadata;
  const body: Record<string, unknown> = { error };
  if (response.userId !== undefined) body.user_id = response.userId;
  return body;
}

/** The error envelope as a response for routes a handler does not serve. */
export function notFound(request: RecordedRequest): EmulatorResponse {
  return {
    type: 'error',
    status: 404,
    message: `OpenRouter emulator: no route for ${request.method} ${request.path}`,
  };
}
