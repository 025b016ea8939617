import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { isCustomReasoning } from '@ai-sdk/provider-utils';

/**
 * A language model's defaults for the AI SDK's sampling call options (`temperature`, `topP`, ...,
 * given in its settings or in the query of a model reference): a default applies only when the
 * call leaves that option out. The names and value types are `SAMPLING_DEFAULTS`.
 */

const SAMPLING_FIELDS = [
  'max_tokens',
  'temperature',
  'top_p',
  'top_k',
  'frequency_penalty',
  'presence_penalty',
  'seed',
  'stop',
] as const;

/**
 * The sampling fields the model gives defaults for (its settings), by wire name; they go first
 * in the body, so everything after them (the body fields, `extraBody`) may replace them.
 */
export function modelSampling(defaults: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of SAMPLING_FIELDS) result[key] = defaults[key];
  return result;
}

/**
 * What the call of a language model (chat, legacy completions) sets, applied to a body built
 * from every other layer (see `modelSampling`): the call's sampling options, else the defaults
 * its `providerOptions.openrouter` gave, win over everything the model brought, and `reasoning`
 * is resolved from the call, the call's OpenRouter object, the model's object and a default
 * effort (see `resolveReasoning`). Keys the body has keep their place; `reasoning` may become
 * `undefined`, for the caller's final drop of absent fields.
 */
export function applyCallSampling(
  body: Record<string, unknown>,
  call: LanguageModelV4CallOptions,
  resolved: {
    settings: { defaults: Record<string, unknown> };
    providerOptions: { body: Record<string, unknown>; defaults: Record<string, unknown> };
  },
  warnings: SharedV4Warning[],
): void {
  const { settings, providerOptions } = resolved;
  Object.assign(body, callSampling(call, providerOptions.defaults));
  body.reasoning = resolveReasoning({
    call: call.reasoning,
    callObject: providerOptions.body.reasoning,
    modelObject: body.reasoning,
    defaultEffort: providerOptions.defaults.reasoning ?? settings.defaults.reasoning,
    warnings,
  });
}

/**
 * The sampling fields the call sets, by wire name: its AI SDK call options, else the defaults in
 * its own `providerOptions.openrouter`. They go last in the body: nothing of the model's
 * replaces them.
 */
function callSampling(
  call: LanguageModelV4CallOptions,
  callDefaults: Record<string, unknown>,
): Record<string, unknown> {
  const options: Record<(typeof SAMPLING_FIELDS)[number], unknown> = {
    max_tokens: call.maxOutputTokens,
    temperature: call.temperature,
    top_p: call.topP,
    top_k: call.topK,
    frequency_penalty: call.frequencyPenalty,
    presence_penalty: call.presencePenalty,
    seed: call.seed,
    stop: call.stopSequences,
  };
  const result: Record<string, unknown> = {};
  for (const key of SAMPLING_FIELDS) {
    const value = options[key] ?? callDefaults[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * `reasoning` of the body. Lowest first: a default effort (a string setting), a `reasoning`
 * object of the model (its settings or `extraBody`), the call's `reasoning` option (which keeps
 * the model object's other fields, `exclude` say, and replaces its effort or token budget), and
 * the call's own `providerOptions.openrouter.reasoning`, which wins over the call option with a
 * warning: both were given for the same call.
 */
function resolveReasoning(options: {
  call: LanguageModelV4CallOptions['reasoning'];
  /** `providerOptions.openrouter.reasoning` of the call. */
  callObject: unknown;
  /** The model's `reasoning` object, from settings or `extraBody`. */
  modelObject: unknown;
  /** A string `reasoning` default (settings or the model reference's query). */
  defaultEffort: unknown;
  warnings: SharedV4Warning[];
}): unknown {
  const { call, callObject, modelObject, defaultEffort } = options;
  if (callObject !== undefined) {
    if (isCustomReasoning(call)) {
      options.warnings.push({
        type: 'other',
        message: `The reasoning call option ("${call}") was overridden by the OpenRouter reasoning option ${JSON.stringify(callObject)}.`,
      });
    }
    return callObject;
  }
  if (isCustomReasoning(call)) {
    if (modelObject === null || typeof modelObject !== 'object') return { effort: call };
    const {
      effort: _effort,
      max_tokens: _maxTokens,
      ...rest
    } = modelObject as Record<string, unknown>;
    return { ...rest, effort: call };
  }
  if (modelObject !== undefined) return modelObject;
  return typeof defaultEffort === 'string' && defaultEffort !== 'provider-default'
    ? { effort: defaultEffort }
    : undefined;
}

/** The AI SDK's `reasoning` levels (OpenRouter's `reasoning.effort` values), or a newer one. */
export type OpenRouterReasoningEffort =
  | 'none'
  | 'minimal'
  | 'low'
  | 'medium'
  | 'high'
  | 'xhigh'
  | 'max'
  | (string & {});

/**
 * Defaults of a language model for the AI SDK's sampling call options, sent under OpenRouter's
 * wire names. A call option always wins over them. The wire spellings (`top_p`, `max_tokens`,
 * ...) are accepted as well.
 */
export interface OpenRouterSamplingSettings {
  /** Default `temperature`; the call's `temperature` wins. */
  temperature?: number;
  /** Default `topP` (`top_p`). */
  topP?: number;
  /** Default `topK` (`top_k`). */
  topK?: number;
  /** Default `frequencyPenalty` (`frequency_penalty`). */
  frequencyPenalty?: number;
  /** Default `presencePenalty` (`presence_penalty`). */
  presencePenalty?: number;
  /** Default `maxOutputTokens` (`max_tokens`); the spelling of `@openrouter/ai-sdk-provider`. */
  maxTokens?: number;
  /** Default `maxOutputTokens` (`max_tokens`). */
  maxOutputTokens?: number;
  /** Default `seed`. */
  seed?: number;
  /** Default `stopSequences` (`stop`). */
  stopSequences?: string[];
  /** Wire spelling of `topP`. */
  top_p?: number;
  /** Wire spelling of `topK`. */
  top_k?: number;
  /** Wire spelling of `frequencyPenalty`. */
  frequency_penalty?: number;
  /** Wire spelling of `presencePenalty`. */
  presence_penalty?: number;
  /** Wire spelling of `maxOutputTokens`. */
  max_tokens?: number;
  /** Wire spelling of `stopSequences`. */
  stop?: string[];
}
