import type { SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import {
  cacheControlOptionSchema,
  type EitherCase,
  pluginSchema,
  providerPreferencesSchema,
  reasoningSchema,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import {
  type OpenRouterOptionsSpec,
  type ResolvedOpenRouterOptions,
  resolveOpenRouterOptions,
} from '../shared/resolve-openrouter-options';

const jsonObject = z.record(z.string(), z.unknown());

/**
 * Every documented `/chat/completions` request field that is not mapped from an AI SDK call
 * option (https://openrouter.ai/docs/api/api-reference/chat/send-chat-completion-request), in wire spelling. Model settings and
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
    cache_control: cacheControlOptionSchema,
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

/** How `resolveOpenRouterOptions` reads chat settings and `providerOptions.openrouter`. */
const openRouterChatOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterChatRequestFieldsSchema.shape,
  verbatimFields: new Set(['metadata', 'logit_bias', 'trace']),
  behaviour: {
    structured_outputs: z.object({ strict: z.boolean().optional() }),
    timeout: timeoutOptionSchema,
  },
  checkedNested: { provider: providerPreferencesSchema, reasoning: reasoningSchema },
  reserved: new Set(['model', 'messages', 'stream', 'tools', 'tool_choice']),
  noEffect: {
    usage: 'OpenRouter always returns usage; `usage.include` has no effect.',
    stream_options:
      'OpenRouter always streams usage; `stream_options.include_usage` has no effect.',
  },
};

/** Validates chat settings or `providerOptions.openrouter` and maps them to wire names. */
export function resolveOpenRouterChatOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions<OpenRouterBehaviourOptions> {
  return resolveOpenRouterOptions(openRouterChatOptionsSpec, options, source, warnings);
}
