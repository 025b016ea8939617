import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import {
  type EitherCase,
  pluginSchema,
  providerPreferencesSchema,
  reasoningSchema,
  toWireCase,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import { toSnakeCase } from '../shared/snake-case-keys';

const jsonObject = z.record(z.string(), z.unknown());
const cacheControlSchema = z.object({
  type: z.literal('ephemeral'),
  ttl: z.enum(['5m', '1h']).optional(),
});

/**
 * Every documented `/chat/completions` request field that is not mapped from an AI SDK call
 * option (openrouter-api.md §1.1), in wire spelling. Model settings and
 * `providerOptions.openrouter` accept each one in wire spelling (what
 * `@openrouter/ai-sdk-provider` users write) or camelCase (the AI SDK convention), nested keys
 * included; they reach the wire in wire spelling.
 */
export const openRouterChatRequestFieldsSchema = z
  .object({
    models: z.array(z.string()),
    provider: providerPreferencesSchema,
    reasoning: reasoningSchema,
    plugins: z.array(pluginSchema),
    transforms: z.array(z.string()),
    web_search_options: z
      .object({ search_context_size: z.enum(['low', 'medium', 'high']) })
      .partial()
      .passthrough(),
    user: z.string(),
    session_id: z.string().max(256),
    metadata: z.record(z.string().max(64), z.string().max(512)),
    trace: jsonObject,
    cache_control: cacheControlSchema,
    prompt_cache_key: z.string(),
    prompt_cache_options: z
      .object({ mode: z.literal('explicit'), ttl: z.string().optional() })
      .passthrough(),
    service_tier: z.enum(['auto', 'default', 'fast', 'flex', 'priority', 'scale']),
    verbosity: z.enum(['low', 'medium', 'high', 'xhigh', 'max']),
    prediction: z
      .object({
        type: z.literal('content'),
        content: z.union([
          z.string(),
          z.array(z.object({ type: z.literal('text'), text: z.string() })),
        ]),
      })
      .passthrough(),
    modalities: z.array(z.enum(['text', 'image', 'audio'])),
    image_config: jsonObject,
    audio: z
      .object({ voice: z.string(), format: z.enum(['wav', 'mp3', 'flac', 'opus', 'pcm16']) })
      .passthrough(),
    logprobs: z.boolean(),
    top_logprobs: z.number().int().min(0).max(20),
    logit_bias: z.record(z.string(), z.number().min(-100).max(100)),
    min_p: z.number().min(0).max(1),
    top_a: z.number().min(0).max(1),
    repetition_penalty: z.number().gt(0).max(2),
    parallel_tool_calls: z.boolean(),
    max_tool_calls: z.number().int().positive(),
    stop_server_tools_when: z.array(z.object({ type: z.string() }).passthrough()),
    x_search_filter: jsonObject,
    debug: z.object({ echo_upstream_body: z.boolean() }).partial().passthrough(),
    /** Deprecated by OpenRouter (`true` = `reasoning: {}`); still honoured. */
    include_reasoning: z.boolean(),
  })
  .partial();

type WireFields = z.input<typeof openRouterChatRequestFieldsSchema>;

/** Options that shape the request but are not body fields of their own. */
export interface OpenRouterBehaviourOptions {
  /** `strict` on `response_format.json_schema` (default `true`). */
  structuredOutputs?: { strict?: boolean };
  /**
   * Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`.
   * A timeout aborts the request and reports a retryable `APICallError`.
   */
  timeout?: OpenRouterTimeout;
}

/**
 * The typed surface of `providerOptions.openrouter` and of the chat model settings: every field
 * in wire spelling (`session_id`, `provider.allow_fallbacks`) or camelCase (`sessionId`,
 * `provider.allowFallbacks`).
 */
export type OpenRouterLanguageModelOptions = EitherCase<WireFields> & OpenRouterBehaviourOptions;
/** @deprecated Use `OpenRouterLanguageModelOptions`. */
export type OpenRouterChatOptions = OpenRouterLanguageModelOptions;

/** Second argument of `openrouter.chat(modelId, settings)`: defaults for every call. */
export type OpenRouterChatSettings = OpenRouterLanguageModelOptions & {
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};

const fieldSchemas = openRouterChatRequestFieldsSchema.shape as Record<string, z.ZodType>;
const positiveMs = z.number().int().positive();
const behaviourSchemas: Record<string, z.ZodType> = {
  structured_outputs: z.object({ strict: z.boolean().optional() }),
  timeout: z.union([
    positiveMs,
    z.object({ firstByteMs: positiveMs.optional(), idleMs: positiveMs.optional() }).strict(),
  ]),
};
/** Nested objects whose unknown keys are worth a warning (the usual place for typos). */
const CHECKED_NESTED: Record<string, z.ZodObject> = {
  provider: providerPreferencesSchema,
  reasoning: reasoningSchema,
};
/** Keys the package owns: options may not replace them (the escape hatch is `extraBody`). */
const RESERVED_BODY_KEYS = new Set(['model', 'messages', 'stream', 'tools', 'tool_choice']);
/** No-ops OpenRouter documents as deprecated: accepted with a warning, not sent. */
const NO_EFFECT_KEYS: Record<string, string> = {
  usage: 'OpenRouter always returns usage; `usage.include` has no effect.',
  stream_options: 'OpenRouter always streams usage; `stream_options.include_usage` has no effect.',
};

export interface ResolvedOpenRouterOptions {
  /** Wire-named body fields, validated. Unknown keys are passed through unchanged. */
  body: Record<string, unknown>;
  behaviour: OpenRouterBehaviourOptions;
}

/**
 * Validates one options object (model settings or `providerOptions.openrouter`) and maps it to
 * wire names. `source` names where it came from in errors and warnings.
 */
export function resolveOpenRouterOptions(
  options: Record<string, unknown> | undefined,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions {
  const body: Record<string, unknown> = {};
  const behaviour: Record<string, unknown> = {};
  if (!options) return { body, behaviour };
  for (const [key, rawValue] of Object.entries(options)) {
    if (rawValue === undefined) continue;
    const wireKey = toSnakeCase(key);
    const argument = `${source}.${key}`;
    const fieldSchema = fieldSchemas[wireKey];
    const behaviourSchema = behaviourSchemas[wireKey];
    if (fieldSchema) {
      const value =
        wireKey === 'metadata' || wireKey === 'logit_bias' ? rawValue : toWireCase(rawValue);
      body[wireKey] = validate(fieldSchema, value, argument);
      reportUnknownNestedKeys(wireKey, body[wireKey], argument, warnings);
    } else if (behaviourSchema) {
      // Package settings, not wire fields: validated as written.
      behaviour[snakeToCamel(wireKey)] = validate(behaviourSchema, rawValue, argument);
    } else if (RESERVED_BODY_KEYS.has(wireKey)) {
      warnings.push({
        type: 'other',
        message: `${argument} was ignored: the provider sets "${wireKey}" itself. Use extraBody to override it.`,
      });
    } else if (NO_EFFECT_KEYS[wireKey]) {
      warnings.push({ type: 'deprecated', setting: argument, message: NO_EFFECT_KEYS[wireKey] });
    } else {
      // OpenRouter adds fields often: pass them through, but make typos visible.
      body[key] = rawValue;
      const hint =
        wireKey in providerPreferencesSchema.shape
          ? ` It is a provider routing field: put it inside \`provider\` ({ provider: { ${key}: ... } }).`
          : ' Check the spelling if this was not intended.';
      warnings.push({
        type: 'other',
        message: `${argument} is not a known OpenRouter option; it was sent to OpenRouter unchanged.${hint}`,
      });
    }
  }
  return { body, behaviour };
}

function reportUnknownNestedKeys(
  wireKey: string,
  value: unknown,
  argument: string,
  warnings: SharedV4Warning[],
): void {
  const schema = CHECKED_NESTED[wireKey];
  if (!schema || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key in schema.shape) continue;
    warnings.push({
      type: 'other',
      message: `${argument}.${key} is not a known OpenRouter ${wireKey} field; it was sent unchanged. Check the spelling if this was not intended.`,
    });
  }
}

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function validate(schema: z.ZodType, value: unknown, argument: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  throw new InvalidArgumentError({
    argument,
    message: `Invalid value for ${argument}${path}: ${issue?.message ?? 'invalid'}`,
    cause: result.error,
  });
}
