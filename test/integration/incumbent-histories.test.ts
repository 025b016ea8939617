/**
 * Conversations stored by apps that used `@openrouter/ai-sdk-provider`, replayed through this
 * package: UI messages as that package left them (built here by hand from how it reports
 * `reasoning_details`, not from its code), through `convertToModelMessages` and the next
 * `generateText` / `streamText`. Every detail must reach the wire, wherever it was stored:
 * - on the first tool call (`callProviderMetadata`), the complete array;
 * - on each reasoning part of a non-streamed answer, that part's own entry only;
 * - on the reasoning part of a streamed answer, the array as it stood when text began (a late
 *   signature only on the tool call).
 * It never put them on text or file parts.
 */
import type { JSONObject } from '@ai-sdk/provider';
import { convertToModelMessages, generateText, type UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { scriptedChat } from '../../src/testing/index.js';
import {
  assistantsOf,
  streamTextToEnd,
  useEmulator,
  type WireMessage,
  weatherTools,
} from './support.js';

const fx = useEmulator();
const TOOLS = weatherTools();
const MODES = ['generateText', 'streamText'] as const;

const ANTHROPIC = 'anthropic-claude-v1';
const GEMINI = 'google-gemini-v1';
const OPENAI = 'openai-responses-v1';

const user = (id: string, text: string): UIMessage => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
});

const weatherPart = (toolCallId: string, city: string, details?: JSONObject[]) => ({
  type: 'tool-getWeather' as const,
  toolCallId,
  state: 'output-available' as const,
  input: { city },
  output: { tempC: 18, city, conditions: 'sunny' },
  ...(details ? { callProviderMetadata: { openrouter: { reasoning_details: details } } } : {}),
});

const reasoningPart = (text: string, details?: JSONObject[]) => ({
  type: 'reasoning' as const,
  text,
  state: 'done' as const,
  ...(details ? { providerMetadata: { openrouter: { reasoning_details: details } } } : {}),
});

/** Sends `history` plus a follow-up question; the assistant messages of the request. */
async function replay(mode: (typeof MODES)[number], history: UIMessage[]) {
  fx.emulator.setHandler(scriptedChat({ text: 'You are welcome.' }));
  const stored = JSON.parse(JSON.stringify([...history, user('u2', 'Thanks!')])) as UIMessage[];
  const options = {
    model: fx.model('anthropic/claude-sonnet-4.5'),
    messages: await convertToModelMessages(stored, { tools: TOOLS }),
    tools: TOOLS,
  };
  if (mode === 'generateText') await generateText(options);
  else await streamTextToEnd(options);
  const body = fx.chatBodies().at(-1);
  if (!body) throw new Error('no request');
  return assistantsOf(body);
}

describe.each(MODES)('histories written by @openrouter/ai-sdk-provider, through %s', (mode) => {
  it('a non-streamed answer with two reasoning sections: one entry per reasoning part, all sent', async () => {
    const first = {
      type: 'reasoning.summary',
      summary: 'Check the forecast.',
      format: OPENAI,
      index: 0,
    };
    const second = {
      type: 'reasoning.summary',
      summary: 'Then answer briefly.',
      format: OPENAI,
      index: 1,
    };
    const assistants = await replay(mode, [
      user('u1', 'Weather in Paris?'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          reasoningPart('Check the forecast.', [first]),
          reasoningPart('Then answer briefly.', [second]),
          { type: 'text', text: 'Sunny, 18°C.', state: 'done' },
        ],
      },
    ]);
    expect(assistants).toHaveLength(1);
    expect(assistants[0]).toMatchObject<Partial<WireMessage>>({
      role: 'assistant',
      content: 'Sunny, 18°C.',
      reasoning_details: [first, second],
      reasoning: 'Check the forecast.Then answer briefly.',
    });
  });

  it('a non-streamed Gemini tool call: the complete array on the first call, single entries on the reasoning part', async () => {
    const thought = {
      type: 'reasoning.text',
      text: 'Look up Paris and Rome.',
      format: GEMINI,
      index: 0,
    };
    const signature = {
      type: 'reasoning.encrypted',
      data: 'CiQB-sig',
      id: 'tool_0_getWeather',
      format: GEMINI,
      index: 0,
    };
    const assistants = await replay(mode, [
      user('u1', 'Weather in Paris and Rome?'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          reasoningPart('Look up Paris and Rome.', [thought]),
          weatherPart('tool_0_getWeather', 'Paris', [thought, signature]),
          weatherPart('tool_1_getWeather', 'Rome'),
          { type: 'step-start' },
          { type: 'text', text: 'Both sunny.', state: 'done' },
        ],
      },
    ]);
    expect(assistants).toHaveLength(2);
    expect(assistants[0]?.tool_calls?.map((call) => call.id)).toEqual([
      'tool_0_getWeather',
      'tool_1_getWeather',
    ]);
    expect(assistants[0]?.reasoning_details).toEqual([thought, signature]);
    expect(assistants[1]).not.toHaveProperty('reasoning_details');
  });

  it('a streamed Anthropic tool call: the late signature only on the tool call still goes back', async () => {
    const unsigned = {
      type: 'reasoning.text',
      text: 'I should call getWeather.',
      format: ANTHROPIC,
      index: 0,
    };
    const signed = { ...unsigned, signature: 'EqQBsig' };
    const assistants = await replay(mode, [
      user('u1', 'Weather in Paris?'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          reasoningPart('I should call getWeather.', [unsigned]),
          { type: 'text', text: 'Checking.', state: 'done' },
          weatherPart('toolu_01', 'Paris', [signed]),
          { type: 'step-start' },
          { type: 'text', text: 'Sunny, 18°C.', state: 'done' },
        ],
      },
    ]);
    expect(assistants[0]).toMatchObject<Partial<WireMessage>>({
      content: 'Checking.',
      reasoning_details: [signed],
      tool_calls: [
        {
          id: 'toolu_01',
          type: 'function',
          function: { name: 'getWeather', arguments: '{"city":"Paris"}' },
        },
      ],
    });
  });
});
