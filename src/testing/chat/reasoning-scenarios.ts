/**
 * Multi-step reasoning scenarios per model family, in the wire shapes OpenRouter sends: its
 * `reasoning_details` entries (text, summary, encrypted, server tool call) and their stream
 * deltas, Anthropic's signature-only final delta, OpenAI's summaries with an encrypted item,
 * Gemini's thought signatures, DeepSeek's plain reasoning, and web-search `url_citation`
 * annotations. Every step can be served streamed (SSE) or not (JSON); the complete
 * `reasoning_details` of a step is what the non-stream message carries and what the next request
 * must send back, unmodified, on that step's assistant message.
 *
 * {@link reasoningScenarioHandler} picks the step from the number of assistant messages already
 * in the request, so one handler serves a whole tool loop, streamed or not.
 *
 * One file per family under `scenarios/`; this barrel exports their public part.
 */
export { ANTHROPIC_FORMAT, anthropicThinkingScenario } from './scenarios/anthropic.js';
export {
  deepSeekEmptyDetailsScenario,
  deepSeekReasoningScenario,
  kimiReasoningScenario,
} from './scenarios/deepseek.js';
export { GEMINI_FORMAT, geminiThinkingScenario } from './scenarios/gemini.js';
export { OPENAI_FORMAT, openAIReasoningScenario } from './scenarios/openai.js';
export {
  assistantMessageCount,
  reasoningScenarioHandler,
  scenarioJson,
  scenarioResponse,
  scenarioStream,
} from './scenarios/scenario-serving.js';
export {
  followUpStep,
  SCENARIO_ANSWER,
  SCENARIO_CONVERT_ARGUMENTS,
  SCENARIO_WEATHER_ARGUMENTS,
  scenarioUsage,
  withFollowUps,
} from './scenarios/scenario-support.js';
export type {
  ReasoningScenario,
  ScenarioDelta,
  ScenarioReasoningDetail,
  ScenarioStep,
  ScenarioToolCall,
} from './scenarios/scenario-types.js';
export { WEB_SEARCH_URLS, webSearchScenario } from './scenarios/web-search.js';
