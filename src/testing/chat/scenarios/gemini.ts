/** Gemini 3: thought text, plus a thought signature paired with the tool call's id. */
import type { OpenRouterUsage } from '../../shared/usage.js';
import {
  convertCall,
  SCENARIO_ANSWER,
  type StepBase,
  scenarioUsage,
  textDeltas,
  textFragments,
  weatherCall,
} from './scenario-support.js';
import type {
  ReasoningScenario,
  ScenarioDelta,
  ScenarioReasoningDetail,
  ScenarioStep,
  ScenarioToolCall,
} from './scenario-types.js';

/** The `format` of Gemini's reasoning details. */
export const GEMINI_FORMAT = 'google-gemini-v1';

/** A thought as a whole: Gemini sends its text without a signature. */
function thoughtDetail(text: string): ScenarioReasoningDetail {
  return { type: 'reasoning.text', text, format: GEMINI_FORMAT, index: 0 };
}

/** A whole, unfragmented tool call in one delta, with the details that ride along, if any. */
function wholeToolCallDelta(
  index: number,
  call: ScenarioToolCall,
  details?: ScenarioReasoningDetail[],
): ScenarioDelta {
  return {
    kind: 'tool-call-start',
    index,
    id: call.id,
    name: call.name,
    arguments: call.arguments,
    ...(details && { details }),
  };
}

/**
 * Gemini 3 over three steps: `reasoning.text` without signature plus a `reasoning.encrypted`
 * thought signature whose `id` is the tool call's id, sent in the same delta as the (whole,
 * unfragmented) call; the signatures must go back unmodified, or Gemini rejects the next turn.
 * Ids are Gemini-style and repeat every step (`tool_0_<name>`), so a client must keep them
 * unique across steps (a client that renames a call renames the signature's `id` with it); and the tool-call steps finish with `finish_reason: "stop"`, so a client
 * must see the tool calls, not the finish reason, to continue the loop.
 * 1. thought → `getWeather` (`tool_0_getWeather`);
 * 2. thought → parallel `getWeather` (`tool_0_getWeather` again) + `convertTemperature`
 *    (`tool_1_convertTemperature`); only the first call carries a thought signature;
 * 3. thought → the answer.
 */
export function geminiThinkingScenario(options: { model?: string } = {}): ReasoningScenario {
  const model = options.model ?? 'google/gemini-3-pro-preview';
  const provider = 'Google AI Studio';
  const base = (n: number): StepBase => ({ label: `gemini step ${n}`, model, provider });

  return {
    family: 'gemini',
    model,
    provider,
    steps: [
      toolCallStep(
        base(1),
        'I need the current weather in Paris before I can convert anything.',
        'CiQB0e2Kb0rZ0aGVsbG8tdGhvdWdodC1zaWduYXR1cmUtb25lEiQKIgFy',
        [weatherCall('tool_0_getWeather')],
        scenarioUsage(380, 150, 120),
      ),
      toolCallStep(
        base(2),
        'Paris is 18°C. Let me also check Rome for comparison and convert 18°C to Fahrenheit.',
        'CiQB0e2Kb7Xm2dGhvdWdodC1zaWduYXR1cmUtdHdvLWZvci1yb21lEiQKIgFy',
        [
          { id: 'tool_0_getWeather', name: 'getWeather', arguments: '{"city":"Rome"}' },
          convertCall('tool_1_convertTemperature'),
        ],
        scenarioUsage(520, 170, 130),
      ),
      answerStep(
        base(3),
        'Paris 18°C = 64.4°F. Answer with Paris only, as asked.',
        scenarioUsage(700, 60, 30),
      ),
    ],
  };
}

/**
 * A thought, then tool calls finishing with `"stop"`; the thought signature (`signature`) is
 * paired with the first call, by id and by riding in its delta.
 */
function toolCallStep(
  base: StepBase,
  thought: string,
  signature: string,
  calls: [ScenarioToolCall, ...ScenarioToolCall[]],
  usage: OpenRouterUsage,
): ScenarioStep {
  const encrypted: ScenarioReasoningDetail = {
    type: 'reasoning.encrypted',
    data: signature,
    id: calls[0].id,
    format: GEMINI_FORMAT,
    index: 0,
  };
  return {
    ...base,
    deltas: [
      ...textFragments(thought, GEMINI_FORMAT, 0),
      ...calls.map((call, index) =>
        wholeToolCallDelta(index, call, index === 0 ? [encrypted] : undefined),
      ),
    ],
    content: null,
    reasoning: thought,
    reasoningDetails: [thoughtDetail(thought), encrypted],
    toolCalls: calls,
    finishReason: 'stop',
    nativeFinishReason: 'STOP',
    usage,
    visibleReasoning: [thought],
    hiddenData: [signature],
  };
}

/** A short thought (no signature without a tool call), then the answer. */
function answerStep(base: StepBase, thought: string, usage: OpenRouterUsage): ScenarioStep {
  return {
    ...base,
    deltas: [...textFragments(thought, GEMINI_FORMAT, 0, 2), ...textDeltas(SCENARIO_ANSWER)],
    content: SCENARIO_ANSWER,
    reasoning: thought,
    reasoningDetails: [thoughtDetail(thought)],
    toolCalls: [],
    finishReason: 'stop',
    nativeFinishReason: 'STOP',
    usage,
    visibleReasoning: [thought],
    hiddenData: [],
  };
}
