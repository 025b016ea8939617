import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  encodeModelIdPath,
  openRouterModelsQuery,
} from '../../../src/platform/openrouter-platform-api';
import {
  openRouterCreditsResponseSchema,
  openRouterGenerationResponseSchema,
  openRouterKeyInfoResponseSchema,
  openRouterModelEndpointsResponseSchema,
  openRouterModelResponseSchema,
  openRouterModelsPageSchema,
} from '../../../src/platform/openrouter-platform-schemas';
import {
  creditsBody,
  endpointsBody,
  generationBody,
  keyInfo,
  modelEntry,
  modelsList,
} from '../../../src/testing/index';

/** The `GET /models` example of OpenRouter's OpenAPI spec, verbatim. */
const SPEC_MODELS_BODY = JSON.parse(
  '{"data":[{"id":"openai/gpt-4","canonical_slug":"openai/gpt-4","name":"GPT-4","created":1692901234,"description":"GPT-4 is a large multimodal model.","context_length":8192,"architecture":{"modality":"text->text","input_modalities":["text"],"output_modalities":["text"],"tokenizer":"GPT","instruct_type":"chatml"},"pricing":{"prompt":"0.00003","completion":"0.00006","request":"0","image":"0","web_search":"0","internal_reasoning":"0","input_cache_read":"0","input_cache_write":"0"},"top_provider":{"context_length":8192,"max_completion_tokens":4096,"is_moderated":true},"per_request_limits":null,"supported_parameters":["temperature","top_p","max_tokens","tools","tool_choice","response_format","structured_outputs"],"default_parameters":null,"knowledge_cutoff":null,"expiration_date":null,"supported_voices":null,"links":{"details":"/api/v1/models/openai/gpt-4/endpoints"}}],"total_count":1,"links":{"next":null}}',
);

describe('GET /models schema', () => {
  it('parses the documented example with wire field names', () => {
    const page = openRouterModelsPageSchema.parse(SPEC_MODELS_BODY);
    expect(page.total_count).toBe(1);
    expect(page.links?.next).toBeNull();
    const [model] = page.data;
    expect(model).toMatchObject({
      id: 'openai/gpt-4',
      canonical_slug: 'openai/gpt-4',
      context_length: 8192,
      architecture: { input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'GPT' },
      pricing: { prompt: '0.00003', completion: '0.00006' },
      top_provider: { max_completion_tokens: 4096, is_moderated: true },
      supported_parameters: expect.arrayContaining(['tools', 'response_format']),
      links: { details: '/api/v1/models/openai/gpt-4/endpoints' },
    });
  });

  it('parses what the emulator fixtures serve', () => {
    const body = modelsList([modelEntry({ id: 'anthropic/claude-sonnet-4.5' })]);
    expect(openRouterModelsPageSchema.parse(body).data[0]?.id).toBe('anthropic/claude-sonnet-4.5');
  });

  it('drops invalid field values, keeps nulls and unknown keys, never fails over a field', () => {
    const page = openRouterModelsPageSchema.parse({
      data: [
        {
          id: 'acme/odd-1',
          name: null,
          context_length: 'very long',
          created: null,
          architecture: { input_modalities: ['text', 7, null, 'image'], tokenizer: 42 },
          pricing: { prompt: 0.000001, completion: '0.000002', image: { nested: true } },
          supported_parameters: ['tools', 1, 'reasoning'],
          reasoning: { supported_efforts: ['low', 'high'], mandatory: 'yes' },
          top_provider: 'nope',
          brand_new_field: { anything: [1, 2] },
        },
      ],
      total_count: 'one',
      future_envelope_key: true,
    });
    const [model] = page.data;
    expect(model).toBeDefined();
    expect(model?.name).toBeNull();
    expect(model?.created).toBeNull();
    expect(model?.context_length).toBeUndefined();
    expect(model?.architecture?.input_modalities).toEqual(['text', 'image']);
    expect(model?.architecture?.tokenizer).toBeUndefined();
    expect(model?.pricing?.prompt).toBe('0.000001');
    expect(model?.pricing?.completion).toBe('0.000002');
    expect(model?.pricing?.image).toBeUndefined();
    expect(model?.supported_parameters).toEqual(['tools', 'reasoning']);
    expect(model?.reasoning?.supported_efforts).toEqual(['low', 'high']);
    expect(model?.reasoning?.mandatory).toBeUndefined();
    expect(model?.top_provider).toBeUndefined();
    expect(model?.brand_new_field).toEqual({ anything: [1, 2] });
    expect(page.total_count).toBeUndefined();
    expect(page.future_envelope_key).toBe(true);
  });

  it('drops list entries that cannot be addressed (no string id) instead of failing', () => {
    const page = openRouterModelsPageSchema.parse({
      data: [{ id: 'a/one' }, { name: 'no id' }, 'garbage', null, { id: 7 }, { id: 'a/two' }],
    });
    expect(page.data.map((model) => model.id)).toEqual(['a/one', 'a/two']);
  });

  it('requires the data envelope', () => {
    expect(openRouterModelsPageSchema.safeParse({ models: [] }).success).toBe(false);
    expect(openRouterModelResponseSchema.safeParse({ data: { name: 'no id' } }).success).toBe(
      false,
    );
    expect(openRouterKeyInfoResponseSchema.safeParse({ label: 'x' }).success).toBe(false);
  });
});

describe('endpoints, key, credits, generation schemas', () => {
  it('parses an endpoints body with uptime and latency percentiles', () => {
    const body = endpointsBody(modelEntry({ id: 'openai/gpt-4o' }), [
      { provider_name: 'OpenAI', tag: 'openai', latency_last_30m: 512 },
      { provider_name: 'Azure', tag: 'azure', uptime_last_30m: 'n/a' },
    ]);
    const { data } = openRouterModelEndpointsResponseSchema.parse(body);
    expect(data.id).toBe('openai/gpt-4o');
    expect(data.endpoints).toHaveLength(2);
    expect(data.endpoints[0]).toMatchObject({
      provider_name: 'OpenAI',
      latency_last_30m: 512,
      uptime_last_1d: 99.5,
    });
    expect(data.endpoints[1]?.latency_last_30m).toEqual({
      p50: 420,
      p75: 510,
      p90: 700,
      p99: 1200,
    });
    expect(data.endpoints[1]?.uptime_last_30m).toBeUndefined();
  });

  it('always gives an endpoints array', () => {
    const { data } = openRouterModelEndpointsResponseSchema.parse({
      data: { id: 'a/b', endpoints: null },
    });
    expect(data.endpoints).toEqual([]);
  });

  it('parses the documented key, credits and generation examples', () => {
    const key = openRouterKeyInfoResponseSchema.parse(keyInfo()).data;
    expect(key).toMatchObject({
      label: 'sk-or-v1-au7...890',
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: 'monthly',
      usage: 25.5,
      is_free_tier: false,
      rate_limit: { requests: 1000, interval: '1h' },
    });
    expect(openRouterCreditsResponseSchema.parse(creditsBody()).data).toEqual({
      total_credits: 100.5,
      total_usage: 25.75,
    });
    const generation = openRouterGenerationResponseSchema.parse(
      generationBody({
        id: 'gen-1',
        provider_responses: [{ provider_name: 'OpenAI', status: 200, latency: 900 }, 'junk'],
      }),
    ).data;
    expect(generation).toMatchObject({
      id: 'gen-1',
      total_cost: 0.0015,
      tokens_prompt: 10,
      native_tokens_reasoning: 5,
      created_at: '2024-07-15T23:33:19.433273+00:00',
      api_type: 'completions',
    });
    expect(generation.provider_responses).toEqual([
      { provider_name: 'OpenAI', status: 200, latency: 900 },
    ]);
  });

  it('keeps a key without a limit (null) distinct from a missing field', () => {
    const key = openRouterKeyInfoResponseSchema.parse(
      keyInfo({ limit: null, limit_remaining: null, limit_reset: null, usage: 'lots' }),
    ).data;
    expect(key.limit).toBeNull();
    expect(key.limit_remaining).toBeNull();
    expect(key.usage).toBeUndefined();
  });
});

describe('openRouterModelsQuery', () => {
  it('maps camelCase filters to the wire names, lists comma-separated', () => {
    const query = openRouterModelsQuery({
      outputModalities: ['text', 'image'],
      inputModalities: 'image',
      supportedParameters: ['tools', 'response_format'],
      sort: 'pricing-low-to-high',
      q: 'claude sonnet',
      category: 'programming',
      context: 200000,
      minPrice: 0,
      maxPrice: '0.00001',
      arch: 'transformer',
      modelAuthors: ['anthropic', 'openai'],
      providers: 'anthropic',
      distillable: false,
      zdr: true,
      region: 'eu',
      offset: 0,
      limit: 100,
      query: { use_rss: undefined, future_filter: 'x', several: ['a', 'b'] },
    });
    expect(Object.fromEntries(query)).toEqual({
      output_modalities: 'text,image',
      input_modalities: 'image',
      supported_parameters: 'tools,response_format',
      sort: 'pricing-low-to-high',
      q: 'claude sonnet',
      category: 'programming',
      context: '200000',
      min_price: '0',
      max_price: '0.00001',
      arch: 'transformer',
      model_authors: 'anthropic,openai',
      providers: 'anthropic',
      distillable: 'false',
      zdr: 'true',
      region: 'eu',
      offset: '0',
      limit: '100',
      future_filter: 'x',
      several: 'a,b',
    });
    expect(query.toString()).toContain('q=claude+sonnet');
  });

  it('sends nothing for no filters', () => {
    expect(openRouterModelsQuery().toString()).toBe('');
    expect(openRouterModelsQuery({ sort: undefined }).toString()).toBe('');
  });
});

describe('encodeModelIdPath', () => {
  it('encodes each segment and keeps the slash', () => {
    expect(encodeModelIdPath('openai/gpt-4o')).toBe('openai/gpt-4o');
    expect(encodeModelIdPath('openai/gpt-oss-20b:free:online')).toBe(
      'openai/gpt-oss-20b%3Afree%3Aonline',
    );
    expect(encodeModelIdPath('~anthropic/claude-opus-latest')).toBe(
      '~anthropic/claude-opus-latest',
    );
    expect(encodeModelIdPath('a b/c?d#e')).toBe('a%20b/c%3Fd%23e');
  });

  it.each(['', ' ', '../key', 'openai/..', 'a//b', '/a/b', 'a/b/', '.'])(
    'refuses %j',
    (modelId) => {
      expect(() => encodeModelIdPath(modelId)).toThrow(InvalidArgumentError);
    },
  );
});
