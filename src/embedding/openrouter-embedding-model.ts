import {
  type EmbeddingModelV4,
  type EmbeddingModelV4CallOptions,
  type EmbeddingModelV4Result,
  InvalidArgumentError,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import type { OpenRouterEmbeddingSettings } from './openrouter-embedding-options';

/** OpenRouter documents no per-request limit; OpenAI's embedding API takes 2,048 inputs. */
const DEFAULT_MAX_EMBEDDINGS_PER_CALL = 2048;

/**
 * `EmbeddingModelV4` over `POST /embeddings`, used by `embed` and `embedMany`. The request
 * building, the response schema and the mapping load with the first call, so apps that never
 * embed do not carry them.
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
    const [build, api, map] = await Promise.all([
      import('./build-openrouter-embedding-request'),
      import('./openrouter-embedding-api'),
      import('./map-openrouter-embedding-response'),
    ]);
    const warnings = this.config.setupWarnings();
    const { body, behaviour } = build.buildOpenRouterEmbeddingRequest({
      modelId: this.modelId,
      call: options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const { value, rawValue, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: '/embeddings',
      body: { json: body },
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        api.openRouterEmbeddingResponseSchema,
      ),
    });
    return {
      ...map.mapOpenRouterEmbeddingResponse({
        response: value,
        inputCount: options.values.length,
        responseHeaders,
      }),
      warnings,
      response: { headers: responseHeaders, body: rawValue },
    };
  }
}
