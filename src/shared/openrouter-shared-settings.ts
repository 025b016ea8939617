import type { OpenRouterReasoningOptions } from './openrouter-request-schemas';
import type { OpenRouterReasoningEffort, OpenRouterSamplingSettings } from './sampling-defaults';

/**
 * The settings `@openrouter/ai-sdk-provider` shares between its model kinds (its
 * `OpenRouterSharedSettings`), so that code written for it compiles unchanged. A language model
 * (chat, completion) honours each; an embedding or image model has no use for the language ones
 * (`temperature`, `reasoning`, `models`, ...): they are accepted there with a warning and not sent
 * (see {@link languageOnlySettings}).
 */
export type OpenRouterSharedSettings = OpenRouterSamplingSettings & {
  /** Fallback models, tried in order when the first is unavailable. */
  models?: string[];
  /** OpenRouter's `reasoning` object, or an effort alone (a default for the call's `reasoning`). */
  reasoning?: OpenRouterReasoningOptions | OpenRouterReasoningEffort;
  /** A stable id of your end user, for abuse monitoring. */
  user?: string;
  /** @deprecated Use `reasoning`. Sent as `include_reasoning`, which OpenRouter still honours. */
  includeReasoning?: boolean;
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
  /**
   * @deprecated OpenRouter always returns usage (with the cost) now, so this has no effect; it
   * is accepted with a warning. The usage is in `providerMetadata.openrouter.usage`.
   */
  usage?: { include: boolean };
};

/**
 * The language-model settings of {@link OpenRouterSharedSettings}, by wire name, as `noEffect`
 * entries of a kind that has no use for them: accepted, reported with a warning, not sent.
 */
export function languageOnlySettings(kind: string): Record<string, string> {
  const why = `It has no effect on ${kind} models (a language-model setting that @openrouter/ai-sdk-provider accepted on every kind); it was not sent.`;
  const result: Record<string, string> = {};
  for (const key of [
    'models',
    'reasoning',
    'include_reasoning',
    'usage',
    'temperature',
    'top_p',
    'top_k',
    'frequency_penalty',
    'presence_penalty',
    'max_tokens',
    'max_output_tokens',
    'seed',
    'stop',
    'stop_sequences',
  ]) {
    result[key] = why;
  }
  return result;
}
