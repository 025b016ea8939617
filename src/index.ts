export type { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
export type {
  OpenRouterBehaviourOptions,
  OpenRouterChatOptions,
  OpenRouterChatSettings,
} from './chat/openrouter-chat-options';
export type { OpenRouterErrorData } from './openrouter-error';
export {
  createOpenRouter,
  DEFAULT_OPENROUTER_BASE_URL,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
  openrouter,
} from './openrouter-provider';
export {
  openrouterTools,
  type ServerToolArgs,
  type WebFetchArgs,
  type WebSearchArgs,
} from './tool/openrouter-tools';
export { VERSION } from './version';
