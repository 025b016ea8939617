/** OpenAI reasoning models (Responses API): summaries plus an encrypted reasoning item. */
import type { OpenRouterUsage } from '../../shared/usage.js';
import {
  convertCall,
  pieces,
  SCENARIO_ANSWER,
  type StepBase,
  type StepTail,
  scenarioUsage,
  tailDeltas,
  tailFields,
  weatherCall,
} from './scenario-support.js';
import type { ReasoningScenario, ScenarioDelta, ScenarioStep } from './scenario-types.js';

/** The `format` of OpenAI's reasoning details (reasoning models behind the Responses API). */
export const OPENAI_FORMAT = 'openai-responses-v1';

/**
 * An OpenAI reasoning model over three steps: each step's reasoning item `rs_…` yields
 * TWO `reasoning.summary` sections (index 0 and 1) streamed in fragments, then the whole
 * `reasoning.encrypted` item with the same id; then the tool call (steps 1, 2) or the answer.
 */
export function openAIReasoningScenario(options: { model?: string } = {}): ReasoningScenario {
  const model = options.model ?? 'openai/gpt-5';
  const provider = 'OpenAI';
  const base = (n: number): StepBase => ({ label: `openai step ${n}`, model, provider });

  return {
    family: 'openai',
    model,
    provider,
    steps: [
      reasoningStep(
        base(1),
        'rs_0a1b2c3d4e5f60718293a4b5',
        [
          '**Planning the lookup** The user wants Paris weather in Fahrenheit; I will call the weather tool first.',
          '**Choosing units** The tool reports Celsius, so a conversion step will follow.',
        ],
        'gAAAAABotI9-FK1PbhZhaZk4yMrZw3XDI1AWFaKb9T0N-step-one-encrypted-content',
        { toolCall: weatherCall('call_Wb8tYk2Qm4hN7pX1cV9sR3dE') },
        scenarioUsage(300, 180, 128),
      ),
      reasoningStep(
        base(2),
        'rs_1b2c3d4e5f60718293a4b5c6',
        [
          '**Reading the result** Paris is 18°C and sunny.',
          '**Converting** I will call convertTemperature with 18.',
        ],
        'gAAAAABotJA2Lx0QmNwS8vYt3pRkE7uHc1ZaGfD4qWe-step-two-encrypted-content',
        { toolCall: convertCall('call_Hn3pQ8rT5vX2zB6mK9wL4jYc') },
        scenarioUsage(460, 140, 96),
      ),
      reasoningStep(
        base(3),
        'rs_2c3d4e5f60718293a4b5c6d7',
        ['**Answering** 18°C is 64.4°F.', '**Format** One short sentence is enough.'],
        'gAAAAABotJB5Mq7RzVu1XcWy9nAbD3eFg6HiJk-step-three-encrypted-content',
        { text: SCENARIO_ANSWER },
        scenarioUsage(600, 90, 64),
      ),
    ],
  };
}

/** One reasoning item `rsId`: two summaries in fragments, its encrypted content, then `tail`. */
function reasoningStep(
  base: StepBase,
  rsId: string,
  summaries: [string, string],
  data: string,
  tail: StepTail,
  usage: OpenRouterUsage,
): ScenarioStep {
  const summaryDetail = (summary: string, index: number) => ({
    type: 'reasoning.summary',
    summary,
    id: rsId,
    format: OPENAI_FORMAT,
    index,
  });
  const encrypted = {
    type: 'reasoning.encrypted',
    data,
    id: rsId,
    format: OPENAI_FORMAT,
    index: 0,
  };
  const deltas: ScenarioDelta[] = summaries.flatMap((summary, index) =>
    pieces(summary, 3).map(
      (piece): ScenarioDelta => ({
        kind: 'reasoning',
        reasoning: piece,
        details: [summaryDetail(piece, index)],
      }),
    ),
  );
  deltas.push({ kind: 'reasoning', reasoning: null, details: [encrypted] }, ...tailDeltas(tail));
  return {
    ...base,
    deltas,
    reasoning: summaries.join(''),
    reasoningDetails: [...summaries.map(summaryDetail), encrypted],
    ...tailFields(tail, 'completed'),
    usage,
    visibleReasoning: [...summaries],
    hiddenData: [data],
  };
}
