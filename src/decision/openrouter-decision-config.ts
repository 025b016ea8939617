import type { OpenRouterModelConfig } from '../shared/openrouter-config';

/** The decision model's config: the shared one plus where the Decisions API is. */
export interface OpenRouterDecisionConfig extends OpenRouterModelConfig {
  /**
   * The Decisions API's base URL, resolved per request: the `decisionsBaseURL` setting, else the
   * base URL's origin plus `/api/alpha` (OpenRouter serves the API at
   * `https://openrouter.ai/api/alpha/decisions`, outside `/api/v1`).
   */
  decisionsBaseURL: () => string;
}
