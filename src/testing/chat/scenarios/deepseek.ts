/** DeepSeek and Kimi: plain reasoning text (format `"unknown"`), or none at all. */
import type { OpenRouterUsage } from '../../shared/usage.js';
import {
  convertCall,
  SCENARIO_ANSWER,
  type StepBase,
  type StepTail,
  scenarioUsage,
  tailDeltas,
  tailFields,
  textFragments,
  weatherCall,
} from './scenario-support.js';
import type { ReasoningScenario, ScenarioStep } from './scenario-types.js';

const DEEPSEEK_MODEL = 'deepseek/deepseek-v4.1-flash';

/**
 * DeepSeek-style reasoning, as in a real DeepSeek stream: `delta.reasoning` strings with
 * `reasoning_details: [{type:"reasoning.text", text, format:"unknown", index:0}]` fragments;
 * non-stream, a message with `reasoning` and one `reasoning.text` detail, as in a real response
 * from Qwen via Parasail. Pass a Kimi model and provider for the Kimi variant.
 */
export function deepSeekReasoningScenario(
  options: { model?: string; provider?: string; family?: string } = {},
): ReasoningScenario {
  const model = options.model ?? DEEPSEEK_MODEL;
  const provider = options.provider ?? 'DeepSeek';
  const family = options.family ?? 'deepseek';
  const base = (n: number): StepBase => ({ label: `${family} step ${n}`, model, provider });
  const step = (
    n: number,
    thought: string,
    tail: StepTail,
    usage: OpenRouterUsage,
  ): ScenarioStep => ({
    ...base(n),
    deltas: [...textFragments(thought, 'unknown', 0, 4), ...tailDeltas(tail)],
    reasoning: thought,
    reasoningDetails: [{ type: 'reasoning.text', text: thought, format: 'unknown', index: 0 }],
    ...tailFields(tail, 'stop'),
    usage,
    visibleReasoning: [thought],
    hiddenData: [],
  });
  return {
    family,
    model,
    provider,
    steps: [
      step(
        1,
        'The user is asking for the weather in Paris in Fahrenheit. I should call getWeather with "Paris" first.\n',
        { toolCall: weatherCall('call_00_7b205c4c32234f3e91624804') },
        scenarioUsage(1077, 66, 41),
      ),
      step(
        2,
        'The weather tool returned 18°C. Now I convert 18 Celsius to Fahrenheit with convertTemperature.\n',
        { toolCall: convertCall('call_00_a81c33d0e9f24b6c8d2a5e17') },
        scenarioUsage(1180, 58, 33),
      ),
      step(
        3,
        '64.4°F. I have everything I need to answer.\n',
        { text: SCENARIO_ANSWER },
        scenarioUsage(1250, 40, 12),
      ),
    ],
  };
}

/** Kimi K2 thinking: the same plain-reasoning shape as DeepSeek. */
export function kimiReasoningScenario(): ReasoningScenario {
  return deepSeekReasoningScenario({
    model: 'moonshotai/kimi-k2-thinking',
    provider: 'Moonshot AI',
    family: 'kimi',
  });
}

/**
 * DeepSeek V4 without reasoning: the non-stream message carries `reasoning: null` and
 * `reasoning_details: []`, which must be sent back as `[]`: DeepSeek V4 rejects a follow-up
 * request whose assistant message lacks it. Streamed, the same
 * empty array arrives on a delta with `reasoning: null`.
 */
export function deepSeekEmptyDetailsScenario(): ReasoningScenario {
  const provider = 'DeepSeek';
  const step = (n: number, tail: StepTail, usage: OpenRouterUsage): ScenarioStep => ({
    label: `deepseek-empty step ${n}`,
    model: DEEPSEEK_MODEL,
    provider,
    deltas: [{ kind: 'reasoning', reasoning: null, details: [] }, ...tailDeltas(tail)],
    reasoning: null,
    reasoningDetails: [],
    ...tailFields(tail, 'stop'),
    usage,
    visibleReasoning: [],
    hiddenData: [],
  });
  return {
    family: 'deepseek (empty details)',
    model: DEEPSEEK_MODEL,
    provider,
    steps: [
      step(
        1,
        { toolCall: weatherCall('call_00_0f1e2d3c4b5a69788796a5b4') },
        scenarioUsage(210, 20, 0),
      ),
      step(
        2,
        { toolCall: convertCall('call_00_1a2b3c4d5e6f708192a3b4c5') },
        scenarioUsage(260, 18, 0),
      ),
      step(3, { text: SCENARIO_ANSWER }, scenarioUsage(300, 16, 0)),
    ],
  };
}
