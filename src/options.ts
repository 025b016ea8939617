/**
 * `ai-sdk-openrouter/options`: the zod schemas behind `providerOptions.openrouter` and the chat
 * model settings, for apps that validate or build options themselves. (Their TypeScript types
 * are exported from the main entry; the provider loads these schemas only when options are used.)
 */
export { openRouterChatRequestFieldsSchema } from './chat/openrouter-chat-options';
export { openRouterEmbeddingRequestFieldsSchema } from './embedding/openrouter-embedding-options';
export {
  imageProviderPreferencesSchema,
  openRouterImageRequestFieldsSchema,
} from './image/openrouter-image-options';
export { openRouterRerankingRequestFieldsSchema } from './reranking/openrouter-reranking-options';
export {
  pluginSchema,
  providerPreferencesSchema,
  reasoningSchema,
  toWireCase,
} from './shared/openrouter-request-schemas';
export {
  openRouterVideoRequestFieldsSchema,
  videoProviderSchema,
} from './video/openrouter-video-options';
