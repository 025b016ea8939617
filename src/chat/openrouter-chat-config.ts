import type { SharedV4Warning } from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';

/**
 * Compares a chat request body with what the model supports before it is sent; may add a field
 * (`provider.require_parameters`). The provider builds one from the `capabilityChecks` setting.
 * It stops waiting (rejecting with the reason) when the call's `abortSignal` aborts.
 */
export type OpenRouterChatRequestCheck = (
  modelId: string,
  body: Record<string, unknown>,
  warnings: SharedV4Warning[],
  abortSignal?: AbortSignal,
) => Promise<Record<string, unknown>>;

/** The chat model's config: the shared one plus the opt-in capability check. */
export interface OpenRouterChatConfig extends OpenRouterModelConfig {
  checkCapabilities?: OpenRouterChatRequestCheck;
}
