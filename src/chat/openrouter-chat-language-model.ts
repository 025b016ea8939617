import {
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
  NoContentGeneratedError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { boundJsonDepth, deepValueWarning } from '../shared/bound-json-depth';
import { createOpenRouterResponseError } from '../shared/openrouter-error';
import { createOpenRouterPartStream } from '../shared/openrouter-event-stream';
import { requestOpenRouter, requestOpenRouterStream } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterEventStreamResponseHandler,
} from '../shared/openrouter-response-handlers';
import { buildOpenRouterChatRequest } from './build-openrouter-chat-request';
import { mapOpenRouterChatResponse } from './map-openrouter-chat-response';
import { openRouterChatResponseSchema } from './openrouter-chat-api';
import type { OpenRouterChatConfig } from './openrouter-chat-config';
import type { OpenRouterChatSettings } from './openrouter-chat-options';
import { OpenRouterChatStreamState } from './stream/openrouter-chat-stream-state';

/** Every http(s) or data URL OpenRouter fetches itself, so the AI SDK need not download it. */
const FETCHABLE_URL = /^(https?:\/\/|data:)/i;

export class OpenRouterChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterChatSettings,
    private readonly config: OpenRouterChatConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  /**
   * Images, PDFs and videos pass through as URLs. Audio is absent on purpose: OpenRouter's
   * `input_audio` takes base64 only, so the AI SDK must download audio URLs for us.
   */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [FETCHABLE_URL],
    'application/pdf': [FETCHABLE_URL],
    'video/*': [FETCHABLE_URL],
  };

  /** The request body and warnings; the capability check (opt-in) may add a field. */
  private async prepare(options: LanguageModelV4CallOptions) {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    const built = await buildOpenRouterChatRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const body = this.config.checkCapabilities
      ? await this.config.checkCapabilities(this.modelId, built.body, warnings)
      : built.body;
    return {
      body,
      warnings,
      request: {
        config: this.config,
        path: '/chat/completions',
        headers: options.headers,
        abortSignal: options.abortSignal,
        timeout: built.behaviour.timeout,
      },
    };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { body, warnings, request } = await this.prepare(options);
    const received = await requestOpenRouter({
      ...request,
      body: { json: body },
      successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterChatResponseSchema),
    });
    const { responseHeaders, url } = received;
    // Values from the response reach the result (metadata, the raw body): bound their depth.
    const bounded = boundJsonDepth(received.value);
    const response = bounded.value;
    const rawValue = boundJsonDepth(received.rawValue).value;
    if (bounded.truncated) warnings.push(deepValueWarning());

    const choice = response.choices?.find((candidate) => candidate !== undefined);
    const error = choice?.error;
    if (error) {
      // A generation that failed midway (HTTP 200, error on the choice): an API error, so
      // retries and error handling work as for any other failure.
      throw createOpenRouterResponseError({
        error,
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
      ...mapOpenRouterChatResponse({
        response,
        choice,
        warnings,
        prompt: options.prompt,
        tools: options.tools,
        generateId: this.config.generateId,
        responseHeaders,
      }),
      warnings,
      request: { url, body },
      response: {
        id: response.id ?? undefined,
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
        new OpenRouterChatStreamState({
          emit,
          warnings: prepared.warnings,
          prompt: options.prompt,
          tools: options.tools,
          generateId: this.config.generateId,
          includeRawChunks: options.includeRawChunks === true,
          request: { url, requestBodyValues: body, responseHeaders },
        }),
    });

    return { stream, request: { url, body }, response: { headers: responseHeaders } };
  }
}
