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
export {
  type CompletionFinishReason,
  type CompletionScript,
  completionJson,
  completionResponse,
  completionStream,
} from './completion/completion-fixtures.js';
export { scriptedCompletion } from './completion/completion-handler.js';
export {
  type DecisionRequestInfo,
  type DecisionRequestQuestion,
  type DecisionScript,
  type DecisionWireAnswer,
  decisionAnswer,
  decisionGenerationId,
  decisionJson,
} from './decision/decision-fixtures.js';
export { DECISIONS_PATH, scriptedDecision } from './decision/decision-handler.js';
export { defaultCatalog, defaultHandler } from './default-handler.js';
export {
  type EmbeddingRequestInfo,
  type EmbeddingScript,
  embeddingGenerationId,
  embeddingJson,
  embeddingRequestInfo,
  embeddingVector,
  encodeFloat32Base64,
  shortestFloat32,
} from './embedding/embedding-fixtures.js';
export { scriptedEmbedding } from './embedding/embedding-handler.js';
export { startOpenRouterEmulator } from './emulator.js';
export {
  IMAGE_ERRORS,
  type ImageOutputItem,
  type ImageScript,
  type ImageUsage,
  imageGenerationJson,
  imageResponse,
  imageUsage,
  pngImage,
  TINY_PNG_BASE64,
  TINY_SVG,
  TINY_SVG_BASE64,
  urlImage,
} from './image/image-fixtures.js';
export {
  type EmulatorImageFile,
  generatedImageUrl,
  type ScriptedImagesOptions,
  scriptedImages,
} from './image/image-handler.js';
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
export {
  type RerankRequestDocument,
  type RerankRequestInfo,
  type RerankScript,
  rerankGenerationId,
  rerankJson,
  rerankRequestInfo,
  rerankScore,
} from './reranking/reranking-fixtures.js';
export { scriptedRerank } from './reranking/reranking-handler.js';
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
export {
  fromBase64,
  mp3Silence,
  type PcmToneOptions,
  pcmTone,
  toBase64,
  wavDurationSeconds,
  wavFile,
} from './shared/audio.js';
export { generationId, toolCallId } from './shared/ids.js';
export { buildUsage, type OpenRouterUsage, type UsageEstimate } from './shared/usage.js';
export {
  type SpeechFormat,
  type SpeechScript,
  speechAudio,
  speechResponse,
} from './speech/speech-fixtures.js';
export { scriptedSpeech } from './speech/speech-handler.js';
export {
  type TranscriptionRendering,
  type TranscriptionScript,
  type TranscriptionSegmentInput,
  type TranscriptionUsage,
  type TranscriptionWordInput,
  transcriptionBody,
  transcriptionUsage,
} from './transcription/transcription-fixtures.js';
export {
  scriptedTranscription,
  type TranscriptionHandlerOptions,
} from './transcription/transcription-handler.js';
/**
 * Video jobs (`POST /videos`, `GET /videos/{id}`, `GET /videos/{id}/content`): `scriptedVideo`
 * plays jobs that stay pending for a number of status checks and then complete or fail; the
 * builders render the submit and status bodies; `SAMPLE_MP4` is a tiny MP4 to serve as content.
 */
export {
  SAMPLE_MP4,
  type VideoJobOutcome,
  type VideoJobScript,
  type VideoJobStatus,
  videoJobId,
  videoPollingUrl,
  videoStatusJson,
  videoSubmitJson,
} from './video/video-fixtures.js';
export { type ScriptedVideoOptions, scriptedVideo } from './video/video-handler.js';
