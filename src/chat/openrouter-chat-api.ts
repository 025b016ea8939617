import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import {
  lenient,
  lenientList,
  openRouterReasoningDetailSchema,
  responseIdentityFields,
} from '../shared/openrouter-api';
import { openRouterErrorObjectSchema } from '../shared/openrouter-error';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * Response-side wire schemas for `POST /chat/completions`, lenient like every response schema
 * here (see `shared/openrouter-api.ts`): a billed response is never thrown away over a field we
 * do not need. Built on first use: only `doGenerate` reads a whole response (a stream reads its
 * chunks by hand), and building zod schemas costs milliseconds that a streaming call need not pay.
 */

function createChatResponseSchema() {
  /** Unknown annotation types are kept as opaque objects instead of failing the response. */
  const openRouterAnnotationSchema = z.object({ type: lenient(z.string()) }).passthrough();

  const openRouterImageOutputSchema = z
    .object({ image_url: z.object({ url: z.string() }).passthrough() })
    .passthrough();

  /**
   * Some upstreams omit `type` on tool calls: a call without it is still a function call, and the
   * billed response must not be rejected over it. `arguments` is read as sent (some upstreams send
   * an object instead of a string) and mapped by `toolCallArgumentsText`.
   */
  const openRouterToolCallSchema = z
    .object({
      id: lenient(z.string()),
      type: lenient(z.string()),
      function: z.object({ name: lenient(z.string()), arguments: z.unknown() }).passthrough(),
    })
    .passthrough();

  const openRouterLogprobsSchema = lenient(
    z.object({ content: lenient(z.array(z.unknown())) }).passthrough(),
  );

  return z
    .object({
      ...responseIdentityFields(),
      created: lenient(z.number()),
      choices: lenientList(
        z
          .object({
            finish_reason: lenient(z.string()),
            native_finish_reason: lenient(z.string()),
            logprobs: openRouterLogprobsSchema,
            error: lenient(openRouterErrorObjectSchema),
            message: lenient(
              z
                .object({
                  /** A string, or an array of content parts (see `readMessageContent`). */
                  content: lenient(z.union([z.string(), z.array(z.unknown())])),
                  reasoning: lenient(z.string()),
                  reasoning_details: lenientList(openRouterReasoningDetailSchema),
                  tool_calls: lenientList(openRouterToolCallSchema),
                  images: lenientList(openRouterImageOutputSchema),
                  annotations: lenientList(openRouterAnnotationSchema),
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
    })
    .passthrough();
}

export const openRouterChatResponseSchema = lazySchema(() => zodSchema(createChatResponseSchema()));

export type OpenRouterChatResponse = z.infer<ReturnType<typeof createChatResponseSchema>>;
