import { InvalidResponseDataError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  mapOpenRouterRerankingResponse,
  rankOpenRouterResults,
} from '../../../src/reranking/map-openrouter-reranking-response';
import { openRouterRerankResponseSchema } from '../../../src/reranking/openrouter-reranking-api';

const parse = (body: unknown) => openRouterRerankResponseSchema.parse(body);
const result = (index: number, relevance_score: number) => ({ index, relevance_score });

describe('rankOpenRouterResults', () => {
  it('maps to original index and score, highest score first, ties in arrival order', () => {
    expect(
      rankOpenRouterResults([result(2, 0.1), result(0, 0.9), result(3, 0.5), result(1, 0.5)], 4),
    ).toEqual([
      { index: 0, relevanceScore: 0.9 },
      { index: 3, relevanceScore: 0.5 },
      { index: 1, relevanceScore: 0.5 },
      { index: 2, relevanceScore: 0.1 },
    ]);
  });

  it('fails clearly on an index outside the documents, or a document ranked twice', () => {
    expect(() => rankOpenRouterResults([result(2, 0.1)], 2)).toThrow(
      'OpenRouter ranked a document with index 2, outside the 2 documents sent.',
    );
    expect(() => rankOpenRouterResults([result(1, 0.1), result(1, 0.2)], 2)).toThrow(
      'OpenRouter ranked the document with index 1 twice.',
    );
    expect(() => rankOpenRouterResults([result(-1, 0.1)], 2)).toThrow(InvalidResponseDataError);
  });
});

describe('mapOpenRouterRerankingResponse', () => {
  it('reports provider, generation id, and usage with cost and search units', () => {
    const response = parse({
      id: 'gen-rerank-1',
      model: 'cohere/rerank-v3.5',
      provider: 'Cohere',
      results: [{ index: 0, relevance_score: 0.98, document: { text: 'Paris' } }],
      usage: { search_units: 1, total_tokens: 150, cost: 0.002 },
    });
    expect(
      mapOpenRouterRerankingResponse({ response, documentCount: 1, responseHeaders: {} }),
    ).toEqual({
      ranking: [{ index: 0, relevanceScore: 0.98 }],
      providerMetadata: {
        openrouter: {
          provider: 'Cohere',
          generationId: 'gen-rerank-1',
          usage: { totalTokens: 150, cost: 0.002, searchUnits: 1 },
        },
      },
    });
  });

  it('keeps a billed result with `cost: null`, an unknown field and an unreadable result', () => {
    const response = parse({
      model: null,
      novel: [1, 2],
      results: [
        { index: 1, relevance_score: 0.7 },
        { index: 'x', relevance_score: 0.9 },
      ],
      usage: { search_units: 1, cost: null },
    });
    const mapped = mapOpenRouterRerankingResponse({
      response,
      documentCount: 2,
      responseHeaders: { 'x-generation-id': 'gen-header' },
    });
    expect(mapped.ranking).toEqual([{ index: 1, relevanceScore: 0.7 }]);
    expect(mapped.providerMetadata?.openrouter).toEqual({
      generationId: 'gen-header',
      usage: { searchUnits: 1 },
    });
  });
});
