import {
  APICallError,
  InvalidResponseDataError,
  type LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  TRANSCRIPT_BEDROCK_TOOL_CALL,
  TRANSCRIPT_DEEPSEEK_LENGTH,
  TRANSCRIPT_MID_STREAM_ERROR,
  TRANSCRIPT_REASONING_TOOL_CALL,
} from '../../../../src/testing/index';
import { chunk, runStream, sse, types } from '../../../helpers/run-stream';

type Part<T extends LanguageModelV4StreamPart['type']> = Extract<
  LanguageModelV4StreamPart,
  { type: T }
>;

function only<T extends LanguageModelV4StreamPart['type']>(
  parts: LanguageModelV4StreamPart[],
  type: T,
): Part<T>[] {
  return parts.filter((part): part is Part<T> => part.type === type);
}

function finishOf(parts: LanguageModelV4StreamPart[]): Part<'finish'> {
  const last = parts[parts.length - 1];
  expect(last?.type).toBe('finish');
  return last as Part<'finish'>;
}

describe('stream state machine on documented transcripts', () => {
  it('Anthropic reasoning + text + tool call: order, signature, usage', async () => {
    const parts = await runStream(TRANSCRIPT_REASONING_TOOL_CALL);
    // One read: the two deltas of each block are joined into one part.
    expect(types(parts)).toEqual([
      'stream-start',
      'ping',
      'ping',
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    expect(parts[3]).toEqual({
      type: 'response-metadata',
      id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
      modelId: 'anthropic/claude-sonnet-4.5',
      timestamp: new Date(1791500000 * 1000),
    });
    const reasoningEnd = only(parts, 'reasoning-end')[0]!;
    expect(reasoningEnd.providerMetadata).toEqual({
      openrouter: {
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: 'The user wants the weather in Paris. I should call get_weather.',
            signature: 'EqQBCkgIChABGAIqQGs1c2lnbmF0dXJlLWV4YW1wbGU=',
            format: 'anthropic-claude-v1',
            index: 0,
          },
        ],
      },
    });
    expect(only(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'toolu_01A09q90qw90lq917835lq9',
        toolName: 'get_weather',
        input: '{"city":"Paris"}',
      },
    ]);
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(finish.usage).toEqual({
      inputTokens: { total: 412, noCache: 412, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 96, text: 38, reasoning: 58 },
      raw: expect.objectContaining({ prompt_tokens: 412, cost: 0.002676 }),
    });
    expect(finish.providerMetadata?.openrouter).toMatchObject({
      provider: 'Anthropic',
      generationId: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
      nativeFinishReason: 'tool_use',
      isByok: false,
      usage: {
        promptTokens: 412,
        completionTokens: 96,
        totalTokens: 508,
        cost: 0.002676,
        costDetails: { upstreamInferenceCost: 0.002676 },
        completionTokensDetails: { reasoningTokens: 58 },
      },
    });
  });

  it('DeepSeek capture: usage on the finish chunk, length stop, plain reasoning details', async () => {
    const parts = await runStream(TRANSCRIPT_DEEPSEEK_LENGTH);
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(finish.usage.inputTokens.total).toBe(37);
    expect(finish.usage.outputTokens).toEqual({ total: 8, text: 0, reasoning: 8 });
    expect(only(parts, 'reasoning-delta').map((part) => part.delta)).toEqual(['The']);
  });

  it('Bedrock capture: a zero-argument tool call becomes input "{}" exactly once', async () => {
    const parts = await runStream(TRANSCRIPT_BEDROCK_TOOL_CALL);
    expect(only(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'toolu_bdrk_01AMXFNuQYF6fxS1hryPtu9K',
        toolName: 'get_all_tabs',
        input: '{}',
      },
    ]);
    const finish = finishOf(parts);
    expect(finish.finishReason.unified).toBe('tool-calls');
    expect(finish.usage.inputTokens.total).toBe(25105);
    expect(finish.providerMetadata?.openrouter).toMatchObject({ provider: 'Amazon Bedrock' });
  });

  it('mid-stream error chunk: typed retryable APICallError, text kept, finish error', async () => {
    const parts = await runStream(TRANSCRIPT_MID_STREAM_ERROR);
    expect(only(parts, 'text-delta').map((part) => part.delta)).toEqual(['Once upon a']);
    const errors = only(parts, 'error');
    expect(errors).toHaveLength(1);
    const error = errors[0]!.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 502,
      isRetryable: true,
      message:
        'Provider disconnected unexpectedly. The upstream provider failed; it can be retried, or add fallback models (models).',
    });
    expect(finishOf(parts).finishReason).toEqual({ unified: 'error', raw: 'error' });
  });
});

describe('stream state machine rules', () => {
  it('finalises a tool call on structure, not on a JSON-parsable prefix', async () => {
    const parts = await runStream(
      sse([
        chunk({
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'n', arguments: '12' } },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '34' } }] }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    expect(only(parts, 'tool-call').map((part) => part.input)).toEqual(['1234']);
    expect(only(parts, 'tool-input-end')).toHaveLength(1);
  });

  it('passes a tool call on as soon as its arguments form a complete object, before the finish', async () => {
    const parts = await runStream(
      sse([
        chunk({
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"q":"}{\\"",' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"n":[1,{}]}' } }] }),
        chunk({ content: 'after the call' }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    expect(
      types(parts).filter((type) => type !== 'stream-start' && type !== 'response-metadata'),
    ).toEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(only(parts, 'tool-call')[0]?.input).toBe('{"q":"}{\\"","n":[1,{}]}');
    expect(JSON.parse(only(parts, 'tool-call')[0]!.input)).toEqual({ q: '}{"', n: [1, {}] });
  });

  it('ignores whitespace after a complete call, and reports other text as an error part', async () => {
    const call = (args: string) =>
      chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] });
    const head = chunk({
      tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '' } }],
    });
    const fine = await runStream(
      sse([head, call('{"a":1}\n'), call('  '), chunk({}, {}, { finish_reason: 'tool_calls' })]),
    );
    expect(only(fine, 'error')).toEqual([]);
    expect(only(fine, 'tool-input-delta').map((part) => part.delta)).toEqual(['{"a":1}']);
    expect(only(fine, 'tool-call').map((part) => part.input)).toEqual(['{"a":1}']);

    const extra = await runStream(
      sse([
        head,
        call('{"a":1}'),
        call('{"a":1}'),
        call(', "b": 2'),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    // One error for the call, not one per fragment; the tool keeps its complete input.
    const errors = only(extra, 'error');
    expect(errors).toHaveLength(1);
    expect(InvalidResponseDataError.isInstance(errors[0]?.error)).toBe(true);
    expect((errors[0]!.error as Error).message).toContain('after they were complete');
    expect(only(extra, 'tool-call').map((part) => part.input)).toEqual(['{"a":1}']);
    expect(only(extra, 'tool-input-end')).toHaveLength(1);
    expect(finishOf(extra).finishReason.unified).toBe('tool-calls');
  });

  it('finalises a call when the next one begins, but not calls whose heads arrive together', async () => {
    const parts = await runStream(
      sse([
        chunk({
          tool_calls: [
            { index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '' } },
            { index: 1, id: 'b', type: 'function', function: { name: 'g', arguments: '' } },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '[1,' } }] }),
        chunk({ tool_calls: [{ index: 1, function: { arguments: '7' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '2]' } }] }),
        chunk({ tool_calls: [{ index: 1, function: { arguments: '8' } }] }),
        // A third call begins: the two before it are over.
        chunk({
          tool_calls: [
            { index: 2, id: 'c', type: 'function', function: { name: 'h', arguments: '1' } },
          ],
        }),
        chunk({ content: 'x' }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    const tail = types(parts).slice(types(parts).indexOf('tool-input-end'));
    expect(tail).toEqual([
      'tool-input-end',
      'tool-call',
      'tool-input-end',
      'tool-call',
      'tool-input-start',
      'tool-input-delta',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    expect(only(parts, 'tool-call').map((part) => [part.toolCallId, part.input])).toEqual([
      ['a', '[1,2]'],
      ['b', '78'],
      ['c', '1'],
    ]);
    expect(only(parts, 'error')).toEqual([]);
  });

  it('sends reasoning details that arrive after an early tool call on a reasoning part at the end', async () => {
    const format = 'anthropic-claude-v1';
    const parts = await runStream(
      sse([
        chunk({ reasoning_details: [{ type: 'reasoning.text', text: 'think', format, index: 0 }] }),
        chunk({
          tool_calls: [
            { index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } },
          ],
        }),
        // Anthropic's signature-only delta, after the call was already passed on.
        chunk({
          reasoning_details: [{ type: 'reasoning.text', signature: 'SIG', format, index: 0 }],
        }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    const complete = [
      { type: 'reasoning.text', text: 'think', signature: 'SIG', format, index: 0 },
    ];
    const toolCallAt = types(parts).indexOf('tool-call');
    const lastReasoningEnd = types(parts).lastIndexOf('reasoning-end');
    expect(lastReasoningEnd).toBeGreaterThan(toolCallAt);
    expect(parts[lastReasoningEnd]).toMatchObject({
      providerMetadata: { openrouter: { reasoning_details: complete } },
    });
    expect(finishOf(parts).providerMetadata?.openrouter).toMatchObject({
      reasoning_details: complete,
    });
  });

  it('accepts deltas without type, index or repeated ids, and a name that arrives late', async () => {
    const parts = await runStream(
      sse([
        chunk({ tool_calls: [{ id: 'call_a', function: { arguments: '{"a"' } }] }),
        chunk({ tool_calls: [{ id: 'call_a', function: { name: 'lookup', arguments: ':1}' } }] }),
        chunk({ tool_calls: [{ function: { arguments: '' } }] }),
        chunk({}, {}, { finish_reason: 'stop' }),
      ]),
    );
    // Arguments that arrived before the name are emitted as the first delta after the start.
    expect(types(parts).filter((type) => type.startsWith('tool'))).toEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(only(parts, 'tool-input-delta').map((part) => part.delta)).toEqual(['{"a":1}']);
    expect(only(parts, 'tool-call')[0]).toMatchObject({
      toolCallId: 'call_a',
      toolName: 'lookup',
      input: '{"a":1}',
    });
    // `stop` with a tool call is still a tool-calls step, or the agent loop would end there.
    expect(finishOf(parts).finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('replaces tool-call ids that repeat ids from the conversation or the response', async () => {
    const parts = await runStream(
      sse([
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'tool_0_search',
              type: 'function',
              function: { name: 'search', arguments: '{}' },
            },
            {
              index: 1,
              id: 'tool_0_search',
              type: 'function',
              function: { name: 'search', arguments: '{}' },
            },
            { index: 2, type: 'function', function: { name: 'search', arguments: '{}' } },
          ],
        }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
      {
        prompt: [
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', toolCallId: 'tool_0_search', toolName: 'search', input: {} },
            ],
          },
        ],
      },
    );
    const ids = only(parts, 'tool-call').map((part) => part.toolCallId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain('tool_0_search');
    // Each id is used consistently through the call's lifecycle.
    for (const id of ids) {
      expect(
        parts.filter((part) => 'id' in part && part.id === id).map((part) => part.type),
      ).toEqual(['tool-input-start', 'tool-input-delta', 'tool-input-end']);
    }
  });

  it('reports a tool call that never gets a name as an error, and still finishes', async () => {
    const parts = await runStream(
      sse([
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] }),
        chunk({}, {}, { finish_reason: 'tool_calls' }),
      ]),
    );
    expect(only(parts, 'tool-call')).toHaveLength(0);
    expect(only(parts, 'error')[0]?.error).toMatchObject({
      message: expect.stringContaining('without a function name'),
    });
    expect(finishOf(parts)).toBeDefined();
  });

  it('opens a new reasoning block for reasoning after text, closing the text first', async () => {
    const parts = await runStream(
      sse([
        chunk({ reasoning: 'first thought' }),
        chunk({ content: 'answer' }),
        chunk({ reasoning: 'second thought' }),
        chunk({ content: ' more' }, {}, { finish_reason: 'stop' }),
      ]),
    );
    expect(
      types(parts).filter((type) => /start|end/.test(type) && type !== 'stream-start'),
    ).toEqual([
      'reasoning-start',
      'reasoning-end',
      'text-start',
      'text-end',
      'reasoning-start',
      'reasoning-end',
      'text-start',
      'text-end',
    ]);
    expect(only(parts, 'reasoning-delta').map((part) => part.delta)).toEqual([
      'first thought',
      'second thought',
    ]);
    const ids = parts
      .filter((part) => part.type.endsWith('-start') && 'id' in part)
      .map((part) => (part as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps summary sections apart and encrypted details out of the visible text', async () => {
    const format = 'openai-responses-v1';
    const parts = await runStream(
      sse([
        chunk({
          reasoning_details: [
            { type: 'reasoning.summary', summary: '**Plan** a', format, index: 0 },
          ],
        }),
        chunk({
          reasoning_details: [{ type: 'reasoning.summary', summary: 'b', format, index: 0 }],
        }),
        chunk({
          reasoning_details: [
            { type: 'reasoning.summary', summary: '**Check** c', format, index: 1 },
          ],
        }),
        chunk({
          reasoning_details: [
            { type: 'reasoning.encrypted', data: 'gAAAAB', id: 'rs_1', format, index: 0 },
          ],
        }),
        chunk({ content: 'done' }, {}, { finish_reason: 'stop' }),
      ]),
    );
    expect(only(parts, 'reasoning-start')).toHaveLength(2);
    expect(only(parts, 'reasoning-delta').map((part) => part.delta)).toEqual([
      '**Plan** ab',
      '**Check** c',
    ]);
    const details = finishOf(parts).providerMetadata?.openrouter?.reasoning_details;
    expect(details).toEqual([
      { type: 'reasoning.summary', summary: '**Plan** ab', format, index: 0 },
      { type: 'reasoning.summary', summary: '**Check** c', format, index: 1 },
      { type: 'reasoning.encrypted', data: 'gAAAAB', id: 'rs_1', format, index: 0 },
    ]);
    // The round-tripped part that closes last carries the complete details.
    const carriers = parts.filter(
      (part) =>
        'providerMetadata' in part &&
        part.type !== 'finish' &&
        part.providerMetadata?.openrouter?.reasoning_details,
    );
    expect(carriers.at(-1)).toMatchObject({
      providerMetadata: { openrouter: { reasoning_details: details } },
    });
  });

  it('attaches a signature that arrives after the text started to the text-end', async () => {
    const format = 'anthropic-claude-v1';
    const parts = await runStream(
      sse([
        chunk({ reasoning_details: [{ type: 'reasoning.text', text: 'hmm', format, index: 0 }] }),
        chunk({ content: 'Hi' }),
        chunk({
          reasoning_details: [{ type: 'reasoning.text', signature: 'SIG', format, index: 0 }],
        }),
        chunk({ content: '!' }, {}, { finish_reason: 'stop' }),
      ]),
    );
    expect(only(parts, 'reasoning-end')[0]?.providerMetadata).toEqual({
      openrouter: {
        reasoning_details: [{ type: 'reasoning.text', text: 'hmm', format, index: 0 }],
      },
    });
    expect(only(parts, 'text-end')[0]?.providerMetadata).toEqual({
      openrouter: {
        reasoning_details: [
          { type: 'reasoning.text', text: 'hmm', signature: 'SIG', format, index: 0 },
        ],
      },
    });
    // A signature-only delta does not produce an empty reasoning-delta or reopen reasoning.
    expect(only(parts, 'reasoning-start')).toHaveLength(1);
  });

  it('carries encrypted-only reasoning on an empty reasoning block', async () => {
    const detail = {
      type: 'reasoning.encrypted',
      data: 'CiQB',
      format: 'google-gemini-v1',
      index: 0,
    };
    const parts = await runStream(
      sse([chunk({ reasoning_details: [detail] }, {}, { finish_reason: 'stop' })]),
    );
    expect(only(parts, 'reasoning-delta')).toHaveLength(0);
    expect(only(parts, 'reasoning-end')).toEqual([
      {
        type: 'reasoning-end',
        id: expect.any(String),
        providerMetadata: { openrouter: { reasoning_details: [detail] } },
      },
    ]);
  });

  it('reports a stream cut without finish reason or [DONE] as a retryable error, keeping the text and usage', async () => {
    const parts = await runStream(
      sse(
        [
          chunk({ content: 'partial' }),
          chunk(undefined, { usage: { prompt_tokens: 5, completion_tokens: 1 } }),
        ],
        {
          done: false,
        },
      ),
    );
    expect(only(parts, 'text-delta').map((part) => part.delta)).toEqual(['partial']);
    const error = only(parts, 'error')[0]?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
    const finish = finishOf(parts);
    expect(finish.finishReason.unified).toBe('error');
    expect(finish.usage.inputTokens.total).toBe(5);
    expect(only(parts, 'text-end')).toHaveLength(1);
  });

  it('turns a connection reset into a retryable error part followed by finish', async () => {
    const parts = await runStream(sse([chunk({ content: 'par' })], { done: false }), {
      failWith: new TypeError('terminated'),
    });
    const error = only(parts, 'error')[0]?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining('terminated'),
    });
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('keeps usage when a field is null or of a new kind', async () => {
    const parts = await runStream(
      sse([
        chunk({ content: 'ok' }, {}, { finish_reason: 'stop' }),
        chunk(undefined, {
          usage: {
            prompt_tokens: 10,
            completion_tokens: 2,
            cost: null,
            prompt_tokens_details: { cached_tokens: null },
            completion_tokens_details: {},
            brand_new_field: { x: 1 },
          },
        }),
      ]),
    );
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(finish.usage.inputTokens).toEqual({
      total: 10,
      noCache: 10,
      cacheRead: undefined,
      cacheWrite: undefined,
    });
    expect(finish.providerMetadata?.openrouter).toMatchObject({
      usage: { promptTokens: 10, totalTokens: 12 },
    });
    expect(only(parts, 'error')).toHaveLength(0);
  });

  it('reports a malformed data line as an error without losing the rest', async () => {
    const parts = await runStream(
      `${sse([chunk({ content: 'a' })], { done: false })}data: {not json\n\n${sse([chunk({ content: 'b' }, {}, { finish_reason: 'stop' })])}`,
    );
    expect(only(parts, 'text-delta').map((part) => part.delta)).toEqual(['a', 'b']);
    expect(only(parts, 'error')).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('ignores anything after [DONE] and emits one response-metadata', async () => {
    const parts = await runStream(
      `${sse([chunk({ content: 'a' }), chunk({ content: 'b' }, {}, { finish_reason: 'stop' })])}${sse([chunk({ content: 'late' })])}`,
    );
    expect(only(parts, 'text-delta').map((part) => part.delta)).toEqual(['ab']);
    expect(only(parts, 'response-metadata')).toHaveLength(1);
  });

  it('emits raw chunks only when asked', async () => {
    const transcript = sse([chunk({ content: 'a' }, {}, { finish_reason: 'stop' })]);
    expect(only(await runStream(transcript), 'raw')).toHaveLength(0);
    const raw = only(await runStream(transcript, { includeRawChunks: true }), 'raw');
    expect(raw).toHaveLength(1);
    expect(raw[0]?.rawValue).toMatchObject({ id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt' });
  });

  it('maps url_citation annotations to deduplicated sources and images to files', async () => {
    const citation = (url: string) => ({
      type: 'url_citation',
      url_citation: { url, title: 'T', start_index: 1, end_index: 4 },
    });
    const parts = await runStream(
      sse([
        chunk({
          content: 'see',
          annotations: [citation('https://a.example'), citation('https://a.example')],
        }),
        chunk({ annotations: [citation('https://a.example'), citation('https://b.example')] }),
        chunk(
          {
            images: [
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            ],
          },
          {},
          { finish_reason: 'stop' },
        ),
      ]),
    );
    const sources = only(parts, 'source');
    expect(sources.map((source) => (source.sourceType === 'url' ? source.url : ''))).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(new Set(sources.map((source) => source.id)).size).toBe(2);
    expect(sources[0]).toMatchObject({
      title: 'T',
      providerMetadata: { openrouter: { startIndex: 1, endIndex: 4 } },
    });
    expect(only(parts, 'file')).toEqual([
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
  });

  it('surfaces a server tool call as provider-executed tool-call and tool-result parts', async () => {
    const detail = {
      type: 'reasoning.server_tool_call',
      tool_name: 'openrouter:web_search',
      tool_call_id: 'srv_1',
      arguments: '{"query":"paris weather"}',
      result: '{"results":[{"url":"https://a.example"}]}',
      format: 'unknown',
      index: 0,
    };
    const parts = await runStream(
      sse([
        chunk({ reasoning_details: [detail] }),
        chunk({ content: 'Sunny.' }, {}, { finish_reason: 'stop' }),
      ]),
      {
        tools: [{ type: 'provider', id: 'openrouter.web_search', name: 'search', args: {} }],
      },
    );
    const metadata = { openrouter: { serverToolCall: true } };
    expect(only(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'srv_1',
        toolName: 'search',
        input: '{"query":"paris weather"}',
        providerExecuted: true,
        providerMetadata: metadata,
      },
    ]);
    expect(only(parts, 'tool-result')).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'srv_1',
        toolName: 'search',
        result: { results: [{ url: 'https://a.example' }] },
        providerMetadata: metadata,
      },
    ]);
    // Provider-executed calls do not make this a client tool-calls step, and the detail is kept.
    const finish = finishOf(parts);
    expect(finish.finishReason.unified).toBe('stop');
    expect(finish.providerMetadata?.openrouter?.reasoning_details).toEqual([detail]);
  });

  it('reports a server tool call the app did not register as a dynamic tool', async () => {
    const detail = {
      type: 'reasoning.server_tool_call',
      tool_name: 'datetime',
      arguments: '',
      result: 'now',
    };
    const parts = await runStream(
      sse([chunk({ reasoning_details: [detail] }, {}, { finish_reason: 'stop' })]),
    );
    expect(only(parts, 'tool-call')[0]).toMatchObject({
      toolName: 'datetime',
      input: '{}',
      dynamic: true,
    });
    expect(only(parts, 'tool-result')[0]).toMatchObject({
      toolName: 'datetime',
      result: 'now',
      dynamic: true,
    });
  });

  it('carries an explicit empty reasoning_details array back, but not an absent one', async () => {
    const withEmpty = await runStream(
      sse([chunk({ content: 'hi', reasoning_details: [] }, {}, { finish_reason: 'stop' })]),
    );
    expect(only(withEmpty, 'text-end')[0]?.providerMetadata).toEqual({
      openrouter: { reasoning_details: [] },
    });
    const without = await runStream(sse([chunk({ content: 'hi' }, {}, { finish_reason: 'stop' })]));
    expect(only(without, 'text-end')[0]?.providerMetadata).toBeUndefined();
  });
});
