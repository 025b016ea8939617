import { z } from 'zod/v4';
import { lenient, responseIdentityFields } from '../shared/openrouter-api';

/**
 * Response-side wire schema of `POST /api/alpha/decisions`, lenient like every response schema
 * here: an answer is read by its `type` when it is mapped, so an unknown field or a new answer
 * type does not fail the whole response here.
 */
export const openRouterDecisionAnswerSchema = z
  .object({
    type: z.string(),
    /** `choice`: the selected option. */
    choice: lenient(z.string()),
    /** `score`: the probability-weighted position among the levels. */
    score: lenient(z.number()),
    /** `noul` (a yes/no question): P(yes). */
    noul: lenient(z.number()),
    probabilities: lenient(z.record(z.string(), z.number())),
    confidence: lenient(z.number()),
    legend: lenient(z.record(z.string(), z.unknown())),
  })
  .passthrough();

export type OpenRouterDecisionAnswer = z.infer<typeof openRouterDecisionAnswerSchema>;

export const openRouterDecisionResponseSchema = z
  .object({
    /** `model`: the exact version that answered (`typesafe/jev-1.13-20260917`). */
    ...responseIdentityFields(),
    answers: z.record(z.string(), openRouterDecisionAnswerSchema),
    usage: lenient(
      z
        .object({
          input_tokens: lenient(z.number()),
          output_tokens: lenient(z.number()),
          cost: lenient(z.number()),
          is_byok: lenient(z.boolean()),
        })
        .passthrough(),
    ),
  })
  .passthrough();

export type OpenRouterDecisionResponse = z.infer<typeof openRouterDecisionResponseSchema>;
