import { z } from 'zod/v4';
import {
  type EitherCase,
  providerPreferencesSchema,
  requestAttributionFields,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import {
  languageOnlySettings,
  type OpenRouterSharedSettings,
} from '../shared/openrouter-shared-settings';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/**
 * The `POST /embeddings` request fields that are not the input itself, in wire spelling (see
 * https://openrouter.ai/docs/api/api-reference/embeddings/create-embeddings). Model settings and
 * `providerOptions.openrouter` accept each one in wire spelling or camelCase.
 */
export const openRouterEmbeddingRequestFieldsSchema = z
  .object({
    /** Output size, for models that can shorten their vectors (`embed({ dimensions })` too). */
    dimensions: z.number().int().positive(),
    /**
     * `float` (JSON numbers) or `base64` (little-endian float32); both are decoded to numbers. A
     * closed list on purpose: the package must be able to read the answer.
     */
    encoding_format: z.enum(['float', 'base64']),
    /** What the input is, for models that embed queries and documents differently. */
    input_type: z.string(),
    provider: providerPreferencesSchema,
    ...requestAttributionFields,
  })
  .partial();

type WireFields = z.input<typeof openRouterEmbeddingRequestFieldsSchema>;

/**
 * `providerOptions.openrouter` of `embed` / `embedMany`, and the defaults of
 * `openrouter.embeddingModel(id, settings)`: every field in wire spelling (`input_type`,
 * `provider.allow_fallbacks`) or camelCase (`inputType`, `provider.allowFallbacks`).
 */
export type OpenRouterEmbeddingModelOptions = EitherCase<WireFields> & {
  /**
   * Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`.
   * A timeout aborts the request and reports a retryable `APICallError`.
   */
  timeout?: OpenRouterTimeout;
};

/** Embedding model ids: any OpenRouter embedding model (`openai/text-embedding-3-small`, ...). */
export type OpenRouterEmbeddingModelId = string;

/**
 * Second argument of `openrouter.embeddingModel(modelId, settings)`: defaults for every call.
 * The language-model settings `@openrouter/ai-sdk-provider` typed on every kind
 * (`OpenRouterSharedSettings`) are accepted, with a warning, and not sent.
 */
export type OpenRouterEmbeddingSettings = OpenRouterEmbeddingModelOptions &
  OpenRouterSharedSettings & {
    /**
     * How many values `embedMany` sends per request. Default 2,048: OpenRouter documents no limit
     * of its own, and 2,048 is what OpenAI's embedding API accepts. Lower it for a model whose
     * upstream takes fewer inputs per request; `Infinity` sends every value in one request.
     */
    maxEmbeddingsPerCall?: number;
    /** Merged into the request body after the settings and before call `providerOptions`. */
    extraBody?: Record<string, unknown>;
  };

export type OpenRouterEmbeddingBehaviour = {
  timeout?: OpenRouterTimeout;
};

/** How `resolveOpenRouterOptions` reads embedding settings and `providerOptions.openrouter`. */
export const openRouterEmbeddingOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterEmbeddingRequestFieldsSchema.shape,
  verbatimFields: new Set(['trace']),
  behaviour: { timeout: timeoutOptionSchema },
  checkedNested: { provider: providerPreferencesSchema },
  reserved: new Set(['model', 'input']),
  noEffect: languageOnlySettings('embedding'),
};
