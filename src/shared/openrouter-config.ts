import type { SharedV4Warning } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import type { OpenRouterLimits } from './openrouter-limits';

/** What the provider hands every model: resolved lazily, per request. */
export interface OpenRouterModelConfig {
  /** `openrouter.chat`, `openrouter.embedding`, ... */
  provider: string;
  /** Base URL without trailing slash, resolved at call time (env may change after import). */
  baseURL: () => string;
  /** Auth, attribution and user headers; throws `LoadAPIKeyError` when no key is configured. */
  headers: () => Record<string, string | undefined>;
  /** Warnings about the provider's set-up, reported once, with the first call. */
  setupWarnings: () => SharedV4Warning[];
  fetch?: FetchFunction;
  /** The `limits` setting, resolved. */
  limits?: Required<OpenRouterLimits>;
  generateId: () => string;
  /** Provider-level `extraBody`, merged into every request body. */
  extraBody?: Record<string, unknown>;
}
