import {
  APICallError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
  NoContentGeneratedError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { boundJsonDepth, deepValueWarning } from '../shared/bound-json-depth';
import type { CallSignal } from '../shared/call-signal';
import { createOpenRouterPartStream } from '../shared/openrouter-event-stream';
import { requestOpenRouter, requestOpenRouterStream } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterEventStreamResponseHandler,
} from '../shared/openrouter-response-handlers';
import { buildOpenRouterChatRequest } from './build-openrouter-chat-request';
import { mapOpenRouterChatResponse } from './map-openrouter-chat-response';
import { type OpenRouterChatResponse, openRouterChatResponseSchema } from './openrouter-chat-api';
import type { OpenRouterChatConfig } from './openrouter-chat-config';
import type { OpenRouterChatSettings } from './openrouter-chat-options';
import { OpenRouterChatStreamState } from './stream/openrouter-chat-stream-state';

/**
 * One chat call, `doGenerate` or `doStream` of `OpenRouterChatLanguageModel`: the request built
 * from the call options, `POST /chat/completions`, and the result or the part stream. The model
 * class, which the provider creates eagerly, loads this module (with the request layer, the
 * schemas and provider-utils) on its first call, after opening the call's signal.
 */
export interface OpenRouterChatCall {
  modelId: string;
  settings: OpenRouterChatSettings;
  config: OpenRouterChatConfig;
  options: LanguageModelV4CallOptions;
  /** The call's abort link and timeouts, opened by the model before its first `await`. */
  call: CallSignal;
}

/** The request body and warnings; the capability check (opt-in) may add a field. */
async function prepare({ modelId, settings, config, options, call }: OpenRouterChatCall) {
  const warnings: SharedV4Warning[] = config.setupWarnings();
  const built = await buildOpenRouterChatRequest({
    modelId,
    options,
    settings,
    providerExtraBody: config.extraBody,
    warnings,
  });
  const body = config.checkCapabilities
    ? await config.checkCapabilities(modelId, built.body, warnings, call.signal)
    : built.body;
  return {
    body,
    warnings,
    request: { config, path: '/chat/completions', headers: options.headers, call },
  };
}

/** What a timeout that fired before the request was sent (while preparing it) reports. */
function failed({ config, call }: OpenRouterChatCall, error: unknown, body: unknown): unknown {
  call.done();
  if (APICallError.isInstance(error)) return error;
  const url = `${config.baseURL()}/chat/completions`;
  return call.timeoutError({ url, requestBodyValues: body }) ?? error;
}

export async function generateOpenRouterChat(
  chat: OpenRouterChatCall,
): Promise<LanguageModelV4GenerateResult> {
  const { options, config } = chat;
  let body: Record<string, unknown> | undefined;
  try {
    const prepared = await prepare(chat);
    body = prepared.body;
    const received = await requestOpenRouter({
      ...prepared.request,
      body: { json: body },
      // A generation that failed midway (HTTP 200, error on the choice) is an API error, so
      // retries and error handling work as for any other failure.
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        openRouterChatResponseSchema,
        (value) => firstChoice(value)?.error,
      ),
    });
    const { responseHeaders, url } = received;
    // Values from the response reach the result (metadata, the raw body): bound their depth.
    const bounded = boundJsonDepth(received.value);
    const response = bounded.value;
    const rawValue = boundJsonDepth(received.rawValue).value;
    if (bounded.truncated) prepared.warnings.push(deepValueWarning());

    const choice = firstChoice(response);
    if (!choice) {
      throw new NoContentGeneratedError({ message: 'OpenRouter returned no choices.' });
    }

    return {
      ...mapOpenRouterChatResponse({
        response,
        choice,
        warnings: prepared.warnings,
        prompt: options.prompt,
        tools: options.tools,
        generateId: config.generateId,
        responseHeaders,
      }),
      warnings: prepared.warnings,
      request: { url, body },
      response: {
        id: response.id ?? undefined,
        modelId: response.model ?? undefined,
        timestamp: response.created != null ? new Date(response.created * 1000) : undefined,
        headers: responseHeaders,
        body: rawValue,
      },
    };
  } catch (error) {
    throw failed(chat, error, body);
  }
}

export async function streamOpenRouterChat(
  chat: OpenRouterChatCall,
): Promise<LanguageModelV4StreamResult> {
  const { options, config } = chat;
  let body: Record<string, unknown> | undefined;
  try {
    const prepared = await prepare(chat);
    body = { ...prepared.body, stream: true };
    const {
      responseHeaders,
      value: responseBody,
      url,
      lifecycle,
    } = await requestOpenRouterStream({
      ...prepared.request,
      body: { json: body },
      successfulResponseHandler: openRouterEventStreamResponseHandler,
    });
    const requestBodyValues = body;

    const stream = createOpenRouterPartStream<LanguageModelV4StreamPart>({
      body: responseBody,
      abortSignal: options.abortSignal,
      lifecycle,
      createState: (emit) =>
        new OpenRouterChatStreamState({
          emit,
          warnings: prepared.warnings,
          prompt: options.prompt,
          tools: options.tools,
          generateId: config.generateId,
          includeRawChunks: options.includeRawChunks === true,
          request: { url, requestBodyValues, responseHeaders },
        }),
    });

    return { stream, request: { url, body }, response: { headers: responseHeaders } };
  } catch (error) {
    throw failed(chat, error, body);
  }
}

/** The first choice that is there (OpenRouter sends one; `[null]` counts as none). */
function firstChoice(response: OpenRouterChatResponse) {
  return response.choices?.find((candidate) => candidate != null);
}
