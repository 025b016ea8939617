import { z } from 'zod/v4';
import { lenient, lenientList } from '../shared/openrouter-api';
import { openRouterUsageSchema } from '../shared/openrouter-usage';

/**
 * One generated image. OpenRouter documents `b64_json` with an optional `media_type`; `url` is
 * accepted too (OpenAI-style image APIs answer with URLs, and a billed image must not be lost
 * over its form). An item with neither is skipped with a warning, not a failed parse.
 */
const openRouterImageItemSchema = z
  .object({
    b64_json: lenient(z.string()),
    url: lenient(z.string()),
    media_type: lenient(z.string()),
  })
  .passthrough();

/**
 * `POST /images` response: `{ created, data: [...], usage? }`. Only `data` must be there; the
 * generation id comes from the `X-Generation-Id` header (or an `id`, should the body gain one).
 */
export const openRouterImageResponseSchema = z
  .object({
    id: lenient(z.string()),
    created: lenient(z.number()),
    model: lenient(z.string()),
    data: lenientList(openRouterImageItemSchema, { required: true }),
    usage: lenient(openRouterUsageSchema),
  })
  .passthrough();

export type OpenRouterImageResponse = z.infer<typeof openRouterImageResponseSchema>;
export type OpenRouterImageItem = OpenRouterImageResponse['data'][number];
