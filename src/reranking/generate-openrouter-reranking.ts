import type { RerankingModelV4CallOptions, RerankingModelV4Result } from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import { buildOpenRouterRerankingRequest } from './build-openrouter-reranking-request';
import { mapOpenRouterRerankingResponse } from './map-openrouter-reranking-response';
import { openRouterRerankResponseSchema } from './openrouter-reranking-api';
import type { OpenRouterRerankingSettings } from './openrouter-reranking-options';

/**
 * One `doRerank` call: the request built from the call options, `POST /rerank`, and the ranking.
 * Loaded with the first call, so apps that never rerank do not carry the request building, the
 * response schema or the mapping.
 */
export async function generateOpenRouterReranking(call: {
  modelId: string;
  settings: OpenRouterRerankingSettings;
  config: OpenRouterModelConfig;
  options: RerankingModelV4CallOptions;
}): Promise<RerankingModelV4Result> {
  const { value, rawValue, responseHeaders, warnings } = await callOpenRouterJson({
    ...call,
    path: '/rerank',
    build: buildOpenRouterRerankingRequest,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterRerankResponseSchema),
  });
  return {
    ...mapOpenRouterRerankingResponse({
      response: value,
      documentCount: call.options.documents.values.length,
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
