export {
  applyRequireParameters,
  type CapabilityCheckResult,
  CHECKED_BODY_PARAMETERS,
  checkCapabilities,
  OpenRouterModelCatalog,
  OpenRouterModelIndex,
} from './model-capabilities';
export type { OpenRouterChatModelId } from './openrouter-model-ids';
export {
  createOpenRouterPlatformApi,
  encodeModelIdPath,
  type OpenRouterModality,
  type OpenRouterModelsListFilters,
  type OpenRouterModelsListOptions,
  type OpenRouterModelsSort,
  type OpenRouterPlatformApi,
  type OpenRouterPlatformApiConfig,
  type OpenRouterPlatformRequestOptions,
  openRouterModelsQuery,
} from './openrouter-platform-api';
export type {
  OpenRouterCredits,
  OpenRouterGeneration,
  OpenRouterGenerationProviderResponse,
  OpenRouterKeyInfo,
  OpenRouterModel,
  OpenRouterModelArchitecture,
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
  OpenRouterModelPricing,
  OpenRouterModelReasoning,
  OpenRouterModelsPage,
  OpenRouterModelTopProvider,
} from './openrouter-platform-schemas';
