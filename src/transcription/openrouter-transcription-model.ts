import type {
  TranscriptionModelV4,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterTranscriptionSettings } from './openrouter-transcription-options';

/**
 * Speech to text over `POST /audio/transcriptions`, for `transcribe`. This class is what the
 * provider creates eagerly, so it holds only the model's identity: the call itself (request
 * building, option and response schemas, the HTTP exchange and the mapping, in
 * `generate-openrouter-transcription.ts`) loads with the first call, since most apps never make
 * one.
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
    const { generateOpenRouterTranscription } = await loadTranscriptionCall();
    return generateOpenRouterTranscription({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
    });
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadTranscriptionCall = loadOnce(() => import('./generate-openrouter-transcription'));
