/**
 * `ai-sdk-openrouter/testing`: an offline OpenRouter emulator (a real HTTP server speaking
 * OpenRouter's wire format) and fixture builders. Node-only; not imported by the main entry.
 *
 * Layout: `server/` is the HTTP core every model kind shares (the server, SSE serialisation,
 * response types, recorded requests, error bodies); `shared/` holds small wire helpers (ids,
 * usage); each model kind, and the platform API, has its own folder with `<kind>-fixtures.ts`
 * (body builders) and `<kind>-handler.ts` (a handler serving its routes). See docs/emulator.md.
 */
export {
  type ChatFinishReason,
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  chatResponse,
  splitFragments,
} from './chat/chat-fixtures.js';
export { scriptedChat } from './chat/chat-handler.js';
export { CHAT_SCENARIO_MODELS, chatScenarioHandler } from './chat/chat-scenarios.js';
export { demoAgentHandler } from './chat/demo-agent.js';
export * from './chat/reasoning-scenarios.js';
export {
  RESPONSE_PARASAIL_TOOL_CALL,
  replayTranscript,
  TRANSCRIPT_BEDROCK_TOOL_CALL,
  TRANSCRIPT_DEEPSEEK_LENGTH,
  TRANSCRIPT_MID_STREAM_ERROR,
  TRANSCRIPT_REASONING_TOOL_CALL,
} from './chat/transcripts.js';
export { defaultCatalog, defaultHandler } from './default-handler.js';
export { startOpenRouterEmulator } from './emulator.js';
export {
  creditsBody,
  DEFAULT_SUPPORTED_PARAMETERS,
  endpointEntry,
  endpointsBody,
  generationBody,
  keyInfo,
  type ModelEntryInput,
  modelEntry,
  modelsList,
  type WireModel,
} from './platform/platform-fixtures.js';
export { type PlatformHandlerOptions, platformHandler } from './platform/platform-handler.js';
export { errorBody, notFound } from './server/errors.js';
export type { RecordedRequest } from './server/recorded-request.js';
export type {
  EmulatorHandler,
  EmulatorResponse,
  ErrorResponse,
  JsonResponse,
  RawResponse,
  ResponseEnding,
  SplitOptions,
  SseEvent,
  SseResponse,
} from './server/responses.js';
export type { OpenRouterEmulator, OpenRouterEmulatorOptions } from './server/server.js';
export { planSseWrites, serializeSse, serializeSseEvent, type WritePlan } from './server/sse.js';
export { generationId, toolCallId } from './shared/ids.js';
export { buildUsage, type OpenRouterUsage, type UsageEstimate } from './shared/usage.js';
