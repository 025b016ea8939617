import type { JSONValue } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import { openString } from './open-string';
import { type OpenRouterCacheControl, toOpenRouterCacheControl } from './openrouter-api';
import { type OpenRouterTimeout, timeoutProblem } from './request-timeout';
import { toSnakeCase } from './snake-case-keys';

/**
 * Wire schemas of OpenRouter request objects shared by every model kind: `reasoning`
 * (https://openrouter.ai/docs/guides/best-practices/reasoning-tokens), `provider` routing
 * preferences (https://openrouter.ai/docs/guides/routing/provider-selection) and `plugins`
 * (https://openrouter.ai/docs/guides/features/plugins). Written in the wire's snake_case; options
 * written in camelCase are converted before validation (see `toWireCase`). Objects pass unknown
 * keys through: OpenRouter adds fields often, and the caller reports them.
 *
 * Validation checks types (a string, a number, an integer, an object), not lists of values or
 * limits that OpenRouter or an upstream decides: a field OpenRouter documents as a string takes
 * any string (its known values are suggested by the type, see `openString`), and a string has no
 * length limit here. OpenRouter adds values faster than a list in this package could follow, and
 * it answers a value it does not take with a 400 that names it.
 */

const price = z.union([z.number(), z.string()]);
/** Percentile cutoffs; every given percentile must be met for an endpoint to be preferred. */
const percentiles = z
  .object({ p50: z.number(), p75: z.number(), p90: z.number(), p99: z.number() })
  .partial();
/**
 * Percentile cutoffs for `provider.preferred_min_throughput` (tokens per second) and
 * `provider.preferred_max_latency` (seconds): `{ p50, p75, p90, p99 }`, any subset. See
 * https://openrouter.ai/docs/guides/routing/provider-selection
 */
export type OpenRouterPercentileCutoffs = z.input<typeof percentiles>;

const providerSort = openString(['price', 'throughput', 'latency']);

/** The zod schema of `provider` (routing preferences), in OpenRouter's wire spelling. */
export const providerPreferencesSchema = z
  .object({
    order: z.array(z.string()),
    only: z.array(z.string()),
    ignore: z.array(z.string()),
    allow_fallbacks: z.boolean(),
    require_parameters: z.boolean(),
    data_collection: openString(['allow', 'deny']),
    zdr: z.boolean(),
    enforce_distillable_text: z.boolean(),
    quantizations: z.array(
      openString(['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown']),
    ),
    sort: z.union([
      providerSort,
      z
        .object({ by: providerSort, partition: openString(['model', 'none']).optional() })
        .passthrough(),
    ]),
    max_price: z
      .object({ prompt: price, completion: price, image: price, audio: price, request: price })
      .partial()
      .passthrough(),
    preferred_min_throughput: z.union([z.number(), percentiles]),
    preferred_max_latency: z.union([z.number(), percentiles]),
  })
  .partial()
  .passthrough();

/**
 * `provider` on the media endpoints (`POST /images`, `/audio/speech`, `/audio/transcriptions`):
 * the routing preferences, plus `options`, provider-specific parameters keyed by provider slug
 * (`{ azure: { style: 'cheerful' } }`), which OpenRouter forwards only to the provider that
 * serves the request.
 */
export const providerPreferencesWithOptionsSchema = providerPreferencesSchema.extend({
  options: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

/**
 * The body fields that say whose a request is and what it belongs to, for OpenRouter's logs, on
 * every endpoint that takes them: `user` (your end user's id), `session_id` (groups related
 * requests: a conversation, an agent workflow) and `trace` (metadata for broadcast destinations:
 * `trace_id`, `span_name`, custom keys). Spread into a kind's field schema; `trace` belongs in
 * the spec's `verbatimFields` (its keys are the user's own).
 */
export const requestAttributionFields = {
  user: z.string(),
  /** Groups related requests (an agent workflow, a conversation) in OpenRouter's logs. */
  session_id: z.string(),
  /** Tracing metadata for broadcast destinations (`trace_id`, `span_name`, custom keys). */
  trace: z.record(z.string(), z.unknown()),
};

/** The zod schema of `reasoning` (effort, token budget, exclude, ...), in OpenRouter's wire spelling. */
export const reasoningSchema = z
  .object({
    effort: openString(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']),
    max_tokens: z.number().int().positive(),
    exclude: z.boolean(),
    enabled: z.boolean(),
    summary: openString(['auto', 'concise', 'detailed']),
    context: openString(['auto', 'all_turns', 'current_turn']),
    mode: openString(['standard', 'pro']),
  })
  .partial()
  .passthrough();

const domains = z.array(z.string());

const KNOWN_PLUGIN_IDS = new Set([
  'web',
  'web-fetch',
  'file-parser',
  'response-healing',
  'context-compression',
  'moderation',
  'auto-router',
  'auto-beta-router',
  'pareto-router',
  'fusion',
]);

/** Every documented plugin id, with its documented options; other ids pass through. */
export const pluginSchema = z.union([
  z
    .object({
      id: z.literal('web'),
      enabled: z.boolean().optional(),
      engine: openString(['native', 'exa', 'firecrawl', 'parallel', 'perplexity']).optional(),
      mode: z.string().optional(),
      max_results: z.number().int().positive().optional(),
      max_uses: z.number().int().positive().optional(),
      search_prompt: z.string().optional(),
      include_domains: domains.optional(),
      exclude_domains: domains.optional(),
      user_location: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough(),
  z
    .object({
      id: z.literal('web-fetch'),
      allowed_domains: domains.optional(),
      blocked_domains: domains.optional(),
      max_content_tokens: z.number().int().positive().optional(),
      max_uses: z.number().int().positive().optional(),
    })
    .passthrough(),
  z
    .object({
      id: z.literal('file-parser'),
      enabled: z.boolean().optional(),
      pdf: z
        .object({ engine: openString(['mistral-ocr', 'cloudflare-ai', 'native', 'pdf-text']) })
        .partial()
        .passthrough()
        .optional(),
      max_files: z.number().int().positive().optional(),
    })
    .passthrough(),
  z.object({ id: z.literal('response-healing'), enabled: z.boolean().optional() }).passthrough(),
  z
    .object({
      id: z.literal('context-compression'),
      enabled: z.boolean().optional(),
      engine: openString(['middle-out']).optional(),
    })
    .passthrough(),
  z.object({ id: z.literal('moderation') }).passthrough(),
  z
    .object({
      id: z.enum(['auto-router', 'auto-beta-router']),
      enabled: z.boolean().optional(),
      allowed_models: z.array(z.string()).optional(),
      excluded_models: z.array(z.string()).optional(),
      cost_tier: z.string().optional(),
      cost_quality_tradeoff: z.number().optional(),
      pin_model: z.string().optional(),
    })
    .passthrough(),
  z
    .object({
      id: z.literal('pareto-router'),
      enabled: z.boolean().optional(),
      min_coding_score: z.number().optional(),
      max_price: z.number().optional(),
      price_source: openString(['prompt', 'weighted_avg']).optional(),
    })
    .passthrough(),
  z
    .object({
      id: z.literal('fusion'),
      enabled: z.boolean().optional(),
      analysis_models: z.array(z.string()).optional(),
      model: z.string().optional(),
      preset: z.string().optional(),
      max_tool_calls: z.number().int().positive().optional(),
      tools: z.array(z.unknown()).optional(),
    })
    .passthrough(),
  // Plugins added after this release pass through; a known id must match its own options.
  z.object({ id: z.string().refine((id) => !KNOWN_PLUGIN_IDS.has(id)) }).passthrough(),
]);

/** Keys whose values are the user's own data: their keys are never case-converted. */
const FREE_FORM_KEYS = new Set(['metadata', 'logit_bias', 'trace', 'user_location', 'options']);

/**
 * `allowFallbacks` -> `allow_fallbacks`, recursively, so AI SDK-style camelCase and the wire's
 * snake_case are both accepted everywhere. User data (metadata, logit bias, trace fields) keeps
 * its keys. A `__proto__` key is left out: it is no field, and assigning it would replace the
 * copy's prototype.
 */
export function toWireCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWireCase);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__') continue;
    const wireKey = toSnakeCase(key);
    result[wireKey] = FREE_FORM_KEYS.has(wireKey) ? child : toWireCase(child);
  }
  return result;
}

type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S;

/**
 * A wire-shaped type that also accepts each key in camelCase, recursively (see `toWireCase`).
 * What the schema leaves open (`unknown`: the values of a passthrough object, of `trace`) is typed
 * as JSON, so an options object typed with these types is a valid `providerOptions` entry.
 */
export type EitherCase<T> = unknown extends T
  ? JSONValue | undefined
  : T extends readonly (infer Element)[]
    ? EitherCase<Element>[]
    : T extends Record<string, unknown>
      ? { [K in keyof T]?: EitherCase<T[K]> } & {
          [K in keyof T as K extends string ? SnakeToCamel<K> : K]?: EitherCase<T[K]>;
        }
      : T;

/** Routing preferences (`provider`): order, fallbacks, data policy, sorting, price limits; either key spelling. */
export type OpenRouterProviderPreferences = EitherCase<z.input<typeof providerPreferencesSchema>>;
/** Reasoning options (`reasoning`): `effort`, `maxTokens`, `exclude`, `enabled`, ...; either key spelling. */
export type OpenRouterReasoningOptions = EitherCase<z.input<typeof reasoningSchema>>;
/** A plugin entry of `plugins` (`web`, `file-parser`, `response-healing`, ...); either key spelling. */
export type OpenRouterPlugin = EitherCase<z.input<typeof pluginSchema>>;

/** The `timeout` setting of every model kind, by the rule of `request-timeout.ts`. */
export const timeoutOptionSchema = z.custom<OpenRouterTimeout>().superRefine((value, context) => {
  const problem = timeoutProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A request-level `cache_control` option, checked by the same rule as content blocks. */
export const cacheControlOptionSchema = z
  .custom<OpenRouterCacheControl>((value) => toOpenRouterCacheControl(value) !== undefined, {
    message: "Expected { type: 'ephemeral', ttl?: '5m' | '1h' }",
  })
  .transform((value) => toOpenRouterCacheControl(value) as OpenRouterCacheControl);

/**
 * The AI SDK's sampling call options, which a language model's settings (and the query of a
 * model reference, `openai/gpt-4o?temperature=0`) may give defaults for. A default applies only
 * when the call leaves that option out: a call option always wins, whatever set the default.
 *
 * Keyed by every accepted name in snake_case (the resolver looks keys up that way, so
 * `topP` and `top_p`, `maxTokens`, `maxOutputTokens` and `max_tokens` all arrive here), each with
 * the wire field it fills and the type of its value. `reasoning` is a default only as a string
 * (an effort, like the AI SDK's `reasoning` call option); an object is OpenRouter's own
 * `reasoning` field.
 */
export const SAMPLING_DEFAULTS: Record<string, { wire: string; schema: z.ZodType }> = {
  temperature: { wire: 'temperature', schema: z.number() },
  top_p: { wire: 'top_p', schema: z.number() },
  top_k: { wire: 'top_k', schema: z.number().int() },
  frequency_penalty: { wire: 'frequency_penalty', schema: z.number() },
  presence_penalty: { wire: 'presence_penalty', schema: z.number() },
  max_tokens: { wire: 'max_tokens', schema: z.number().int().positive() },
  max_output_tokens: { wire: 'max_tokens', schema: z.number().int().positive() },
  seed: { wire: 'seed', schema: z.number().int() },
  stop: { wire: 'stop', schema: z.array(z.string()) },
  stop_sequences: { wire: 'stop', schema: z.array(z.string()) },
  reasoning: { wire: 'reasoning', schema: z.string() },
};
