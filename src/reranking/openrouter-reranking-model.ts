import type {
  RerankingModelV4,
  RerankingModelV4CallOptions,
  RerankingModelV4Result,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterRerankingSettings } from './openrouter-reranking-options';

/**
 * `RerankingModelV4` over `POST /rerank`, used by `rerank`. This class is what the provider
 * creates eagerly: the call itself (`generate-openrouter-reranking.ts`: request building, the
 * response schema, the mapping) loads with the first call, so apps that never rerank do not
 * carry it.
 */
export class OpenRouterRerankingModel implements RerankingModelV4 {
  readonly specificationVersion = 'v4';

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterRerankingSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doRerank(options: RerankingModelV4CallOptions): Promise<RerankingModelV4Result> {
    const { generateOpenRouterReranking } = await loadRerankingCall();
    return generateOpenRouterReranking({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
    });
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadRerankingCall = loadOnce(() => import('./generate-openrouter-reranking'));
