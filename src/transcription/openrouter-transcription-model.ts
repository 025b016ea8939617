import type {
  SharedV4Warning,
  TranscriptionModelV4,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import type { OpenRouterTranscriptionSettings } from './openrouter-transcription-options';

/** The option schemas, response schema and mapping: loaded with the first call. */
function loadImplementation() {
  return Promise.all([
    import('./build-openrouter-transcription-request'),
    import('./openrouter-transcription-api'),
    import('./map-openrouter-transcription-response'),
  ]);
}

/**
 * Speech to text over `POST /audio/transcriptions` (`transcribe`). The audio is sent as base64
 * JSON (why: see `buildOpenRouterTranscriptionRequest`); the answer is JSON with the text, and
 * with `verbose_json` the language, duration and timestamps. The generation id comes in the
 * `X-Generation-Id` header.
 */
export class OpenRouterTranscriptionModel implements TranscriptionModelV4 {
  readonly specificationVersion = 'v4';

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterTranscriptionSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: TranscriptionModelV4CallOptions): Promise<TranscriptionModelV4Result> {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    const [build, api, map] = await loadImplementation();
    const { body, behaviour } = build.buildOpenRouterTranscriptionRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const timestamp = new Date();
    const {
      value: response,
      rawValue,
      responseHeaders,
    } = await requestOpenRouter({
      config: this.config,
      path: '/audio/transcriptions',
      body: { json: body },
      headers: behaviour.sessionId
        ? { ...options.headers, 'x-session-id': behaviour.sessionId }
        : options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        api.openRouterTranscriptionResponseSchema,
      ),
    });
    return {
      ...map.mapOpenRouterTranscriptionResponse({
        response,
        rawUsage: (rawValue as { usage?: unknown } | undefined)?.usage,
        responseHeaders,
        requestedLanguage: body.language,
        requestedGranularities: options.timestampGranularities,
        warnings,
      }),
      warnings,
      request: { body: JSON.stringify(withoutAudioData(body)) },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders, body: rawValue },
    };
  }
}

/**
 * The request body for the result, with the base64 audio replaced by its length: the body is
 * reported for debugging and telemetry, and a second copy of megabytes of base64 in it would
 * double the request's memory for nothing.
 */
function withoutAudioData(body: Record<string, unknown>): Record<string, unknown> {
  const input = body.input_audio as { data?: unknown } | undefined;
  if (typeof input?.data !== 'string') return body;
  return { ...body, input_audio: { ...input, data: `<${input.data.length} base64 characters>` } };
}
