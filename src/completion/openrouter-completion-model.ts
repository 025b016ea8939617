import {
  type LanguageModelV4,
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
import type { OpenRouterCompletionSettings } from './openrouter-completion-options';

const loadInternals = () => import('./openrouter-completion-internals');

/**
 * A language model over OpenRouter's legacy `POST /completions`: the prompt goes out as one text
 * (see `convert-to-openrouter-completion-prompt.ts`), the answer comes back as text (and
 * reasoning, when the model reasons). Works with `generateText` and `streamText`; tools, a forced
 * tool choice and JSON output give warnings, since the endpoint has none of them.
 */
export class OpenRouterCompletionLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';

  /**
   * Every URL, so the AI SDK never downloads a file for this model: a text prompt cannot carry
   * files, and the prompt conversion rejects them with a clear error whatever their form.
   */
  readonly supportedUrls: Record<string, RegExp[]> = { '*/*': [/^/] };

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterCompletionSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  private async prepare(options: LanguageModelV4CallOptions) {
    const internals = await loadInternals();
    const warnings = this.config.setupWarnings();
    const { body, behaviour } = internals.buildOpenRouterCompletionRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    return {
      internals,
      body,
      warnings,
      request: {
        config: this.config,
        path: '/completions',
        headers: options.headers,
        abortSignal: options.abortSignal,
        timeout: behaviour.timeout,
      },
    };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { internals, body, warnings, request } = await this.prepare(options);
    const {
      responseHeaders,
      value: response,
      rawValue,
      url,
    } = await requestOpenRouter({
      ...request,
      body: { json: body },
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        internals.openRouterCompletionResponseSchema,
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
      ...internals.mapOpenRouterCompletionResponse({ response, choice, responseHeaders }),
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

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const prepared = await this.prepare(options);
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
        new prepared.internals.OpenRouterCompletionStreamState({
          emit,
          warnings: prepared.warnings,
          includeRawChunks: options.includeRawChunks === true,
          request: { url, requestBodyValues: body, responseHeaders },
        }),
    });

    return { stream, request: { url, body }, response: { headers: responseHeaders } };
  }
}
