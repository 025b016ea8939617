/**
 * ai-sdk-openrouter: OpenRouter as a provider of the AI SDK. The layout, one folder per model
 * kind on top of `shared/` (which imports no kind), is described in docs/architecture.md; the
 * dependency rules there are checked by `npm run depcheck`.
 */

export type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
export type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
export type {
  OpenRouterBehaviourOptions,
  OpenRouterChatOptions,
  OpenRouterChatSettings,
  OpenRouterLanguageModelOptions,
  OpenRouterProviderOptions,
} from './chat/openrouter-chat-options';
export type { OpenRouterCompletionLanguageModel } from './completion/openrouter-completion-model';
export type {
  OpenRouterCompletionBehaviourOptions,
  OpenRouterCompletionModelOptions,
  OpenRouterCompletionSettings,
} from './completion/openrouter-completion-options';
export type { OpenRouterDecisionModel } from './decision/openrouter-decision-model';
export type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionModelId as OpenRouterEvaluationModelId,
  OpenRouterDecisionModelOptions,
  OpenRouterDecisionSettings,
  OpenRouterDecisionSettings as OpenRouterEvaluationSettings,
} from './decision/openrouter-decision-options';
export type { OpenRouterEmbeddingModel } from './embedding/openrouter-embedding-model';
export type {
  OpenRouterEmbeddingModelId,
  OpenRouterEmbeddingModelOptions,
  OpenRouterEmbeddingSettings,
} from './embedding/openrouter-embedding-options';
export type { OpenRouterImageModel } from './image/openrouter-image-model';
export type {
  OpenRouterImageModelId,
  OpenRouterImageModelOptions,
  OpenRouterImageSettings,
} from './image/openrouter-image-options';
export { OpenRouter } from './openrouter-facade';
export {
  type InferOpenRouterMetadataKind,
  type OpenRouterChatMetadata,
  type OpenRouterCompletionMetadata,
  type OpenRouterDecisionMetadata,
  type OpenRouterEmbeddingMetadata,
  type OpenRouterImageEntryMetadata,
  type OpenRouterImageMetadata,
  type OpenRouterMetadataByKind,
  type OpenRouterMetadataKind,
  type OpenRouterMetadataSource,
  type OpenRouterReasoningMetadata,
  type OpenRouterRerankingMetadata,
  type OpenRouterResponseCacheMetadata,
  type OpenRouterResponseMetadata,
  type OpenRouterSourceMetadata,
  type OpenRouterSpeechMetadata,
  type OpenRouterToolCallMetadata,
  type OpenRouterTranscriptionMetadata,
  type OpenRouterUsageMetadata,
  type OpenRouterVideoMetadata,
  openrouterMetadata,
} from './openrouter-metadata';
export {
  createOpenRouter,
  DEFAULT_OPENROUTER_BASE_URL,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export type { CapabilityChecksSetting } from './platform/capability-check';
export type { OpenRouterChatModelId } from './platform/openrouter-model-ids';
// The platform API's runtime helpers live in `ai-sdk-openrouter/platform` (loaded lazily here).
export type {
  OpenRouterModelsListFilters,
  OpenRouterModelsListOptions,
  OpenRouterPlatformApi,
  OpenRouterPlatformRequestOptions,
} from './platform/openrouter-platform-api';
export type {
  OpenRouterCredits,
  OpenRouterGeneration,
  OpenRouterKeyInfo,
  OpenRouterModel,
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
  OpenRouterModelsPage,
} from './platform/openrouter-platform-schemas';
export type { OpenRouterRerankingModel } from './reranking/openrouter-reranking-model';
export type {
  OpenRouterRerankingModelOptions,
  OpenRouterRerankingSettings,
} from './reranking/openrouter-reranking-options';
export type { OpenRouterErrorData } from './shared/openrouter-error';
export type { OpenRouterLimits } from './shared/openrouter-limits';
export type {
  OpenRouterPercentileCutoffs,
  OpenRouterPlugin,
  OpenRouterProviderPreferences,
  OpenRouterProviderPreferences as OpenRouterEvaluationProviderPreferences,
  OpenRouterReasoningOptions,
} from './shared/openrouter-request-schemas';
export type { OpenRouterSharedSettings } from './shared/openrouter-shared-settings';
export type { OpenRouterUsageAccounting } from './shared/openrouter-usage';
export type {
  OpenRouterReasoningEffort,
  OpenRouterSamplingSettings,
} from './shared/sampling-defaults';
export { VERSION } from './shared/version';
export type { OpenRouterSpeechModel } from './speech/openrouter-speech-model';
export type {
  OpenRouterSpeechModelOptions,
  OpenRouterSpeechSettings,
} from './speech/openrouter-speech-options';
export {
  openrouterTools,
  type ServerToolArgs,
  type WebFetchArgs,
  type WebSearchArgs,
} from './tool/openrouter-tools';
export type { OpenRouterTranscriptionModel } from './transcription/openrouter-transcription-model';
export type {
  OpenRouterTranscriptionModelOptions,
  OpenRouterTranscriptionSettings,
} from './transcription/openrouter-transcription-options';
export type { OpenRouterVideoModel } from './video/openrouter-video-model';
export type {
  OpenRouterVideoBehaviourOptions,
  OpenRouterVideoModelId,
  OpenRouterVideoModelOptions,
  OpenRouterVideoSettings,
} from './video/openrouter-video-options';
