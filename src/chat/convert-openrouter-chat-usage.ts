import type { JSONObject, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { OpenRouterUsage } from './openrouter-chat-api';

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
