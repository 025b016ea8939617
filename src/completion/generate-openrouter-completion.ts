import {
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
  NoContentGeneratedError,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { createOpenRouterResponseError } from '../shared/openrouter-error';
import { createOpenRouterPartStream } from '../shared/openrouter-event-stream';
import { requestOpenRouter, requestOpenRouterStream } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterEventStreamResponseHandler,
} from '../shared/openrouter-response-handlers';
import { buildOpenRouterCompletionRequest } from './build-openrouter-completion-request';
import { mapOpenRouterCompletionResponse } from './map-openrouter-completion-response';
import { openRouterCompletionResponseSchema } from './openrouter-completion-api';
import type { OpenRouterCompletionSettings } from './openrouter-completion-options';
import { OpenRouterCompletionStreamState } from './openrouter-completion-stream-state';

/**
 * One call of the completion model, `doGenerate` or `doStream`: the request builder with the
 * option schemas, `POST /completions`, the response schema, the mapping and the stream state.
 * The model class stays small and loads this module on its first call, so apps that never use
 * the completion model do not load any of it.
 */
export interface OpenRouterCompletionCall {
  modelId: string;
  settings: OpenRouterCompletionSettings;
  config: OpenRouterModelConfig;
  options: LanguageModelV4CallOptions;
}

function prepare({ modelId, settings, config, options }: OpenRouterCompletionCall) {
  const warnings = config.setupWarnings();
  const { body, behaviour } = buildOpenRouterCompletionRequest({
    modelId,
    options,
    settings,
    providerExtraBody: config.extraBody,
    warnings,
  });
  return {
    body,
    warnings,
    request: {
      config,
      path: '/completions',
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
    },
  };
}

export async function generateOpenRouterCompletion(
  completion: OpenRouterCompletionCall,
): Promise<LanguageModelV4GenerateResult> {
  const { body, warnings, request } = prepare(completion);
  const {
    responseHeaders,
    value: response,
    rawValue,
    url,
  } = await requestOpenRouter({
    ...request,
    body: { json: body },
    successfulResponseHandler: createOpenRouterJsonResponseHandler(
      openRouterCompletionResponseSchema,
    ),
  });

  const choice = response.choices?.[0];
  if (choice?.error) {
    // A generation that failed midway (HTTP 200, error on the choice): an API error, so
    // retries and error handling work as for any other failure.
    throw createOpenRouterResponseError({
      error: choice.error,
      url,
      requestBodyValues: body,
      responseHeaders,
      data: rawValue,
    });
  }
  if (!choice) {
    throw new NoContentGeneratedError({ message: 'OpenRouter returned no choices.' });
  }

  return {
    ...mapOpenRouterCompletionResponse({ response, choice, responseHeaders }),
    warnings,
    request: { url, body },
    response: {
      id: response.id ?? responseHeaders['x-generation-id'],
      modelId: response.model ?? undefined,
      timestamp: response.created != null ? new Date(response.created * 1000) : undefined,
      headers: responseHeaders,
      body: rawValue,
    },
  };
}

export async function streamOpenRouterCompletion(
  completion: OpenRouterCompletionCall,
): Promise<LanguageModelV4StreamResult> {
  const { options } = completion;
  const prepared = prepare(completion);
  const body = { ...prepared.body, stream: true };
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

  const stream = createOpenRouterPartStream<LanguageModelV4StreamPart>({
    body: responseBody,
    abortSignal: options.abortSignal,
    lifecycle,
    createState: (emit) =>
      new OpenRouterCompletionStreamState({
        emit,
        warnings: prepared.warnings,
        includeRawChunks: options.includeRawChunks === true,
        request: { url, requestBodyValues: body, responseHeaders },
      }),
  });

  return { stream, request: { url, body }, response: { headers: responseHeaders } };
}
