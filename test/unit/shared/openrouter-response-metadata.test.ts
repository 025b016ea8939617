import { describe, expect, it } from 'vitest';
import { buildOpenRouterResponseMetadata } from '../../../src/shared/openrouter-response-metadata';

describe('buildOpenRouterResponseMetadata', () => {
  it('is empty when OpenRouter reported nothing', () => {
    expect(buildOpenRouterResponseMetadata({})).toEqual({});
    expect(
      buildOpenRouterResponseMetadata({ provider: null, generationId: null, usage: null }),
    ).toEqual({});
  });

  it('puts the serving provider first, then the generation id, BYOK and the usage block', () => {
    const metadata = buildOpenRouterResponseMetadata({
      provider: 'OpenAI',
      generationId: 'gen-1',
      usage: { prompt_tokens: 3, completion_tokens: 2, cost: 0.5, is_byok: false },
      responseHeaders: {},
    });
    expect(metadata).toEqual({
      provider: 'OpenAI',
      generationId: 'gen-1',
      isByok: false,
      usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5, cost: 0.5, isByok: false },
    });
    expect(Object.keys(metadata)).toEqual(['provider', 'generationId', 'isByok', 'usage']);
  });

  it('takes the generation id from the header when the body has none, the body id first', () => {
    const responseHeaders = { 'x-generation-id': 'gen-header' };
    expect(buildOpenRouterResponseMetadata({ responseHeaders })).toEqual({
      generationId: 'gen-header',
    });
    expect(buildOpenRouterResponseMetadata({ generationId: 'gen-body', responseHeaders })).toEqual({
      generationId: 'gen-body',
    });
  });

  it('reports the response-cache headers, leaving out the ones not sent', () => {
    expect(
      buildOpenRouterResponseMetadata({
        responseHeaders: { 'x-openrouter-cache-status': 'HIT', 'x-openrouter-cache-age': '12' },
      }),
    ).toEqual({ responseCache: { status: 'HIT', age: '12' } });
  });
});
