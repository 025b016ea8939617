/**
 * `ai-sdk-openrouter/testing`: an offline OpenRouter emulator (a real HTTP server speaking
 * OpenRouter's wire format) and fixture builders. Node-only; not imported by the main entry.
 */
export {
  type ChatFinishReason,
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  chatResponse,
  notFound,
  scriptedChat,
  splitFragments,
} from './chat-fixtures.js';
export { demoAgentHandler } from './demo-agent.js';
export { generationId, toolCallId } from './ids.js';
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
} from './platform-bodies.js';
export { type PlatformHandlerOptions, platformHandler } from './platform-handler.js';
export * from './reasoning-scenarios.js';
export {
  errorBody,
  type OpenRouterEmulator,
  type OpenRouterEmulatorOptions,
  startOpenRouterEmulator,
} from './server.js';
export { planSseWrites, serializeSse, serializeSseEvent, type WritePlan } from './sse.js';
export {
  RESPONSE_PARASAIL_TOOL_CALL,
  replayTranscript,
  TRANSCRIPT_BEDROCK_TOOL_CALL,
  TRANSCRIPT_DEEPSEEK_LENGTH,
  TRANSCRIPT_MID_STREAM_ERROR,
  TRANSCRIPT_REASONING_TOOL_CALL,
} from './transcripts.js';
export type {
  EmulatorHandler,
  EmulatorResponse,
  ErrorResponse,
  JsonResponse,
  RawResponse,
  RecordedRequest,
  ResponseEnding,
  SplitOptions,
  SseEvent,
  SseResponse,
} from './types.js';
export { buildUsage, type OpenRouterUsage, type UsageEstimate } from './usage.js';
