/**
 * Multi-step tool loops of `ai` 7 (`stopWhen: isStepCount(n)`) through both `generateText` and
 * `streamText`, over real HTTP against the OpenRouter emulator: what each step sends back
 * (assistant `tool_calls` with the input as `ai` keeps it, `tool` messages with the results in
 * the tools' own key order), tool-call ids that stay unique across steps, on the wire too, when
 * the upstream repeats them (Gemini numbers its calls afresh every step), and loops that continue when the upstream reports `stop` or no finish reason together
 * with tool calls (several models do, and the loop must not end there).
 */
import {
  type FinishReason,
  generateText,
  isStepCount,
  type LanguageModelUsage,
  type StepResult,
  tool,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatScript } from '../../src/testing/index.js';
import {
  convertTemperatureTool,
  historyOf,
  scriptedTurns,
  streamTextToEnd,
  toolCallsOf,
  toolMessagesOf,
  useEmulator,
  type WireBody,
  weatherIn,
} from './support.js';

const fx = useEmulator();

function createTools(executed: string[]) {
  return {
    // This loop's calls name a unit too, so its getWeather takes one.
    getWeather: tool({
      description: 'Current weather for a city',
      inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
      execute: async ({ city }) => weatherIn(city, executed),
    }),
    convertTemperature: convertTemperatureTool(executed),
  };
}

type Tools = ReturnType<typeof createTools>;

interface LoopResult {
  steps: Array<StepResult<Tools>>;
  text: string;
  finishReason: FinishReason;
  totalUsage: LanguageModelUsage;
  executed: string[];
}

const MODES = ['generateText', 'streamText'] as const;
type Mode = (typeof MODES)[number];

/** Runs the same loop through generateText or streamText; stream errors fail the test. */
async function runLoop(mode: Mode, stepLimit: number, prompt: string): Promise<LoopResult> {
  const executed: string[] = [];
  const options = {
    model: fx.model('google/gemini-3-pro-preview'),
    prompt,
    tools: createTools(executed),
    stopWhen: isStepCount(stepLimit),
  };
  if (mode === 'generateText') {
    const result = await generateText(options);
    return {
      steps: result.steps,
      text: result.text,
      finishReason: result.finishReason,
      totalUsage: result.usage,
      executed,
    };
  }
  const result = await streamTextToEnd(options);
  return {
    steps: await result.steps,
    text: await result.text,
    finishReason: await result.finishReason,
    totalUsage: await result.usage,
    executed,
  };
}

describe.each(MODES)('tool loop through %s', (mode) => {
  // Step 1: reasoning + getWeather; step 2: convert; step 3: text. The arguments are not in the
  // schema's key order: `ai` keeps the input as its schema parsed it, and that goes back.
  const THREE_STEPS: ChatScript[] = [
    {
      reasoning: 'I need the weather in Paris first.',
      toolCalls: [
        {
          id: 'call_weather_1',
          name: 'getWeather',
          arguments: '{"unit":"celsius","city":"Paris"}',
        },
      ],
    },
    {
      toolCalls: [
        { id: 'call_convert_1', name: 'convertTemperature', arguments: '{"celsius":18}' },
      ],
    },
    { text: 'It is 18°C (64.4°F) and sunny in Paris.' },
  ];

  it('runs two tools over three steps and sends each step back', async () => {
    fx.emulator.setHandler(scriptedTurns(THREE_STEPS));
    const result = await runLoop(mode, 5, 'Weather in Paris, in Fahrenheit?');

    expect(result.steps).toHaveLength(3);
    expect(result.steps.map((step) => step.finishReason)).toEqual([
      'tool-calls',
      'tool-calls',
      'stop',
    ]);
    expect(result.executed).toEqual(['getWeather:Paris', 'convertTemperature:18']);
    expect(result.steps[0]?.toolCalls).toMatchObject([
      {
        toolCallId: 'call_weather_1',
        toolName: 'getWeather',
        input: { city: 'Paris', unit: 'celsius' },
      },
    ]);
    expect(result.steps[0]?.toolResults).toMatchObject([
      { toolCallId: 'call_weather_1', output: { tempC: 18, city: 'Paris', conditions: 'sunny' } },
    ]);
    expect(result.steps[1]?.toolResults).toMatchObject([
      {
        toolCallId: 'call_convert_1',
        toolName: 'convertTemperature',
        output: { fahrenheit: 64.4 },
      },
    ]);
    expect(result.text).toBe('It is 18°C (64.4°F) and sunny in Paris.');
    expect(result.finishReason).toBe('stop');
    const inputTokens = result.steps.map((step) => step.usage.inputTokens ?? Number.NaN);
    expect(inputTokens.every((n) => n > 0)).toBe(true);
    expect(result.totalUsage.inputTokens).toBe(inputTokens.reduce((a, b) => a + b, 0));

    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(3);
    expect(bodies.map((body) => body.stream)).toEqual(
      mode === 'streamText' ? [true, true, true] : [undefined, undefined, undefined],
    );
    expect(historyOf(bodies[0]!)).toEqual([]);

    const weatherCall = {
      id: 'call_weather_1',
      type: 'function',
      function: { name: 'getWeather', arguments: '{"city":"Paris","unit":"celsius"}' },
    };
    const weatherResult = {
      role: 'tool',
      tool_call_id: 'call_weather_1',
      content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
    };
    const second = historyOf(bodies[1]!);
    expect(second).toHaveLength(2);
    expect(second[0]).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [weatherCall],
    });
    // The first step's reasoning goes back with it: Anthropic and Gemini reject a tool loop whose
    // earlier reasoning (with its signatures) is missing.
    expect(second[0]?.reasoning_details).toEqual([
      {
        type: 'reasoning.text',
        text: 'I need the weather in Paris first.',
        format: 'unknown',
        index: 0,
      },
    ]);
    expect(second[1]).toEqual(weatherResult);

    const third = historyOf(bodies[2]!);
    expect(third).toHaveLength(4);
    expect(third.slice(0, 2)).toEqual(second);
    expect(third[2]).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_convert_1',
          type: 'function',
          function: { name: 'convertTemperature', arguments: '{"celsius":18}' },
        },
      ],
    });
    expect(third[3]).toEqual({
      role: 'tool',
      tool_call_id: 'call_convert_1',
      content: '{"fahrenheit":64.4}',
    });
    // Tools are offered on every step.
    for (const body of bodies) {
      expect(body.tools?.map((t) => t.function.name)).toEqual(['getWeather', 'convertTemperature']);
    }
  });

  it('stops after the step count given to isStepCount', async () => {
    fx.emulator.setHandler(scriptedTurns(THREE_STEPS));
    const result = await runLoop(mode, 2, 'Weather in Paris, in Fahrenheit?');

    expect(result.steps).toHaveLength(2);
    expect(fx.chatBodies()).toHaveLength(2);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.executed).toEqual(['getWeather:Paris', 'convertTemperature:18']);
    expect(result.text).toBe('');
  });

  it('keeps tool-call ids unique across steps when the upstream repeats them', async () => {
    // Gemini numbers its calls afresh every step: `tool_<n>_<name>`.
    fx.emulator.setHandler(
      scriptedTurns([
        {
          toolCalls: [
            {
              id: 'tool_0_getWeather',
              name: 'getWeather',
              arguments: '{"city":"Paris","unit":"celsius"}',
            },
          ],
        },
        {
          toolCalls: [
            {
              id: 'tool_0_getWeather',
              name: 'getWeather',
              arguments: '{"city":"London","unit":"celsius"}',
            },
            {
              id: 'tool_1_getWeather',
              name: 'getWeather',
              arguments: '{"city":"Rome","unit":"celsius"}',
            },
          ],
        },
        {
          toolCalls: [
            {
              id: 'tool_0_convertTemperature',
              name: 'convertTemperature',
              arguments: '{"celsius":24}',
            },
          ],
        },
        { text: 'Rome is the warmest at 24°C (75.2°F).' },
      ]),
    );
    const result = await runLoop(mode, 6, 'Which of Paris, London and Rome is warmest?');

    expect(result.steps).toHaveLength(4);
    expect(result.text).toBe('Rome is the warmest at 24°C (75.2°F).');
    expect(result.executed).toEqual([
      'getWeather:Paris',
      'getWeather:London',
      'getWeather:Rome',
      'convertTemperature:24',
    ]);

    const ids = result.steps.flatMap((step) => step.toolCalls.map((call) => call.toolCallId));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    const [parisId, londonId, romeId, convertId] = ids;
    expect(parisId).toBe('tool_0_getWeather'); // first use: kept
    expect(londonId).not.toBe('tool_0_getWeather'); // repeated: rewritten
    expect(londonId).toMatch(/\S/);
    expect(romeId).toBe('tool_1_getWeather');
    expect(convertId).toBe('tool_0_convertTemperature');

    // Each result is paired with its own call.
    const outputs = result.steps.flatMap((step) =>
      step.toolResults.map((r) => [r.toolCallId, r.input] as const),
    );
    expect(outputs).toEqual([
      [parisId, { city: 'Paris', unit: 'celsius' }],
      [londonId, { city: 'London', unit: 'celsius' }],
      [romeId, { city: 'Rome', unit: 'celsius' }],
      [convertId, { celsius: 24 }],
    ]);

    // On the wire, each assistant message and its tool messages carry the same unique ids as
    // `ai` (a repeated id would make the history ambiguous, and models that require unique ids
    // reject it).
    const bodies: WireBody[] = fx.chatBodies();
    expect(bodies).toHaveLength(4);
    const third = historyOf(bodies[2]!);
    expect(toolCallsOf(third).map((calls) => calls.map((call) => call.id))).toEqual([
      [parisId],
      [londonId, romeId],
    ]);
    expect(toolMessagesOf(third)).toEqual([
      {
        tool_call_id: parisId,
        content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
      },
      {
        tool_call_id: londonId,
        content: '{"tempC":12,"city":"London","conditions":"sunny"}',
      },
      {
        tool_call_id: romeId,
        content: '{"tempC":24,"city":"Rome","conditions":"sunny"}',
      },
    ]);
    const fourth = historyOf(bodies[3]!);
    expect(fourth.slice(0, third.length)).toEqual(third);
    expect(toolCallsOf(fourth).map((calls) => calls.map((call) => call.id))).toEqual([
      [parisId],
      [londonId, romeId],
      [convertId],
    ]);
    expect(toolMessagesOf(fourth).map((m) => m.tool_call_id)).toEqual(ids);
  });

  it('gives parallel calls that share one id in a response distinct ids', async () => {
    fx.emulator.setHandler(
      scriptedTurns([
        {
          toolCalls: [
            { id: 'call_dup', name: 'getWeather', arguments: '{"city":"Paris","unit":"celsius"}' },
            { id: 'call_dup', name: 'getWeather', arguments: '{"city":"London","unit":"celsius"}' },
          ],
        },
        { text: 'Paris 18°C, London 12°C.' },
      ]),
    );
    const result = await runLoop(mode, 3, 'Weather in Paris and London?');

    expect(result.steps).toHaveLength(2);
    const calls = result.steps[0]!.toolCalls;
    expect(calls.map((call) => call.input)).toEqual([
      { city: 'Paris', unit: 'celsius' },
      { city: 'London', unit: 'celsius' },
    ]);
    const [parisId, londonId] = calls.map((call) => call.toolCallId);
    expect(parisId).toBe('call_dup');
    expect(londonId).not.toBe('call_dup');
    expect(result.steps[0]!.toolResults.map((r) => [r.toolCallId, r.output])).toEqual([
      [parisId, { tempC: 18, city: 'Paris', conditions: 'sunny' }],
      [londonId, { tempC: 12, city: 'London', conditions: 'sunny' }],
    ]);

    const second = historyOf(fx.chatBodies()[1]!);
    expect(toolCallsOf(second).map((c) => c.map((call) => call.id))).toEqual([[parisId, londonId]]);
    expect(toolMessagesOf(second)).toEqual([
      { tool_call_id: parisId, content: '{"tempC":18,"city":"Paris","conditions":"sunny"}' },
      { tool_call_id: londonId, content: '{"tempC":12,"city":"London","conditions":"sunny"}' },
    ]);
  });

  it('sends each step its own reasoning_details back unmodified, encrypted ones included, even with equal summary text', async () => {
    // OpenAI-style summary + encrypted details; both turns have the same summary text.
    const detailsFor = (n: number) => [
      {
        type: 'reasoning.summary',
        summary: 'I will call the weather tool.',
        id: `rs_${n}`,
        format: 'openai-responses-v1',
        index: 0,
      },
      {
        type: 'reasoning.encrypted',
        data: `gAAAAABotI9-encrypted-${n}`,
        id: `rs_${n}`,
        format: 'openai-responses-v1',
        index: 1,
      },
    ];
    fx.emulator.setHandler(
      scriptedTurns([
        {
          reasoningDetails: detailsFor(1),
          toolCalls: [
            { id: 'call_r1', name: 'getWeather', arguments: '{"city":"Paris","unit":"celsius"}' },
          ],
        },
        {
          reasoningDetails: detailsFor(2),
          toolCalls: [
            { id: 'call_r2', name: 'getWeather', arguments: '{"city":"Rome","unit":"celsius"}' },
          ],
        },
        { text: 'Rome is warmer.' },
      ]),
    );
    const result = await runLoop(mode, 5, 'Paris or Rome, which is warmer?');

    expect(result.steps).toHaveLength(3);
    expect(result.steps[0]?.reasoningText).toBe('I will call the weather tool.');
    const third = historyOf(fx.chatBodies()[2]!);
    const assistants = third.filter((message) => message.role === 'assistant');
    expect(assistants).toHaveLength(2);
    expect(assistants[0]?.reasoning_details).toEqual(detailsFor(1));
    expect(assistants[1]?.reasoning_details).toEqual(detailsFor(2));
    // The encrypted blob never becomes visible reasoning text.
    expect(JSON.stringify(result.steps.map((step) => step.reasoningText))).not.toContain(
      'encrypted',
    );
  });

  it.each([
    ['stop', 'stop'],
    ['null', null],
  ] as const)(
    'continues the loop when tool calls come with finish_reason %s',
    async (_label, finishReason) => {
      fx.emulator.setHandler(
        scriptedTurns([
          {
            finishReason,
            toolCalls: [
              {
                id: 'call_p30_1',
                name: 'getWeather',
                arguments: '{"city":"Rome","unit":"celsius"}',
              },
            ],
          },
          { text: 'Rome: 24°C and sunny.' },
        ]),
      );
      const result = await runLoop(mode, 5, 'Weather in Rome?');

      expect(result.steps).toHaveLength(2);
      expect(result.steps[0]?.finishReason).toBe('tool-calls');
      expect(result.steps[0]?.rawFinishReason).toBe(finishReason ?? undefined);
      expect(result.executed).toEqual(['getWeather:Rome']);
      expect(result.text).toBe('Rome: 24°C and sunny.');
      expect(result.finishReason).toBe('stop');

      const second = historyOf(fx.chatBodies()[1]!);
      expect(toolMessagesOf(second)).toEqual([
        { tool_call_id: 'call_p30_1', content: '{"tempC":24,"city":"Rome","conditions":"sunny"}' },
      ]);
    },
  );
});
