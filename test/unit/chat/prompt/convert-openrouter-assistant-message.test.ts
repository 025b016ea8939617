/**
 * Assistant messages (text, tool calls, images, reasoning and `reasoning_details`), converted
 * through `convertToOpenRouterChatMessages`.
 */
import type { JSONValue, SharedV4ProviderOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { OpenRouterAssistantMessage } from '../../../../src/chat/prompt/openrouter-chat-prompt';
import {
  convert,
  convertAssistant,
  data,
  file,
  PNG_BASE64,
  PNG_BYTES,
  url,
} from '../../../helpers/prompt';

describe('assistant messages', () => {
  it('concatenates text parts into content', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'Hello, ' },
      { type: 'text', text: 'world' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'Hello, world' });
    expect(warnings).toEqual([]);
  });

  it('sends content null (not "") for a tool-call-only message', () => {
    const { message } = convertAssistant([
      { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Paris' } },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'c1',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Paris"}' },
        },
      ],
    });
    expect(message.content).toBeNull();
  });

  it('serialises tool-call arguments in their own key order, as the model wrote them', () => {
    const { message } = convertAssistant([
      { type: 'text', text: 'calling' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: { z: 1, a: { y: [2, 1], b: 0 } },
      },
      { type: 'tool-call', toolCallId: 'c2', toolName: 'u', input: {} },
    ]);
    expect(message.tool_calls).toEqual([
      {
        id: 'c1',
        type: 'function',
        function: { name: 't', arguments: '{"z":1,"a":{"y":[2,1],"b":0}}' },
      },
      { id: 'c2', type: 'function', function: { name: 'u', arguments: '{}' } },
    ]);
    expect(message.content).toBe('calling');
  });

  it('sends "{}" for a tool call without input', () => {
    const { message } = convertAssistant([
      { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: undefined },
    ]);
    expect(message.tool_calls?.[0]?.function.arguments).toBe('{}');
  });

  it('sends image files as images (data and URL)', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'here' },
      file(data(PNG_BYTES), 'image/png'),
      file(url('https://x.test/b.webp'), 'image/webp'),
    ]);
    expect(message.images).toEqual([
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'image_url', image_url: { url: 'https://x.test/b.webp' } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('sends message-level annotations', () => {
    const annotations = [{ type: 'file', file: { hash: 'h', name: 'a.pdf', content: [] } }];
    const { message } = convertAssistant([{ type: 'text', text: 'a' }], {
      openrouter: { annotations },
    });
    expect(message.annotations).toEqual(annotations);
  });
});

describe('assistant reasoning and reasoning_details', () => {
  /** `providerOptions` carrying `details` as `openrouter.reasoning_details`. */
  const detailsOption = (details: JSONValue): SharedV4ProviderOptions => ({
    openrouter: { reasoning_details: details },
  });
  const textDetail = {
    type: 'reasoning.text',
    text: 'thinking',
    signature: 'sig',
    format: 'anthropic-claude-v1',
    index: 0,
  };
  const encryptedDetail = {
    type: 'reasoning.encrypted',
    data: 'blob',
    format: 'openai-responses-v1',
    id: 'rs_1',
    index: 1,
  };

  it('sends `reasoning` as the visible text of the details sent, not of the parts', () => {
    const summary = {
      type: 'reasoning.summary',
      summary: ' Summary.',
      format: 'openai-responses-v1',
      index: 1,
    };
    const encrypted = {
      type: 'reasoning.encrypted',
      data: 'enc',
      format: 'openai-responses-v1',
      index: 2,
    };
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'edited by the app. ' },
      {
        type: 'reasoning',
        text: 'step 2.',
        providerOptions: detailsOption([textDetail, summary, encrypted]),
      },
      { type: 'text', text: 'answer' },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: 'answer',
      reasoning: `${textDetail.text} Summary.`,
      reasoning_details: [textDetail, summary, encrypted],
    });
  });

  it('omits reasoning and reasoning_details when no part has details', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'thinking' },
      { type: 'text', text: 'answer' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'answer' });
  });

  it('takes the last snapshot across part types', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: {},
        providerOptions: detailsOption([textDetail, encryptedDetail]),
      },
      { type: 'text', text: 'no details here' },
    ]);
    expect(message.reasoning_details).toEqual([textDetail, encryptedDetail]);
  });

  it('takes a snapshot from a text part when it is the last one', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      { type: 'text', text: 'a', providerOptions: detailsOption([textDetail, encryptedDetail]) },
    ]);
    expect(message.reasoning_details).toEqual([textDetail, encryptedDetail]);
  });

  it('lets message-level reasoning_details win over part-level ones', () => {
    const { message } = convertAssistant(
      [
        { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
        { type: 'text', text: 'a' },
      ],
      detailsOption([encryptedDetail]),
    );
    expect(message.reasoning_details).toEqual([encryptedDetail]);
  });

  it('preserves a message-level empty array and then sends no reasoning text', () => {
    const { message } = convertAssistant(
      [
        { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
        { type: 'text', text: 'a' },
      ],
      detailsOption([]),
    );
    expect(message).toEqual({ role: 'assistant', content: 'a', reasoning_details: [] });
  });

  it('preserves a part-level empty array without reasoning text', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([]) },
      { type: 'text', text: 'a' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a', reasoning_details: [] });
  });

  it('ignores a non-array reasoning_details value', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      { type: 'text', text: 'a', providerOptions: detailsOption('oops') },
    ]);
    expect(message.reasoning_details).toEqual([textDetail]);
  });

  it('skips OpenRouter server tool call parts silently: they travel in reasoning_details', () => {
    const serverToolCall = { openrouter: { serverToolCall: true } };
    const { message, warnings } = convertAssistant([
      {
        type: 'tool-call',
        toolCallId: 's1',
        toolName: 'web_search',
        input: {},
        providerExecuted: true,
        providerOptions: serverToolCall,
      },
      {
        type: 'tool-result',
        toolCallId: 's1',
        toolName: 'web_search',
        output: { type: 'json', value: {} },
        providerOptions: serverToolCall,
      },
      { type: 'text', text: 'found it' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'found it' });
    expect(warnings).toEqual([]);
  });

  describe('tool-call ids replaced because the upstream repeated them', () => {
    const GEMINI = 'google-gemini-v1';
    // Step 2 of a Gemini loop: the upstream said `tool_0_getWeather` again, the AI SDK has
    // `call_fresh`; the thought signature refers to the call by the upstream's id.
    const signature = {
      type: 'reasoning.encrypted',
      data: 'sig-2',
      id: 'tool_0_getWeather',
      format: GEMINI,
      index: 0,
    };
    const thought = { type: 'reasoning.text', text: 'Rome too.', format: GEMINI, index: 0 };
    const other = {
      type: 'reasoning.encrypted',
      data: 'sig-x',
      id: 'tool_1_convert',
      format: GEMINI,
      index: 1,
    };
    const step2 = () =>
      convert([
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Rome too.' },
            {
              type: 'tool-call',
              toolCallId: 'call_fresh',
              toolName: 'getWeather',
              input: { city: 'Rome' },
              providerOptions: {
                openrouter: {
                  reasoning_details: [thought, signature, other],
                  toolCallId: 'tool_0_getWeather',
                },
              },
            },
            { type: 'tool-call', toolCallId: 'tool_1_convert', toolName: 'convert', input: {} },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_fresh',
              toolName: 'getWeather',
              output: { type: 'json', value: { tempC: 24 } },
              providerOptions: { openrouter: { toolCallId: 'tool_0_getWeather' } },
            },
          ],
        },
      ]);

    it('sends the unique id, and renames the reasoning details that referred to the old one', () => {
      const { messages, warnings } = step2();
      const [assistant, tool] = messages as [OpenRouterAssistantMessage, { tool_call_id: string }];
      expect(assistant.tool_calls?.map((call) => call.id)).toEqual([
        'call_fresh',
        'tool_1_convert',
      ]);
      expect(assistant.reasoning_details).toEqual([
        thought,
        { ...signature, id: 'call_fresh' },
        other,
      ]);
      // Only the id changes: every other field, in the same key order.
      expect(JSON.stringify(assistant.reasoning_details?.[1])).toBe(
        JSON.stringify(signature).replace('tool_0_getWeather', 'call_fresh'),
      );
      expect(tool.tool_call_id).toBe('call_fresh');
      expect(warnings).toEqual([]);
    });
  });
});
