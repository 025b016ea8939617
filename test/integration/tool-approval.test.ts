/**
 * Tool execution approval in `ai` 7 (`needsApproval: true`) over real HTTP against the emulator:
 * the first call ends with a `tool-approval-request` and runs nothing; the app appends a
 * `tool-approval-response` (`{ role: 'tool', content: [{ type: 'tool-approval-response',
 * approvalId, approved }] }`) and calls again. Approved: `ai` executes the tool before the next
 * model call, which carries the assistant `tool_calls` and the tool result. Denied: the tool
 * message carries the denial text (`execution-denied`). The approval parts themselves never
 * reach OpenRouter, and reasoning details of the approved turn still go back.
 */
import { generateText, isStepCount, type ModelMessage, type Warning } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  anthropicThinkingScenario,
  reasoningScenarioHandler,
  withFollowUps,
} from '../../src/testing/index.js';
import {
  captureAiWarnings,
  getWeatherTool,
  historyOf,
  scriptedTurns,
  streamTextToEnd,
  useEmulator,
} from './support.js';

const fx = useEmulator();
const aiWarnings = captureAiWarnings();
afterEach(() => {
  vi.restoreAllMocks();
});

const MODEL = 'anthropic/claude-sonnet-4.5';
const QUESTION: ModelMessage = { role: 'user', content: 'What is the weather in Paris?' };
const ANSWER = 'It is 18°C and sunny in Paris.';
const CALL_ID = 'toolu_01ApprovalWeatherCall0001';

function createTools(executed: string[]) {
  return { getWeather: getWeatherTool(executed, { needsApproval: true }) };
}

const MODES = ['generateText', 'streamText'] as const;
type Mode = (typeof MODES)[number];

interface ApprovalRequest {
  approvalId: string;
  toolCall: { toolCallId: string; toolName: string; input: unknown };
}

interface CallResult {
  text: string;
  content: ReadonlyArray<{ type: string }>;
  responseMessages: ModelMessage[];
  warnings: Warning[];
  steps: number;
}

async function call(mode: Mode, messages: ModelMessage[], executed: string[]): Promise<CallResult> {
  const warnings: Warning[] = [];
  const options = {
    model: fx.model(MODEL),
    messages,
    tools: createTools(executed),
    stopWhen: isStepCount(5),
    onStepFinish: (step: { warnings?: Warning[] }) => void warnings.push(...(step.warnings ?? [])),
  };
  if (mode === 'generateText') {
    const result = await generateText(options);
    return {
      text: result.text,
      content: result.content,
      responseMessages: result.responseMessages,
      warnings,
      steps: result.steps.length,
    };
  }
  const result = await streamTextToEnd(options);
  return {
    text: await result.text,
    content: await result.content,
    responseMessages: await result.responseMessages,
    warnings,
    steps: (await result.steps).length,
  };
}

function approvalRequestOf(result: CallResult): ApprovalRequest {
  const requests = result.content.filter((part) => part.type === 'tool-approval-request');
  expect(requests).toHaveLength(1);
  return requests[0] as unknown as ApprovalRequest;
}

/** The app's answer to an approval request: a tool message with a `tool-approval-response`. */
const approvalMessage = (
  request: ApprovalRequest,
  approved: boolean,
  reason?: string,
): ModelMessage => ({
  role: 'tool',
  content: [
    {
      type: 'tool-approval-response',
      approvalId: request.approvalId,
      approved,
      ...(reason === undefined ? {} : { reason }),
    },
  ],
});

const SCRIPT = [
  {
    model: MODEL,
    provider: 'Anthropic',
    toolCalls: [{ id: CALL_ID, name: 'getWeather', arguments: '{"city":"Paris"}' }],
    nativeFinishReason: 'tool_use',
  },
  { model: MODEL, provider: 'Anthropic', text: ANSWER },
];

const assistantWithCall = {
  role: 'assistant',
  content: null,
  tool_calls: [
    {
      id: CALL_ID,
      type: 'function',
      function: { name: 'getWeather', arguments: '{"city":"Paris"}' },
    },
  ],
};

describe.each(MODES)('tool approval through %s', (mode) => {
  async function firstCall(executed: string[]) {
    const first = await call(mode, [QUESTION], executed);
    expect(first.steps).toBe(1);
    expect(executed).toEqual([]);
    const request = approvalRequestOf(first);
    expect(request.toolCall).toMatchObject({
      toolCallId: CALL_ID,
      toolName: 'getWeather',
      input: { city: 'Paris' },
    });
    expect(typeof request.approvalId).toBe('string');
    expect(first.text).toBe('');
    expect(fx.chatBodies()).toHaveLength(1);
    return { first, request };
  }

  it('ends the first call with a tool-approval-request; an approval executes the tool and sends its result', async () => {
    fx.emulator.setHandler(scriptedTurns(SCRIPT));
    const executed: string[] = [];
    const { first, request } = await firstCall(executed);

    const consoleWarn = vi.spyOn(console, 'warn');
    const second = await call(
      mode,
      [QUESTION, ...first.responseMessages, approvalMessage(request, true)],
      executed,
    );

    expect(executed).toEqual(['getWeather:Paris']);
    expect(second.text).toBe(ANSWER);
    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(2);
    // The next request carries the call and its result; the approval parts stay in `ai`.
    expect(historyOf(bodies[1]!)).toEqual([
      assistantWithCall,
      {
        role: 'tool',
        tool_call_id: CALL_ID,
        content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
      },
    ]);
    expect(JSON.stringify(bodies[1])).not.toContain('approval');
    expect(second.warnings).toEqual([]);
    expect(aiWarnings.logged).toEqual([]);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each([
    ['with a reason', 'The user does not want to share their location.'],
    ['without a reason', undefined],
  ] as const)('a denial %s sends a tool message with the denial text', async (_label, reason) => {
    fx.emulator.setHandler(scriptedTurns(SCRIPT));
    const executed: string[] = [];
    const { first, request } = await firstCall(executed);

    const second = await call(
      mode,
      [QUESTION, ...first.responseMessages, approvalMessage(request, false, reason)],
      executed,
    );

    expect(executed).toEqual([]);
    // `ai` answers the denied call itself with an execution-denied result...
    const denied = second.responseMessages.find((message) => message.role === 'tool');
    expect(denied?.content).toMatchObject([
      {
        type: 'tool-result',
        toolCallId: CALL_ID,
        output: { type: 'execution-denied', ...(reason === undefined ? {} : { reason }) },
      },
    ]);
    // ...which reaches OpenRouter as the tool message's text.
    const bodies = fx.chatBodies();
    expect(bodies).toHaveLength(2);
    expect(historyOf(bodies[1]!)).toEqual([
      assistantWithCall,
      { role: 'tool', tool_call_id: CALL_ID, content: reason ?? 'Tool execution denied.' },
    ]);
    expect(second.warnings).toEqual([]);
  });

  it('keeps the reasoning details of the turn that asked for approval (Anthropic, late signature)', async () => {
    const scenario = withFollowUps(anthropicThinkingScenario(), ANSWER);
    // Step 1 (thinking + getWeather), then the answer: approval pauses between them.
    fx.emulator.setHandler(reasoningScenarioHandler([scenario.steps[0]!, scenario.steps.at(-1)!]));
    const executed: string[] = [];
    const first = await call(mode, [QUESTION], executed);
    const request = approvalRequestOf(first);
    expect(request.toolCall.toolCallId).toBe(scenario.steps[0]!.toolCalls[0]!.id);

    // Stored as JSON between the two requests, as a chat app would.
    const stored = JSON.parse(JSON.stringify(first.responseMessages)) as ModelMessage[];
    const second = await call(
      mode,
      [QUESTION, ...stored, approvalMessage(request, true)],
      executed,
    );
    expect(executed).toEqual(['getWeather:Paris']);
    expect(second.text).toBe(ANSWER);

    const [assistant, toolMessage] = historyOf(fx.chatBodies()[1]!);
    expect(assistant?.reasoning_details).toStrictEqual(scenario.steps[0]!.reasoningDetails);
    expect(assistant?.reasoning).toBe(scenario.steps[0]!.visibleReasoning.join(''));
    expect(toolMessage).toEqual({
      role: 'tool',
      tool_call_id: scenario.steps[0]!.toolCalls[0]!.id,
      content: '{"tempC":18,"city":"Paris","conditions":"sunny"}',
    });
    expect(second.warnings).toEqual([]);
  });
});
