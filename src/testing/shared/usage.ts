/** `usage` as OpenRouter sends it on chat completions. Extra keys are passed through. */
export interface OpenRouterUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost?: number;
  is_byok?: boolean;
  prompt_tokens_details?: {
    cached_tokens?: number;
    cache_write_tokens?: number;
    audio_tokens?: number;
    video_tokens?: number;
  };
  cost_details?: {
    upstream_inference_cost: number | null;
    upstream_inference_prompt_cost: number;
    upstream_inference_completions_cost: number;
  };
  completion_tokens_details?: {
    reasoning_tokens?: number;
    image_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  };
  server_tool_use_details?: {
    tool_calls_requested?: number;
    tool_calls_executed?: number;
    web_search_requests?: number;
  };
  [key: string]: unknown;
}

/** Token estimates the default usage is derived from. */
export interface UsageEstimate {
  promptTokens?: number;
  textChars: number;
  reasoningChars: number;
  images: number;
}

// openai/gpt-4o list prices, so default costs look like real ones.
const PROMPT_PRICE = 0.0000025;
const COMPLETION_PRICE = 0.00001;
const IMAGE_TOKENS = 1290; // per generated image, as in a real Gemini 2.5 Flash Image response

const round = (n: number) => Math.round(n * 1e12) / 1e12;

/**
 * A realistic usage object in the key order of real responses, merged with `override`.
 * Nested objects are merged one level deep; a key explicitly set to `undefined` is removed
 * (to mimic captures that lack e.g. `cost`). Totals and costs follow the final token counts.
 */
export function buildUsage(
  estimate: UsageEstimate,
  override: Partial<OpenRouterUsage> = {},
): OpenRouterUsage {
  const reasoningTokens = Math.ceil(estimate.reasoningChars / 4);
  const imageTokens = estimate.images * IMAGE_TOKENS;
  const promptTokens = override.prompt_tokens ?? estimate.promptTokens ?? 120;
  const completionTokens =
    override.completion_tokens ??
    reasoningTokens + imageTokens + Math.max(1, Math.ceil(estimate.textChars / 4));
  const promptCost = round(promptTokens * PROMPT_PRICE);
  const completionCost = round(completionTokens * COMPLETION_PRICE);
  const cost = override.cost ?? round(promptCost + completionCost);

  const defaults: OpenRouterUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost,
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: 0,
      cache_write_tokens: 0,
      audio_tokens: 0,
      video_tokens: 0,
    },
    cost_details: {
      upstream_inference_cost: cost,
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
    completion_tokens_details: {
      reasoning_tokens: reasoningTokens,
      image_tokens: imageTokens,
      audio_tokens: 0,
    },
  };
  return mergeOrdered(defaults, override) as OpenRouterUsage;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps the key order of `base`, appends new keys, drops keys overridden with `undefined`. */
function mergeOrdered(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...Object.keys(base), ...Object.keys(override).filter((k) => !(k in base))];
  for (const key of keys) {
    const has = Object.hasOwn(override, key);
    const value = has ? override[key] : base[key];
    if (has && value === undefined) continue;
    const baseValue = base[key];
    out[key] =
      has && depth === 0 && isPlainObject(value) && isPlainObject(baseValue)
        ? mergeOrdered(baseValue, value, depth + 1)
        : value;
  }
  return out;
}
