import type { EmbeddingModelV4CallOptions, EmbeddingModelV4Result } from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import { buildOpenRouterEmbeddingRequest } from './build-openrouter-embedding-request';
import { mapOpenRouterEmbeddingResponse } from './map-openrouter-embedding-response';
import { openRouterEmbeddingResponseSchema } from './openrouter-embedding-api';
import type { OpenRouterEmbeddingSettings } from './openrouter-embedding-options';

/**
 * One `doEmbed` call: the request built from the call options, `POST /embeddings`, and the
 * embeddings. Loaded with the first call, so apps that never embed do not carry the request
 * building, the response schema or the mapping.
 */
export async function generateOpenRouterEmbeddings(call: {
  modelId: string;
  settings: OpenRouterEmbeddingSettings;
  config: OpenRouterModelConfig;
  options: EmbeddingModelV4CallOptions;
}): Promise<EmbeddingModelV4Result> {
  const { value, rawValue, responseHeaders, warnings } = await callOpenRouterJson({
    ...call,
    path: '/embeddings',
    build: buildOpenRouterEmbeddingRequest,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(
      openRouterEmbeddingResponseSchema,
    ),
  });
  return {
    ...mapOpenRouterEmbeddingResponse({
      response: value,
      inputCount: call.options.values.length,
      responseHeaders,
    }),
    warnings,
    response: { headers: responseHeaders, body: rawValue },
  };
}
