import { z } from 'zod/v4';
import {
  type EitherCase,
  providerPreferencesSchema,
  requestAttributionFields,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/**
 * The `POST /rerank` request fields that are not mapped from `rerank`'s own options (`query`,
 * `documents`, `topN`), in wire spelling (see
 * https://openrouter.ai/docs/api/api-reference/rerank/create-rerank). Model settings and
 * `providerOptions.openrouter` accept each one in wire spelling or camelCase.
 */
export const openRouterRerankingRequestFieldsSchema = z
  .object({
    provider: providerPreferencesSchema,
    ...requestAttributionFields,
  })
  .partial();

type WireFields = z.input<typeof openRouterRerankingRequestFieldsSchema>;

/**
 * `providerOptions.openrouter` of `rerank`, and the defaults of
 * `openrouter.rerankingModel(id, settings)`: every field in wire spelling (`session_id`,
 * `provider.allow_fallbacks`) or camelCase (`sessionId`, `provider.allowFallbacks`).
 */
export type OpenRouterRerankingModelOptions = EitherCase<WireFields> & {
  /**
   * Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`.
   * A timeout aborts the request and reports a retryable `APICallError`.
   */
  timeout?: OpenRouterTimeout;
};

/** Second argument of `openrouter.rerankingModel(modelId, settings)`: defaults for every call. */
export type OpenRouterRerankingSettings = OpenRouterRerankingModelOptions & {
  /** Merged into the request body after the settings and before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};

export type OpenRouterRerankingBehaviour = {
  timeout?: OpenRouterTimeout;
};

/** How `resolveOpenRouterOptions` reads reranking settings and `providerOptions.openrouter`. */
export const openRouterRerankingOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterRerankingRequestFieldsSchema.shape,
  verbatimFields: new Set(['trace']),
  behaviour: { timeout: timeoutOptionSchema },
  checkedNested: { provider: providerPreferencesSchema },
  // `top_n` comes from rerank's `topN`, the others are the call itself.
  reserved: new Set(['model', 'query', 'documents', 'top_n']),
};
