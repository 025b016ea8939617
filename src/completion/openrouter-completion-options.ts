import type { SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import {
  type EitherCase,
  type OpenRouterReasoningOptions,
  providerPreferencesSchema,
  reasoningSchema,
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

/**
 * The request fields of the legacy `POST /completions` that no AI SDK call option maps to, in
 * wire spelling: OpenAI's text-completion fields (`suffix`, `echo`, `logprobs` as an integer,
 * `logit_bias`, `user`, `metadata`) and OpenRouter's routing and reasoning extras. Settings and
 * `providerOptions.openrouter` accept each in wire spelling or camelCase; they reach the wire in
 * wire spelling. `n` and `best_of` are left out on purpose: the model returns one completion.
 */
export const openRouterCompletionRequestFieldsSchema = z
  .object({
    models: z.array(z.string()),
    provider: providerPreferencesSchema,
    reasoning: reasoningSchema,
    /** Deprecated by OpenRouter (`true` = `reasoning: {}`); still honoured. */
    include_reasoning: z.boolean(),
    transforms: z.array(z.string()),
    user: z.string(),
    session_id: z.string(),
    metadata: z.record(z.string(), z.string()),
    /** Token id -> bias, -100 (ban) to 100 (force). */
    logit_bias: z.record(z.string(), z.number()),
    /**
     * The number of most likely tokens to report per position (an integer on this endpoint);
     * they arrive in `providerMetadata.openrouter.logprobs`. `true` (the spelling of
     * `@openrouter/ai-sdk-provider`) is sent as `0`, the chosen tokens only; `false` as nothing.
     */
    logprobs: z.union([z.number().int().min(0), z.boolean()]),
    top_logprobs: z.number().int().min(0),
    /** Text that comes after the completion (fill-in-the-middle models). */
    suffix: z.string(),
    /** Return the prompt in front of the completion. */
    echo: z.boolean(),
    min_p: z.number().min(0).max(1),
    top_a: z.number().min(0).max(1),
    repetition_penalty: z.number().gt(0),
  })
  .partial();

type WireFields = z.input<typeof openRouterCompletionRequestFieldsSchema>;

/** Options that shape the completion request but are not body fields of their own. */
export type OpenRouterCompletionBehaviourOptions = {
  /**
   * Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`.
   * A timeout aborts the request and reports a retryable `APICallError`.
   */
  timeout?: OpenRouterTimeout;
};

/**
 * The typed surface of `providerOptions.openrouter` for the completion model and of its
 * settings: every field in wire spelling (`logit_bias`, `provider.allow_fallbacks`) or camelCase
 * (`logitBias`, `provider.allowFallbacks`).
 */
export type OpenRouterCompletionModelOptions = EitherCase<Omit<WireFields, 'reasoning'>> & {
  /** OpenRouter's `reasoning` object, or an effort alone: a default for the call's `reasoning`. */
  reasoning?: OpenRouterReasoningOptions | OpenRouterReasoningEffort;
} & OpenRouterCompletionBehaviourOptions;

/**
 * Second argument of `openrouter.completion(modelId, settings)`: defaults for every call, the
 * AI SDK's sampling options included; a call option wins.
 */
export type OpenRouterCompletionSettings = OpenRouterCompletionModelOptions &
  OpenRouterSamplingSettings &
  Pick<OpenRouterSharedSettings, 'usage'> & {
    /** Merged into the request body after the settings and before call `providerOptions`. */
    extraBody?: Record<string, unknown>;
  };

const openRouterCompletionOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterCompletionRequestFieldsSchema.shape,
  verbatimFields: new Set(['metadata', 'logit_bias']),
  behaviour: { timeout: timeoutOptionSchema },
  checkedNested: { provider: providerPreferencesSchema, reasoning: reasoningSchema },
  reserved: new Set(['model', 'prompt', 'stream']),
  callDefaults: SAMPLING_DEFAULTS,
  noEffect: {
    usage: 'OpenRouter always returns usage; `usage.include` has no effect.',
    stream_options:
      'OpenRouter always streams usage; `stream_options.include_usage` has no effect.',
  },
};

/** Validates completion settings or `providerOptions.openrouter` and maps them to wire names. */
export function resolveOpenRouterCompletionOptions(
  options: Record<string, unknown> | undefined,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions<OpenRouterCompletionBehaviourOptions> {
  const resolved = resolveOpenRouterOptions<OpenRouterCompletionBehaviourOptions>(
    openRouterCompletionOptionsSpec,
    options,
    source,
    warnings,
  );
  const { body } = resolved;
  if (body.logprobs === true) body.logprobs = 0;
  else if (body.logprobs === false) delete body.logprobs;
  return resolved;
}
