import { describe, expect, it } from 'vitest';
import {
  convertOpenRouterUsage,
  convertOpenRouterUsageMetadata,
  openRouterUsageSchema,
} from '../../../src/shared/openrouter-usage';

const parse = (value: unknown) => openRouterUsageSchema.parse(value);

describe('openRouterUsageSchema', () => {
  it('keeps a billed usage whose optional fields are null, invalid or unknown', () => {
    const usage = parse({
      prompt_tokens: 10,
      completion_tokens: 'many',
      cost: null,
      is_byok: 'yes',
      prompt_tokens_details: 'broken',
      future_field: { x: 1 },
    });
    expect(usage).toEqual({
      prompt_tokens: 10,
      completion_tokens: undefined,
      cost: null,
      is_byok: undefined,
      prompt_tokens_details: undefined,
      future_field: { x: 1 },
    });
  });
});

describe('openRouterUsageSchema: counts and amounts', () => {
  it('reads token counts only as non-negative integers, converting numeric strings', () => {
    const usage = parse({
      prompt_tokens: '12',
      completion_tokens: -5,
      total_tokens: 7.5,
      prompt_tokens_details: { cached_tokens: ' 4 ', cache_write_tokens: '' },
      completion_tokens_details: { reasoning_tokens: '-1', image_tokens: '1e2' },
    });
    expect(usage).toMatchObject({
      prompt_tokens: 12,
      completion_tokens: undefined,
      total_tokens: undefined,
      prompt_tokens_details: { cached_tokens: 4, cache_write_tokens: undefined },
      completion_tokens_details: { reasoning_tokens: undefined, image_tokens: 100 },
    });
    expect(convertOpenRouterUsage(usage).outputTokens).toEqual({
      total: undefined,
      text: undefined,
      reasoning: undefined,
    });
  });

  it('reads amounts as finite numbers, converting numeric strings', () => {
    expect(
      parse({
        cost: '0.25',
        cost_details: {
          upstream_inference_cost: 'free',
          upstream_inference_prompt_cost: Number.POSITIVE_INFINITY,
        },
      }),
    ).toMatchObject({
      cost: 0.25,
      cost_details: {
        upstream_inference_cost: undefined,
        upstream_inference_prompt_cost: undefined,
      },
    });
  });
});

describe('convertOpenRouterUsage', () => {
  it('splits cached and written prompt tokens out of the total, and reasoning out of the output', () => {
    const usage = parse({
      prompt_tokens: 100,
      completion_tokens: 40,
      prompt_tokens_details: { cached_tokens: 60, cache_write_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 15 },
    });
    expect(convertOpenRouterUsage(usage)).toEqual({
      inputTokens: { total: 100, noCache: 30, cacheRead: 60, cacheWrite: 10 },
      outputTokens: { total: 40, text: 25, reasoning: 15 },
      raw: usage,
    });
  });

  it('leaves unknown counts undefined instead of inventing zeros', () => {
    expect(convertOpenRouterUsage(undefined)).toEqual({
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      raw: undefined,
    });
  });
});

describe('convertOpenRouterUsageMetadata', () => {
  it('reports counts, cost, BYOK and details in camelCase, and totals what was not totalled', () => {
    const usage = parse({
      prompt_tokens: 7,
      completion_tokens: 3,
      cost: 0.0002,
      is_byok: true,
      prompt_tokens_details: { cached_tokens: 2 },
      cost_details: { upstream_inference_cost: 0.0001 },
      server_tool_use: { web_search_requests: 1 },
    });
    expect(convertOpenRouterUsageMetadata(usage)).toEqual({
      promptTokens: 7,
      completionTokens: 3,
      totalTokens: 10,
      cost: 0.0002,
      isByok: true,
      promptTokensDetails: { cachedTokens: 2 },
      costDetails: { upstreamInferenceCost: 0.0001 },
      serverToolUse: { web_search_requests: 1 },
    });
  });

  it('states only what OpenRouter reported', () => {
    expect(convertOpenRouterUsageMetadata(parse({ prompt_tokens: 5, cost: null }))).toEqual({
      promptTokens: 5,
    });
  });
});
