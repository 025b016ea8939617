import { z } from 'zod/v4';
import { dataEnvelope, lenient, lenientList } from '../shared/openrouter-api';

/**
 * Response schemas of OpenRouter's platform endpoints (`GET /models`, `/model/{id}`,
 * `/models/{id}/endpoints`, `/key`, `/credits`, `/generation`); the model list is described at
 * https://openrouter.ai/docs/guides/overview/models.
 *
 * Same rules as the chat schemas: every field is nullish, an invalid field value is dropped
 * (becomes `undefined`) instead of failing the response, and unknown keys pass through. Field
 * names are the wire names, so results compare one to one with OpenRouter's documentation.
 * The only hard requirements: the `data` envelope, and a string `id` on list entries (an entry
 * without one cannot be addressed, so it is dropped from the list).
 */

const nullishNumber = lenient(z.number());
const nullishString = lenient(z.string());
const nullishBoolean = lenient(z.boolean());
/** Strings in the spec, but a number is kept (as its decimal string) rather than dropped. */
const nullishDecimal = lenient(z.union([z.string(), z.number().transform(String)]));
const nullishStrings = lenientList(z.string());
const nullishRecord = lenient(z.record(z.string(), z.unknown()));

/**
 * USD **per token** (or per request / image / search) as decimal strings, as OpenRouter lists
 * them: per token, not per million, and strings so that tiny prices keep their exact digits.
 */
const openRouterModelPricingSchema = z
  .object({
    prompt: nullishDecimal,
    completion: nullishDecimal,
    request: nullishDecimal,
    image: nullishDecimal,
    web_search: nullishDecimal,
    internal_reasoning: nullishDecimal,
    input_cache_read: nullishDecimal,
    input_cache_write: nullishDecimal,
    input_cache_write_1h: nullishDecimal,
    audio: nullishDecimal,
    audio_output: nullishDecimal,
    image_output: nullishDecimal,
    image_token: nullishDecimal,
    input_audio_cache: nullishDecimal,
    discount: lenient(z.union([z.number(), z.string()])),
    /** Conditional prices (`min_prompt_tokens`, `utc_start`, `utc_end` conditions). */
    overrides: lenientList(z.object({}).passthrough()),
  })
  .passthrough();

const openRouterModelArchitectureSchema = z
  .object({
    /** e.g. `text+image->text`. */
    modality: nullishString,
    /** `text`, `image`, `file`, `audio`, `video`, ... */
    input_modalities: nullishStrings,
    /** `text`, `image`, `embeddings`, `audio`, `video`, `rerank`, `speech`, `transcription`, ... */
    output_modalities: nullishStrings,
    tokenizer: nullishString,
    instruct_type: nullishString,
  })
  .passthrough();

const openRouterModelTopProviderSchema = z
  .object({
    context_length: nullishNumber,
    max_completion_tokens: nullishNumber,
    is_moderated: nullishBoolean,
  })
  .passthrough();

/**
 * Reasoning capabilities of a model: which `reasoning.effort` values it accepts, whether a
 * `reasoning.max_tokens` budget works, whether reasoning is on by default or mandatory
 * (https://openrouter.ai/docs/guides/best-practices/reasoning-tokens).
 */
const openRouterModelReasoningSchema = z
  .object({
    supported_efforts: nullishStrings,
    default_effort: nullishString,
    default_enabled: nullishBoolean,
    supports_max_tokens: nullishBoolean,
    mandatory: nullishBoolean,
  })
  .passthrough();

const modelFields = {
  canonical_slug: nullishString,
  hugging_face_id: nullishString,
  name: nullishString,
  created: nullishNumber,
  description: nullishString,
  context_length: nullishNumber,
  architecture: lenient(openRouterModelArchitectureSchema),
  pricing: lenient(openRouterModelPricingSchema),
  top_provider: lenient(openRouterModelTopProviderSchema),
  per_request_limits: nullishRecord,
  /** Request parameters the model accepts (`tools`, `response_format`, `reasoning`, ...). */
  supported_parameters: nullishStrings,
  default_parameters: nullishRecord,
  reasoning: lenient(openRouterModelReasoningSchema),
  knowledge_cutoff: nullishString,
  expiration_date: nullishString,
  supported_voices: nullishStrings,
  links: lenient(z.object({ details: nullishString }).passthrough()),
  benchmarks: lenient(z.unknown()),
  /** For `~author/family-latest` aliases: the model the alias currently points at. */
  alias_target: nullishString,
};

/** One entry of `GET /models` (and the `data` of `GET /model/{author}/{slug}`). */
export const openRouterModelSchema = z.object({ id: z.string(), ...modelFields }).passthrough();

export const openRouterModelsPageSchema = z
  .object({
    data: lenientList(openRouterModelSchema, { required: true }),
    total_count: nullishNumber,
    /** `next`: e.g. `/api/v1/models?offset=500&limit=500`, or null on the last page. */
    links: lenient(z.object({ next: nullishString }).passthrough()),
  })
  .passthrough();

export const openRouterModelResponseSchema = dataEnvelope(openRouterModelSchema);

/** `latency_last_30m` / `throughput_last_30m`: percentiles (newer API) or a single number. */
const percentilesSchema = lenient(
  z.union([
    z.number(),
    z
      .object({ p50: nullishNumber, p75: nullishNumber, p90: nullishNumber, p99: nullishNumber })
      .passthrough(),
  ]),
);

/**
 * One provider endpoint serving a model (`PublicEndpoint` in `GET /models/{author}/{slug}/endpoints`):
 * its routing tag, limits, pricing, quantization, uptime and latency.
 */
const openRouterModelEndpointSchema = z
  .object({
    name: nullishString,
    /** The model's permaslug. */
    model_id: nullishString,
    model_name: nullishString,
    provider_name: nullishString,
    /** Routing slug, e.g. `deepinfra/turbo` (usable in `provider.order`/`only`). */
    tag: nullishString,
    context_length: nullishNumber,
    max_completion_tokens: nullishNumber,
    max_prompt_tokens: nullishNumber,
    pricing: lenient(openRouterModelPricingSchema),
    quantization: nullishString,
    /** 0, -1, -2, -3, -5, -10 (semantics undocumented). */
    status: nullishNumber,
    supported_parameters: nullishStrings,
    supports_implicit_caching: nullishBoolean,
    supports_voice_cloning: nullishBoolean,
    uptime_last_5m: nullishNumber,
    uptime_last_30m: nullishNumber,
    uptime_last_1d: nullishNumber,
    /** Only when the request is authenticated. */
    latency_last_30m: percentilesSchema,
    throughput_last_30m: percentilesSchema,
  })
  .passthrough();

const openRouterModelEndpointsSchema = z
  .object({
    id: nullishString,
    name: nullishString,
    created: nullishNumber,
    description: nullishString,
    architecture: lenient(openRouterModelArchitectureSchema),
    /** Always an array (empty when the response had none or only invalid entries). */
    endpoints: lenientList(openRouterModelEndpointSchema).transform((value) => value ?? []),
  })
  .passthrough();

export const openRouterModelEndpointsResponseSchema = dataEnvelope(openRouterModelEndpointsSchema);

/**
 * `GET /key`: the key that made the request, with its limit and usage
 * (https://openrouter.ai/docs/api/reference/limits). Amounts are USD (credits).
 */
const openRouterKeyInfoSchema = z
  .object({
    label: nullishString,
    /** Credit limit; null = unlimited. */
    limit: nullishNumber,
    /** Credits left under `limit`; null when there is no limit. */
    limit_remaining: nullishNumber,
    /** `daily`, `weekly`, `monthly`, or null (never resets). */
    limit_reset: nullishString,
    include_byok_in_limit: nullishBoolean,
    usage: nullishNumber,
    usage_daily: nullishNumber,
    usage_weekly: nullishNumber,
    usage_monthly: nullishNumber,
    byok_usage: nullishNumber,
    byok_usage_daily: nullishNumber,
    byok_usage_weekly: nullishNumber,
    byok_usage_monthly: nullishNumber,
    is_free_tier: nullishBoolean,
    is_management_key: nullishBoolean,
    is_provisioning_key: nullishBoolean,
    creator_user_id: nullishString,
    expires_at: nullishString,
    /** Deprecated by OpenRouter ("safe to ignore"). */
    rate_limit: lenient(
      z
        .object({ requests: nullishNumber, interval: nullishString, note: nullishString })
        .passthrough(),
    ),
  })
  .passthrough();

export const openRouterKeyInfoResponseSchema = dataEnvelope(openRouterKeyInfoSchema);

/** `GET /credits` (a management key may be required). */
const openRouterCreditsSchema = z
  .object({ total_credits: nullishNumber, total_usage: nullishNumber })
  .passthrough();

export const openRouterCreditsResponseSchema = dataEnvelope(openRouterCreditsSchema);

const openRouterGenerationProviderResponseSchema = z
  .object({
    provider_name: nullishString,
    status: nullishNumber,
    latency: nullishNumber,
    id: nullishString,
    endpoint_id: nullishString,
    model_permaslug: nullishString,
    is_byok: nullishBoolean,
    routed_service_tier: nullishString,
  })
  .passthrough();

/**
 * `GET /generation?id=`: cost, tokens and timings of one generation, looked up after the fact by
 * the `gen-…` id of a response.
 */
const openRouterGenerationSchema = z
  .object({
    id: nullishString,
    upstream_id: nullishString,
    total_cost: nullishNumber,
    usage: nullishNumber,
    upstream_inference_cost: nullishNumber,
    cache_discount: nullishNumber,
    /** ISO timestamp. */
    created_at: nullishString,
    model: nullishString,
    provider_name: nullishString,
    router: nullishString,
    app_id: lenient(z.union([z.number(), z.string()])),
    http_referer: nullishString,
    origin: nullishString,
    user_agent: nullishString,
    external_user: nullishString,
    streamed: nullishBoolean,
    cancelled: nullishBoolean,
    /** Milliseconds. */
    latency: nullishNumber,
    generation_time: nullishNumber,
    moderation_latency: nullishNumber,
    tokens_prompt: nullishNumber,
    tokens_completion: nullishNumber,
    native_tokens_prompt: nullishNumber,
    native_tokens_completion: nullishNumber,
    native_tokens_completion_images: nullishNumber,
    native_tokens_reasoning: nullishNumber,
    native_tokens_cached: nullishNumber,
    num_media_prompt: nullishNumber,
    num_media_completion: nullishNumber,
    num_input_audio_prompt: nullishNumber,
    num_search_results: nullishNumber,
    num_fetches: nullishNumber,
    finish_reason: nullishString,
    native_finish_reason: nullishString,
    is_byok: nullishBoolean,
    /** `completions`, `embeddings`, `rerank`, `tts`, `stt`, `video`, `image`. */
    api_type: nullishString,
    data_region: nullishString,
    preset_id: nullishString,
    provider_responses: lenientList(openRouterGenerationProviderResponseSchema),
    request_id: nullishString,
    session_id: nullishString,
    response_cache_source_id: nullishString,
    service_tier: nullishString,
    web_search_engine: nullishString,
    workspace_id: nullishString,
  })
  .passthrough();

export const openRouterGenerationResponseSchema = dataEnvelope(openRouterGenerationSchema);

/** A model's prices in US dollars per unit, as decimal strings (`prompt`: per input token, ...). */
export type OpenRouterModelPricing = z.infer<typeof openRouterModelPricingSchema>;
/** A model's modalities (`input_modalities`, `output_modalities`) and tokenizer. */
export type OpenRouterModelArchitecture = z.infer<typeof openRouterModelArchitectureSchema>;
/** The limits of a model's primary endpoint (`context_length`, `max_completion_tokens`, moderation). */
export type OpenRouterModelTopProvider = z.infer<typeof openRouterModelTopProviderSchema>;
/** A model's reasoning capabilities: supported efforts, token budget, whether reasoning is mandatory. */
export type OpenRouterModelReasoning = z.infer<typeof openRouterModelReasoningSchema>;
/** One entry of the model catalog (`GET /models`), with OpenRouter's field names. */
export type OpenRouterModel = z.infer<typeof openRouterModelSchema>;
/** One page of the model catalog: `data`, `total_count` and `links.next`. */
export type OpenRouterModelsPage = z.infer<typeof openRouterModelsPageSchema>;
/** One provider endpoint of a model: its provider, tag, prices, uptime, latency and throughput. */
export type OpenRouterModelEndpoint = z.infer<typeof openRouterModelEndpointSchema>;
/** A model with its endpoints (`GET /models/{author}/{slug}/endpoints`). */
export type OpenRouterModelEndpoints = z.infer<typeof openRouterModelEndpointsSchema>;
/** The API key's usage and limits (`GET /key`): `usage`, `limit`, `limit_remaining`, ... */
export type OpenRouterKeyInfo = z.infer<typeof openRouterKeyInfoSchema>;
/** The account's credits (`GET /credits`): `total_credits` and `total_usage`. */
export type OpenRouterCredits = z.infer<typeof openRouterCreditsSchema>;
/** One upstream attempt of a generation (`provider_responses[]`): provider, status, latency. */
export type OpenRouterGenerationProviderResponse = z.infer<
  typeof openRouterGenerationProviderResponseSchema
>;
/** A past generation's record (`GET /generation?id=`): cost, tokens, latency, provider. */
export type OpenRouterGeneration = z.infer<typeof openRouterGenerationSchema>;
