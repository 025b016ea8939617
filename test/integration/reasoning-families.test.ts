/**
 * Reasoning round trips per model family through `ai` 7 tool loops (three steps, two tools),
 * both `streamText` and `generateText`, over real HTTP against the emulator playing the
 * documented wire shapes (`src/testing/reasoning-scenarios.ts`): Anthropic thinking (late
 * signature, interleaved thinking, redacted thinking), Gemini 3 thought signatures with repeating
 * tool-call ids and `stop` finish reasons, OpenAI summaries + encrypted items, DeepSeek / Kimi
 * plain reasoning, DeepSeek `reasoning_details: []`, and server-tool web search citations.
 *
 * What the 2nd and 3rd requests carry is the contract, since OpenRouter needs the entire,
 * unmodified `reasoning_details` back for multi-turn tool use
 * (https://openrouter.ai/docs/guides/best-practices/reasoning-tokens): every earlier
 * assistant message carries its OWN complete, unmodified `reasoning_details`, `reasoning` text
 * only alongside non-empty details, tool-call ids that pair with the tool messages and are unique
 * across steps, and nothing of one step's details repeated on another step's message.
 */
import { generateText, isStepCount, type StepResult } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  anthropicThinkingScenario,
  deepSeekEmptyDetailsScenario,
  deepSeekReasoningScenario,
  followUpStep,
  geminiThinkingScenario,
  kimiReasoningScenario,
  openAIReasoningScenario,
  type ReasoningScenario,
  reasoningScenarioHandler,
  SCENARIO_ANSWER,
  type ScenarioStep,
  WEB_SEARCH_URLS,
  webSearchScenario,
} from '../../src/testing/index.js';
import {
  assistantsOf,
  captureAiWarnings,
  detailsAsSent,
  historyOf,
  streamTextToEnd,
  useEmulator,
  type WireBody,
  type WireMessage,
  weatherTools,
} from './support.js';

const fx = useEmulator();
// `ai` logs call warnings to the console by default; collect them instead.
const aiWarnings = captureAiWarnings();

type Tools = ReturnType<typeof weatherTools>;
const MODES = ['streamText', 'generateText'] as const;
type Mode = (typeof MODES)[number];

interface Loop {
  steps: Array<StepResult<Tools>>;
  text: string;
  executed: string[];
  bodies: WireBody[];
  reasoningTokens: number | undefined;
}

async function runLoop(mode: Mode, scenario: ReasoningScenario): Promise<Loop> {
  fx.emulator.setHandler(reasoningScenarioHandler(scenario));
  const executed: string[] = [];
  const options = {
    model: fx.model(scenario.model),
    prompt: 'What is the weather in Paris, in Fahrenheit?',
    tools: weatherTools(executed),
    stopWhen: isStepCount(5),
  };
  if (mode === 'generateText') {
    const result = await generateText(options);
    return {
      steps: result.steps,
      text: result.text,
      executed,
      bodies: fx.chatBodies(),
      reasoningTokens: result.totalUsage.outputTokenDetails.reasoningTokens,
    };
  }
  const result = await streamTextToEnd(options);
  return {
    steps: await result.steps,
    text: await result.text,
    executed,
    bodies: fx.chatBodies(),
    reasoningTokens: (await result.totalUsage).outputTokenDetails.reasoningTokens,
  };
}

const visibleParts = (step: StepResult<Tools>): string[] =>
  step.reasoning.flatMap((part) =>
    part.type === 'reasoning' && part.text !== '' ? [part.text] : [],
  );

/** An assistant message as sent, checked against the scenario step it came from. */
function expectAssistantCarries(sent: WireMessage, step: ScenarioStep, mode: Mode): void {
  // Its own complete details, every field, in order (undefined: no details at all); an entry
  // that refers to a call whose repeated id was replaced refers to the call's new id.
  const expected = detailsAsSent(step, sent);
  expect(sent.reasoning_details, step.label).toStrictEqual(expected);
  if (mode === 'generateText' && expected !== undefined) {
    // Non-stream details go back byte-identical, key order included.
    expect(JSON.stringify(sent.reasoning_details), step.label).toBe(JSON.stringify(expected));
  }
  // `reasoning` text only alongside non-empty details; never the encrypted payloads.
  if (step.reasoningDetails && step.reasoningDetails.length > 0 && step.visibleReasoning.length) {
    expect(typeof sent.reasoning, step.label).toBe('string');
    for (const section of step.visibleReasoning) expect(sent.reasoning).toContain(section);
    for (const data of step.hiddenData) expect(sent.reasoning).not.toContain(data);
  } else {
    expect(sent, step.label).not.toHaveProperty('reasoning');
  }
  expect(sent.content, step.label).toBe(step.content);
  // Same calls in the same order (ids may have been rewritten to stay unique across steps).
  expect(
    (sent.tool_calls ?? []).map((call) => [call.type, call.function.name, call.function.arguments]),
    step.label,
  ).toEqual(step.toolCalls.map((call) => ['function', call.name, call.arguments]));
}

const FAMILIES: ReasoningScenario[] = [
  anthropicThinkingScenario(),
  anthropicThinkingScenario({ redactedThinking: true }),
  geminiThinkingScenario(),
  openAIReasoningScenario(),
  deepSeekReasoningScenario(),
  kimiReasoningScenario(),
  deepSeekEmptyDetailsScenario(),
];

describe.each(FAMILIES.map((scenario) => [scenario.family, scenario] as const))(
  '%s',
  (_family, scenario) => {
    describe.each(MODES)('through %s', (mode) => {
      it('runs the three-step tool loop to the answer', async () => {
        const loop = await runLoop(mode, scenario);

        expect(loop.steps).toHaveLength(3);
        // Gemini reports `stop` with its tool calls: still a tool-calls step, or the loop ends.
        expect(loop.steps.map((step) => step.finishReason)).toEqual([
          'tool-calls',
          'tool-calls',
          'stop',
        ]);
        expect(loop.steps.map((step) => step.rawFinishReason)).toEqual(
          scenario.steps.map((step) => step.finishReason),
        );
        expect(loop.text).toBe(SCENARIO_ANSWER);
        expect(loop.executed).toEqual(
          scenario.family === 'gemini'
            ? ['getWeather:Paris', 'getWeather:Rome', 'convertTemperature:18']
            : ['getWeather:Paris', 'convertTemperature:18'],
        );
        expect(loop.bodies).toHaveLength(3);
        expect(loop.bodies.map((body) => body.stream)).toEqual(
          mode === 'streamText' ? [true, true, true] : [undefined, undefined, undefined],
        );
        // A clean round trip has nothing to warn about.
        expect(loop.steps.flatMap((step) => step.warnings ?? [])).toEqual([]);
        expect(aiWarnings.logged).toEqual([]);
      });

      it('sends every earlier step back with its own complete reasoning_details', async () => {
        const { bodies } = await runLoop(mode, scenario);
        expect(bodies).toHaveLength(3);
        expect(historyOf(bodies[0]!)).toEqual([]);

        const second = assistantsOf(bodies[1]!);
        expect(second).toHaveLength(1);
        expectAssistantCarries(second[0]!, scenario.steps[0]!, mode);

        const third = assistantsOf(bodies[2]!);
        expect(third).toHaveLength(2);
        expectAssistantCarries(third[0]!, scenario.steps[0]!, mode);
        expectAssistantCarries(third[1]!, scenario.steps[1]!, mode);
        // The history is replayed identically on every later request.
        expect(historyOf(bodies[2]!).slice(0, historyOf(bodies[1]!).length)).toEqual(
          historyOf(bodies[1]!),
        );
      });

      it("never repeats one step's details on another step's message", async () => {
        const { bodies } = await runLoop(mode, scenario);
        const [first, second] = assistantsOf(bodies[2]!);
        const firstEntries = (first?.reasoning_details ?? []).map((d) => JSON.stringify(d));
        const secondEntries = (second?.reasoning_details ?? []).map((d) => JSON.stringify(d));
        for (const entry of secondEntries) expect(firstEntries).not.toContain(entry);
        expect(secondEntries).toHaveLength(scenario.steps[1]!.reasoningDetails?.length ?? 0);
        // Nor twice within one message.
        expect(new Set(firstEntries).size).toBe(firstEntries.length);
        expect(new Set(secondEntries).size).toBe(secondEntries.length);
      });

      it('pairs tool messages with their calls, with ids unique across steps', async () => {
        const { bodies, steps } = await runLoop(mode, scenario);
        const history = historyOf(bodies[2]!);
        // assistant, its tool results, assistant, its tool results.
        const callIds: string[] = [];
        let pending: string[] = [];
        for (const message of history) {
          if (message.role === 'assistant') {
            expect(pending).toEqual([]);
            pending = (message.tool_calls ?? []).map((call) => call.id);
            callIds.push(...pending);
          } else {
            expect(message.tool_call_id).toBe(pending[0]);
            pending = pending.slice(1);
          }
        }
        expect(pending).toEqual([]);
        expect(callIds).toHaveLength(
          scenario.steps[0]!.toolCalls.length + scenario.steps[1]!.toolCalls.length,
        );
        // `ai` sees ids unique across steps (so results pair with the right calls), and the
        // wire gets the same ids: unique there too.
        const sdkIds = steps
          .slice(0, 2)
          .flatMap((step) => step.toolCalls.map((call) => call.toolCallId));
        expect(new Set(sdkIds).size).toBe(sdkIds.length);
        expect(callIds).toEqual(sdkIds);
        if (scenario.family === 'gemini') {
          // `tool_0_getWeather` again in step 2 got a fresh id, and the thought signature that
          // referred to it (its `id`) follows the call, so they stay paired.
          expect(sdkIds[0]).toBe('tool_0_getWeather');
          expect(sdkIds[1]).not.toBe('tool_0_getWeather');
          const [first, second] = assistantsOf(bodies[2]!);
          const signatureOf = (message: WireMessage | undefined) =>
            (message?.reasoning_details as Array<Record<string, unknown>> | undefined)?.find(
              (detail) => detail.type === 'reasoning.encrypted',
            );
          expect(signatureOf(first)).toMatchObject({
            id: 'tool_0_getWeather',
            data: scenario.steps[0]!.reasoningDetails![1]!.data,
          });
          expect(signatureOf(second)).toMatchObject({
            id: sdkIds[1],
            data: scenario.steps[1]!.reasoningDetails![1]!.data,
          });
          expect(second?.tool_calls?.[0]?.id).toBe(sdkIds[1]);
        } else {
          // Nothing repeated: the upstream's own ids throughout.
          expect(callIds).toEqual(
            scenario.steps.slice(0, 2).flatMap((step) => step.toolCalls.map((call) => call.id)),
          );
        }
      });

      it('shows texts and summaries as separate reasoning parts, never encrypted data', async () => {
        const { steps } = await runLoop(mode, scenario);
        scenario.steps.forEach((expected, index) => {
          const step = steps[index]!;
          // One part per section: OpenAI's two summaries are not glued together
          // (https://github.com/OpenRouterTeam/ai-sdk-provider/issues/237).
          expect(visibleParts(step), expected.label).toEqual(expected.visibleReasoning);
          expect(step.reasoningText ?? '', expected.label).toBe(expected.visibleReasoning.join(''));
          const shown = [
            step.reasoningText ?? '',
            ...step.reasoning.map((part) => (part.type === 'reasoning' ? part.text : '')),
          ].join('\n');
          for (const data of expected.hiddenData) expect(shown, expected.label).not.toContain(data);
        });
      });

      it('reports reasoning tokens in usage', async () => {
        const loop = await runLoop(mode, scenario);
        scenario.steps.forEach((expected, index) => {
          const usage = loop.steps[index]!.usage;
          const reasoningTokens = expected.usage.completion_tokens_details?.reasoning_tokens;
          expect(usage.outputTokenDetails.reasoningTokens, expected.label).toBe(reasoningTokens);
          expect(usage.outputTokens, expected.label).toBe(expected.usage.completion_tokens);
          expect(usage.outputTokenDetails.textTokens, expected.label).toBe(
            expected.usage.completion_tokens - (reasoningTokens ?? 0),
          );
          expect(usage.inputTokens, expected.label).toBe(expected.usage.prompt_tokens);
        });
        expect(loop.reasoningTokens).toBe(
          scenario.steps.reduce(
            (sum, step) => sum + (step.usage.completion_tokens_details?.reasoning_tokens ?? 0),
            0,
          ),
        );
      });
    });
  },
);

describe.each(MODES)('server-tool web search through %s', (mode) => {
  async function run(scenario: ReasoningScenario) {
    fx.emulator.setHandler(reasoningScenarioHandler(scenario));
    const options = {
      model: fx.model(scenario.model),
      prompt: 'What is the weather in Paris today?',
    };
    if (mode === 'generateText') {
      const result = await generateText(options);
      return {
        text: result.text,
        content: result.content,
        sources: result.sources,
        providerMetadata: result.finalStep.providerMetadata,
        responseMessages: result.responseMessages,
      };
    }
    const result = await streamTextToEnd(options);
    return {
      text: await result.text,
      content: await result.content,
      sources: await result.sources,
      providerMetadata: (await result.finalStep).providerMetadata,
      responseMessages: await result.responseMessages,
    };
  }

  it('turns url_citation annotations into source parts: unique ids, one per URL, with title', async () => {
    const scenario = webSearchScenario();
    const result = await run(scenario);

    expect(result.text).toBe(scenario.steps[0]!.content);
    const sources = result.sources.filter((source) => source.sourceType === 'url');
    // The forecast URL is cited twice (and streamed twice): one source per URL.
    expect(sources.map((source) => source.sourceType === 'url' && source.url)).toEqual([
      WEB_SEARCH_URLS.forecast,
      WEB_SEARCH_URLS.news,
    ]);
    expect(sources.map((source) => source.title)).toEqual([
      'Paris weather forecast',
      'Heatwave expected in Paris',
    ]);
    const ids = sources.map((source) => source.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.content.filter((part) => part.type === 'source')).toHaveLength(2);
    // The search is reported in the usage metadata.
    const usage = (result.providerMetadata?.openrouter as { usage?: Record<string, unknown> })
      ?.usage;
    expect(usage?.serverToolUse).toEqual({ web_search_requests: 1 });
  });

  it('surfaces a reasoning.server_tool_call detail as a provider-executed tool call and result, and sends the detail back untouched', async () => {
    const scenario = webSearchScenario({ serverToolCall: true });
    const detail = scenario.steps[0]!.reasoningDetails![0]!;
    const result = await run(scenario);

    const call = result.content.find((part) => part.type === 'tool-call');
    expect(call).toMatchObject({
      type: 'tool-call',
      toolName: 'web_search',
      providerExecuted: true,
      input: { query: 'Paris weather today' },
    });
    const toolResult = result.content.find((part) => part.type === 'tool-result');
    expect(toolResult).toMatchObject({
      type: 'tool-result',
      toolName: 'web_search',
      providerExecuted: true,
    });
    expect(call && 'toolCallId' in call && call.toolCallId).toBe(
      toolResult && 'toolCallId' in toolResult && toolResult.toolCallId,
    );
    // Never visible reasoning.
    expect(result.content.filter((part) => part.type === 'reasoning' && part.text !== '')).toEqual(
      [],
    );

    // Next turn: the detail goes back unmodified; the server-executed call is not a function call.
    fx.emulator.setHandler(
      reasoningScenarioHandler([scenario.steps[0]!, followUpStep(scenario, 'You are welcome.')]),
    );
    await generateText({
      model: fx.model(scenario.model),
      messages: [
        { role: 'user', content: 'What is the weather in Paris today?' },
        ...result.responseMessages,
        { role: 'user', content: 'Thanks!' },
      ],
    });
    const [assistant] = assistantsOf(fx.chatBodies().at(-1)!);
    expect(assistant?.reasoning_details).toStrictEqual([detail]);
    expect(assistant).not.toHaveProperty('tool_calls');
  });
});
