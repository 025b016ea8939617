import type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
import type { OpenRouterChatSettings } from './chat/openrouter-chat-options';
import type { OpenRouterCompletionLanguageModel } from './completion/openrouter-completion-model';
import type { OpenRouterCompletionSettings } from './completion/openrouter-completion-options';
import type { OpenRouterEmbeddingModel } from './embedding/openrouter-embedding-model';
import type { OpenRouterEmbeddingSettings } from './embedding/openrouter-embedding-options';
import {
  createOpenRouter,
  DEFAULT_OPENROUTER_BASE_URL,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from './openrouter-provider';

/**
 * @deprecated Use `createOpenRouter`. The class `@openrouter/ai-sdk-provider` still exports, kept
 * so that code using it switches with its import alone. It is a thin shell over
 * `createOpenRouter(options)`: every setting is honoured (`fetch` and `extraBody` too, which the
 * original class ignored), and the models are the provider's.
 */
export class OpenRouter {
  /** The base URL as configured (`baseURL` or `baseUrl`), else OpenRouter's. */
  readonly baseURL: string;
  /** The `apiKey` setting; without it, `OPENROUTER_API_KEY` is read at call time. */
  readonly apiKey?: string;
  readonly headers?: Record<string, string | undefined>;
  /** Bring-your-own-key per upstream (`X-Provider-API-Keys`). */
  readonly api_keys?: Record<string, string>;
  readonly appName?: string;
  readonly appUrl?: string;
  private readonly provider: OpenRouterProvider;

  constructor(options: OpenRouterProviderSettings = {}) {
    this.provider = createOpenRouter(options);
    this.baseURL = (options.baseURL ?? options.baseUrl ?? DEFAULT_OPENROUTER_BASE_URL)
      .trim()
      .replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.headers = options.headers;
    this.api_keys = options.apiKeys ?? options.api_keys;
    this.appName = options.appName;
    this.appUrl = options.appUrl;
  }

  chat(modelId: string, settings?: OpenRouterChatSettings): OpenRouterChatLanguageModel {
    return this.provider.chat(modelId, settings);
  }

  completion(
    modelId: string,
    settings?: OpenRouterCompletionSettings,
  ): OpenRouterCompletionLanguageModel {
    return this.provider.completion(modelId, settings);
  }

  textEmbeddingModel(
    modelId: string,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel {
    return this.provider.textEmbeddingModel(modelId, settings);
  }

  /** @deprecated Use `textEmbeddingModel`. */
  embedding(modelId: string, settings?: OpenRouterEmbeddingSettings): OpenRouterEmbeddingModel {
    return this.provider.embedding(modelId, settings);
  }
}
