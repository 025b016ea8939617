import type { JSONObject, JSONValue, LanguageModelV4Usage } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import { lenient } from './openrouter-api';

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

/** `"12"` -> 12: some upstreams send counts as strings. Other values are left to the schema. */
function numericString(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
}

/**
 * A token count: a non-negative integer (a numeric string is converted). Anything else, a
 * negative or fractional count included, is dropped as unknown rather than passed on.
 */
const tokenCount = lenient(z.preprocess(numericString, z.number().int().nonnegative()));
/** An amount in credits: a finite number (a numeric string is converted). */
const amount = lenient(z.preprocess(numericString, z.number()));

/**
 * OpenRouter's `usage` object, which every inference endpoint returns in the same shape (chat,
 * completions, embeddings, images, transcription, rerank, video): token counts, the `cost` in
 * credits, `is_byok`, and per-kind details. See https://openrouter.ai/docs/use-cases/usage-accounting.
 */
export const openRouterUsageSchema = z
  .object({
    prompt_tokens: tokenCount,
    completion_tokens: tokenCount,
    total_tokens: tokenCount,
    cost: amount,
    is_byok: lenient(z.boolean()),
    prompt_tokens_details: lenient(
      z
        .object({
          cached_tokens: tokenCount,
          cache_write_tokens: tokenCount,
          audio_tokens: tokenCount,
          video_tokens: tokenCount,
        })
        .passthrough(),
    ),
    completion_tokens_details: lenient(
      z
        .object({
          reasoning_tokens: tokenCount,
          image_tokens: tokenCount,
          audio_tokens: tokenCount,
          accepted_prediction_tokens: tokenCount,
          rejected_prediction_tokens: tokenCount,
        })
        .passthrough(),
    ),
    cost_details: lenient(
      z
        .object({
          upstream_inference_cost: amount,
          upstream_inference_prompt_cost: amount,
          upstream_inference_completions_cost: amount,
        })
        .passthrough(),
    ),
    server_tool_use_details: lenient(z.record(z.string(), z.unknown())),
    server_tool_use: lenient(z.record(z.string(), z.unknown())),
  })
  .passthrough();

export type OpenRouterUsage = z.infer<typeof openRouterUsageSchema>;

/**
 * OpenRouter usage -> AI SDK usage. Unknown counts stay `undefined` (never a made-up 0).
 * `prompt_tokens` includes cache reads and writes (OpenRouter normalises every upstream to the
 * OpenAI convention), so the uncached part is what remains after both.
 */
export function convertOpenRouterUsage(usage: OpenRouterUsage | undefined): LanguageModelV4Usage {
  const promptTokens = usage?.prompt_tokens ?? undefined;
  const completionTokens = usage?.completion_tokens ?? undefined;
  const cacheRead = usage?.prompt_tokens_details?.cached_tokens ?? undefined;
  const cacheWrite = usage?.prompt_tokens_details?.cache_write_tokens ?? undefined;
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? undefined;
  return {
    inputTokens: {
      total: promptTokens,
      noCache:
        promptTokens === undefined
          ? undefined
          : Math.max(0, promptTokens - (cacheRead ?? 0) - (cacheWrite ?? 0)),
      cacheRead,
      cacheWrite,
    },
    outputTokens: {
      total: completionTokens,
      text:
        completionTokens === undefined
          ? undefined
          : Math.max(0, completionTokens - (reasoning ?? 0)),
      reasoning,
    },
    raw: usage as JSONObject | undefined,
  };
}

/**
 * The `usage` block of `providerMetadata.openrouter` (see `convertOpenRouterUsageMetadata`): the
 * shape `@openrouter/ai-sdk-provider` documents, plus the details it does not read. A count
 * OpenRouter did not report is left out rather than made up.
 */
export type OpenRouterUsageAccounting = {
  promptTokens: number;
  promptTokensDetails?: {
    cachedTokens: number;
    cacheWriteTokens?: number;
    audioTokens?: number;
    videoTokens?: number;
  };
  completionTokens: number;
  completionTokensDetails?: {
    reasoningTokens: number;
    imageTokens?: number;
    audioTokens?: number;
    acceptedPredictionTokens?: number;
    rejectedPredictionTokens?: number;
  };
  totalTokens: number;
  /** In credits (US dollars). */
  cost?: number;
  /** Whether the request ran on your own provider key (BYOK). */
  isByok?: boolean;
  costDetails?: {
    /** With BYOK: what the upstream provider charged your key. */
    upstreamInferenceCost: number;
    upstreamInferencePromptCost?: number;
    upstreamInferenceCompletionsCost?: number;
  };
  serverToolUse?: Record<string, unknown>;
};

/**
 * The `usage` block of `providerMetadata.openrouter`, the same for every model kind. It keeps the
 * camelCase shape that code written for `@openrouter/ai-sdk-provider` already reads
 * (`providerMetadata.openrouter.usage.cost`).
 */
export function convertOpenRouterUsageMetadata(usage: OpenRouterUsage): JSONObject {
  const promptTokens = usage.prompt_tokens ?? undefined;
  const completionTokens = usage.completion_tokens ?? undefined;
  const result: JSONObject = {
    promptTokens,
    completionTokens,
    totalTokens:
      usage.total_tokens ??
      (promptTokens !== undefined && completionTokens !== undefined
        ? promptTokens + completionTokens
        : undefined),
  };
  if (usage.cost != null) result.cost = usage.cost;
  if (usage.is_byok != null) result.isByok = usage.is_byok;
  const prompt = usage.prompt_tokens_details;
  if (prompt) {
    result.promptTokensDetails = compact({
      cachedTokens: prompt.cached_tokens,
      cacheWriteTokens: prompt.cache_write_tokens,
      audioTokens: prompt.audio_tokens,
      videoTokens: prompt.video_tokens,
    });
  }
  const completion = usage.completion_tokens_details;
  if (completion) {
    result.completionTokensDetails = compact({
      reasoningTokens: completion.reasoning_tokens,
      imageTokens: completion.image_tokens,
      audioTokens: completion.audio_tokens,
      acceptedPredictionTokens: completion.accepted_prediction_tokens,
      rejectedPredictionTokens: completion.rejected_prediction_tokens,
    });
  }
  const cost = usage.cost_details;
  if (cost) {
    result.costDetails = compact({
      upstreamInferenceCost: cost.upstream_inference_cost,
      upstreamInferencePromptCost: cost.upstream_inference_prompt_cost,
      upstreamInferenceCompletionsCost: cost.upstream_inference_completions_cost,
    });
  }
  // The spec and the docs disagree on the key name; accept both.
  const serverToolUse = usage.server_tool_use_details ?? usage.server_tool_use;
  if (serverToolUse) result.serverToolUse = serverToolUse as JSONObject;
  return compact(result);
}

/** Drops `undefined` and `null` values so metadata only states what OpenRouter reported. */
function compact(record: Record<string, JSONValue | undefined | null>): JSONObject {
  const result: JSONObject = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result;
}
