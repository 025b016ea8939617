import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { mockId } from '@ai-sdk/provider-utils/test';
import { describe, expect, it } from 'vitest';
import { mapOpenRouterChatResponse } from '../../../src/chat/map-openrouter-chat-response';
import type { OpenRouterChatResponse } from '../../../src/chat/openrouter-chat-api';

type Message = Record<string, unknown>;

/** A `chat.completion` body around one choice, in the shape OpenRouter sends. */
function response(message: Message, choice: Record<string, unknown> = {}): OpenRouterChatResponse {
  return {
    id: 'gen-1779334358-5uErgorPN1rJbPw8AVrM',
    provider: 'Anthropic',
    model: 'anthropic/claude-sonnet-4.5',
    created: 1779334358,
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: 'stop',
        native_finish_reason: 'end_turn',
        message: { role: 'assistant', ...message },
        ...choice,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  } as OpenRouterChatResponse;
}

function map(
  body: OpenRouterChatResponse,
  options: { prompt?: LanguageModelV4Prompt; tools?: LanguageModelV4CallOptions['tools'] } = {},
) {
  const warnings: SharedV4Warning[] = [];
  const choice = body.choices?.[0];
  if (!choice) throw new Error('no choice');
  const result = mapOpenRouterChatResponse({
    response: body,
    choice,
    warnings,
    prompt: options.prompt ?? [],
    tools: options.tools,
    generateId: mockId(),
    responseHeaders: undefined,
  });
  return { ...result, warnings };
}

const SIGNED = {
  type: 'reasoning.text',
  text: 'The user wants the weather.',
  signature: 'EqQBCkYIBxgC',
  format: 'anthropic-claude-v1',
  index: 0,
};

describe('mapOpenRouterChatResponse', () => {
  it('maps reasoning, text and a tool call, the details riding on the reasoning part', () => {
    const { content, finishReason, providerMetadata, warnings } = map(
      response(
        {
          content: 'Let me check.',
          reasoning: 'The user wants the weather.',
          reasoning_details: [SIGNED],
          tool_calls: [
            {
              id: 'toolu_01',
              type: 'function',
              function: { name: 'getWeather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { finish_reason: 'tool_calls', native_finish_reason: 'tool_use' },
      ),
    );
    expect(content).toMatchInlineSnapshot(`
      [
        {
          "providerMetadata": {
            "openrouter": {
              "reasoning_details": [
                {
                  "format": "anthropic-claude-v1",
                  "index": 0,
                  "signature": "EqQBCkYIBxgC",
                  "text": "The user wants the weather.",
                  "type": "reasoning.text",
                },
              ],
            },
          },
          "text": "The user wants the weather.",
          "type": "reasoning",
        },
        {
          "text": "Let me check.",
          "type": "text",
        },
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "toolu_01",
          "toolName": "getWeather",
          "type": "tool-call",
        },
      ]
    `);
    expect(finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(providerMetadata.openrouter).toMatchObject({
      provider: 'Anthropic',
      generationId: 'gen-1779334358-5uErgorPN1rJbPw8AVrM',
      nativeFinishReason: 'tool_use',
      reasoning_details: [SIGNED],
    });
    expect(warnings).toEqual([]);
  });

  it('gives each summary section its own part; the last carries all details, encrypted too', () => {
    const details = [
      { type: 'reasoning.summary', summary: '**First**', id: 'rs_1', index: 0 },
      { type: 'reasoning.summary', summary: '**Second**', id: 'rs_1', index: 1 },
      { type: 'reasoning.encrypted', data: 'gAAAAB', id: 'rs_1', index: 2 },
    ];
    const { content } = map(response({ content: 'Done.', reasoning_details: details }));
    expect(content).toEqual([
      { type: 'reasoning', text: '**First**' },
      {
        type: 'reasoning',
        text: '**Second**',
        providerMetadata: { openrouter: { reasoning_details: details } },
      },
      { type: 'text', text: 'Done.' },
    ]);
  });

  it('keeps encrypted-only reasoning as an empty reasoning part, so it can go back', () => {
    const encrypted = { type: 'reasoning.encrypted', data: 'CiQB', format: 'google-gemini-v1' };
    const { content } = map(response({ content: 'Hi', reasoning_details: [encrypted] }));
    expect(content[0]).toEqual({
      type: 'reasoning',
      text: '',
      providerMetadata: { openrouter: { reasoning_details: [encrypted] } },
    });
  });

  it('uses plain `reasoning` only when there are no details', () => {
    expect(map(response({ content: 'Hi', reasoning: 'thinking' })).content).toEqual([
      { type: 'reasoning', text: 'thinking' },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('puts an explicit empty reasoning_details array on the text, but nothing for an absent one', () => {
    expect(map(response({ content: 'Hi', reasoning_details: [] })).content).toEqual([
      { type: 'text', text: 'Hi', providerMetadata: { openrouter: { reasoning_details: [] } } },
    ]);
    expect(map(response({ content: 'Hi' })).content).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('reports tool calls with `stop` as a tool-calls step, keeping the raw reason', () => {
    const { finishReason } = map(
      response({
        content: null,
        tool_calls: [{ id: 'tool_0_f', function: { name: 'f', arguments: '{}' } }],
      }),
    );
    expect(finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('sends "{}" for empty arguments and skips a call without a name, with a warning', () => {
    const { content, finishReason, warnings } = map(
      response({
        tool_calls: [
          { id: 'a', type: 'function', function: { name: 'now', arguments: '' } },
          { id: 'b', type: 'function', function: { name: '', arguments: '{}' } },
        ],
      }),
    );
    expect(content).toEqual([{ type: 'tool-call', toolCallId: 'a', toolName: 'now', input: '{}' }]);
    expect(finishReason.unified).toBe('tool-calls');
    expect(warnings).toEqual([
      {
        type: 'other',
        message: 'OpenRouter returned a tool call without a function name; it was skipped.',
      },
    ]);
  });

  it('replaces a tool-call id the conversation already used and records the upstream id', () => {
    const { content } = map(
      response({
        tool_calls: [
          { id: 'tool_0_f', type: 'function', function: { name: 'f', arguments: '{}' } },
        ],
      }),
      {
        prompt: [
          {
            role: 'assistant',
            content: [{ type: 'tool-call', toolCallId: 'tool_0_f', toolName: 'f', input: {} }],
          },
        ],
      },
    );
    expect(content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_id-0',
        toolName: 'f',
        input: '{}',
        providerMetadata: { openrouter: { toolCallId: 'tool_0_f' } },
      },
    ]);
  });

  it('maps generated images to files and citations to sources; file annotations go to metadata', () => {
    const pdf = { type: 'file', file: { hash: 'abc123', name: 'document.pdf', content: [] } };
    const { content, providerMetadata } = map(
      response({
        content: 'Here you go.',
        images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }],
        annotations: [
          {
            type: 'url_citation',
            url_citation: { url: 'https://www.example.com/r', title: 'Result', start_index: 0 },
          },
          pdf,
        ],
      }),
    );
    expect(content).toEqual([
      { type: 'text', text: 'Here you go.' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      {
        type: 'source',
        sourceType: 'url',
        id: 'source-id-0',
        url: 'https://www.example.com/r',
        title: 'Result',
        providerMetadata: { openrouter: { startIndex: 0 } },
      },
    ]);
    expect(providerMetadata.openrouter?.annotations).toEqual([pdf]);
  });

  it('turns a server tool call detail into a provider-executed call and its result', () => {
    const detail = {
      type: 'reasoning.server_tool_call',
      tool_name: 'openrouter:web_search',
      tool_call_id: 'srvtoolu_1',
      arguments: '{"query":"paris weather"}',
      result: '[{"url":"https://a.test"}]',
    };
    const { content, finishReason } = map(
      response({ content: 'Sunny.', reasoning_details: [detail] }),
      {
        tools: [{ type: 'provider', id: 'openrouter.web_search', name: 'search', args: {} }],
      },
    );
    expect(content.slice(1, 3)).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_1',
        toolName: 'search',
        input: '{"query":"paris weather"}',
        providerExecuted: true,
        providerMetadata: { openrouter: { serverToolCall: true } },
      },
      {
        type: 'tool-result',
        toolCallId: 'srvtoolu_1',
        toolName: 'search',
        result: [{ url: 'https://a.test' }],
        providerMetadata: { openrouter: { serverToolCall: true } },
      },
    ]);
    // The detail still goes back in reasoning_details, carried by the (empty) reasoning part.
    expect(content[0]).toMatchObject({ type: 'reasoning', text: '' });
    // Executed by OpenRouter, not by the app: the step ends normally.
    expect(finishReason.unified).toBe('stop');
  });

  it('passes logprobs through to metadata when the choice has them', () => {
    const logprobs = [{ token: 'Hi', logprob: -0.1, top_logprobs: [] }];
    const { providerMetadata } = map(
      response({ content: 'Hi' }, { logprobs: { content: logprobs } }),
    );
    expect(providerMetadata.openrouter?.logprobs).toEqual(logprobs);
    expect(map(response({ content: 'Hi' })).providerMetadata.openrouter).not.toHaveProperty(
      'logprobs',
    );
  });
});
