import { z } from 'zod/v4';
import { openRouterErrorObjectSchema } from '../shared/openrouter-error';

/**
 * Response-side wire schemas for `POST /chat/completions`. A billed response must never be thrown
 * away over a field we do not need (pitfall P8): every field is nullish, unions stay open, and
 * unknown keys pass through. We validate what we read and nothing more.
 */

/** An optional field whose invalid value is dropped instead of failing the whole response. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/** An optional array whose invalid elements become `undefined` (callers skip them). */
export function lenientArray<T extends z.ZodType>(element: T) {
  return lenient(z.array(element.optional().catch(undefined)));
}

const nullishNumber = lenient(z.number());

export const openRouterUsageSchema = z
  .object({
    prompt_tokens: nullishNumber,
    completion_tokens: nullishNumber,
    total_tokens: nullishNumber,
    cost: nullishNumber,
    is_byok: lenient(z.boolean()),
    prompt_tokens_details: z
      .object({
        cached_tokens: nullishNumber,
        cache_write_tokens: nullishNumber,
        audio_tokens: nullishNumber,
        video_tokens: nullishNumber,
      })
      .passthrough()
      .nullish()
      .catch(undefined),
    completion_tokens_details: z
      .object({
        reasoning_tokens: nullishNumber,
        image_tokens: nullishNumber,
        audio_tokens: nullishNumber,
        accepted_prediction_tokens: nullishNumber,
        rejected_prediction_tokens: nullishNumber,
      })
      .passthrough()
      .nullish()
      .catch(undefined),
    cost_details: z
      .object({
        upstream_inference_cost: nullishNumber,
        upstream_inference_prompt_cost: nullishNumber,
        upstream_inference_completions_cost: nullishNumber,
      })
      .passthrough()
      .nullish()
      .catch(undefined),
    server_tool_use_details: lenient(z.record(z.string(), z.unknown())),
    server_tool_use: lenient(z.record(z.string(), z.unknown())),
  })
  .passthrough();

export type OpenRouterUsage = z.infer<typeof openRouterUsageSchema>;

export type OpenRouterReasoningDetailWire = { type: string; [key: string]: unknown };

/**
 * Reasoning details are opaque round-trip data that must go back byte-identical: `type` and
 * `format` are open strings (P22), and the object is checked, not rebuilt (a parsed copy would
 * reorder its keys).
 */
export const openRouterReasoningDetailSchema = z.custom<OpenRouterReasoningDetailWire>(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string',
);

/** Unknown annotation types are kept as opaque objects instead of failing the response. */
export const openRouterAnnotationSchema = z.object({ type: lenient(z.string()) }).passthrough();

export const openRouterImageOutputSchema = z
  .object({ image_url: z.object({ url: z.string() }).passthrough() })
  .passthrough();

/** `type` is optional in practice (P8): a call without it is still a function call. */
export const openRouterToolCallSchema = z
  .object({
    id: lenient(z.string()),
    type: lenient(z.string()),
    function: z.object({ name: lenient(z.string()), arguments: lenient(z.string()) }).passthrough(),
  })
  .passthrough();

export const openRouterLogprobsSchema = lenient(
  z.object({ content: lenient(z.array(z.unknown())) }).passthrough(),
);

export const openRouterChatResponseSchema = z
  .object({
    id: lenient(z.string()),
    model: lenient(z.string()),
    provider: lenient(z.string()),
    created: lenient(z.number()),
    choices: lenientArray(
      z
        .object({
          finish_reason: lenient(z.string()),
          native_finish_reason: lenient(z.string()),
          logprobs: openRouterLogprobsSchema,
          error: lenient(openRouterErrorObjectSchema),
          message: lenient(
            z
              .object({
                content: lenient(z.string()),
                reasoning: lenient(z.string()),
                reasoning_details: lenientArray(openRouterReasoningDetailSchema),
                tool_calls: lenientArray(openRouterToolCallSchema),
                images: lenientArray(openRouterImageOutputSchema),
                annotations: lenientArray(openRouterAnnotationSchema),
                refusal: lenient(z.string()),
              })
              .passthrough(),
          ),
        })
        .passthrough(),
    ),
    usage: lenient(openRouterUsageSchema),
    /** Routing details, sent with `X-OpenRouter-Metadata: enabled`. */
    openrouter_metadata: z.unknown().optional(),
    /** A whole-body error sent with HTTP 200 (P9). */
    error: lenient(openRouterErrorObjectSchema),
  })
  .passthrough();

export type OpenRouterChatResponse = z.infer<typeof openRouterChatResponseSchema>;
