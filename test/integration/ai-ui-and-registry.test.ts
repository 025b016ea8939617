/**
 * The UI-facing and model-resolution surfaces of `ai` 7 over real HTTP against the OpenRouter
 * emulator: `toUIMessageStream` / `readUIMessageStream` / `convertToModelMessages` (reasoning
 * details with the Anthropic signature survive the UI round trip, keep-alive pings do no harm),
 * and models resolved through `createProviderRegistry` and `AI_SDK_DEFAULT_PROVIDER` (a provider
 * without `specificationVersion: 'v4'` is double-adapted there, which corrupts usage and ends tool
 * loops early: https://github.com/OpenRouterTeam/ai-sdk-provider/issues/541).
 */
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import {
  convertToModelMessages,
  createProviderRegistry,
  generateText,
  isStepCount,
  type LanguageModelUsage,
  streamText,
  toUIMessageStream,
  type UIMessage,
} from 'ai';
import { describe, expect, it } from 'vitest';
import {
  type ChatScript,
  chatCompletionStream,
  type EmulatorHandler,
  type SseEvent,
} from '../../src/testing/index.js';
import {
  captureAiWarnings,
  getWeatherTool,
  historyOf,
  readUI,
  scriptedTurns,
  useEmulator,
} from './support.js';

const fx = useEmulator();

const SIGNATURE = 'EqQBCkgIChABGAIqQHVpLXJvdW5kLXRyaXA=';
const REASONING = 'The user wants the weather in Paris. I should call getWeather.';
const REASONING_DETAILS = [
  {
    type: 'reasoning.text',
    text: REASONING,
    format: 'anthropic-claude-v1',
    index: 0,
    signature: SIGNATURE,
  },
];
const ANSWER = 'It is 18°C and sunny in Paris.';

const weatherTools = { getWeather: getWeatherTool() };

// Turn 1: reasoning (signature in a late delta) + tool call; turn 2: the answer; turn 3: the
// reply to the follow-up question.
const UI_TURNS: ChatScript[] = [
  {
    model: 'anthropic/claude-sonnet-4.5',
    provider: 'Anthropic',
    processingComments: 3,
    reasoning: ['The user wants the weather', ' in Paris. I should call getWeather.'],
    reasoningFormat: 'anthropic-claude-v1',
    reasoningSignature: SIGNATURE,
    toolCalls: [{ id: 'toolu_ui_1', name: 'getWeather', arguments: '{"city":"Paris"}' }],
    nativeFinishReason: 'tool_use',
  },
  { model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', text: ANSWER },
  { model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', text: 'You are welcome!' },
];

const userMessage = (id: string, text: string): UIMessage => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
});

describe('UI message stream', () => {
  it('builds reasoning, tool and text parts, and convertToModelMessages round-trips the reasoning details', async () => {
    fx.emulator.setHandler(scriptedTurns(UI_TURNS));
    const history: UIMessage[] = [userMessage('u1', 'Weather in Paris?')];
    const result = streamText({
      model: fx.model('anthropic/claude-sonnet-4.5'),
      messages: await convertToModelMessages(history),
      tools: weatherTools,
      stopWhen: isStepCount(3),
    });
    const { chunks, message } = await readUI(toUIMessageStream({ stream: result.stream }));

    expect(chunks.filter((chunk) => chunk.type === 'error')).toEqual([]);
    expect(chunks[0]?.type).toBe('start');
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });

    expect(message.role).toBe('assistant');
    expect(message.parts.map((part) => part.type)).toEqual([
      'step-start',
      'reasoning',
      'tool-getWeather',
      'step-start',
      'text',
    ]);
    const [, reasoning, toolPart, , text] = message.parts;
    expect(reasoning).toMatchObject({ type: 'reasoning', text: REASONING, state: 'done' });
    expect(reasoning?.type === 'reasoning' && reasoning.providerMetadata).toEqual({
      openrouter: { reasoning_details: REASONING_DETAILS },
    });
    expect(toolPart).toMatchObject({
      type: 'tool-getWeather',
      toolCallId: 'toolu_ui_1',
      state: 'output-available',
      input: { city: 'Paris' },
      output: { tempC: 18, city: 'Paris', conditions: 'sunny' },
    });
    expect(text).toMatchObject({ type: 'text', text: ANSWER, state: 'done' });

    // The next turn of the chat: UI messages -> model messages -> a new streamText call.
    const next = streamText({
      model: fx.model('anthropic/claude-sonnet-4.5'),
      messages: await convertToModelMessages([...history, message, userMessage('u2', 'Thanks!')], {
        tools: weatherTools,
      }),
      tools: weatherTools,
    });
    expect(await next.text).toBe('You are welcome!');

    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(3);
    const assistantWithTool = {
      role: 'assistant',
      content: null,
      reasoning: REASONING,
      reasoning_details: REASONING_DETAILS,
      tool_calls: [
        {
          id: 'toolu_ui_1',
          type: 'function',
          function: { name: 'getWeather', arguments: '{"city":"Paris"}' },
        },
      ],
    };
    const toolMessage = {
      role: 'tool',
      tool_call_id: 'toolu_ui_1',
      content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
    };
    // Within the loop, ai sends the step back directly...
    expect(historyOf(bodies[1]!)).toEqual([assistantWithTool, toolMessage]);
    // ...and after the UI round trip the same assistant message, signature included, goes back.
    expect(bodies[2]?.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      assistantWithTool,
      toolMessage,
      { role: 'assistant', content: ANSWER },
      { role: 'user', content: 'Thanks!' },
    ]);
  });

  it.each([
    ['after the text', false],
    ['after the tool call', true],
  ] as const)(
    'a signature that arrives %s still goes back after the UI round trip',
    async (_label, withTool) => {
      // Anthropic may send the signature-only delta late: move it just before the finish chunk.
      const lateSignature: EmulatorHandler = (request) => {
        if (historyOf(request.json()).length > 0) {
          return { type: 'sse', events: chatCompletionStream({ text: 'Next answer.' }) };
        }
        const events = chatCompletionStream({
          reasoning: REASONING,
          reasoningFormat: 'anthropic-claude-v1',
          reasoningSignature: SIGNATURE,
          text: 'Let me check.',
          toolCalls: withTool
            ? [{ id: 'toolu_late_1', name: 'getWeather', arguments: '{"city":"Paris"}' }]
            : undefined,
        });
        const isSignature = (event: SseEvent) =>
          'data' in event && JSON.stringify(event.data).includes('"signature"');
        const isFinish = (event: SseEvent) =>
          'data' in event && /"finish_reason":"(stop|tool_calls)"/.test(JSON.stringify(event.data));
        const signature = events.find(isSignature)!;
        const reordered = events.filter((event) => !isSignature(event));
        reordered.splice(reordered.findIndex(isFinish), 0, signature);
        return { type: 'sse', events: reordered };
      };
      fx.emulator.setHandler(lateSignature);

      const history: UIMessage[] = [userMessage('u1', 'Weather in Paris?')];
      const result = streamText({
        model: fx.model('anthropic/claude-sonnet-4.5'),
        messages: await convertToModelMessages(history),
        tools: withTool ? weatherTools : undefined,
        stopWhen: isStepCount(1),
      });
      const { message } = await readUI(toUIMessageStream({ stream: result.stream }));
      const next = streamText({
        model: fx.model('anthropic/claude-sonnet-4.5'),
        messages: await convertToModelMessages([
          ...history,
          message,
          userMessage('u2', 'And now?'),
        ]),
      });
      expect(await next.text).toBe('Next answer.');

      const [assistant] = historyOf(fx.chatBodies().at(-1)!);
      expect(assistant).toMatchObject({
        role: 'assistant',
        content: 'Let me check.',
        reasoning: REASONING,
        reasoning_details: REASONING_DETAILS,
      });
    },
  );

  it('keep-alive comments become ping parts that do not disturb the UI stream', async () => {
    // A keep-alive comment between every event of the stream.
    const handler: EmulatorHandler = () => {
      const events: SseEvent[] = [];
      for (const event of chatCompletionStream({
        reasoning: 'Counting words.',
        text: ['One', ' two', ' three.'],
        processingComments: 0,
      })) {
        events.push({ comment: 'OPENROUTER PROCESSING' }, event);
      }
      return { type: 'sse', events };
    };
    fx.emulator.setHandler(handler);
    const result = streamText({ model: fx.model(), prompt: 'Count to three' });
    const [parts, ui] = await Promise.all([
      convertReadableStreamToArray(result.stream),
      readUI(toUIMessageStream({ stream: result.stream })),
    ]);

    const pings = parts.filter((part) => part.type === 'ping');
    // One per comment that precedes a data event (the last precedes [DONE]).
    expect(pings.length).toBeGreaterThanOrEqual(8);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });

    expect(ui.chunks.map((chunk) => chunk.type)).not.toContain('error');
    expect(ui.message.parts.map((part) => part.type)).toEqual(['step-start', 'reasoning', 'text']);
    expect(ui.message.parts[1]).toMatchObject({ text: 'Counting words.', state: 'done' });
    expect(ui.message.parts[2]).toMatchObject({ text: 'One two three.', state: 'done' });
  });
});

describe('model resolution through the registry and the global default provider', () => {
  // Exact usage, so the numbers can be checked (and must be numbers, not adapter objects).
  const REGISTRY_TURNS: ChatScript[] = [
    {
      toolCalls: [{ id: 'call_reg_1', name: 'getWeather', arguments: '{"city":"Paris"}' }],
      usage: { prompt_tokens: 100, completion_tokens: 20 },
    },
    { text: ANSWER, usage: { prompt_tokens: 150, completion_tokens: 30 } },
  ];

  const aiWarnings = captureAiWarnings();

  const expectNumericUsage = (usage: LanguageModelUsage, input: number, output: number) => {
    expect(typeof usage.inputTokens).toBe('number');
    expect(typeof usage.outputTokens).toBe('number');
    expect(typeof usage.totalTokens).toBe('number');
    expect(usage.inputTokens).toBe(input);
    expect(usage.outputTokens).toBe(output);
    expect(usage.totalTokens).toBe(input + output);
  };

  const expectToolResultSentBack = () => {
    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(2);
    expect(historyOf(bodies[1]!)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_reg_1',
            type: 'function',
            function: { name: 'getWeather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call_reg_1',
        content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
      },
    ]);
  };

  it('a createProviderRegistry string id runs a two-step tool loop with plain finish reasons and numeric usage', async () => {
    fx.emulator.setHandler(scriptedTurns(REGISTRY_TURNS));
    const registry = createProviderRegistry({ openrouter: fx.openrouter });
    const model = registry.languageModel('openrouter:anthropic/claude-sonnet-4.5');
    expect(model.specificationVersion).toBe('v4');
    expect(model.modelId).toBe('anthropic/claude-sonnet-4.5');

    const result = await generateText({
      model,
      prompt: 'Weather in Paris?',
      tools: weatherTools,
      stopWhen: isStepCount(3),
    });

    expect(result.steps).toHaveLength(2);
    expect(typeof result.finishReason).toBe('string');
    expect(result.finishReason).toBe('stop');
    expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(result.text).toBe(ANSWER);
    expectNumericUsage(result.steps[0]!.usage, 100, 20);
    expectNumericUsage(result.steps[1]!.usage, 150, 30);
    expectNumericUsage(result.usage, 250, 50);
    expectToolResultSentBack();
    expect(fx.chatBodies().map((body) => body.model)).toEqual([
      'anthropic/claude-sonnet-4.5',
      'anthropic/claude-sonnet-4.5',
    ]);
    expect(aiWarnings.logged.filter((warning) => warning.type === 'compatibility')).toEqual([]);
  });

  it('a createProviderRegistry string id works with streamText too', async () => {
    fx.emulator.setHandler(scriptedTurns(REGISTRY_TURNS));
    const registry = createProviderRegistry({ openrouter: fx.openrouter });
    const result = streamText({
      model: registry.languageModel('openrouter:anthropic/claude-sonnet-4.5'),
      prompt: 'Weather in Paris?',
      tools: weatherTools,
      stopWhen: isStepCount(3),
    });

    expect(await result.text).toBe(ANSWER);
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(typeof (await result.finishReason)).toBe('string');
    expect(steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
    expectNumericUsage(steps[1]!.usage, 150, 30);
    expectNumericUsage(await result.usage, 250, 50);
    expectToolResultSentBack();
    expect(aiWarnings.logged.filter((warning) => warning.type === 'compatibility')).toEqual([]);
  });

  it('AI_SDK_DEFAULT_PROVIDER resolves a plain string model id', async () => {
    fx.emulator.setHandler(scriptedTurns(REGISTRY_TURNS));
    const saved = globalThis.AI_SDK_DEFAULT_PROVIDER;
    globalThis.AI_SDK_DEFAULT_PROVIDER = fx.openrouter;
    try {
      const result = await generateText({
        model: 'some/model',
        prompt: 'Weather in Paris?',
        tools: weatherTools,
        stopWhen: isStepCount(3),
      });

      expect(result.steps).toHaveLength(2);
      expect(typeof result.finishReason).toBe('string');
      expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
      expect(result.text).toBe(ANSWER);
      expectNumericUsage(result.usage, 250, 50);
      expect(result.steps[0]?.model).toEqual({
        provider: 'openrouter.chat',
        modelId: 'some/model',
      });
    } finally {
      globalThis.AI_SDK_DEFAULT_PROVIDER = saved;
    }
    expectToolResultSentBack();
    expect(fx.chatBodies().map((body) => body.model)).toEqual(['some/model', 'some/model']);
    expect(aiWarnings.logged.filter((warning) => warning.type === 'compatibility')).toEqual([]);
    expect(globalThis.AI_SDK_DEFAULT_PROVIDER).toBe(saved);
  });
});
