/** The shape of a reasoning scenario: its steps, each both as stream deltas and as a message. */

import type { OpenRouterUsage } from '../../shared/usage.js';
import type { ChatFinishReason } from '../chat-fixtures.js';

/** A `reasoning_details` entry: opaque JSON, every field as OpenRouter sends it. */
export type ScenarioReasoningDetail = { type: string; [key: string]: unknown };

/** One streamed delta of a step, in order; each becomes one `chat.completion.chunk`. */
export type ScenarioDelta =
  /** `delta.reasoning` (string, `""` or `null`) together with `delta.reasoning_details`. */
  | { kind: 'reasoning'; reasoning: string | null; details: ScenarioReasoningDetail[] }
  | { kind: 'text'; text: string }
  /**
   * The first fragment of a tool call (`id`, `type`, `function.name`, `arguments` — often `""`).
   * `details` rides in the same delta (Gemini sends the thought signature with the call).
   */
  | {
      kind: 'tool-call-start';
      index: number;
      id: string;
      name: string;
      arguments?: string;
      details?: ScenarioReasoningDetail[];
    }
  | { kind: 'tool-call-arguments'; index: number; arguments: string }
  | { kind: 'annotations'; annotations: unknown[] };

/** A complete tool call of a step, as the non-stream message carries it. */
export interface ScenarioToolCall {
  id: string;
  name: string;
  /** The complete JSON arguments string. */
  arguments: string;
}

/**
 * One response of a scenario, both as stream deltas and as a non-stream message, with what a
 * test checks: the visible reasoning sections and the encrypted data that must stay hidden.
 */
export interface ScenarioStep {
  /** For test names and error messages, e.g. `anthropic step 1`. */
  label: string;
  model: string;
  provider: string;
  /** Stream: the deltas in order (the role chunk before, the finish and usage chunks after). */
  deltas: ScenarioDelta[];
  /** Non-stream `message.content`. */
  content: string | null;
  /** Non-stream `message.reasoning`. */
  reasoning: string | null;
  /**
   * The step's complete `reasoning_details`: the non-stream `message.reasoning_details` (`undefined`:
   * the key is absent) and what the next request must carry back on this step's message.
   */
  reasoningDetails: ScenarioReasoningDetail[] | undefined;
  toolCalls: ScenarioToolCall[];
  annotations?: unknown[];
  finishReason: ChatFinishReason;
  nativeFinishReason: string;
  usage: OpenRouterUsage;
  /** The visible reasoning sections (text and summaries), one reasoning part each, in order. */
  visibleReasoning: string[];
  /** Encrypted payloads of the step: they must never appear as visible reasoning. */
  hiddenData: string[];
}

/** A model family's tool loop: one step per response, served in order. */
export interface ReasoningScenario {
  family: string;
  model: string;
  provider: string;
  steps: ScenarioStep[];
}
