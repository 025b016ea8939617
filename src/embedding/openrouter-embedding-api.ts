import { z } from 'zod/v4';
import { lenient, lenientList, responseIdentityFields } from '../shared/openrouter-api';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * Response-side wire schema for `POST /embeddings`, lenient like every response schema here
 * (see `shared/openrouter-api.ts`).
 */

/**
 * A float vector, checked with one loop and kept as the parsed array: a zod array of numbers
 * would copy every vector and cost a function call per value (millions for a large batch).
 */
const floatVectorSchema = z.custom<number[]>(
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'number'),
  { message: 'Expected an array of numbers' },
);

/** One `data` entry: numbers, or base64 text of little-endian float32 values. */
const openRouterEmbeddingSchema = z
  .object({
    embedding: z.union([floatVectorSchema, z.string()]),
    /** Optional in OpenRouter's specification: without it, entries are in input order. */
    index: lenient(z.number()),
  })
  .passthrough();

export type OpenRouterEmbeddingData = z.infer<typeof openRouterEmbeddingSchema>;

export const openRouterEmbeddingResponseSchema = z
  .object({
    ...responseIdentityFields(),
    data: lenientList(openRouterEmbeddingSchema, { required: true }),
    usage: lenient(openRouterUsageSchema),
  })
  .passthrough();

export type OpenRouterEmbeddingResponse = z.infer<typeof openRouterEmbeddingResponseSchema>;
