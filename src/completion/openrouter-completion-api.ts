import { z } from 'zod/v4';
import { lenient, lenientList, responseIdentityFields } from '../shared/openrouter-api';
import { openRouterErrorObjectSchema } from '../shared/openrouter-error';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * The response of the legacy `POST /completions` (`object: "text_completion"`), lenient like
 * every response schema here (see `shared/openrouter-api.ts`): a billed completion is never
 * thrown away over a field we do not need. Streamed chunks have the same shape, read field by
 * field by the stream state.
 */
export const openRouterCompletionResponseSchema = z
  .object({
    ...responseIdentityFields(),
    created: lenient(z.number()),
    choices: lenientList(
      z
        .object({
          text: lenient(z.string()),
          reasoning: lenient(z.string()),
          finish_reason: lenient(z.string()),
          native_finish_reason: lenient(z.string()),
          /** `{ tokens, token_logprobs, top_logprobs, text_offset }`, kept as sent. */
          logprobs: lenient(z.record(z.string(), z.unknown())),
          error: lenient(openRouterErrorObjectSchema),
        })
        .passthrough(),
    ),
    usage: lenient(openRouterUsageSchema),
  })
  .passthrough();

export type OpenRouterCompletionResponse = z.infer<typeof openRouterCompletionResponseSchema>;
export type OpenRouterCompletionChoice = NonNullable<
  OpenRouterCompletionResponse['choices']
>[number];
