/** Anthropic: extended thinking, interleaved thinking and redacted thinking. */
import type { OpenRouterUsage } from '../../shared/usage.js';
import {
  convertCall,
  SCENARIO_ANSWER,
  type StepBase,
  type StepTail,
  scenarioUsage,
  streamedToolCall,
  tailDeltas,
  tailFields,
  textFragments,
  weatherCall,
} from './scenario-support.js';
import type {
  ReasoningScenario,
  ScenarioDelta,
  ScenarioReasoningDetail,
  ScenarioStep,
} from './scenario-types.js';

/** The `format` of Anthropic's reasoning details. */
export const ANTHROPIC_FORMAT = 'anthropic-claude-v1';

/** A thinking block as a whole: its text and the signature that lets it go back upstream. */
function thinkingDetail(text: string, signature: string): ScenarioReasoningDetail {
  return { type: 'reasoning.text', text, signature, format: ANTHROPIC_FORMAT, index: 0 };
}

/** The final delta of thinking block 0, as Anthropic sends it: the signature and no text. */
function signatureDelta(signature: string): ScenarioDelta {
  return {
    kind: 'reasoning',
    reasoning: '',
    details: [{ type: 'reasoning.text', signature, format: ANTHROPIC_FORMAT, index: 0 }],
  };
}

/** A redacted thinking block (index 1): encrypted only, never visible. */
function redactedDetail(data: string): ScenarioReasoningDetail {
  return { type: 'reasoning.encrypted', data, format: ANTHROPIC_FORMAT, index: 1 };
}

/**
 * Claude with extended thinking over three steps:
 * 1. thinking → `getWeather`; the block's signature-only final delta arrives AFTER the tool call
 *    started (a late signature: a client that closes the reasoning early must still attach it,
 *    or the next turn fails with "Invalid signature in thinking block");
 * 2. interleaved thinking after the tool result: a new thinking block (index 0 of this
 *    response) with its own signature → `convertTemperature`;
 * 3. thinking → the answer text.
 * `redactedThinking` adds a `reasoning.encrypted` (redacted thinking) block to step 1, index 1.
 */
export function anthropicThinkingScenario(
  options: { redactedThinking?: boolean; model?: string } = {},
): ReasoningScenario {
  const model = options.model ?? 'anthropic/claude-sonnet-4.5';
  const provider = 'Anthropic';
  const base = (n: number): StepBase => ({ label: `anthropic step ${n}`, model, provider });

  const thinking1 =
    'The user wants the weather in Paris, in Fahrenheit. First I need the current weather, so I will call getWeather with city Paris.';
  const signature1 = 'EqQBCkgIChABGAIqQJ2vZm9yLXN0ZXAtb25lLXNpZ25hdHVyZQ==';
  const redacted1 =
    'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj';
  const call1 = weatherCall('toolu_01A09q90qw90lq917835lq9');
  const [head1, ...args1] = streamedToolCall(0, call1);
  const step1: ScenarioStep = {
    ...base(1),
    deltas: [
      ...textFragments(thinking1, ANTHROPIC_FORMAT, 0),
      ...(options.redactedThinking
        ? [
            {
              kind: 'reasoning',
              reasoning: null,
              details: [redactedDetail(redacted1)],
            } satisfies ScenarioDelta,
          ]
        : []),
      head1!,
      // The signature-only final delta of block 0, after the tool call started (late signature).
      signatureDelta(signature1),
      ...args1,
    ],
    content: null,
    reasoning: thinking1,
    reasoningDetails: [
      thinkingDetail(thinking1, signature1),
      ...(options.redactedThinking ? [redactedDetail(redacted1)] : []),
    ],
    toolCalls: [call1],
    finishReason: 'tool_calls',
    nativeFinishReason: 'tool_use',
    usage: scenarioUsage(412, 96, 58),
    visibleReasoning: [thinking1],
    hiddenData: options.redactedThinking ? [redacted1] : [],
  };

  return {
    family: options.redactedThinking ? 'anthropic (redacted thinking)' : 'anthropic',
    model,
    provider,
    steps: [
      step1,
      signedThinkingStep(
        base(2),
        'getWeather says 18°C and sunny in Paris. The user asked for Fahrenheit, so I convert 18°C with convertTemperature.',
        'EqQBCkgIChABGAIqQLW50ZXJsZWF2ZWQtc3RlcC10d28tc2lnbmF0dXJl',
        3,
        { toolCall: convertCall('toolu_01BX7kq3M9vzTnE4Ru8sW2pL') },
        scenarioUsage(540, 88, 52),
      ),
      signedThinkingStep(
        base(3),
        '18°C is 64.4°F. I can answer now.',
        'EqQBCkgIChABGAIqQGZpbmFsLXN0ZXAtdGhyZWUtc2lnbmF0dXJl',
        2,
        { text: SCENARIO_ANSWER },
        scenarioUsage(640, 40, 14),
      ),
    ],
  };
}

/**
 * A step that thinks in one block, streamed in `fragments` and closed by its signature before
 * the tool call or the text starts.
 */
function signedThinkingStep(
  base: StepBase,
  thinking: string,
  signature: string,
  fragments: number,
  tail: StepTail,
  usage: OpenRouterUsage,
): ScenarioStep {
  return {
    ...base,
    deltas: [
      ...textFragments(thinking, ANTHROPIC_FORMAT, 0, fragments),
      signatureDelta(signature),
      ...tailDeltas(tail),
    ],
    reasoning: thinking,
    reasoningDetails: [thinkingDetail(thinking, signature)],
    ...tailFields(tail, 'end_turn', 'tool_use'),
    usage,
    visibleReasoning: [thinking],
    hiddenData: [],
  };
}
