import type { SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import { openString } from '../shared/open-string';
import {
  cacheControlOptionSchema,
  type EitherCase,
  type OpenRouterReasoningOptions,
  pluginSchema,
  providerPreferencesSchema,
  reasoningSchema,
  requestAttributionFields,
  SAMPLING_DEFAULTS,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterSharedSettings } from '../shared/openrouter-shared-settings';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import {
  type OpenRouterOptionsSpec,
  type ResolvedOpenRouterOptions,
  resolveOpenRouterOptions,
} from '../shared/resolve-openrouter-options';
import type {
  OpenRouterReasoningEffort,
  OpenRouterSamplingSettings,
} from '../shared/sampling-defaults';

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
      .object({
        search_context_size: openString(['low', 'medium', 'high']),
        max_results: z.number().int().positive(),
        search_prompt: z.string(),
        engine: openString(['native', 'exa']),
      })
      .partial()
      .passthrough(),
    ...requestAttributionFields,
    metadata: z.record(z.string(), z.string()),
    cache_control: cacheControlOptionSchema,
    prompt_cache_key: z.string(),
    prompt_cache_options: z
      .object({ mode: openString(['explicit']), ttl: z.string().optional() })
      .passthrough(),
    service_tier: openString(['auto', 'default', 'fast', 'flex', 'priority', 'scale']),
    verbosity: openString(['low', 'medium', 'high', 'xhigh', 'max']),
    prediction: z
      .object({
        type: z.literal('content'),
        content: z.union([
          z.string(),
          z.array(z.object({ type: z.literal('text'), text: z.string() })),
        ]),
      })
      .passthrough(),
    modalities: z.array(openString(['text', 'image', 'audio'])),
    image_config: jsonObject,
    audio: z
      .object({
        voice: z.string(),
        format: openString(['wav', 'mp3', 'flac', 'opus', 'pcm16']),
      })
      .passthrough(),
    /**
     * `true` asks for the log probabilities of the chosen tokens; a number `n` (the spelling of
     * `@openrouter/ai-sdk-provider`) also asks for the `n` most likely alternatives per position,
     * and is sent as `logprobs: true, top_logprobs: n`.
     */
    logprobs: z.union([z.boolean(), z.number().int().min(0)]),
    top_logprobs: z.number().int().min(0),
    logit_bias: z.record(z.string(), z.number()),
    min_p: z.number().min(0).max(1),
    top_a: z.number().min(0).max(1),
    repetition_penalty: z.number().gt(0),
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
export type OpenRouterBehaviourOptions = {
  /** `strict` on `response_format.json_schema` (default `true`). */
  structuredOutputs?: { strict?: boolean };
  /**
   * Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`.
   * A timeout aborts the request and reports a retryable `APICallError`.
   */
  timeout?: OpenRouterTimeout;
};

/**
 * The typed surface of `providerOptions.openrouter` and of the chat model settings: every field
 * in wire spelling (`session_id`, `provider.allow_fallbacks`) or camelCase (`sessionId`,
 * `provider.allowFallbacks`).
 */
export type OpenRouterLanguageModelOptions = EitherCase<Omit<WireFields, 'reasoning'>> & {
  /**
   * OpenRouter's `reasoning` object (`{ effort }`, `{ maxTokens }`, `exclude`, ...), or an effort
   * alone (`'high'`), which is a default for the AI SDK's `reasoning` call option: the call's
   * option wins over it.
   */
  reasoning?: OpenRouterReasoningOptions | OpenRouterReasoningEffort;
} & OpenRouterBehaviourOptions;
/** @deprecated Use `OpenRouterLanguageModelOptions`. */
export type OpenRouterChatOptions = OpenRouterLanguageModelOptions;
/**
 * The name `@openrouter/ai-sdk-provider` gives the options of `providerOptions.openrouter`
 * (`models`, `reasoning`, `user`, ...): the same as `OpenRouterLanguageModelOptions`.
 */
export type OpenRouterProviderOptions = OpenRouterLanguageModelOptions;

/**
 * Second argument of `openrouter.chat(modelId, settings)`: defaults for every call, the AI SDK's
 * sampling options (`temperature`, `topP`, `maxTokens`, ...) included; a call option wins.
 */
export type OpenRouterChatSettings = OpenRouterLanguageModelOptions &
  OpenRouterSamplingSettings &
  Pick<OpenRouterSharedSettings, 'usage'> & {
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
  callDefaults: SAMPLING_DEFAULTS,
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
  const resolved = resolveOpenRouterOptions<OpenRouterBehaviourOptions>(
    openRouterChatOptionsSpec,
    options,
    source,
    warnings,
  );
  const { body } = resolved;
  if (typeof body.logprobs === 'number') {
    // An explicit `top_logprobs` wins over the count given as `logprobs`.
    body.top_logprobs ??= body.logprobs;
    body.logprobs = true;
  }
  return resolved;
}
