import { z } from 'zod/v4';
import { lenient, lenientList, responseIdentityFields } from '../shared/openrouter-api';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * Response-side wire schema for `POST /rerank`, lenient like every response schema here (see
 * `shared/openrouter-api.ts`). A result must have its index and score to be of any use; one
 * without them is dropped rather than failing the others.
 */
const openRouterRerankResultSchema = z
  .object({ index: z.number(), relevance_score: z.number() })
  .passthrough();

export type OpenRouterRerankResult = z.infer<typeof openRouterRerankResultSchema>;

export const openRouterRerankResponseSchema = z
  .object({
    ...responseIdentityFields(),
    results: lenientList(openRouterRerankResultSchema, { required: true }),
    // Rerankers bill by search unit (Cohere) as well as by token.
    usage: lenient(openRouterUsageSchema.extend({ search_units: lenient(z.number()) })),
  })
  .passthrough();

export type OpenRouterRerankResponse = z.infer<typeof openRouterRerankResponseSchema>;
