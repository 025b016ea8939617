import type { JSONObject, JSONValue } from '@ai-sdk/provider';
import type { OpenRouterUsage } from './openrouter-chat-api';

/**
 * `providerMetadata.openrouter`, identical from `doGenerate` and from the stream's `finish`
 * part. The `usage` block keeps the camelCase shape that code written for
 * `@openrouter/ai-sdk-provider` already reads.
 */
export function buildOpenRouterProviderMetadata(options: {
  provider: string | undefined;
  generationId: string | undefined;
  nativeFinishReason: string | undefined;
  usage: OpenRouterUsage | undefined;
  reasoningDetails: JSONValue[];
  annotations: JSONValue[];
  logprobs?: JSONValue;
  /** `openrouter_metadata`, sent when the provider asked for it (`routerMetadata`). */
  routerMetadata?: unknown;
  responseHeaders?: Record<string, string>;
}): JSONObject {
  const metadata: JSONObject = {
    provider: options.provider ?? '',
    reasoning_details: options.reasoningDetails,
  };
  if (options.generationId !== undefined) metadata.generationId = options.generationId;
  if (options.nativeFinishReason !== undefined) {
    metadata.nativeFinishReason = options.nativeFinishReason;
  }
  if (options.annotations.length > 0) metadata.annotations = options.annotations;
  if (options.logprobs !== undefined) metadata.logprobs = options.logprobs;
  if (options.routerMetadata != null) metadata.routerMetadata = options.routerMetadata as JSONValue;
  const cacheStatus = options.responseHeaders?.['x-openrouter-cache-status'];
  if (cacheStatus !== undefined) {
    // Response caching (`responseCache`): a HIT is free and has a new generation id.
    metadata.responseCache = compact({
      status: cacheStatus,
      ttl: options.responseHeaders?.['x-openrouter-cache-ttl'],
      age: options.responseHeaders?.['x-openrouter-cache-age'],
      sourceId: options.responseHeaders?.['x-openrouter-cache-source-id'],
    });
  }
  const usage = options.usage;
  if (usage) {
    if (usage.is_byok != null) metadata.isByok = usage.is_byok;
    metadata.usage = convertUsageMetadata(usage);
  }
  return metadata;
}

function convertUsageMetadata(usage: OpenRouterUsage): JSONObject {
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
