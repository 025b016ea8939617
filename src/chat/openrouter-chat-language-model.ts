import {
  APICallError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
  NoContentGeneratedError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { boundJsonDepth, deepValueWarning } from '../shared/bound-json-depth';
import { type CallSignal, openCallSignal } from '../shared/call-signal';
import { createOpenRouterPartStream } from '../shared/openrouter-event-stream';
import { requestOpenRouter, requestOpenRouterStream } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterEventStreamResponseHandler,
} from '../shared/openrouter-response-handlers';
import { type OpenRouterTimeout, parseOpenRouterTimeout } from '../shared/request-timeout';
import { buildOpenRouterChatRequest } from './build-openrouter-chat-request';
import { mapOpenRouterChatResponse } from './map-openrouter-chat-response';
import { type OpenRouterChatResponse, openRouterChatResponseSchema } from './openrouter-chat-api';
import type { OpenRouterChatConfig } from './openrouter-chat-config';
import type { OpenRouterChatSettings } from './openrouter-chat-options';
import { OpenRouterChatStreamState } from './stream/openrouter-chat-stream-state';

/** Every http(s) or data URL OpenRouter fetches itself, so the AI SDK need not download it. */
const FETCHABLE_URL = /^(https?:\/\/|data:)/i;

/**
 * An OpenRouter chat model (`LanguageModelV4` over `POST /chat/completions`), made by
 * `openrouter(modelId)` or `openrouter.chat(modelId)`; pass it to `generateText` or `streamText`.
 */
export class OpenRouterChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';

  private readonly timeout: OpenRouterTimeout | undefined;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterChatSettings,
    private readonly config: OpenRouterChatConfig,
  ) {
    // A timeout that no timer can honour is refused where the model is configured.
    this.timeout = parseOpenRouterTimeout(settings?.timeout, 'settings.timeout');
  }

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
  private async prepare(options: LanguageModelV4CallOptions, call: CallSignal) {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    const built = await buildOpenRouterChatRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const body = this.config.checkCapabilities
      ? await this.config.checkCapabilities(this.modelId, built.body, warnings, call.signal)
      : built.body;
    return {
      body,
      warnings,
      request: { config: this.config, path: '/chat/completions', headers: options.headers, call },
    };
  }

  /**
   * The call's abort link and timeouts, opened before anything can wait (option schemas load
   * lazily, the capability check may fetch the catalog), so an abort or a timeout ends every
   * step of the call. A `timeout` in `providerOptions.openrouter` replaces the model's.
   */
  private openCall(options: LanguageModelV4CallOptions): CallSignal {
    const callTimeout = (options.providerOptions?.openrouter as { timeout?: unknown } | undefined)
      ?.timeout;
    const timeout =
      callTimeout === undefined
        ? this.timeout
        : parseOpenRouterTimeout(callTimeout, 'providerOptions.openrouter.timeout');
    return openCallSignal(options.abortSignal, timeout);
  }

  /** What a timeout that fired before the request was sent (while preparing it) reports. */
  private failed(call: CallSignal, error: unknown, body: unknown): unknown {
    call.done();
    if (APICallError.isInstance(error)) return error;
    const url = `${this.config.baseURL()}/chat/completions`;
    return call.timeoutError({ url, requestBodyValues: body }) ?? error;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const call = this.openCall(options);
    let body: Record<string, unknown> | undefined;
    try {
      const prepared = await this.prepare(options, call);
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
          generateId: this.config.generateId,
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
      throw this.failed(call, error, body);
    }
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const call = this.openCall(options);
    let body: Record<string, unknown> | undefined;
    try {
      const prepared = await this.prepare(options, call);
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
            generateId: this.config.generateId,
            includeRawChunks: options.includeRawChunks === true,
            request: { url, requestBodyValues, responseHeaders },
          }),
      });

      return { stream, request: { url, body }, response: { headers: responseHeaders } };
    } catch (error) {
      throw this.failed(call, error, body);
    }
  }
}

/** The first choice that is there (OpenRouter sends one; `[null]` counts as none). */
function firstChoice(response: OpenRouterChatResponse) {
  return response.choices?.find((candidate) => candidate != null);
}
