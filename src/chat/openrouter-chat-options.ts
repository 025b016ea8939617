import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';

/**
 * OpenRouter request fields accepted in model settings and in `providerOptions.openrouter`.
 * Each is accepted under its wire name (what `@openrouter/ai-sdk-provider` users write) and under
 * its camelCase name (the AI SDK convention); both reach the wire under the wire name.
 */
const reasoningSchema = z
  .object({
    effort: z.enum(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']).optional(),
    max_tokens: z.number().int().positive().optional(),
    exclude: z.boolean().optional(),
    enabled: z.boolean().optional(),
    summary: z.enum(['auto', 'concise', 'detailed']).optional(),
    context: z.enum(['auto', 'all_turns', 'current_turn']).optional(),
    mode: z.enum(['standard', 'pro']).optional(),
  })
  .passthrough();

const jsonObject = z.record(z.string(), z.unknown());

const requestFields = {
  models: { wire: 'models', schema: z.array(z.string()) },
  provider: { wire: 'provider', schema: jsonObject },
  reasoning: { wire: 'reasoning', schema: reasoningSchema },
  plugins: { wire: 'plugins', schema: z.array(jsonObject) },
  transforms: { wire: 'transforms', schema: z.array(z.string()) },
  webSearchOptions: { wire: 'web_search_options', schema: jsonObject },
  user: { wire: 'user', schema: z.string() },
  sessionId: { wire: 'session_id', schema: z.string().max(256) },
  metadata: { wire: 'metadata', schema: z.record(z.string(), z.string()) },
  trace: { wire: 'trace', schema: jsonObject },
  cacheControl: {
    wire: 'cache_control',
    schema: z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }),
  },
  promptCacheKey: { wire: 'prompt_cache_key', schema: z.string() },
  serviceTier: { wire: 'service_tier', schema: z.string() },
  verbosity: { wire: 'verbosity', schema: z.enum(['low', 'medium', 'high', 'xhigh', 'max']) },
  prediction: { wire: 'prediction', schema: jsonObject },
  modalities: { wire: 'modalities', schema: z.array(z.enum(['text', 'image', 'audio'])) },
  imageConfig: { wire: 'image_config', schema: jsonObject },
  logprobs: { wire: 'logprobs', schema: z.boolean() },
  topLogprobs: { wire: 'top_logprobs', schema: z.number().int().min(0).max(20) },
  logitBias: { wire: 'logit_bias', schema: z.record(z.string(), z.number()) },
  minP: { wire: 'min_p', schema: z.number().min(0).max(1) },
  topA: { wire: 'top_a', schema: z.number().min(0).max(1) },
  repetitionPenalty: { wire: 'repetition_penalty', schema: z.number() },
  parallelToolCalls: { wire: 'parallel_tool_calls', schema: z.boolean() },
  debug: { wire: 'debug', schema: z.object({ echo_upstream_body: z.boolean().optional() }) },
} as const;

type RequestFields = typeof requestFields;
type CamelName = keyof RequestFields;
type WireName = RequestFields[CamelName]['wire'];
type FieldValue<K extends CamelName> = z.input<RequestFields[K]['schema']>;

/** Options that shape the request but are not body fields of their own. */
export interface OpenRouterBehaviourOptions {
  /** `strict` on `response_format.json_schema` (default `true`). */
  structuredOutputs?: { strict?: boolean };
}

/**
 * The typed surface of `providerOptions.openrouter` and of the chat model settings. Every field
 * can also be written in its wire spelling (`session_id`, `parallel_tool_calls`, ...).
 */
export type OpenRouterChatOptions = { [K in CamelName]?: FieldValue<K> } & {
  [K in CamelName as RequestFields[K]['wire']]?: FieldValue<K>;
} & OpenRouterBehaviourOptions & { [key: string]: unknown };

const fieldByName = new Map<string, { wire: WireName; schema: z.ZodType }>();
for (const [camel, field] of Object.entries(requestFields)) {
  fieldByName.set(camel, field);
  fieldByName.set(field.wire, field);
}

const behaviourSchemas: Record<string, z.ZodType> = {
  structuredOutputs: z.object({ strict: z.boolean().optional() }),
};

/** Keys the package owns: options may not replace them (the escape hatch is `extraBody`). */
const RESERVED_BODY_KEYS = new Set(['model', 'messages', 'stream', 'tools', 'tool_choice']);

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
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const field = fieldByName.get(key);
    const behaviourSchema = behaviourSchemas[key];
    if (field) {
      body[field.wire] = validate(field.schema, value, `${source}.${key}`);
    } else if (behaviourSchema) {
      behaviour[key] = validate(behaviourSchema, value, `${source}.${key}`);
    } else if (RESERVED_BODY_KEYS.has(key)) {
      warnings.push({
        type: 'other',
        message: `${source}.${key} was ignored: the provider sets "${key}" itself. Use extraBody to override it.`,
      });
    } else {
      // OpenRouter adds fields often: pass them through, but make typos visible.
      body[key] = value;
      warnings.push({
        type: 'other',
        message: `${source}.${key} is not a known OpenRouter option; it was sent to OpenRouter unchanged. Check the spelling if this was not intended.`,
      });
    }
  }
  return { body, behaviour };
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

/** Second argument of `openrouter.chat(modelId, settings)`: defaults for every call. */
export type OpenRouterChatSettings = OpenRouterChatOptions & {
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};
