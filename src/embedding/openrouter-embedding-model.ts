import {
  type EmbeddingModelV4,
  type EmbeddingModelV4CallOptions,
  type EmbeddingModelV4Result,
  InvalidArgumentError,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterEmbeddingSettings } from './openrouter-embedding-options';

/** OpenRouter documents no per-request limit; OpenAI's embedding API takes 2,048 inputs. */
const DEFAULT_MAX_EMBEDDINGS_PER_CALL = 2048;

/**
 * `EmbeddingModelV4` over `POST /embeddings`, used by `embed` and `embedMany`. This class is
 * what the provider creates eagerly: the call itself (`generate-openrouter-embedding.ts`: request
 * building, the response schema, the mapping) loads with the first call, so apps that never
 * embed do not carry it.
 */
export class OpenRouterEmbeddingModel implements EmbeddingModelV4 {
  readonly specificationVersion = 'v4';

  /**
   * `embedMany` splits larger batches into calls of this many values. A limit is set (rather
   * than none, which would send any batch in one request) because upstreams reject oversized
   * batches, and smaller calls also retry cheaply and can run in parallel. Setting:
   * `maxEmbeddingsPerCall` (default 2,048, OpenAI's limit; OpenRouter documents none).
   */
  readonly maxEmbeddingsPerCall: number;

  /**
   * Each call is an independent, stateless request, so `embedMany` may run its chunks at the
   * same time (bounded by its own `maxParallelCalls` option, for callers near a rate limit).
   */
  readonly supportsParallelCalls = true;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterEmbeddingSettings,
    private readonly config: OpenRouterModelConfig,
  ) {
    const limit = settings.maxEmbeddingsPerCall ?? DEFAULT_MAX_EMBEDDINGS_PER_CALL;
    if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 1))) {
      throw new InvalidArgumentError({
        argument: 'maxEmbeddingsPerCall',
        message: `maxEmbeddingsPerCall must be a positive integer or Infinity, got ${limit}.`,
      });
    }
    this.maxEmbeddingsPerCall = limit;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doEmbed(options: EmbeddingModelV4CallOptions): Promise<EmbeddingModelV4Result> {
    if (options.values.length > this.maxEmbeddingsPerCall) {
      throw new TooManyEmbeddingValuesForCallError({
        provider: this.provider,
        modelId: this.modelId,
        maxEmbeddingsPerCall: this.maxEmbeddingsPerCall,
        values: options.values,
      });
    }
    const { generateOpenRouterEmbeddings } = await loadEmbeddingCall();
    return generateOpenRouterEmbeddings({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
    });
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadEmbeddingCall = loadOnce(() => import('./generate-openrouter-embedding'));
