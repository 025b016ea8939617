import { InvalidResponseDataError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  mapOpenRouterEmbeddingResponse,
  orderOpenRouterEmbeddings,
} from '../../../src/embedding/map-openrouter-embedding-response';
import type { OpenRouterEmbeddingData } from '../../../src/embedding/openrouter-embedding-api';
import { openRouterEmbeddingResponseSchema } from '../../../src/embedding/openrouter-embedding-api';
import { encodeFloat32Base64 } from '../../../src/testing/index';

const vectorFor = (index: number) => [index, index + 0.5];
const entry = (index: number | undefined, embedding = vectorFor(index ?? 0)) =>
  ({ embedding, ...(index !== undefined ? { index } : {}) }) as OpenRouterEmbeddingData;

function errorOf(fn: () => unknown): InvalidResponseDataError {
  try {
    fn();
  } catch (error) {
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    return error as InvalidResponseDataError;
  }
  throw new Error('expected an InvalidResponseDataError');
}

describe('orderOpenRouterEmbeddings', () => {
  it('places each vector at its index, whatever order the entries arrive in', () => {
    for (const arrival of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
    ]) {
      const ordered = orderOpenRouterEmbeddings(
        arrival.map((index) => entry(index)),
        4,
      );
      expect(ordered).toEqual([0, 1, 2, 3].map(vectorFor));
    }
  });

  it('takes the arrival order when no entry has an index', () => {
    const data = [entry(undefined, [9]), entry(undefined, [8])];
    expect(orderOpenRouterEmbeddings(data, 2)).toEqual([[9], [8]]);
  });

  it('decodes base64 entries, also mixed with float entries', () => {
    const data = [entry(1, [0.5, -2]), entry(0, encodeFloat32Base64([0.25, 4]) as never)];
    expect(orderOpenRouterEmbeddings(data, 2)).toEqual([
      [0.25, 4],
      [0.5, -2],
    ]);
  });

  it('returns float vectors as parsed, without copying them', () => {
    const vector = [1, 2, 3];
    expect(orderOpenRouterEmbeddings([entry(0, vector)], 1)[0]).toBe(vector);
  });

  it('fails clearly when the count differs from the inputs', () => {
    expect(errorOf(() => orderOpenRouterEmbeddings([entry(0)], 2)).message).toBe(
      'OpenRouter returned 1 readable embeddings for 2 inputs.',
    );
  });

  it('fails clearly on a duplicated index (and so a missing one)', () => {
    expect(errorOf(() => orderOpenRouterEmbeddings([entry(0), entry(0)], 2)).message).toBe(
      'OpenRouter returned two embeddings with index 0.',
    );
  });

  it('fails clearly on an index outside the inputs', () => {
    for (const index of [2, -1, 0.5]) {
      expect(errorOf(() => orderOpenRouterEmbeddings([entry(0), entry(index)], 2)).message).toMatch(
        new RegExp(`index ${index}, outside the 2 inputs`),
      );
    }
  });

  it('fails clearly when only some entries have an index', () => {
    expect(errorOf(() => orderOpenRouterEmbeddings([entry(0), entry(undefined)], 2)).message).toBe(
      'OpenRouter returned 1 of 2 embeddings without an index, so they cannot be matched to their inputs.',
    );
  });

  it('fails clearly on base64 that is not a float32 vector, naming the input', () => {
    const error = errorOf(() => orderOpenRouterEmbeddings([entry(0, btoa('abc') as never)], 1));
    expect(error.message).toMatch(/^The embedding for input 0 cannot be decoded: .*3 bytes/);
  });

  it('attaches the data to the error with the vectors elided', () => {
    const error = errorOf(() =>
      orderOpenRouterEmbeddings([entry(0, [1, 2, 3]), entry(0, 'AAAA' as never)], 2),
    );
    expect(error.data).toEqual([
      { index: 0, embedding: '<3 numbers>' },
      { index: 0, embedding: '<base64, 4 characters>' },
    ]);
  });
});

describe('mapOpenRouterEmbeddingResponse', () => {
  const parse = (body: unknown) => openRouterEmbeddingResponseSchema.parse(body);

  it('reports prompt tokens as usage, and cost, BYOK, provider and generation id as metadata', () => {
    const response = parse({
      id: 'gen-emb-1',
      object: 'list',
      model: 'openai/text-embedding-3-small',
      provider: 'OpenAI',
      data: [{ object: 'embedding', embedding: [0.1], index: 0 }],
      usage: { prompt_tokens: 10, total_tokens: 10, cost: 0.0000002, is_byok: true },
    });
    const result = mapOpenRouterEmbeddingResponse({ response, inputCount: 1, responseHeaders: {} });
    expect(result.usage).toEqual({ tokens: 10 });
    expect(result.providerMetadata).toEqual({
      openrouter: {
        provider: 'OpenAI',
        generationId: 'gen-emb-1',
        isByok: true,
        usage: { promptTokens: 10, totalTokens: 10, cost: 0.0000002, isByok: true },
      },
    });
  });

  it('keeps a billed result with `cost: null`, an unknown field and an invalid model field', () => {
    const response = parse({
      object: 'list',
      model: 42,
      surprise: { new: 'field' },
      data: [{ object: 'embedding', embedding: [0.1, 0.2], index: 0, extra: true }],
      usage: { prompt_tokens: 3, total_tokens: 3, cost: null },
    });
    const result = mapOpenRouterEmbeddingResponse({
      response,
      inputCount: 1,
      responseHeaders: { 'x-generation-id': 'gen-from-header' },
    });
    expect(result.embeddings).toEqual([[0.1, 0.2]]);
    expect(result.providerMetadata?.openrouter).toEqual({
      generationId: 'gen-from-header',
      usage: { promptTokens: 3, totalTokens: 3 },
    });
  });

  it('uses total tokens when prompt tokens are missing, and no usage when neither is sent', () => {
    const withTotal = parse({ data: [{ embedding: [1], index: 0 }], usage: { total_tokens: 7 } });
    expect(
      mapOpenRouterEmbeddingResponse({ response: withTotal, inputCount: 1, responseHeaders: {} })
        .usage,
    ).toEqual({ tokens: 7 });
    const without = parse({ data: [{ embedding: [1], index: 0 }] });
    expect(
      mapOpenRouterEmbeddingResponse({ response: without, inputCount: 1, responseHeaders: {} })
        .usage,
    ).toBeUndefined();
  });

  it('drops an unreadable entry, so the count check names the problem', () => {
    const response = parse({
      data: [
        { embedding: [1], index: 0 },
        { embedding: [1, 'x'], index: 1 },
      ],
    });
    expect(response.data).toHaveLength(1);
    expect(
      errorOf(() =>
        mapOpenRouterEmbeddingResponse({ response, inputCount: 2, responseHeaders: {} }),
      ).message,
    ).toBe('OpenRouter returned 1 readable embeddings for 2 inputs.');
  });
});
