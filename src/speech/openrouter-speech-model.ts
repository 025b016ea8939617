import type {
  SharedV4Warning,
  SpeechModelV4,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import { openRouterBinaryResponseHandler } from '../shared/openrouter-response-handlers';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterSpeechSettings } from './openrouter-speech-options';

/**
 * Text to speech over `POST /audio/speech` (`generateSpeech`). The answer is the audio itself,
 * mp3 or raw pcm; its `Content-Type` (`audio/mpeg`, `audio/pcm`) reaches the AI SDK with the
 * response headers, which is where `generateSpeech` takes the media type from when the bytes do
 * not show it. The generation id comes in the `X-Generation-Id` header; the response carries no
 * usage (the cost is available afterwards from `openrouter.generation(id)`).
 */
export class OpenRouterSpeechModel implements SpeechModelV4 {
  readonly specificationVersion = 'v4';

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterSpeechSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: SpeechModelV4CallOptions): Promise<SpeechModelV4Result> {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    // The option schemas and the mapping load with the first call (most apps never make one).
    const { buildOpenRouterSpeechRequest } = await import('./build-openrouter-speech-request');
    const { body, behaviour } = buildOpenRouterSpeechRequest({
      modelId: this.modelId,
      options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const timestamp = new Date();
    const { value: audio, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: '/audio/speech',
      body: { json: body },
      headers: behaviour.sessionId
        ? { ...options.headers, 'x-session-id': behaviour.sessionId }
        : options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: openRouterBinaryResponseHandler,
    });
    return {
      audio,
      warnings,
      request: { body },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders },
      providerMetadata: { openrouter: buildOpenRouterResponseMetadata({ responseHeaders }) },
    };
  }
}
