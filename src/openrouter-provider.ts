import { type ImageModelV4, NoSuchModelError, type ProviderV4 } from '@ai-sdk/provider';
import {
  generateId as defaultGenerateId,
  type FetchFunction,
  loadOptionalSetting,
  withoutTrailingSlash,
} from '@ai-sdk/provider-utils';
import type { OpenRouterChatConfig } from './chat/openrouter-chat-config';
import { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
import type { OpenRouterChatSettings } from './chat/openrouter-chat-options';
import { OpenRouterEmbeddingModel } from './embedding/openrouter-embedding-model';
import type { OpenRouterEmbeddingSettings } from './embedding/openrouter-embedding-options';
import type { CapabilityChecksSetting } from './platform/capability-check';
import { createCapabilityCheck, createLazyPlatformApi } from './platform/lazy-platform';
import type { OpenRouterChatModelId } from './platform/openrouter-model-ids';
import type { OpenRouterPlatformApi } from './platform/openrouter-platform-api';
import { OpenRouterRerankingModel } from './reranking/openrouter-reranking-model';
import type { OpenRouterRerankingSettings } from './reranking/openrouter-reranking-options';
import {
  createOpenRouterHeaders,
  createSetupWarnings,
  type OpenRouterHeaderSettings,
} from './shared/openrouter-headers';
import { openrouterTools } from './tool/openrouter-tools';

export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

export interface OpenRouterProviderSettings extends OpenRouterHeaderSettings {
  /**
   * API key; defaults to the `OPENROUTER_API_KEY` environment variable, read at call time.
   * Required when calling OpenRouter itself; optional behind your own proxy `baseURL`.
   */
  apiKey?: string;
  /**
   * Base URL; defaults to `OPENROUTER_BASE_URL`, then `https://openrouter.ai/api/v1`. Point it at
   * your own proxy route to keep the key off the browser. A trailing slash is tolerated.
   */
  baseURL?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string | undefined>;
  /** Custom fetch (middleware, tests, proxies). */
  fetch?: FetchFunction;
  /** Your app's name for OpenRouter's rankings: sent as `X-OpenRouter-Title` and `X-Title`. */
  appName?: string;
  /** Your app's URL for OpenRouter's rankings: sent as `HTTP-Referer`. */
  appUrl?: string;
  /** Your app's categories (`cli-agent`, ...): sent as `X-OpenRouter-Categories`. */
  appCategories?: string[];
  /** Bring-your-own-key per upstream (`{ anthropic: 'sk-ant-...' }`): `X-Provider-API-Keys`. */
  apiKeys?: Record<string, string>;
  /** Groups requests for sticky routing and logs: `x-session-id` (a body `session_id` wins). */
  sessionId?: string;
  /** Opt in to OpenRouter's response cache: `X-OpenRouter-Cache: true`. */
  responseCache?: boolean;
  /** Anthropic betas to pass through (`interleaved-thinking-2025-05-14`, ...): `x-anthropic-beta`. */
  anthropicBeta?: string[];
  /** Ask for `openrouter_metadata` (routing details) on responses: `X-OpenRouter-Metadata`. */
  routerMetadata?: boolean;
  /**
   * Opt-in capability checks against the model catalog: warn when a call uses a parameter the
   * model's `supported_parameters` lacks, and (`requireParameters`) route structured-output
   * calls only to endpoints that support every parameter. `true` fetches the catalog once, on the
   * first call; or pass the models (or a catalog) you already have.
   */
  capabilityChecks?: CapabilityChecksSetting;
  /** Merged into every request body (after model settings, before call `providerOptions`). */
  extraBody?: Record<string, unknown>;
  /** Id generator for tool calls and sources (deterministic ids in tests). */
  generateId?: () => string;
}

export interface OpenRouterProvider extends ProviderV4 {
  (modelId: OpenRouterChatModelId, settings?: OpenRouterChatSettings): OpenRouterChatLanguageModel;
  languageModel(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;
  chat(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;
  /**
   * An embedding model (`POST /embeddings`) for `embed` and `embedMany`, e.g.
   * `openai/text-embedding-3-small`. Settings are defaults for every call; `providerOptions.openrouter`
   * of a call overrides them. See docs/embedding.md.
   */
  embeddingModel(modelId: string, settings?: OpenRouterEmbeddingSettings): OpenRouterEmbeddingModel;
  /** Short for `embeddingModel`. */
  embedding(modelId: string, settings?: OpenRouterEmbeddingSettings): OpenRouterEmbeddingModel;
  /** @deprecated Use `embeddingModel`. */
  textEmbeddingModel(
    modelId: string,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel;
  /**
   * A reranking model (`POST /rerank`) for `rerank`, e.g. `cohere/rerank-v3.5`. Settings are
   * defaults for every call; `providerOptions.openrouter` of a call overrides them. See
   * docs/reranking.md.
   */
  rerankingModel(modelId: string, settings?: OpenRouterRerankingSettings): OpenRouterRerankingModel;
  /** Short for `rerankingModel`. */
  reranking(modelId: string, settings?: OpenRouterRerankingSettings): OpenRouterRerankingModel;
  /** Not available yet: throws `NoSuchModelError`. */
  imageModel(modelId: string): ImageModelV4;
  /** OpenRouter server tools (`openrouter.tools.webSearch({...})`), executed by OpenRouter. */
  tools: typeof openrouterTools;
  /** The model catalog: `list({ ...filters })`, `get(id)`, `endpoints(id)`. */
  models: OpenRouterPlatformApi['models'];
  /** The current key: usage, limit, remaining (`GET /key`). */
  key: OpenRouterPlatformApi['key'];
  /** Account credits (`GET /credits`; needs a management key). */
  credits: OpenRouterPlatformApi['credits'];
  /** Cost and stats of a past generation (`GET /generation?id=`). */
  generation: OpenRouterPlatformApi['generation'];
}

export function createOpenRouter(options: OpenRouterProviderSettings = {}): OpenRouterProvider {
  const baseURL = () =>
    withoutTrailingSlash(
      options.baseURL ??
        loadOptionalSetting({
          settingValue: undefined,
          environmentVariableName: 'OPENROUTER_BASE_URL',
        }),
    ) ?? DEFAULT_OPENROUTER_BASE_URL;

  const headers = createOpenRouterHeaders(options, baseURL);
  const setupWarnings = createSetupWarnings(options, baseURL);

  const platform = createLazyPlatformApi({ baseURL, headers, fetch: options.fetch });
  const checkCapabilities = createCapabilityCheck(options.capabilityChecks, platform);

  const config = (kind: string): OpenRouterChatConfig => ({
    provider: `openrouter.${kind}`,
    baseURL,
    headers,
    setupWarnings,
    fetch: options.fetch,
    generateId: options.generateId ?? defaultGenerateId,
    extraBody: options.extraBody,
    checkCapabilities,
  });

  const createChatModel = (modelId: string, settings: OpenRouterChatSettings = {}) =>
    new OpenRouterChatLanguageModel(modelId, settings, config('chat'));

  const createEmbeddingModel = (modelId: string, settings: OpenRouterEmbeddingSettings = {}) =>
    new OpenRouterEmbeddingModel(modelId, settings, config('embedding'));

  const createRerankingModel = (modelId: string, settings: OpenRouterRerankingSettings = {}) =>
    new OpenRouterRerankingModel(modelId, settings, config('reranking'));

  const unsupported = (modelType: 'imageModel') => (modelId: string) => {
    throw new NoSuchModelError({
      modelId,
      modelType,
      message: `ai-sdk-openrouter does not provide ${modelType} yet (model "${modelId}").`,
    });
  };

  const provider = function (modelId: string, settings?: OpenRouterChatSettings) {
    if (new.target) {
      throw new Error('The OpenRouter model function cannot be called with the new keyword.');
    }
    return createChatModel(modelId, settings);
  } as OpenRouterProvider;

  // A real ProviderV4: without this literal, `ai` treats the object as a V2 provider and
  // double-adapts its models through createProviderRegistry (P1).
  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    languageModel: createChatModel,
    chat: createChatModel,
    embeddingModel: createEmbeddingModel,
    embedding: createEmbeddingModel,
    textEmbeddingModel: createEmbeddingModel,
    rerankingModel: createRerankingModel,
    reranking: createRerankingModel,
    imageModel: unsupported('imageModel'),
    tools: openrouterTools,
    models: platform.models,
    key: platform.key,
    credits: platform.credits,
    generation: platform.generation,
  });
  return provider;
}

/** Default instance: reads `OPENROUTER_API_KEY` (and `OPENROUTER_BASE_URL`) at call time. */
export const openrouter = createOpenRouter();
