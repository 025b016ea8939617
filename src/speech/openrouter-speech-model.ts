import type {
  SpeechModelV4,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterSpeechSettings } from './openrouter-speech-options';

/**
 * Text to speech over `POST /audio/speech`, for `generateSpeech`. This class is what the
 * provider creates eagerly, so it holds only the model's identity: the call itself (request
 * building, option schemas, the HTTP exchange and the mapping, in `generate-openrouter-speech.ts`)
 * loads with the first call, since most apps never make one.
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
    const { generateOpenRouterSpeech } = await loadSpeechCall();
    return generateOpenRouterSpeech({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
    });
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadSpeechCall = loadOnce(() => import('./generate-openrouter-speech'));
