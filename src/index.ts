export type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
export {
  type OpenRouterBehaviourOptions,
  type OpenRouterChatOptions,
  type OpenRouterChatSettings,
  type OpenRouterLanguageModelOptions,
  openRouterChatRequestFieldsSchema,
} from './chat/openrouter-chat-options';
export type { OpenRouterErrorData } from './openrouter-error';
export {
  createOpenRouter,
  DEFAULT_OPENROUTER_BASE_URL,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export type {
  OpenRouterPlugin,
  OpenRouterProviderPreferences,
  OpenRouterReasoningOptions,
} from './openrouter-request-schemas';
export * from './platform/index';
export {
  openrouterTools,
  type ServerToolArgs,
  type WebFetchArgs,
  type WebSearchArgs,
} from './tool/openrouter-tools';
export { VERSION } from './version';
