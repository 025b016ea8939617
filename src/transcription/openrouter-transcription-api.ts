import { z } from 'zod/v4';
import { lenient, lenientList } from '../shared/openrouter-api';

const nullishNumber = lenient(z.number());

/**
 * The `usage` of a transcription. Models priced by audio duration report `seconds`, models
 * priced by tokens report `input_tokens` / `output_tokens` / `total_tokens`; both report `cost`
 * (USD). Read leniently: a `null` or malformed count never costs the transcript.
 */
export const openRouterTranscriptionUsageSchema = z
  .object({
    seconds: nullishNumber,
    input_tokens: nullishNumber,
    output_tokens: nullishNumber,
    total_tokens: nullishNumber,
    cost: nullishNumber,
    is_byok: lenient(z.boolean()),
  })
  .passthrough();

export type OpenRouterTranscriptionUsage = z.infer<typeof openRouterTranscriptionUsageSchema>;

const timed = { start: z.number(), end: z.number() };

/**
 * A `POST /audio/transcriptions` response: `{ text, usage }`, and with `verbose_json` also
 * `task`, `language` (a name such as `english`), `duration` (seconds), `segments` and `words`.
 * Only `text` is required: it is the result. Everything else is dropped when malformed, and a
 * segment or word that is malformed is dropped alone.
 */
export const openRouterTranscriptionResponseSchema = z
  .object({
    text: z.string(),
    language: lenient(z.string()),
    duration: nullishNumber,
    segments: lenientList(z.object({ text: z.string(), ...timed }).passthrough()),
    words: lenientList(z.object({ word: z.string(), ...timed }).passthrough()),
    usage: lenient(openRouterTranscriptionUsageSchema),
  })
  .passthrough();

export type OpenRouterTranscriptionResponse = z.infer<typeof openRouterTranscriptionResponseSchema>;
