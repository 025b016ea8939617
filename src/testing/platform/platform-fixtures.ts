import { generationId } from '../shared/ids.js';

/**
 * Builders for OpenRouter's platform response bodies (`GET /models`, `/model/{id}`,
 * `/models/{id}/endpoints`, `/key`, `/credits`, `/generation`), shaped like OpenRouter's API
 * specification and the examples of its documentation. Entry builders (`modelEntry`,
 * `endpointEntry`) return one object; the `…Body`/`modelsList`/`keyInfo` builders return whole
 * response bodies (`{data: …}`).
 */

/** A JSON object as sent on the wire. */
export type Wire = Record<string, unknown>;

/** A `GET /models` entry as sent on the wire. */
export type WireModel = Wire & { id: string };

/** What `modelEntry` accepts: an id, and any field to override (nested objects are merged). */
export type ModelEntryInput = Wire & {
  id: string;
  architecture?: Wire;
  pricing?: Wire;
  top_provider?: Wire;
};

/** Parameters a typical modern chat model lists (a tool-calling, structured-output model). */
export const DEFAULT_SUPPORTED_PARAMETERS: readonly string[] = [
  'max_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'structured_outputs',
];

/** The base id of `author/slug:variant…` (what `canonical_slug` defaults to). */
function baseId(id: string): string {
  const slash = id.indexOf('/');
  const colon = id.indexOf(':', slash + 1);
  return colon === -1 ? id : id.slice(0, colon);
}

/** `value` if it is a JSON object, else `{}`: fixtures may hold malformed data on purpose. */
export function asRecord(value: unknown): Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Wire)
    : {};
}

/**
 * A full `GET /models` entry with every field OpenRouter's specification lists, `partial` laid
 * over realistic defaults.
 */
export function modelEntry(partial: ModelEntryInput): WireModel {
  const { id, architecture, pricing, top_provider, ...rest } = partial;
  const contextLength =
    typeof partial.context_length === 'number' ? partial.context_length : 128000;
  const arch: Wire = {
    input_modalities: ['text'],
    output_modalities: ['text'],
    tokenizer: 'Other',
    instruct_type: null,
    ...architecture,
  };
  const join = (value: unknown) => (Array.isArray(value) ? value.join('+') : 'text');
  return {
    id,
    canonical_slug: baseId(id),
    hugging_face_id: null,
    name: id.slice(id.indexOf('/') + 1),
    created: 1692901234,
    description: `${id} (OpenRouter emulator fixture).`,
    context_length: contextLength,
    architecture: {
      modality: `${join(arch.input_modalities)}->${join(arch.output_modalities)}`,
      ...arch,
    },
    pricing: {
      prompt: '0.000001',
      completion: '0.000002',
      request: '0',
      image: '0',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0',
      input_cache_write: '0',
      ...pricing,
    },
    top_provider: {
      context_length: contextLength,
      max_completion_tokens: 16384,
      is_moderated: false,
      ...top_provider,
    },
    per_request_limits: null,
    supported_parameters: [...DEFAULT_SUPPORTED_PARAMETERS],
    default_parameters: null,
    knowledge_cutoff: null,
    expiration_date: null,
    supported_voices: null,
    links: { details: `/api/v1/models/${id}/endpoints` },
    ...rest,
  };
}

/** A `GET /models` body: `{data, total_count, links: {next}}`. */
export function modelsList(
  models: readonly WireModel[],
  options: { totalCount?: number; next?: string | null } = {},
): Wire {
  return {
    data: [...models],
    total_count: options.totalCount ?? models.length,
    links: { next: options.next ?? null },
  };
}

/** One `PublicEndpoint` of a model (an entry of its `/endpoints` list) over realistic defaults. */
export function endpointEntry(model: WireModel, partial: Wire = {}): Wire {
  const top = asRecord(model.top_provider);
  return {
    name: `Emulator | ${model.id}`,
    model_id: model.canonical_slug ?? model.id,
    model_name: model.name ?? model.id,
    provider_name: 'Emulator',
    tag: 'emulator',
    context_length: model.context_length ?? null,
    max_completion_tokens: top.max_completion_tokens ?? null,
    max_prompt_tokens: null,
    pricing: model.pricing ?? {},
    quantization: 'unknown',
    status: 0,
    supported_parameters: model.supported_parameters ?? [],
    supports_implicit_caching: false,
    uptime_last_5m: 100,
    uptime_last_30m: 99.9,
    uptime_last_1d: 99.5,
    latency_last_30m: { p50: 420, p75: 510, p90: 700, p99: 1200 },
    throughput_last_30m: { p50: 80, p75: 70, p90: 55, p99: 30 },
    ...partial,
  };
}

/** A `GET /models/{author}/{slug}/endpoints` body; one default endpoint unless given. */
export function endpointsBody(model: WireModel, endpoints?: readonly Wire[]): Wire {
  return {
    data: {
      id: model.id,
      name: model.name ?? model.id,
      created: model.created ?? null,
      description: model.description ?? null,
      architecture: model.architecture ?? null,
      endpoints: endpoints
        ? endpoints.map((endpoint) => endpointEntry(model, endpoint))
        : [endpointEntry(model)],
    },
  };
}

/** A `GET /key` body with `partial` laid over the example of OpenRouter's documentation. */
export function keyInfo(partial: Wire = {}): Wire {
  return {
    data: {
      label: 'sk-or-v1-au7...890',
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: 'monthly',
      include_byok_in_limit: false,
      usage: 25.5,
      usage_daily: 25.5,
      usage_weekly: 25.5,
      usage_monthly: 25.5,
      byok_usage: 17.38,
      byok_usage_daily: 17.38,
      byok_usage_weekly: 17.38,
      byok_usage_monthly: 17.38,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000',
      expires_at: '2027-12-31T23:59:59Z',
      rate_limit: {
        requests: 1000,
        interval: '1h',
        note: 'This field is deprecated and safe to ignore.',
      },
      ...partial,
    },
  };
}

/** A `GET /credits` body, `{data: {total_credits, total_usage}}`, with `partial` laid over it. */
export function creditsBody(partial: Wire = {}): Wire {
  return { data: { total_credits: 100.5, total_usage: 25.75, ...partial } };
}

/** A `GET /generation` body with `partial` laid over the example of OpenRouter's documentation. */
export function generationBody(partial: Wire = {}): Wire {
  return {
    data: {
      id: generationId(),
      upstream_id: 'chatcmpl-791bcf62',
      total_cost: 0.0015,
      usage: 0.0015,
      upstream_inference_cost: 0.0012,
      cache_discount: null,
      created_at: '2024-07-15T23:33:19.433273+00:00',
      model: 'openai/gpt-4o',
      provider_name: 'OpenAI',
      router: null,
      app_id: 12345,
      origin: 'https://openrouter.ai/',
      http_referer: 'https://openrouter.ai/',
      user_agent: 'Mozilla/5.0',
      external_user: null,
      streamed: true,
      cancelled: false,
      latency: 1250,
      generation_time: 1200,
      moderation_latency: 50,
      tokens_prompt: 10,
      tokens_completion: 25,
      native_tokens_prompt: 10,
      native_tokens_completion: 25,
      native_tokens_completion_images: 0,
      native_tokens_reasoning: 5,
      native_tokens_cached: 3,
      num_media_prompt: 0,
      num_media_completion: 0,
      num_input_audio_prompt: 0,
      num_search_results: 0,
      num_fetches: 0,
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      is_byok: false,
      api_type: 'completions',
      data_region: 'global',
      preset_id: null,
      provider_responses: null,
      request_id: 'req-1727282430-aBcDeFgHiJkLmNoPqRsT',
      session_id: null,
      service_tier: null,
      web_search_engine: null,
      workspace_id: null,
      ...partial,
    },
  };
}
