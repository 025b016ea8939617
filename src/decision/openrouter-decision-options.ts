import { z } from 'zod/v4';
import {
  type EitherCase,
  providerPreferencesSchema,
  requestAttributionFields,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/** Decision model ids known when this was written, for editor completion; any string works. */
export type OpenRouterDecisionModelId = 'typesafe/jev-1.13' | (string & {});

/**
 * The `POST /api/alpha/decisions` request fields besides the call itself (`model`, `state`,
 * `questions`), in wire spelling (see
 * https://openrouter.ai/docs/client-sdks/typescript/models/decisionsrequest). Model settings and
 * `providerOptions.openrouter` accept each one in wire spelling or camelCase.
 */
export const openRouterDecisionRequestFieldsSchema = z
  .object({
    provider: providerPreferencesSchema,
    ...requestAttributionFields,
  })
  .partial();

type WireFields = z.input<typeof openRouterDecisionRequestFieldsSchema>;

/** Options that shape the call but are not body fields. */
export type OpenRouterDecisionBehaviourOptions = {
  /** Client-side timeouts, off by default: milliseconds, or `{ firstByteMs, idleMs }`. */
  timeout?: OpenRouterTimeout;
};

/**
 * `providerOptions.openrouter` of `experimental_decide`, and the settings of
 * `openrouter.decisionModel(id, settings)`: every field in wire spelling (`session_id`,
 * `provider.allow_fallbacks`) or camelCase (`sessionId`, `provider.allowFallbacks`).
 */
export type OpenRouterDecisionModelOptions = EitherCase<WireFields> &
  OpenRouterDecisionBehaviourOptions;

/**
 * Second argument of `openrouter.decisionModel(modelId, settings)` (alias `evaluationModel`):
 * defaults for every call; `providerOptions.openrouter` of a call overrides them.
 */
export type OpenRouterDecisionSettings = Omit<OpenRouterDecisionModelOptions, 'trace'> & {
  /** Tracing metadata for broadcast destinations (`trace_id`, `span_name`, custom keys). */
  trace?: Record<string, unknown>;
  /**
   * Merged into the request body after the settings and before call `providerOptions`. It never
   * replaces `model`, `state` or `questions`, which come from the call.
   */
  extraBody?: Record<string, unknown>;
};

/** How `resolveOpenRouterOptions` reads decision settings and `providerOptions.openrouter`. */
export const openRouterDecisionOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterDecisionRequestFieldsSchema.shape,
  verbatimFields: new Set(['trace']),
  behaviour: { timeout: timeoutOptionSchema },
  checkedNested: { provider: providerPreferencesSchema },
  reserved: new Set(['model', 'state', 'questions']),
};
