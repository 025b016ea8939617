/**
 * Reasoning details across conversation turns, the way apps keep them (they go out in
 * `providerMetadata.openrouter.reasoning_details` and must come back unmodified in
 * `providerOptions.openrouter.reasoning_details`):
 * - `response.messages` stored as JSON and reloaded into the next call;
 * - the UI path: `toUIMessageStream` → `readUIMessageStream` → (stored as JSON) →
 *   `convertToModelMessages` → the next `streamText`;
 * - lossy storage: an Anthropic text entry that lost its `signature` is dropped with an AI SDK
 *   warning (never `console.warn`), Gemini text entries (never signed) are kept;
 * - duplicates: an item copied into a later message (same type and id) is sent once, with a
 *   warning; equal summary text under different or no ids is not a duplicate (deduplicating by
 *   content would lose a later turn's reasoning);
 * - DeepSeek's `reasoning_details: []` goes back as `[]` (DeepSeek rejects the turn without it).
 */
import type { JSONObject } from '@ai-sdk/provider';
import {
  convertToModelMessages,
  generateText,
  isStepCount,
  type ModelMessage,
  streamText,
  toUIMessageStream,
  type UIMessage,
  type Warning,
} from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  anthropicThinkingScenario,
  deepSeekEmptyDetailsScenario,
  deepSeekReasoningScenario,
  geminiThinkingScenario,
  openAIReasoningScenario,
  type ReasoningScenario,
  reasoningScenarioHandler,
  SCENARIO_ANSWER,
  type ScenarioReasoningDetail,
  scriptedChat,
  withFollowUps,
} from '../../src/testing/index.js';
import {
  assistantsOf,
  captureAiWarnings,
  detailsAsSent,
  historyOf,
  readUI,
  streamTextToEnd,
  useEmulator,
  type WireBody,
  type WireMessage,
  weatherTools,
} from './support.js';

const fx = useEmulator();

// `ai` logs call warnings with console.warn by default; collect them instead, so a console.warn
// spy sees only what the provider itself would write.
const aiWarnings = captureAiWarnings();
afterEach(() => {
  vi.restoreAllMocks();
});

const WEATHER_TOOLS = weatherTools();

const MODES = ['streamText', 'generateText'] as const;
type Mode = (typeof MODES)[number];

const QUESTION: ModelMessage = {
  role: 'user',
  content: 'What is the weather in Paris, in Fahrenheit?',
};
const FOLLOW_UP = 'Thanks! Anything else I should know?';
const FOLLOW_UP_ANSWER = 'Take sunglasses.';

interface Turn {
  messages: ModelMessage[];
  warnings: Warning[];
  text: string;
}

/** One call (a whole tool loop when tools are given) through generateText or streamText. */
async function call(
  mode: Mode,
  model: string,
  messages: ModelMessage[],
  tools: typeof WEATHER_TOOLS | undefined = WEATHER_TOOLS,
): Promise<Turn> {
  const stepWarnings: Warning[] = [];
  const options = {
    model: fx.model(model),
    messages,
    tools,
    stopWhen: isStepCount(5),
    onStepFinish: (step: { warnings?: Warning[] }) =>
      void stepWarnings.push(...(step.warnings ?? [])),
  };
  if (mode === 'generateText') {
    const result = await generateText(options);
    return { messages: result.responseMessages, warnings: stepWarnings, text: result.text };
  }
  const result = await streamTextToEnd(options);
  return {
    messages: await result.responseMessages,
    warnings: stepWarnings,
    text: await result.text,
  };
}

/** What an app does with a conversation in a database: JSON out, JSON in. */
function storeAndReload<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Serves `family` with a follow-up answer, runs its tool loop on QUESTION, and stores the
 * conversation as JSON (`stored`), as an app would between two requests.
 */
async function loopAndStore(mode: Mode, family: ReasoningScenario) {
  fx.emulator.setHandler(reasoningScenarioHandler(withFollowUps(family, FOLLOW_UP_ANSWER)));
  const loop = await call(mode, family.model, [QUESTION]);
  return { loop, stored: storeAndReload([QUESTION, ...loop.messages]) };
}

/** The next request of the conversation: the stored messages and the follow-up question. */
const followUp = (mode: Mode, family: ReasoningScenario, stored: ModelMessage[]) =>
  call(mode, family.model, [...stored, { role: 'user', content: FOLLOW_UP }]);

const lastBody = (): WireBody => {
  const body = fx.chatBodies().at(-1);
  if (!body) throw new Error('no chat request recorded');
  return body;
};
function expectStepsCarried(assistants: WireMessage[], scenario: ReasoningScenario): void {
  scenario.steps.slice(0, assistants.length).forEach((step, index) => {
    const sent = assistants[index]!;
    expect(sent.reasoning_details, step.label).toStrictEqual(detailsAsSent(step, sent));
  });
  // Tool-call ids are unique on the wire, across the whole history.
  const ids = assistants.flatMap((message) => (message.tool_calls ?? []).map((call) => call.id));
  expect(new Set(ids).size).toBe(ids.length);
}

describe('messages stored as JSON and reloaded', () => {
  const FAMILIES: ReasoningScenario[] = [
    anthropicThinkingScenario(),
    anthropicThinkingScenario({ redactedThinking: true }),
    geminiThinkingScenario(),
    openAIReasoningScenario(),
    deepSeekReasoningScenario(),
    deepSeekEmptyDetailsScenario(),
  ];
  const cases = FAMILIES.flatMap((scenario) =>
    MODES.map((mode) => [scenario.family, mode, scenario] as const),
  );

  it.each(cases)(
    '%s through %s: every stored turn goes back with its details unchanged',
    async (_family, mode, family) => {
      const { loop, stored } = await loopAndStore(mode, family);
      expect(loop.text).toBe(SCENARIO_ANSWER);
      const sentInLoop = historyOf(lastBody());

      const next = await followUp(mode, family, stored);
      expect(next.text).toBe(FOLLOW_UP_ANSWER);

      const body = lastBody();
      const assistants = assistantsOf(body);
      expect(assistants).toHaveLength(3);
      expectStepsCarried(assistants, family);
      // The reloaded history is exactly what the loop itself sent, plus the final step.
      expect(historyOf(body).slice(0, sentInLoop.length)).toEqual(sentInLoop);
      expect(body.messages.at(-1)).toEqual({ role: 'user', content: FOLLOW_UP });
      expect(next.warnings).toEqual([]);
    },
  );
});

describe('through the UI message stream', () => {
  const user = (id: string, text: string): UIMessage => ({
    id,
    role: 'user',
    parts: [{ type: 'text', text }],
  });

  it.each([
    ['anthropic (late signature)', anthropicThinkingScenario()],
    ['anthropic (redacted thinking)', anthropicThinkingScenario({ redactedThinking: true })],
    ['gemini', geminiThinkingScenario()],
  ] as const)(
    '%s: UI message → (JSON storage) → convertToModelMessages → streamText sends every step back',
    async (_label, family) => {
      const scenario = withFollowUps(family, FOLLOW_UP_ANSWER);
      fx.emulator.setHandler(reasoningScenarioHandler(scenario));
      const history: UIMessage[] = [user('u1', 'What is the weather in Paris, in Fahrenheit?')];

      const result = streamText({
        model: fx.model(scenario.model),
        messages: await convertToModelMessages(history),
        tools: WEATHER_TOOLS,
        stopWhen: isStepCount(5),
      });
      const { message } = await readUI(toUIMessageStream({ stream: result.stream }));
      expect(message.parts.filter((part) => part.type === 'step-start')).toHaveLength(3);
      const sentInLoop = historyOf(lastBody());

      // The app stores the UI messages and loads them for the next request.
      const stored = storeAndReload([...history, message, user('u2', FOLLOW_UP)]);
      const next = streamText({
        model: fx.model(scenario.model),
        messages: await convertToModelMessages(stored, { tools: WEATHER_TOOLS }),
        tools: WEATHER_TOOLS,
      });
      expect(await next.text).toBe(FOLLOW_UP_ANSWER);

      const body = lastBody();
      const assistants = assistantsOf(body);
      expect(assistants).toHaveLength(3);
      expectStepsCarried(assistants, family);
      expect(historyOf(body).slice(0, sentInLoop.length)).toEqual(sentInLoop);
      expect(aiWarnings.logged).toEqual([]);
    },
  );
});

/** Applies `edit` to every reasoning detail in the providerOptions of one stored message. */
function editStoredDetails(
  message: ModelMessage,
  edit: (detail: ScenarioReasoningDetail) => void,
): void {
  const visit = (providerOptions: unknown) => {
    const details = (providerOptions as { openrouter?: { reasoning_details?: unknown } })
      ?.openrouter?.reasoning_details;
    if (Array.isArray(details)) for (const detail of details) edit(detail);
  };
  visit(message.providerOptions);
  if (Array.isArray(message.content)) {
    for (const part of message.content)
      visit((part as { providerOptions?: unknown }).providerOptions);
  }
}

describe('lossy storage', () => {
  it.each(MODES)(
    'an Anthropic text entry that lost its signature is dropped with a warning, not console.warn (%s)',
    async (mode) => {
      const family = anthropicThinkingScenario({ redactedThinking: true });
      const { stored } = await loopAndStore(mode, family);
      const firstAssistant = stored.find((message) => message.role === 'assistant')!;
      // The app's storage kept the thinking text but lost the signature.
      editStoredDetails(firstAssistant, (detail) => {
        if (detail.type === 'reasoning.text') delete detail.signature;
      });

      const consoleWarn = vi.spyOn(console, 'warn');
      const next = await followUp(mode, family, stored);
      expect(next.text).toBe(FOLLOW_UP_ANSWER);

      const assistants = assistantsOf(lastBody());
      expect(assistants).toHaveLength(3);
      const [step1, step2, step3] = family.steps;
      // Only the unsigned entry is dropped; the redacted block of the same turn stays.
      expect(assistants[0]?.reasoning_details).toStrictEqual(
        step1!.reasoningDetails!.filter((detail) => detail.type !== 'reasoning.text'),
      );
      // The dropped thinking text is not smuggled back as plain `reasoning` either.
      expect(assistants[0]?.reasoning ?? '').not.toContain(step1!.visibleReasoning[0]!);
      // Later turns are untouched.
      expect(assistants[1]?.reasoning_details).toStrictEqual(step2!.reasoningDetails);
      expect(assistants[2]?.reasoning_details).toStrictEqual(step3!.reasoningDetails);

      // Reported as an AI SDK warning that names the problem...
      const messages = next.warnings.map((warning) =>
        'message' in warning ? String(warning.message) : JSON.stringify(warning),
      );
      expect(messages.some((m) => /signature/i.test(m) && /anthropic|reasoning/i.test(m))).toBe(
        true,
      );
      expect(aiWarnings.logged.length).toBeGreaterThan(0);
      // ...and never written to the console by the provider (that output would reach every
      // app's users).
      expect(consoleWarn).not.toHaveBeenCalled();
    },
  );

  it.each(MODES)(
    'a turn whose only thinking block lost its signature sends no unsigned Anthropic entry (%s)',
    async (mode) => {
      const family = anthropicThinkingScenario();
      const { stored } = await loopAndStore(mode, family);
      for (const message of stored) {
        editStoredDetails(message, (detail) => {
          delete detail.signature;
        });
      }
      const consoleWarn = vi.spyOn(console, 'warn');
      const next = await followUp(mode, family, stored);

      const sent = assistantsOf(lastBody()).flatMap((message) => message.reasoning_details ?? []);
      expect(
        sent.filter(
          (detail) =>
            (detail as ScenarioReasoningDetail).type === 'reasoning.text' &&
            typeof (detail as ScenarioReasoningDetail).signature !== 'string',
        ),
      ).toEqual([]);
      expect(next.warnings.length).toBeGreaterThan(0);
      expect(consoleWarn).not.toHaveBeenCalled();
    },
  );

  it.each(MODES)(
    'Gemini text entries, which never carry signatures, are kept (%s)',
    async (mode) => {
      const family = geminiThinkingScenario();
      const { stored } = await loopAndStore(mode, family);
      const consoleWarn = vi.spyOn(console, 'warn');
      await followUp(mode, family, stored);

      const assistants = assistantsOf(lastBody());
      expect(assistants).toHaveLength(3);
      family.steps.forEach((step, index) => {
        const texts = (assistants[index]?.reasoning_details ?? []).filter(
          (detail) => (detail as ScenarioReasoningDetail).type === 'reasoning.text',
        );
        expect(texts, step.label).toStrictEqual(
          step.reasoningDetails!.filter((detail) => detail.type === 'reasoning.text'),
        );
        expect(assistants[index]?.reasoning, step.label).toBe(step.visibleReasoning.join(''));
      });
      expect(
        aiWarnings.logged.filter((warning) => /signature/i.test(JSON.stringify(warning))),
      ).toEqual([]);
      expect(consoleWarn).not.toHaveBeenCalled();
    },
  );
});

describe('duplicated details across assistant messages', () => {
  const OPENAI_MODEL = 'openai/gpt-5';
  const summary = (text: string, id?: string, index = 0): JSONObject => ({
    type: 'reasoning.summary',
    summary: text,
    ...(id === undefined ? {} : { id }),
    format: 'openai-responses-v1',
    index,
  });
  const encrypted = (data: string, id: string): JSONObject => ({
    type: 'reasoning.encrypted',
    data,
    id,
    format: 'openai-responses-v1',
    index: 0,
  });
  const assistant = (text: string, details: JSONObject[]): ModelMessage => ({
    role: 'assistant',
    content: [
      {
        type: 'reasoning',
        text: details.map((d) => (typeof d.summary === 'string' ? d.summary : '')).join(''),
        providerOptions: { openrouter: { reasoning_details: details } },
      },
      { type: 'text', text },
    ],
  });

  async function send(mode: Mode, messages: ModelMessage[]) {
    fx.emulator.setHandler(scriptedChat({ text: 'Noted.' }));
    const consoleWarn = vi.spyOn(console, 'warn');
    const turn = await call(mode, OPENAI_MODEL, messages, undefined);
    expect(consoleWarn).not.toHaveBeenCalled();
    return { turn, assistants: assistantsOf(lastBody()) };
  }

  it.each(MODES)(
    'an item copied into a later message (same type and id) is sent once, in the first message, with a warning (%s)',
    async (mode) => {
      const summaryA = summary('**Planning** I will check the forecast.', 'rs_aaa111');
      const encryptedA = encrypted('gAAAAABotI9-item-a-encrypted', 'rs_aaa111');
      const summaryB = summary('**Answering** Sunny all week.', 'rs_bbb222');
      const encryptedB = encrypted('gAAAAABotJA2-item-b-encrypted', 'rs_bbb222');
      const { turn, assistants } = await send(mode, [
        { role: 'user', content: 'Forecast for Paris?' },
        assistant('Let me check.', [summaryA, encryptedA]),
        { role: 'user', content: 'And the week?' },
        // The app copied the first turn's encrypted item into the second turn's details.
        assistant('Sunny all week.', [structuredClone(encryptedA), summaryB, encryptedB]),
        { role: 'user', content: 'Thanks.' },
      ]);

      expect(assistants).toHaveLength(2);
      expect(assistants[0]?.reasoning_details).toStrictEqual([summaryA, encryptedA]);
      expect(assistants[1]?.reasoning_details).toStrictEqual([summaryB, encryptedB]);
      const messages = turn.warnings.map((warning) => JSON.stringify(warning));
      expect(messages.some((m) => /duplicate|already sent/i.test(m))).toBe(true);
    },
  );

  it.each(MODES)(
    'two turns with identical summary text but different ids are both sent, without warnings (%s)',
    async (mode) => {
      const text = 'I will call the weather tool.';
      const first = [summary(text, 'rs_first01'), encrypted('gAAAAAB-first', 'rs_first01')];
      const second = [summary(text, 'rs_second2'), encrypted('gAAAAAB-second', 'rs_second2')];
      const { turn, assistants } = await send(mode, [
        { role: 'user', content: 'Weather in Paris?' },
        assistant('Sunny.', first),
        { role: 'user', content: 'Weather in Rome?' },
        assistant('Sunny too.', second),
        { role: 'user', content: 'Thanks.' },
      ]);
      expect(assistants[0]?.reasoning_details).toStrictEqual(first);
      expect(assistants[1]?.reasoning_details).toStrictEqual(second);
      expect(turn.warnings).toEqual([]);
    },
  );

  it.each(MODES)(
    'two turns with identical summary text and no ids are both sent, without warnings (%s)',
    async (mode) => {
      const text = 'I will call the weather tool.';
      const { turn, assistants } = await send(mode, [
        { role: 'user', content: 'Weather in Paris?' },
        assistant('Sunny.', [summary(text)]),
        { role: 'user', content: 'Weather in Rome?' },
        assistant('Sunny too.', [summary(text)]),
        { role: 'user', content: 'Thanks.' },
      ]);
      expect(assistants[0]?.reasoning_details).toStrictEqual([summary(text)]);
      expect(assistants[1]?.reasoning_details).toStrictEqual([summary(text)]);
      expect(turn.warnings).toEqual([]);
    },
  );

  it.each(MODES)(
    'one message may carry a summary and its encrypted item under the same id (%s)',
    async (mode) => {
      const details = [
        summary('**One** First section.', 'rs_same01', 0),
        summary('**Two** Second section.', 'rs_same01', 1),
        encrypted('gAAAAAB-same', 'rs_same01'),
      ];
      const { turn, assistants } = await send(mode, [
        { role: 'user', content: 'Hi' },
        assistant('Hello.', details),
        { role: 'user', content: 'Thanks.' },
      ]);
      expect(assistants[0]?.reasoning_details).toStrictEqual(details);
      expect(turn.warnings).toEqual([]);
    },
  );
});

describe('DeepSeek reasoning_details: [] goes back as []', () => {
  it.each(MODES)('an empty array received is sent back as [] (%s)', async (mode) => {
    const family = deepSeekEmptyDetailsScenario();
    const { stored } = await loopAndStore(mode, family);
    // Within the loop...
    for (const message of assistantsOf(lastBody())) {
      expect(message.reasoning_details).toStrictEqual([]);
      expect(message).not.toHaveProperty('reasoning');
    }
    // ...and after storage.
    await followUp(mode, family, stored);
    const assistants = assistantsOf(lastBody());
    expect(assistants).toHaveLength(3);
    for (const message of assistants) {
      expect(message.reasoning_details).toStrictEqual([]);
      expect(message).not.toHaveProperty('reasoning');
    }
  });
});
