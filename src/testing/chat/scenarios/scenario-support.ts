/** Step pieces the scenarios share: the tool loop's calls and answer, usage, and deltas. */
import { buildUsage, type OpenRouterUsage } from '../../shared/usage.js';
import type {
  ReasoningScenario,
  ScenarioDelta,
  ScenarioStep,
  ScenarioToolCall,
} from './scenario-types.js';

/** The arguments of step 1 of the three-step loops: `getWeather` for Paris. */
export const SCENARIO_WEATHER_ARGUMENTS = '{"city":"Paris"}';
/** The arguments of step 2 of the three-step loops: `convertTemperature` of 18°C. */
export const SCENARIO_CONVERT_ARGUMENTS = '{"celsius":18}';
/** The answer text that ends the three-step loops. */
export const SCENARIO_ANSWER = 'It is 18°C (64.4°F) and sunny in Paris.';

export interface StepBase {
  label: string;
  model: string;
  provider: string;
}

/** Step 1 of a loop: `getWeather` for Paris, under the family's own call id. */
export function weatherCall(id: string): ScenarioToolCall {
  return { id, name: 'getWeather', arguments: SCENARIO_WEATHER_ARGUMENTS };
}

/** Step 2 of a loop: `convertTemperature` of 18°C. */
export function convertCall(id: string): ScenarioToolCall {
  return { id, name: 'convertTemperature', arguments: SCENARIO_CONVERT_ARGUMENTS };
}

/** How a step ends: with a tool call (the loop goes on) or with the answer text. */
export interface StepTail {
  toolCall?: ScenarioToolCall;
  text?: string;
}

/** The tail's deltas, after the reasoning: the streamed tool call, then the text. */
export function tailDeltas(tail: StepTail): ScenarioDelta[] {
  return [
    ...(tail.toolCall ? streamedToolCall(0, tail.toolCall) : []),
    ...(tail.text ? textDeltas(tail.text) : []),
  ];
}

/** The tail's message fields, with the family's native finish reasons for text and tool calls. */
export function tailFields(
  tail: StepTail,
  nativeStop: string,
  nativeToolCalls = 'tool_calls',
): Pick<ScenarioStep, 'content' | 'toolCalls' | 'finishReason' | 'nativeFinishReason'> {
  return {
    content: tail.text ?? null,
    toolCalls: tail.toolCall ? [tail.toolCall] : [],
    finishReason: tail.toolCall ? 'tool_calls' : 'stop',
    nativeFinishReason: tail.toolCall ? nativeToolCalls : nativeStop,
  };
}

/** Usage with exact counts (`reasoning_tokens` included), in the key order of real responses. */
export function scenarioUsage(
  promptTokens: number,
  completionTokens: number,
  reasoningTokens: number,
  extra: Partial<OpenRouterUsage> = {},
): OpenRouterUsage {
  return buildUsage(
    { promptTokens, textChars: 0, reasoningChars: 0, images: 0 },
    {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
      ...extra,
    },
  );
}

/**
 * Splits a string into `parts` fragments at word boundaries (for realistic deltas). Unlike
 * `splitFragments`, text with fewer words stays whole and `""` is one empty fragment.
 */
export function pieces(text: string, parts: number): string[] {
  const words = text.split(/(?=\s)/);
  const size = Math.max(1, Math.ceil(words.length / parts));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(''));
  return out;
}

/** Tool-call deltas: the head with `arguments: ""`, then the arguments in two fragments. */
export function streamedToolCall(index: number, call: ScenarioToolCall): ScenarioDelta[] {
  const cut = Math.ceil(call.arguments.length / 2);
  return [
    { kind: 'tool-call-start', index, id: call.id, name: call.name },
    { kind: 'tool-call-arguments', index, arguments: call.arguments.slice(0, cut) },
    { kind: 'tool-call-arguments', index, arguments: call.arguments.slice(cut) },
  ];
}

export function textDeltas(text: string): ScenarioDelta[] {
  return pieces(text, 3).map((piece) => ({ kind: 'text', text: piece }));
}

/**
 * `reasoning.text` fragments of one block, each with the same text in `delta.reasoning`, as
 * real streams send them.
 */
export function textFragments(
  text: string,
  format: string,
  index: number,
  parts = 3,
): ScenarioDelta[] {
  return pieces(text, parts).map((piece) => ({
    kind: 'reasoning',
    reasoning: piece,
    details: [{ type: 'reasoning.text', text: piece, format, index }],
  }));
}

/** A plain text step without reasoning (a follow-up turn after a loop). */
export function followUpStep(
  scenario: Pick<ReasoningScenario, 'model' | 'provider'>,
  text: string,
  label = 'follow-up',
): ScenarioStep {
  return {
    label,
    model: scenario.model,
    provider: scenario.provider,
    deltas: textDeltas(text),
    content: text,
    reasoning: null,
    reasoningDetails: undefined,
    toolCalls: [],
    finishReason: 'stop',
    nativeFinishReason: 'stop',
    usage: scenarioUsage(900, 12, 0),
    visibleReasoning: [],
    hiddenData: [],
  };
}

/** Appends follow-up text steps, so a conversation can go on after the loop. */
export function withFollowUps(scenario: ReasoningScenario, ...texts: string[]): ReasoningScenario {
  return {
    ...scenario,
    steps: [
      ...scenario.steps,
      ...texts.map((text, i) => followUpStep(scenario, text, `${scenario.family} follow-up ${i}`)),
    ],
  };
}
