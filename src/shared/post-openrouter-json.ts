import type { ResponseHandler } from '@ai-sdk/provider-utils';
import {
  type OpenRouterRequestConfig,
  type OpenRouterResponse,
  requestOpenRouter,
} from './openrouter-request';
import type { OpenRouterTimeout } from './request-timeout';

/**
 * The exchange of every model kind whose call is one `POST` of a JSON body (embeddings, rerank,
 * images, speech, transcriptions, decisions, the video job): the body to `path`, with the call's
 * headers and abort signal and the kind's `timeout` setting, the answer read by
 * `successfulResponseHandler`. A `sessionId` goes as the `x-session-id` header, for the
 * endpoints that take no `session_id` body field.
 */
export function postOpenRouterJson<T>(request: {
  config: OpenRouterRequestConfig;
  path: string;
  body: Record<string, unknown>;
  /** The AI SDK call options: their `headers` and `abortSignal`. */
  call: { headers?: Record<string, string | undefined>; abortSignal?: AbortSignal };
  behaviour: { timeout?: OpenRouterTimeout; sessionId?: string };
  successfulResponseHandler: ResponseHandler<T>;
}): Promise<OpenRouterResponse<T>> {
  const { call, behaviour } = request;
  return requestOpenRouter({
    config: request.config,
    path: request.path,
    body: { json: request.body },
    headers: withSessionHeader(call.headers, behaviour.sessionId),
    abortSignal: call.abortSignal,
    timeout: behaviour.timeout,
    successfulResponseHandler: request.successfulResponseHandler,
  });
}

/**
 * The call's headers with the session as `x-session-id` (over the provider's `sessionId`
 * header), for endpoints that take no `session_id` body field; unchanged without a session.
 */
export function withSessionHeader(
  headers: Record<string, string | undefined> | undefined,
  sessionId: string | undefined,
): Record<string, string | undefined> | undefined {
  return sessionId === undefined ? headers : { ...headers, 'x-session-id': sessionId };
}
