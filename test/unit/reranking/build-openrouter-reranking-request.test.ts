import type { RerankingModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  buildOpenRouterRerankingRequest,
  convertOpenRouterRerankDocuments,
} from '../../../src/reranking/build-openrouter-reranking-request';
import type { OpenRouterRerankingSettings } from '../../../src/reranking/openrouter-reranking-options';

function build(
  call: Partial<RerankingModelV4CallOptions> = {},
  settings: OpenRouterRerankingSettings = {},
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterRerankingRequest({
    modelId: 'cohere/rerank-v3.5',
    call: { query: 'q', documents: { type: 'text', values: ['x', 'y'] }, ...call },
    settings,
    providerExtraBody: undefined,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterRerankingRequest', () => {
  it('sends model, query, documents and topN as top_n', () => {
    expect(build({ topN: 1 }).body).toEqual({
      model: 'cohere/rerank-v3.5',
      query: 'q',
      documents: ['x', 'y'],
      top_n: 1,
    });
    expect(build().body).not.toHaveProperty('top_n');
  });

  it('maps the documented fields from either spelling, call options over settings', () => {
    const { body, warnings } = build(
      {
        providerOptions: {
          openrouter: { sessionId: 's-call', provider: { allowFallbacks: false } },
        },
      },
      { session_id: 's-settings', user: 'u-1', trace: { trace_id: 't', myKey: 1 } },
    );
    expect(body).toMatchObject({
      session_id: 's-call',
      user: 'u-1',
      provider: { allow_fallbacks: false },
      trace: { trace_id: 't', myKey: 1 },
    });
    expect(warnings).toEqual([]);
  });

  it('keeps the call in charge of top_n, query and documents', () => {
    const { body, warnings } = build({
      topN: 2,
      providerOptions: { openrouter: { topN: 5, query: 'other' } },
    });
    expect(body).toMatchObject({ top_n: 2, query: 'q' });
    expect(warnings).toHaveLength(2);
  });
});

describe('convertOpenRouterRerankDocuments', () => {
  it('sends text documents and { text, image } objects as they are, without warnings', () => {
    const warnings: SharedV4Warning[] = [];
    const objects = [
      { text: 'a' },
      { image: 'https://example.com/cat.png' },
      { text: 'b', image: 'data:image/png;base64,AAAA' },
    ];
    expect(convertOpenRouterRerankDocuments({ type: 'object', values: objects }, warnings)).toEqual(
      objects,
    );
    expect(convertOpenRouterRerankDocuments({ type: 'text', values: ['t'] }, warnings)).toEqual([
      't',
    ]);
    expect(warnings).toEqual([]);
  });

  it('sends other objects as JSON text, with one compatibility warning', () => {
    const warnings: SharedV4Warning[] = [];
    const email = { from: 'Paul', subject: 'Follow-up', text: 'A discount of 20%.' };
    expect(
      convertOpenRouterRerankDocuments(
        { type: 'object', values: [email, { text: 'ok' }, { text: 3 }, {}] },
        warnings,
      ),
    ).toEqual([JSON.stringify(email), { text: 'ok' }, '{"text":3}', '{}']);
    expect(warnings).toEqual([
      {
        type: 'compatibility',
        feature: 'object documents',
        details: expect.stringMatching(/^3 of 4 documents were sent as JSON text/),
      },
    ]);
  });
});
