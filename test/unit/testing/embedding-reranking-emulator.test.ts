/**
 * The emulator's `/embeddings` and `/rerank` builders and handlers, over plain HTTP (no provider
 * in between): the bodies are shaped like OpenRouter's, and each script option does what it says.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  embeddingJson,
  embeddingVector,
  encodeFloat32Base64,
  type OpenRouterEmulator,
  rerankJson,
  rerankScore,
  scriptedEmbedding,
  scriptedRerank,
  shortestFloat32,
  startOpenRouterEmulator,
} from '../../../src/testing/index';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

interface WireBody {
  id?: string;
  data: Array<{ embedding: unknown; index?: number }>;
  results: unknown[];
  usage: Record<string, unknown>;
  [key: string]: unknown;
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${emulator.baseURL}${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-or-test', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as WireBody };
}

describe('embedding fixtures', () => {
  it('gives each text its own deterministic float32 vector, written in the shortest form', () => {
    const vector = embeddingVector('hello', 16);
    expect(vector).toHaveLength(16);
    expect(embeddingVector('hello', 16)).toEqual(vector);
    expect(embeddingVector('hello!', 16)).not.toEqual(vector);
    for (const value of vector) {
      expect(Math.abs(value)).toBeLessThan(0.1);
      expect(shortestFloat32(value)).toBe(value);
      expect(String(value).replace(/^-?0\.0*/, '').length).toBeLessThanOrEqual(9);
    }
  });

  it('shortestFloat32 keeps the float32 value and drops the float64 noise', () => {
    expect(shortestFloat32(Math.fround(0.0023064255))).toBe(0.0023064255);
    expect(Math.fround(shortestFloat32(0.1 + 1e-12))).toBe(Math.fround(0.1));
  });

  it('encodes base64 as little-endian float32 bytes', () => {
    expect(encodeFloat32Base64([1, -2.5])).toBe(
      btoa(String.fromCharCode(0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0)),
    );
  });

  it('builds a body with usage, provider and an embedding id', () => {
    const body = embeddingJson(
      {},
      { inputs: ['abcdefgh'], model: 'openai/text-embedding-3-small' },
    );
    expect(body).toMatchObject({
      id: expect.stringMatching(/^gen-emb-\d+-[A-Za-z0-9]{20}$/),
      object: 'list',
      model: 'openai/text-embedding-3-small',
      provider: 'OpenAI',
      data: [{ object: 'embedding', embedding: embeddingVector('abcdefgh', 8), index: 0 }],
      usage: { prompt_tokens: 2, total_tokens: 2, cost: 4e-8 },
    });
  });
});

describe('scriptedEmbedding', () => {
  it('answers in the requested encoding and dimensions, one entry per input', async () => {
    emulator.setHandler(scriptedEmbedding());
    const float = await post('/embeddings', { model: 'm', input: ['a', 'b'], dimensions: 4 });
    expect(float.body.data.map((entry) => entry.embedding)).toEqual([
      embeddingVector('a', 4),
      embeddingVector('b', 4),
    ]);
    expect(float.response.headers.get('x-generation-id')).toBe(float.body.id);
    const base64 = await post('/embeddings', {
      model: 'm',
      input: 'a',
      dimensions: 4,
      encoding_format: 'base64',
    });
    expect(base64.body.data).toEqual([
      { object: 'embedding', embedding: encodeFloat32Base64(embeddingVector('a', 4)), index: 0 },
    ]);
  });

  it('sends entries out of order, without indexes, with cost null, as scripted', async () => {
    emulator.setHandler(
      scriptedEmbedding({ order: 'shuffled', usage: { cost: null, is_byok: true } }),
    );
    const shuffled = await post('/embeddings', { model: 'm', input: ['a', 'b', 'c', 'd', 'e'] });
    const indexes = shuffled.body.data.map((entry) => entry.index);
    expect([...indexes].sort()).toEqual([0, 1, 2, 3, 4]);
    indexes.forEach((index, position) => {
      expect(index).not.toBe(position);
    });
    expect(shuffled.body.usage).toMatchObject({ cost: null, is_byok: true });

    emulator.setHandler(scriptedEmbedding({ order: 'reverse', omitIndex: true, id: null }));
    const bare = await post('/embeddings', { model: 'm', input: ['a', 'b'] });
    expect(bare.body.data).toEqual([
      { object: 'embedding', embedding: embeddingVector('b') },
      { object: 'embedding', embedding: embeddingVector('a') },
    ]);
    expect(bare.body).not.toHaveProperty('id');
    expect(bare.response.headers.get('x-generation-id')).toBeNull();
  });

  it('answers 404 on other routes', async () => {
    emulator.setHandler(scriptedEmbedding());
    expect((await post('/rerank', {})).response.status).toBe(404);
  });
});

describe('rerank fixtures and scriptedRerank', () => {
  it('scores by shared query words', () => {
    expect(rerankScore('capital of France', 'Paris is the capital of France.')).toBe(0.99);
    expect(rerankScore('capital of France', { text: 'Berlin is a city.' })).toBe(0.01);
    expect(rerankScore('capital of France', { image: 'https://x/y.png' })).toBe(0.01);
  });

  it('answers sorted by relevance, cut to top_n, with documents echoed and usage', async () => {
    emulator.setHandler(scriptedRerank());
    const { body, response } = await post('/rerank', {
      model: 'cohere/rerank-v3.5',
      query: 'capital of France',
      documents: ['Berlin is in Germany.', 'Paris is the capital of France.', { text: 'France' }],
      top_n: 2,
    });
    expect(body).toMatchObject({
      id: expect.stringMatching(/^gen-rerank-/),
      model: 'cohere/rerank-v3.5',
      provider: 'Cohere',
      results: [
        { index: 1, relevance_score: 0.99, document: { text: 'Paris is the capital of France.' } },
        { index: 2, document: { text: 'France' } },
      ],
      usage: { search_units: 1, cost: 0.002 },
    });
    expect(response.headers.get('x-generation-id')).toBe(body.id);
  });

  it('follows scripted scores, order and usage', () => {
    const body = rerankJson(
      { scores: [0.2, 0.8, 0.5], order: 'input', topN: 2, usage: { cost: null } },
      { query: 'q', documents: ['a', 'b', 'c'] },
    );
    expect(body.results).toEqual([
      { index: 1, relevance_score: 0.8, document: { text: 'b' } },
      { index: 2, relevance_score: 0.5, document: { text: 'c' } },
    ]);
    expect(body.usage).toMatchObject({ cost: null });
  });
});
