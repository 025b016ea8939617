import { z } from 'zod/v4';
import { openString } from '../shared/open-string';
import {
  type EitherCase,
  providerPreferencesWithOptionsSchema,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/**
 * The `POST /audio/transcriptions` request fields that no AI SDK call option maps to, in wire
 * spelling. Model settings and `providerOptions.openrouter` accept each in wire spelling or
 * camelCase.
 */
export const openRouterTranscriptionRequestFieldsSchema = z
  .object({
    /** ISO-639-1 code of the spoken language (`en`, `ja`); detected when absent. */
    language: z.string(),
    /** 0 to 1; lower is more deterministic. */
    temperature: z.number(),
    /**
     * `json` (text and usage) or `verbose_json` (adds language, duration and timestamps; offered by
     * OpenAI-compatible providers only, others answer 400). Set to `verbose_json` for you when
     * `timestampGranularities` is given. A closed list on purpose: the package must be able to
     * read the answer.
     */
    response_format: z.enum(['json', 'verbose_json']),
    /** With `verbose_json`: `segment` and/or `word` timestamps. */
    timestamp_granularities: z.array(openString(['word', 'segment'])),
    /**
     * Routing preferences, plus `options` per provider slug (`{ groq: { prompt: '...' } }`); see
     * https://openrouter.ai/docs/guides/overview/multimodal/stt.
     */
    provider: providerPreferencesWithOptionsSchema,
  })
  .partial();

/** Options that shape the call but are not body fields. */
export type OpenRouterTranscriptionBehaviourOptions = {
  /** Client-side timeouts, off by default: milliseconds, or `{ firstByteMs, idleMs }`. */
  timeout?: OpenRouterTimeout;
  /**
   * Groups requests for sticky routing and logs; sent as the `x-session-id` header (the
   * transcription endpoint takes no `session_id` body field). Overrides the provider's `sessionId`.
   */
  sessionId?: string;
  /** @see sessionId */
  session_id?: string;
};

/**
 * `providerOptions.openrouter` of `transcribe`, and the settings of
 * `openrouter.transcriptionModel(id, settings)`: every field in wire spelling or camelCase.
 */
export type OpenRouterTranscriptionModelOptions = EitherCase<
  z.input<typeof openRouterTranscriptionRequestFieldsSchema>
> &
  OpenRouterTranscriptionBehaviourOptions;

/** Second argument of `openrouter.transcriptionModel(modelId, settings)`: defaults for every call. */
export type OpenRouterTranscriptionSettings = OpenRouterTranscriptionModelOptions & {
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};

/** How `resolveOpenRouterOptions` reads transcription settings and `providerOptions.openrouter`. */
export const openRouterTranscriptionOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterTranscriptionRequestFieldsSchema.shape,
  behaviour: { timeout: timeoutOptionSchema, session_id: z.string().min(1) },
  checkedNested: { provider: providerPreferencesWithOptionsSchema },
  reserved: new Set(['model', 'input_audio']),
};
