import type { SharedV4Warning } from '@ai-sdk/provider';
import type { ResponseHandler } from '@ai-sdk/provider-utils';
import type { OpenRouterModelConfig } from './openrouter-config';
import {
  type OpenRouterRequestConfig,
  type OpenRouterResponse,
  requestOpenRouter,
} from './openrouter-request';
import type { OpenRouterTimeout } from './request-timeout';

/** The call options a request needs: the AI SDK's `headers` and `abortSignal`. */
type CallOptions = { headers?: Record<string, string | undefined>; abortSignal?: AbortSignal };

/** The options that shape the exchange, resolved from the settings and the call. */
type Behaviour = { timeout?: OpenRouterTimeout; sessionId?: string };

/** What every kind's request builder takes. */
export interface OpenRouterRequestInput<CALL, SETTINGS> {
  modelId: string;
  call: CALL;
  settings: SETTINGS;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}

/**
 * One call of a model kind that does not stream: the provider's set-up warnings, the kind's
 * request built from the call options and the model settings by `build`, and the exchange
 * (`postOpenRouterJson`). Returns the answer with the body sent, the resolved behaviour options
 * and the warnings, which the kind's mapping may still add to.
 */
export async function callOpenRouterJson<
  CALL extends CallOptions,
  SETTINGS,
  BEHAVIOUR extends Behaviour,
  T,
>(request: {
  modelId: string;
  settings: SETTINGS;
  config: OpenRouterModelConfig;
  /** The AI SDK call options. */
  options: CALL;
  path: string;
  build: (input: OpenRouterRequestInput<CALL, SETTINGS>) => {
    body: Record<string, unknown>;
    behaviour: BEHAVIOUR;
  };
  successfulResponseHandler: ResponseHandler<T>;
}): Promise<
  OpenRouterResponse<T> & {
    body: Record<string, unknown>;
    behaviour: BEHAVIOUR;
    warnings: SharedV4Warning[];
  }
> {
  const { config, options } = request;
  const warnings = config.setupWarnings();
  const { body, behaviour } = request.build({
    modelId: request.modelId,
    call: options,
    settings: request.settings,
    providerExtraBody: config.extraBody,
    warnings,
  });
  const response = await postOpenRouterJson({
    config,
    path: request.path,
    body,
    call: options,
    behaviour,
    successfulResponseHandler: request.successfulResponseHandler,
  });
  return { ...response, body, behaviour, warnings };
}

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
  call: CallOptions;
  behaviour: Behaviour;
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
