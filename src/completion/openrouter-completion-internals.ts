/**
 * What the completion model loads on its first call, in one chunk: the request builder with the
 * option schemas, the response schema, the mapping and the stream state. The model class itself
 * stays small, so apps that never use the completion model do not load any of this.
 */
export { buildOpenRouterCompletionRequest } from './build-openrouter-completion-request';
export { mapOpenRouterCompletionResponse } from './map-openrouter-completion-response';
export { openRouterCompletionResponseSchema } from './openrouter-completion-api';
export { OpenRouterCompletionStreamState } from './openrouter-completion-stream-state';
