/**
 * Multi-step reasoning scenarios per model family, in the wire shapes OpenRouter documents
 * (openrouter-api.md §1.3 detail shapes, §3.2 deltas, §7.2 non-stream message, §7.4 OpenAI and
 * Gemini details, §7.5 Anthropic signature-only final delta, §7.6 DeepSeek capture, §7.9
 * web-search annotations). Every step can be served streamed (SSE) or not (JSON); the complete
 * `reasoning_details` of a step is what the non-stream message carries and what the next request
 * must send back, unmodified, on that step's assistant message.
 *
 * {@link reasoningScenarioHandler} picks the step from the number of assistant messages already
 * in the request, so one handler serves a whole tool loop, streamed or not.
 */
import type { ChatFinishReason } from './chat-fixtures.js';
import { notFound } from './chat-fixtures.js';
import { generationId } from './ids.js';
import type { EmulatorHandler, EmulatorResponse, RecordedRequest, SseEvent } from './types.js';
import { buildUsage, type OpenRouterUsage } from './usage.js';

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

export interface ScenarioToolCall {
  id: string;
  name: string;
  /** The complete JSON arguments string. */
  arguments: string;
}

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

export interface ReasoningScenario {
  family: string;
  model: string;
  provider: string;
  steps: ScenarioStep[];
}

// ---------------------------------------------------------------------------------------------
// Serving

/** A step as a streamed completion, framed like §7.5 (keep-alives, role chunk, `choices: []` usage). */
export function scenarioStream(step: ScenarioStep, created = nowSeconds()): SseEvent[] {
  const id = generationId(created);
  const chunk = (choices: unknown[], extra?: Record<string, unknown>) => ({
    id,
    provider: step.provider,
    model: step.model,
    object: 'chat.completion.chunk',
    created,
    choices,
    ...extra,
  });
  const choice = (
    delta: Record<string, unknown>,
    finishReason: string | null = null,
    nativeFinishReason: string | null = null,
  ) => ({
    index: 0,
    delta,
    finish_reason: finishReason,
    native_finish_reason: nativeFinishReason,
    logprobs: null,
  });
  const events: SseEvent[] = [
    { comment: 'OPENROUTER PROCESSING' },
    { comment: 'OPENROUTER PROCESSING' },
    { data: chunk([choice({ role: 'assistant', content: '' })]) },
  ];
  for (const delta of step.deltas) events.push({ data: chunk([choice(deltaBody(delta))]) });
  events.push({
    data: chunk([
      choice({ role: 'assistant', content: '' }, step.finishReason, step.nativeFinishReason),
    ]),
  });
  events.push({ data: chunk([], { usage: step.usage }) });
  events.push({ done: true });
  return events;
}

function deltaBody(delta: ScenarioDelta): Record<string, unknown> {
  switch (delta.kind) {
    case 'reasoning':
      return {
        role: 'assistant',
        content: '',
        reasoning: delta.reasoning,
        reasoning_details: delta.details,
      };
    case 'text':
      return { role: 'assistant', content: delta.text };
    case 'tool-call-start': {
      const body: Record<string, unknown> = { role: 'assistant', content: null };
      if (delta.details) body.reasoning_details = delta.details;
      body.tool_calls = [
        {
          index: delta.index,
          id: delta.id,
          type: 'function',
          function: { name: delta.name, arguments: delta.arguments ?? '' },
        },
      ];
      return body;
    }
    case 'tool-call-arguments':
      return {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: delta.index, function: { arguments: delta.arguments } }],
      };
    case 'annotations':
      return { role: 'assistant', content: '', annotations: delta.annotations };
  }
}

/** A step as a non-streamed `chat.completion` body, in the key order of §7.2. */
export function scenarioJson(step: ScenarioStep, created = nowSeconds()): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: step.content,
    refusal: null,
    reasoning: step.reasoning,
  };
  if (step.reasoningDetails !== undefined) message.reasoning_details = step.reasoningDetails;
  if (step.toolCalls.length > 0) {
    message.tool_calls = step.toolCalls.map((call, index) => ({
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (step.annotations?.length) message.annotations = step.annotations;
  return {
    id: generationId(created),
    provider: step.provider,
    model: step.model,
    object: 'chat.completion',
    created,
    choices: [
      {
        logprobs: null,
        finish_reason: step.finishReason,
        native_finish_reason: step.nativeFinishReason,
        index: 0,
        message,
      },
    ],
    usage: step.usage,
  };
}

/** `sse` when `stream`, else `json`. */
export function scenarioResponse(step: ScenarioStep, stream: boolean): EmulatorResponse {
  return stream
    ? { type: 'sse', events: scenarioStream(step) }
    : { type: 'json', body: scenarioJson(step) };
}

/** Number of assistant messages in a request: 0 on the first step of a loop, 1 on the second... */
export function assistantMessageCount(request: RecordedRequest): number {
  const body = request.body as { messages?: unknown } | undefined;
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  return messages.filter((message) => (message as { role?: unknown } | null)?.role === 'assistant')
    .length;
}

/**
 * Answers `POST /chat/completions` with step N when the request already holds N assistant
 * messages, streamed or not by the request's `stream` flag. A request beyond the last step (or
 * one that lost its history and so gets the wrong step) fails the test.
 */
export function reasoningScenarioHandler(
  scenario: ReasoningScenario | ScenarioStep[],
): EmulatorHandler {
  const steps = Array.isArray(scenario) ? scenario : scenario.steps;
  return (request) => {
    if (request.path !== '/chat/completions') return notFound(request);
    const turn = assistantMessageCount(request);
    const step = steps[turn];
    if (!step) {
      return {
        type: 'error',
        status: 500,
        message: `reasoning scenario: no step for ${turn} assistant message(s) (${steps.length} steps)`,
      };
    }
    const stream = (request.body as { stream?: unknown } | undefined)?.stream === true;
    return scenarioResponse(step, stream);
  };
}

// ---------------------------------------------------------------------------------------------
// Shared step pieces

/** The tool calls of the three-step loops: weather first, then a unit conversion. */
export const SCENARIO_WEATHER_ARGUMENTS = '{"city":"Paris"}';
export const SCENARIO_CONVERT_ARGUMENTS = '{"celsius":18}';
export const SCENARIO_ANSWER = 'It is 18°C (64.4°F) and sunny in Paris.';

interface StepBase {
  label: string;
  model: string;
  provider: string;
}

/** Usage with exact counts (`reasoning_tokens` included) in the real key order (§2). */
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

/** Splits a string into `parts` fragments at word boundaries (for realistic deltas). */
function pieces(text: string, parts: number): string[] {
  const words = text.split(/(?=\s)/);
  const size = Math.max(1, Math.ceil(words.length / parts));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(''));
  return out;
}

/** Tool-call deltas: the head with `arguments: ""`, then the arguments in two fragments. */
function streamedToolCall(index: number, call: ScenarioToolCall): ScenarioDelta[] {
  const cut = Math.ceil(call.arguments.length / 2);
  return [
    { kind: 'tool-call-start', index, id: call.id, name: call.name },
    { kind: 'tool-call-arguments', index, arguments: call.arguments.slice(0, cut) },
    { kind: 'tool-call-arguments', index, arguments: call.arguments.slice(cut) },
  ];
}

function textDeltas(text: string): ScenarioDelta[] {
  return pieces(text, 3).map((piece) => ({ kind: 'text', text: piece }));
}

/** `reasoning.text` fragments of one block, with the same text in `delta.reasoning` (§3.2). */
function textFragments(text: string, format: string, index: number, parts = 3): ScenarioDelta[] {
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

// ---------------------------------------------------------------------------------------------
// Anthropic (extended thinking, interleaved thinking, redacted thinking)

export const ANTHROPIC_FORMAT = 'anthropic-claude-v1';

/**
 * Claude with extended thinking over three steps:
 * 1. thinking → `getWeather`; the block's signature-only final delta (§7.5) arrives AFTER the
 *    tool call started (late signature, P14);
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
  const call1: ScenarioToolCall = {
    id: 'toolu_01A09q90qw90lq917835lq9',
    name: 'getWeather',
    arguments: SCENARIO_WEATHER_ARGUMENTS,
  };
  const step1Details: ScenarioReasoningDetail[] = [
    {
      type: 'reasoning.text',
      text: thinking1,
      signature: signature1,
      format: ANTHROPIC_FORMAT,
      index: 0,
    },
  ];
  if (options.redactedThinking) {
    step1Details.push({
      type: 'reasoning.encrypted',
      data: redacted1,
      format: ANTHROPIC_FORMAT,
      index: 1,
    });
  }
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
              details: [
                {
                  type: 'reasoning.encrypted',
                  data: redacted1,
                  format: ANTHROPIC_FORMAT,
                  index: 1,
                },
              ],
            } satisfies ScenarioDelta,
          ]
        : []),
      head1!,
      // The signature-only final delta of block 0, after the tool call started (P14).
      {
        kind: 'reasoning',
        reasoning: '',
        details: [
          { type: 'reasoning.text', signature: signature1, format: ANTHROPIC_FORMAT, index: 0 },
        ],
      },
      ...args1,
    ],
    content: null,
    reasoning: thinking1,
    reasoningDetails: step1Details,
    toolCalls: [call1],
    finishReason: 'tool_calls',
    nativeFinishReason: 'tool_use',
    usage: scenarioUsage(412, 96, 58),
    visibleReasoning: [thinking1],
    hiddenData: options.redactedThinking ? [redacted1] : [],
  };

  const thinking2 =
    'getWeather says 18°C and sunny in Paris. The user asked for Fahrenheit, so I convert 18°C with convertTemperature.';
  const signature2 = 'EqQBCkgIChABGAIqQLW50ZXJsZWF2ZWQtc3RlcC10d28tc2lnbmF0dXJl';
  const call2: ScenarioToolCall = {
    id: 'toolu_01BX7kq3M9vzTnE4Ru8sW2pL',
    name: 'convertTemperature',
    arguments: SCENARIO_CONVERT_ARGUMENTS,
  };
  const step2: ScenarioStep = {
    ...base(2),
    deltas: [
      ...textFragments(thinking2, ANTHROPIC_FORMAT, 0),
      {
        kind: 'reasoning',
        reasoning: '',
        details: [
          { type: 'reasoning.text', signature: signature2, format: ANTHROPIC_FORMAT, index: 0 },
        ],
      },
      ...streamedToolCall(0, call2),
    ],
    content: null,
    reasoning: thinking2,
    reasoningDetails: [
      {
        type: 'reasoning.text',
        text: thinking2,
        signature: signature2,
        format: ANTHROPIC_FORMAT,
        index: 0,
      },
    ],
    toolCalls: [call2],
    finishReason: 'tool_calls',
    nativeFinishReason: 'tool_use',
    usage: scenarioUsage(540, 88, 52),
    visibleReasoning: [thinking2],
    hiddenData: [],
  };

  const thinking3 = '18°C is 64.4°F. I can answer now.';
  const signature3 = 'EqQBCkgIChABGAIqQGZpbmFsLXN0ZXAtdGhyZWUtc2lnbmF0dXJl';
  const step3: ScenarioStep = {
    ...base(3),
    deltas: [
      ...textFragments(thinking3, ANTHROPIC_FORMAT, 0, 2),
      {
        kind: 'reasoning',
        reasoning: '',
        details: [
          { type: 'reasoning.text', signature: signature3, format: ANTHROPIC_FORMAT, index: 0 },
        ],
      },
      ...textDeltas(SCENARIO_ANSWER),
    ],
    content: SCENARIO_ANSWER,
    reasoning: thinking3,
    reasoningDetails: [
      {
        type: 'reasoning.text',
        text: thinking3,
        signature: signature3,
        format: ANTHROPIC_FORMAT,
        index: 0,
      },
    ],
    toolCalls: [],
    finishReason: 'stop',
    nativeFinishReason: 'end_turn',
    usage: scenarioUsage(640, 40, 14),
    visibleReasoning: [thinking3],
    hiddenData: [],
  };

  return {
    family: options.redactedThinking ? 'anthropic (redacted thinking)' : 'anthropic',
    model,
    provider,
    steps: [step1, step2, step3],
  };
}

// ---------------------------------------------------------------------------------------------
// Gemini 3 (thought text + thought signature paired with the tool call id)

export const GEMINI_FORMAT = 'google-gemini-v1';

/**
 * Gemini 3 over three steps (§7.4, P23, P28, P30): `reasoning.text` without signature plus a
 * `reasoning.encrypted` thought signature whose `id` is the tool call's id, sent in the same
 * delta as the (whole, unfragmented) call. Ids are Gemini-style and repeat every step
 * (`tool_0_<name>`), and the tool-call steps finish with `finish_reason: "stop"`.
 * 1. thought → `getWeather` (`tool_0_getWeather`);
 * 2. thought → parallel `getWeather` (`tool_0_getWeather` again) + `convertTemperature`
 *    (`tool_1_convertTemperature`); only the first call carries a thought signature;
 * 3. thought → the answer.
 */
export function geminiThinkingScenario(options: { model?: string } = {}): ReasoningScenario {
  const model = options.model ?? 'google/gemini-3-pro-preview';
  const provider = 'Google AI Studio';
  const base = (n: number): StepBase => ({ label: `gemini step ${n}`, model, provider });

  const thought1 = 'I need the current weather in Paris before I can convert anything.';
  const signature1 = 'CiQB0e2Kb0rZ0aGVsbG8tdGhvdWdodC1zaWduYXR1cmUtb25lEiQKIgFy';
  const call1: ScenarioToolCall = {
    id: 'tool_0_getWeather',
    name: 'getWeather',
    arguments: SCENARIO_WEATHER_ARGUMENTS,
  };
  const encrypted1: ScenarioReasoningDetail = {
    type: 'reasoning.encrypted',
    data: signature1,
    id: call1.id,
    format: GEMINI_FORMAT,
    index: 0,
  };
  const step1: ScenarioStep = {
    ...base(1),
    deltas: [
      ...textFragments(thought1, GEMINI_FORMAT, 0),
      {
        kind: 'tool-call-start',
        index: 0,
        id: call1.id,
        name: call1.name,
        arguments: call1.arguments,
        details: [encrypted1],
      },
    ],
    content: null,
    reasoning: thought1,
    reasoningDetails: [
      { type: 'reasoning.text', text: thought1, format: GEMINI_FORMAT, index: 0 },
      encrypted1,
    ],
    toolCalls: [call1],
    finishReason: 'stop',
    nativeFinishReason: 'STOP',
    usage: scenarioUsage(380, 150, 120),
    visibleReasoning: [thought1],
    hiddenData: [signature1],
  };

  const thought2 =
    'Paris is 18°C. Let me also check Rome for comparison and convert 18°C to Fahrenheit.';
  const signature2 = 'CiQB0e2Kb7Xm2dGhvdWdodC1zaWduYXR1cmUtdHdvLWZvci1yb21lEiQKIgFy';
  const call2a: ScenarioToolCall = {
    id: 'tool_0_getWeather',
    name: 'getWeather',
    arguments: '{"city":"Rome"}',
  };
  const call2b: ScenarioToolCall = {
    id: 'tool_1_convertTemperature',
    name: 'convertTemperature',
    arguments: SCENARIO_CONVERT_ARGUMENTS,
  };
  const encrypted2: ScenarioReasoningDetail = {
    type: 'reasoning.encrypted',
    data: signature2,
    id: call2a.id,
    format: GEMINI_FORMAT,
    index: 0,
  };
  const step2: ScenarioStep = {
    ...base(2),
    deltas: [
      ...textFragments(thought2, GEMINI_FORMAT, 0),
      {
        kind: 'tool-call-start',
        index: 0,
        id: call2a.id,
        name: call2a.name,
        arguments: call2a.arguments,
        details: [encrypted2],
      },
      {
        kind: 'tool-call-start',
        index: 1,
        id: call2b.id,
        name: call2b.name,
        arguments: call2b.arguments,
      },
    ],
    content: null,
    reasoning: thought2,
    reasoningDetails: [
      { type: 'reasoning.text', text: thought2, format: GEMINI_FORMAT, index: 0 },
      encrypted2,
    ],
    toolCalls: [call2a, call2b],
    finishReason: 'stop',
    nativeFinishReason: 'STOP',
    usage: scenarioUsage(520, 170, 130),
    visibleReasoning: [thought2],
    hiddenData: [signature2],
  };

  const thought3 = 'Paris 18°C = 64.4°F. Answer with Paris only, as asked.';
  const step3: ScenarioStep = {
    ...base(3),
    deltas: [...textFragments(thought3, GEMINI_FORMAT, 0, 2), ...textDeltas(SCENARIO_ANSWER)],
    content: SCENARIO_ANSWER,
    reasoning: thought3,
    reasoningDetails: [{ type: 'reasoning.text', text: thought3, format: GEMINI_FORMAT, index: 0 }],
    toolCalls: [],
    finishReason: 'stop',
    nativeFinishReason: 'STOP',
    usage: scenarioUsage(700, 60, 30),
    visibleReasoning: [thought3],
    hiddenData: [],
  };

  return { family: 'gemini', model, provider, steps: [step1, step2, step3] };
}

// ---------------------------------------------------------------------------------------------
// OpenAI (Responses reasoning: summaries + encrypted item)

export const OPENAI_FORMAT = 'openai-responses-v1';

/**
 * An OpenAI reasoning model over three steps (§7.4): each step's reasoning item `rs_…` yields
 * TWO `reasoning.summary` sections (index 0 and 1) streamed in fragments, then the whole
 * `reasoning.encrypted` item with the same id; then the tool call (steps 1, 2) or the answer.
 */
export function openAIReasoningScenario(options: { model?: string } = {}): ReasoningScenario {
  const model = options.model ?? 'openai/gpt-5';
  const provider = 'OpenAI';
  const base = (n: number): StepBase => ({ label: `openai step ${n}`, model, provider });

  const reasoningStep = (
    n: number,
    rsId: string,
    summaries: [string, string],
    data: string,
    tail: { toolCall?: ScenarioToolCall; text?: string },
    usage: OpenRouterUsage,
  ): ScenarioStep => {
    const summaryDetails = summaries.map((summary, index) => ({
      type: 'reasoning.summary',
      summary,
      id: rsId,
      format: OPENAI_FORMAT,
      index,
    }));
    const encrypted = {
      type: 'reasoning.encrypted',
      data,
      id: rsId,
      format: OPENAI_FORMAT,
      index: 0,
    };
    const deltas: ScenarioDelta[] = [];
    summaries.forEach((summary, index) => {
      for (const piece of pieces(summary, 3)) {
        deltas.push({
          kind: 'reasoning',
          reasoning: piece,
          details: [
            { type: 'reasoning.summary', summary: piece, id: rsId, format: OPENAI_FORMAT, index },
          ],
        });
      }
    });
    deltas.push({ kind: 'reasoning', reasoning: null, details: [encrypted] });
    if (tail.toolCall) deltas.push(...streamedToolCall(0, tail.toolCall));
    if (tail.text) deltas.push(...textDeltas(tail.text));
    return {
      ...base(n),
      deltas,
      content: tail.text ?? null,
      reasoning: summaries.join(''),
      reasoningDetails: [...summaryDetails, encrypted],
      toolCalls: tail.toolCall ? [tail.toolCall] : [],
      finishReason: tail.toolCall ? 'tool_calls' : 'stop',
      nativeFinishReason: tail.toolCall ? 'tool_calls' : 'completed',
      usage,
      visibleReasoning: [...summaries],
      hiddenData: [data],
    };
  };

  return {
    family: 'openai',
    model,
    provider,
    steps: [
      reasoningStep(
        1,
        'rs_0a1b2c3d4e5f60718293a4b5',
        [
          '**Planning the lookup** The user wants Paris weather in Fahrenheit; I will call the weather tool first.',
          '**Choosing units** The tool reports Celsius, so a conversion step will follow.',
        ],
        'gAAAAABotI9-FK1PbhZhaZk4yMrZw3XDI1AWFaKb9T0N-step-one-encrypted-content',
        {
          toolCall: {
            id: 'call_Wb8tYk2Qm4hN7pX1cV9sR3dE',
            name: 'getWeather',
            arguments: SCENARIO_WEATHER_ARGUMENTS,
          },
        },
        scenarioUsage(300, 180, 128),
      ),
      reasoningStep(
        2,
        'rs_1b2c3d4e5f60718293a4b5c6',
        [
          '**Reading the result** Paris is 18°C and sunny.',
          '**Converting** I will call convertTemperature with 18.',
        ],
        'gAAAAABotJA2Lx0QmNwS8vYt3pRkE7uHc1ZaGfD4qWe-step-two-encrypted-content',
        {
          toolCall: {
            id: 'call_Hn3pQ8rT5vX2zB6mK9wL4jYc',
            name: 'convertTemperature',
            arguments: SCENARIO_CONVERT_ARGUMENTS,
          },
        },
        scenarioUsage(460, 140, 96),
      ),
      reasoningStep(
        3,
        'rs_2c3d4e5f60718293a4b5c6d7',
        ['**Answering** 18°C is 64.4°F.', '**Format** One short sentence is enough.'],
        'gAAAAABotJB5Mq7RzVu1XcWy9nAbD3eFg6HiJk-step-three-encrypted-content',
        { text: SCENARIO_ANSWER },
        scenarioUsage(600, 90, 64),
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// DeepSeek / Kimi (plain reasoning text, format "unknown")

/**
 * DeepSeek-style reasoning (§7.6 capture): `delta.reasoning` strings with
 * `reasoning_details: [{type:"reasoning.text", text, format:"unknown", index:0}]` fragments;
 * non-stream: the §7.3 message shape. Pass a Kimi model and provider for the Kimi variant.
 */
export function deepSeekReasoningScenario(
  options: { model?: string; provider?: string; family?: string } = {},
): ReasoningScenario {
  const model = options.model ?? 'deepseek/deepseek-v4.1-flash';
  const provider = options.provider ?? 'DeepSeek';
  const family = options.family ?? 'deepseek';
  const base = (n: number): StepBase => ({ label: `${family} step ${n}`, model, provider });
  const step = (
    n: number,
    thought: string,
    tail: { toolCall?: ScenarioToolCall; text?: string },
    usage: OpenRouterUsage,
  ): ScenarioStep => ({
    ...base(n),
    deltas: [
      ...textFragments(thought, 'unknown', 0, 4),
      ...(tail.toolCall ? streamedToolCall(0, tail.toolCall) : []),
      ...(tail.text ? textDeltas(tail.text) : []),
    ],
    content: tail.text ?? null,
    reasoning: thought,
    reasoningDetails: [{ type: 'reasoning.text', text: thought, format: 'unknown', index: 0 }],
    toolCalls: tail.toolCall ? [tail.toolCall] : [],
    finishReason: tail.toolCall ? 'tool_calls' : 'stop',
    nativeFinishReason: tail.toolCall ? 'tool_calls' : 'stop',
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
        {
          toolCall: {
            id: 'call_00_7b205c4c32234f3e91624804',
            name: 'getWeather',
            arguments: SCENARIO_WEATHER_ARGUMENTS,
          },
        },
        scenarioUsage(1077, 66, 41),
      ),
      step(
        2,
        'The weather tool returned 18°C. Now I convert 18 Celsius to Fahrenheit with convertTemperature.\n',
        {
          toolCall: {
            id: 'call_00_a81c33d0e9f24b6c8d2a5e17',
            name: 'convertTemperature',
            arguments: SCENARIO_CONVERT_ARGUMENTS,
          },
        },
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
 * `reasoning_details: []`, which must be sent back as `[]` (P16, #487). Streamed, the same
 * empty array arrives on a delta with `reasoning: null`.
 */
export function deepSeekEmptyDetailsScenario(): ReasoningScenario {
  const model = 'deepseek/deepseek-v4.1-flash';
  const provider = 'DeepSeek';
  const step = (
    n: number,
    tail: { toolCall?: ScenarioToolCall; text?: string },
    usage: OpenRouterUsage,
  ): ScenarioStep => ({
    label: `deepseek-empty step ${n}`,
    model,
    provider,
    deltas: [
      { kind: 'reasoning', reasoning: null, details: [] },
      ...(tail.toolCall ? streamedToolCall(0, tail.toolCall) : []),
      ...(tail.text ? textDeltas(tail.text) : []),
    ],
    content: tail.text ?? null,
    reasoning: null,
    reasoningDetails: [],
    toolCalls: tail.toolCall ? [tail.toolCall] : [],
    finishReason: tail.toolCall ? 'tool_calls' : 'stop',
    nativeFinishReason: tail.toolCall ? 'tool_calls' : 'stop',
    usage,
    visibleReasoning: [],
    hiddenData: [],
  });
  return {
    family: 'deepseek (empty details)',
    model,
    provider,
    steps: [
      step(
        1,
        {
          toolCall: {
            id: 'call_00_0f1e2d3c4b5a69788796a5b4',
            name: 'getWeather',
            arguments: SCENARIO_WEATHER_ARGUMENTS,
          },
        },
        scenarioUsage(210, 20, 0),
      ),
      step(
        2,
        {
          toolCall: {
            id: 'call_00_1a2b3c4d5e6f708192a3b4c5',
            name: 'convertTemperature',
            arguments: SCENARIO_CONVERT_ARGUMENTS,
          },
        },
        scenarioUsage(260, 18, 0),
      ),
      step(3, { text: SCENARIO_ANSWER }, scenarioUsage(300, 16, 0)),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Server-tool web search (url_citation annotations)

export const WEB_SEARCH_URLS = {
  forecast: 'https://weather.example.com/paris/forecast',
  news: 'https://news.example.org/2026/paris-heatwave',
} as const;

/**
 * A web-search answer (§7.9): `url_citation` annotations citing the same URL twice (different
 * ranges) plus another URL, and usage with `server_tool_use_details: {web_search_requests: 1}`.
 * Streamed, the annotations arrive in a delta after the text and are repeated in a later delta
 * (§3.2: "may be repeated in later chunks — dedupe by URL").
 * `serverToolCall` adds a `reasoning.server_tool_call` detail (§1.3; spec-only shape: `tool_name`,
 * `arguments`, `result`, `tool_call_id`, `index`).
 */
export function webSearchScenario(
  options: { serverToolCall?: boolean; model?: string } = {},
): ReasoningScenario {
  const model = options.model ?? 'openai/gpt-4o';
  const provider = 'OpenAI';
  const text =
    'Paris is 18°C and sunny today [1]. A warm spell is expected later this week [2], with highs near 27°C [1].';
  const citation = (
    url: string,
    title: string,
    content: string,
    start: number,
    end: number,
  ): unknown => ({
    type: 'url_citation',
    url_citation: { url, title, content, start_index: start, end_index: end },
  });
  const annotations = [
    citation(WEB_SEARCH_URLS.forecast, 'Paris weather forecast', 'Today: 18°C, sunny.', 0, 33),
    citation(
      WEB_SEARCH_URLS.news,
      'Heatwave expected in Paris',
      'Temperatures are set to rise later this week.',
      34,
      75,
    ),
    citation(WEB_SEARCH_URLS.forecast, 'Paris weather forecast', 'Friday: high 27°C.', 77, 104),
  ];
  const details: ScenarioReasoningDetail[] | undefined = options.serverToolCall
    ? [
        {
          type: 'reasoning.server_tool_call',
          tool_name: 'web_search',
          arguments: '{"query":"Paris weather today"}',
          result: JSON.stringify([
            { url: WEB_SEARCH_URLS.forecast, title: 'Paris weather forecast' },
            { url: WEB_SEARCH_URLS.news, title: 'Heatwave expected in Paris' },
          ]),
          tool_call_id: 'ws_68a1f0c2d3e4b5a6',
          index: 0,
        },
      ]
    : undefined;
  const step: ScenarioStep = {
    label: 'web search',
    model,
    provider,
    deltas: [
      ...(details ? [{ kind: 'reasoning', reasoning: null, details } satisfies ScenarioDelta] : []),
      ...textDeltas(text),
      { kind: 'annotations', annotations: annotations.slice(0, 2) },
      { kind: 'annotations', annotations },
    ],
    content: text,
    reasoning: null,
    reasoningDetails: details,
    toolCalls: [],
    annotations,
    finishReason: 'stop',
    nativeFinishReason: 'stop',
    usage: scenarioUsage(1840, 64, 0, { server_tool_use_details: { web_search_requests: 1 } }),
    visibleReasoning: [],
    hiddenData: [],
  };
  return {
    family: options.serverToolCall ? 'web search (server tool call)' : 'web search',
    model,
    provider,
    steps: [step],
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
