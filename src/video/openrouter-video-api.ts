import { z } from 'zod/v4';
import { lenient, lenientList } from '../shared/openrouter-api';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * A video job as `POST /videos` (the submit answer) and `GET /videos/{jobId}` (its status)
 * return it: `{ id, generation_id?, polling_url, status, unsigned_urls?, usage?, error? }`.
 * Every field is lenient: a job that finished and was billed must not be lost over a field we do
 * not need, so a missing or malformed field becomes `undefined` and the caller decides.
 * See https://openrouter.ai/docs/api/api-reference/video-generation/get-videos.
 */
export const openRouterVideoJobSchema = z
  .object({
    id: lenient(z.string()),
    generation_id: lenient(z.string()),
    /** Relative (`/api/v1/videos/{jobId}`) or absolute; read for its job id only. */
    polling_url: lenient(z.string()),
    /** `pending`, `in_progress`, `completed`, `failed`, `cancelled`, `expired` (kept open). */
    status: lenient(z.string()),
    unsigned_urls: lenientList(z.string()),
    usage: lenient(openRouterUsageSchema),
    /** Why the job failed: a string, or (defensively) an object with a message. */
    error: lenient(
      z.union([z.string(), z.object({ message: z.string().nullish() }).passthrough()]),
    ),
  })
  .passthrough();

export type OpenRouterVideoJob = z.infer<typeof openRouterVideoJobSchema>;
