import type {
  RerankingModelV4,
  RerankingModelV4CallOptions,
  RerankingModelV4Result,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import type { OpenRouterRerankingSettings } from './openrouter-reranking-options';

/**
 * `RerankingModelV4` over `POST /rerank`, used by `rerank`. The request building, the response
 * schema and the mapping load with the first call, so apps that never rerank do not carry them.
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
    const [build, api, map] = await Promise.all([
      import('./build-openrouter-reranking-request'),
      import('./openrouter-reranking-api'),
      import('./map-openrouter-reranking-response'),
    ]);
    const warnings = this.config.setupWarnings();
    const { body, behaviour } = build.buildOpenRouterRerankingRequest({
      modelId: this.modelId,
      call: options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const { value, rawValue, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: '/rerank',
      body: { json: body },
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        api.openRouterRerankResponseSchema,
      ),
    });
    return {
      ...map.mapOpenRouterRerankingResponse({
        response: value,
        documentCount: options.documents.values.length,
        responseHeaders,
      }),
      warnings,
      response: {
        id: value.id ?? undefined,
        modelId: value.model ?? undefined,
        headers: responseHeaders,
        body: rawValue,
      },
    };
  }
}
