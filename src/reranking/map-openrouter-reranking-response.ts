import {
  InvalidResponseDataError,
  type JSONObject,
  type RerankingModelV4Result,
} from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterRerankResponse } from './openrouter-reranking-api';

/** The parts of the V4 result that come from the response body. */
export function mapOpenRouterRerankingResponse(options: {
  response: OpenRouterRerankResponse;
  documentCount: number;
  responseHeaders: Record<string, string>;
}): Pick<RerankingModelV4Result, 'ranking' | 'providerMetadata'> {
  const { response } = options;
  const usage = response.usage ?? undefined;
  const metadata = buildOpenRouterResponseMetadata({
    provider: response.provider,
    generationId: response.id,
    usage,
    responseHeaders: options.responseHeaders,
  });
  if (usage?.search_units != null && metadata.usage) {
    (metadata.usage as JSONObject).searchUnits = usage.search_units;
  }
  return {
    ranking: rankOpenRouterResults(response.results, options.documentCount),
    providerMetadata: { openrouter: metadata },
  };
}

/**
 * The results as the AI SDK's ranking: original document index and score, highest score first
 * (OpenRouter documents its results as sorted, but the order is not relied on; equal scores keep
 * the order they came in). An index that names no document, or names one twice, means the
 * response does not belong to these documents: an error rather than a wrong ranking.
 */
export function rankOpenRouterResults(
  results: OpenRouterRerankResponse['results'],
  documentCount: number,
): RerankingModelV4Result['ranking'] {
  const seen = new Set<number>();
  for (const { index } of results) {
    if (!Number.isInteger(index) || index < 0 || index >= documentCount) {
      throw new InvalidResponseDataError({
        data: results,
        message: `OpenRouter ranked a document with index ${index}, outside the ${documentCount} documents sent.`,
      });
    }
    if (seen.has(index)) {
      throw new InvalidResponseDataError({
        data: results,
        message: `OpenRouter ranked the document with index ${index} twice.`,
      });
    }
    seen.add(index);
  }
  return results
    .map((result) => ({ index: result.index, relevanceScore: result.relevance_score }))
    .sort((a, b) => b.relevanceScore - a.relevanceScore);
}
