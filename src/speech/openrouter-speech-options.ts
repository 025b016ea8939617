import { z } from 'zod/v4';
import {
  type EitherCase,
  providerPreferencesWithOptionsSchema,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/** A voice sample for stateless voice cloning, and optionally its transcript. */
const inputReferenceSchema = z.union([
  z
    .object({
      type: z.literal('input_audio'),
      input_audio: z
        .object({ data: z.string().min(1), format: z.string().optional() })
        .passthrough(),
    })
    .passthrough(),
  z.object({ type: z.literal('text'), text: z.string() }).passthrough(),
]);

/**
 * The `POST /audio/speech` request fields that no AI SDK call option maps to, in wire spelling.
 * Model settings and `providerOptions.openrouter` accept each in wire spelling or camelCase.
 */
export const openRouterSpeechRequestFieldsSchema = z
  .object({
    /**
     * Routing preferences, plus `options` per provider slug (`{ azure: { style: 'cheerful' } }`);
     * see https://openrouter.ai/docs/guides/overview/multimodal/tts.
     */
    provider: providerPreferencesWithOptionsSchema,
    input_references: z.array(inputReferenceSchema),
  })
  .partial();

/** Options that shape the call but are not body fields. */
export type OpenRouterSpeechBehaviourOptions = {
  /** Client-side timeouts, off by default: milliseconds, or `{ firstByteMs, idleMs }`. */
  timeout?: OpenRouterTimeout;
  /**
   * Groups requests for sticky routing and logs; sent as the `x-session-id` header (the speech
   * endpoint takes no `session_id` body field). Overrides the provider's `sessionId`.
   */
  sessionId?: string;
  /** @see sessionId */
  session_id?: string;
};

/**
 * `providerOptions.openrouter` of `generateSpeech`, and the settings of
 * `openrouter.speechModel(id, settings)`: every field in wire spelling or camelCase.
 */
export type OpenRouterSpeechModelOptions = EitherCase<
  z.input<typeof openRouterSpeechRequestFieldsSchema>
> &
  OpenRouterSpeechBehaviourOptions;

/** Second argument of `openrouter.speechModel(modelId, settings)`: defaults for every call. */
export type OpenRouterSpeechSettings = OpenRouterSpeechModelOptions & {
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};

/** How `resolveOpenRouterOptions` reads speech settings and `providerOptions.openrouter`. */
export const openRouterSpeechOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterSpeechRequestFieldsSchema.shape,
  behaviour: { timeout: timeoutOptionSchema, session_id: z.string().min(1) },
  checkedNested: { provider: providerPreferencesWithOptionsSchema },
  // Set from the call options (`text`, `voice`, `outputFormat`, `speed`), never from options.
  reserved: new Set(['model', 'input', 'voice', 'response_format', 'speed']),
};
