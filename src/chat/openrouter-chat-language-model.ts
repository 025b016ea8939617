import {
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamResult,
  NoContentGeneratedError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import {
  combineHeaders,
  createJsonResponseHandler,
  postJsonToApi,
  type ResponseHandler,
  withUserAgentSuffix,
} from '@ai-sdk/provider-utils';
import { type CallSignal, linkAbortSignal } from '../shared/call-signal';
import { openRouterUrl } from '../shared/openrouter-config';
import {
  createOpenRouterResponseError,
  openRouterFailedResponseHandler,
} from '../shared/openrouter-error';
import { createOpenRouterPartStream } from '../shared/openrouter-event-stream';
import { openRouterStreamResponseHandler } from '../shared/openrouter-stream-response-handler';
import { VERSION } from '../shared/version';
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

  private requestHeaders(callHeaders: LanguageModelV4CallOptions['headers']) {
    const configHeaders = this.config.headers();
    // `ai` sends its own user-agent with every call, which would replace both a user-agent from
    // the provider settings and ours in a plain merge (P6): keep all three.
    const configUserAgent = findHeader(configHeaders, 'user-agent');
    const keepConfigUserAgent =
      configUserAgent !== undefined && findHeader(callHeaders, 'user-agent') !== undefined;
    return withUserAgentSuffix(
      combineHeaders(configHeaders, callHeaders),
      ...(keepConfigUserAgent ? [configUserAgent] : []),
      `ai-sdk-openrouter/${VERSION}`,
    );
  }

  private async prepare(options: LanguageModelV4CallOptions) {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    const built = await buildOpenRouterChatRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    // Opt-in (`capabilityChecks`): compare the request with the model's catalog entry.
    const body = this.config.checkCapabilities
      ? await this.config.checkCapabilities(this.modelId, built.body, warnings)
      : built.body;
    const timeout = built.behaviour.timeout;
    return {
      body,
      warnings,
      // The timeout code loads only when a timeout is configured (it is off by default).
      call:
        timeout === undefined
          ? linkAbortSignal(options.abortSignal)
          : new (await import('../shared/request-timeout')).RequestTimeout(
              timeout,
              options.abortSignal,
            ),
      url: openRouterUrl(this.config, '/chat/completions'),
      headers: this.requestHeaders(options.headers),
    };
  }

  /**
   * POST with OpenRouter's error handling on the call's own signal: the response starting counts
   * as activity, and a request aborted by a timeout fails with a retryable `APICallError`.
   */
  private async post<T>(args: {
    url: string;
    headers: Record<string, string | undefined>;
    body: Record<string, unknown>;
    successfulResponseHandler: ResponseHandler<T>;
    call: CallSignal;
  }) {
    const { call } = args;
    const started =
      <R>(handler: ResponseHandler<R>): ResponseHandler<R> =>
      (options) => {
        call.activity();
        return handler(options);
      };
    try {
      return await postJsonToApi({
        url: args.url,
        headers: args.headers,
        body: args.body,
        failedResponseHandler: started(openRouterFailedResponseHandler),
        successfulResponseHandler: started(args.successfulResponseHandler),
        abortSignal: call.signal,
        fetch: this.config.fetch,
      });
    } catch (error) {
      call.done();
      throw call.timeoutError({ url: args.url, requestBodyValues: args.body }) ?? error;
    }
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { body, warnings, url, headers, call } = await this.prepare(options);
    const {
      responseHeaders,
      value: response,
      rawValue,
    } = await this.post({
      url,
      headers,
      body,
      successfulResponseHandler: createJsonResponseHandler(openRouterChatResponseSchema),
      call,
    }).finally(() => call.done());

    const choice = response.choices?.find((candidate) => candidate !== undefined);
    const error = response.error ?? choice?.error;
    if (error) {
      // HTTP 200 with an error (whole body, or a generation that failed midway): an API error,
      // so retries and error handling work as for any other failure (P9).
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
    const { call } = prepared;
    const { responseHeaders, value: responseBody } = await this.post({
      url: prepared.url,
      headers: prepared.headers,
      body,
      successfulResponseHandler: openRouterStreamResponseHandler,
      call,
    });

    const stream = createOpenRouterPartStream({
      body: responseBody,
      abortSignal: options.abortSignal,
      lifecycle: {
        activity: () => call.activity(),
        done: () => call.done(),
        timeoutError: () => call.timeoutError({ url: prepared.url, requestBodyValues: body }),
      },
      createState: (emit) =>
        new OpenRouterChatStreamState({
          emit,
          warnings: prepared.warnings,
          prompt: options.prompt,
          tools: options.tools,
          generateId: this.config.generateId,
          includeRawChunks: options.includeRawChunks === true,
          request: {
            url: prepared.url,
            requestBodyValues: body,
            responseHeaders: responseHeaders ?? {},
          },
        }),
    });

    return { stream, request: { url: prepared.url, body }, response: { headers: responseHeaders } };
  }
}

function findHeader(
  headers: Record<string, string | undefined> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}
