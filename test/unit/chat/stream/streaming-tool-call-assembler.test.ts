import {
  InvalidResponseDataError,
  type LanguageModelV4Prompt,
  type LanguageModelV4StreamPart,
  type SharedV4ProviderMetadata,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { mockId } from '@ai-sdk/provider-utils/test';
import { describe, expect, it } from 'vitest';
import { StreamingToolCallAssembler } from '../../../../src/chat/stream/streaming-tool-call-assembler';
import { ToolCallIdAllocator } from '../../../../src/chat/tool-call-ids';

function assembler(
  prompt: LanguageModelV4Prompt = [],
  metadataFor: () => SharedV4ProviderMetadata | undefined = () => undefined,
) {
  const parts: LanguageModelV4StreamPart[] = [];
  const warnings: SharedV4Warning[] = [];
  const tools = new StreamingToolCallAssembler(
    (part) => parts.push(part),
    new ToolCallIdAllocator(prompt, mockId()),
    (warning) => warnings.push(warning),
    metadataFor,
  );
  return { tools, parts, warnings };
}

describe('StreamingToolCallAssembler', () => {
  it('streams one call through start, deltas, end and exactly one tool-call', () => {
    const { tools, parts } = assembler();
    tools.processDelta({
      index: 0,
      id: 'call_1',
      function: { name: 'getWeather', arguments: '' },
    });
    tools.processDelta({ index: 0, function: { arguments: '{"city":' } });
    tools.processDelta({ index: 0, function: { arguments: '"Paris"}' } });
    tools.finalizeAll();
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "id": "call_1",
          "toolName": "getWeather",
          "type": "tool-input-start",
        },
        {
          "delta": "{"city":",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "delta": ""Paris"}",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "id": "call_1",
          "type": "tool-input-end",
        },
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "call_1",
          "toolName": "getWeather",
          "type": "tool-call",
        },
      ]
    `);
    expect(tools.hasCalls).toBe(true);
  });

  it('does not finish a call whose argument prefix already parses as JSON', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { name: 'count', arguments: '12' } });
    expect(parts.map((part) => part.type)).toEqual(['tool-input-start', 'tool-input-delta']);
    tools.processDelta({ index: 0, function: { arguments: '34' } });
    tools.finalizeAll();
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'c', toolName: 'count', input: '1234' },
    ]);
  });

  it('buffers arguments until the name arrives, then sends them as one delta', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { arguments: '{"a"' } });
    tools.processDelta({ index: 0, function: { arguments: ':[1' } });
    expect(parts).toEqual([]);
    tools.processDelta({ index: 0, function: { name: 'late' } });
    expect(parts).toEqual([
      { type: 'tool-input-start', id: 'c', toolName: 'late' },
      { type: 'tool-input-delta', id: 'c', delta: '{"a":[1' },
    ]);
    // A second name does not rename the call.
    tools.processDelta({ index: 0, function: { name: 'other', arguments: ']}' } });
    expect(parts.at(-1)).toEqual({
      type: 'tool-call',
      toolCallId: 'c',
      toolName: 'late',
      input: '{"a":[1]}',
    });
  });

  it('passes on a call whose complete arguments arrived before its name as soon as the name comes', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { arguments: '{"a":1}' } });
    expect(parts).toEqual([]);
    tools.processDelta({ index: 0, function: { name: 'late' } });
    expect(parts).toEqual([
      { type: 'tool-input-start', id: 'c', toolName: 'late' },
      { type: 'tool-input-delta', id: 'c', delta: '{"a":1}' },
      { type: 'tool-input-end', id: 'c' },
      { type: 'tool-call', toolCallId: 'c', toolName: 'late', input: '{"a":1}' },
    ]);
  });

  it('continues the latest call for deltas with neither index nor id', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ id: 'c', function: { name: 'search', arguments: '{"q":' } });
    tools.processDelta({ function: { arguments: '"paris"}' } });
    tools.finalizeAll();
    expect(parts.at(-1)).toEqual({
      type: 'tool-call',
      toolCallId: 'c',
      toolName: 'search',
      input: '{"q":"paris"}',
    });
  });

  it('matches index-less deltas by id', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ id: 'a', function: { name: 'one', arguments: '' } });
    tools.processDelta({ id: 'b', function: { name: 'two', arguments: '' } });
    tools.processDelta({ id: 'b', function: { arguments: '{"y":' } });
    tools.processDelta({ id: 'a', function: { arguments: '{"x":' } });
    tools.processDelta({ id: 'a', function: { arguments: '1}' } });
    tools.processDelta({ id: 'b', function: { arguments: '2}' } });
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'a', toolName: 'one', input: '{"x":1}' },
      { type: 'tool-call', toolCallId: 'b', toolName: 'two', input: '{"y":2}' },
    ]);
  });

  it("starts a new call when a complete call's index comes again with another id and a name", () => {
    // Some upstreams give every parallel call index 0.
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'a', function: { name: 'one', arguments: '{"x":1}' } });
    tools.processDelta({ index: 0, id: 'b', function: { name: 'two', arguments: '{"y":' } });
    tools.processDelta({ index: 0, function: { arguments: '2}' } });
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'a', toolName: 'one', input: '{"x":1}' },
      { type: 'tool-call', toolCallId: 'b', toolName: 'two', input: '{"y":2}' },
    ]);
  });

  it('reports argument text for a call finalised because the next one began', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'a', function: { name: 'one', arguments: '{"x":' } });
    tools.processDelta({ index: 1, id: 'b', function: { name: 'two', arguments: '{}' } });
    tools.processDelta({ index: 0, function: { arguments: ' ' } });
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
    tools.processDelta({ index: 0, function: { arguments: '1}' } });
    tools.finalizeAll();
    expect(parts.filter((part) => part.type === 'tool-call').map((part) => part.input)).toEqual([
      '{"x":',
      '{}',
    ]);
    const errors = parts.filter((part) => part.type === 'error');
    expect(errors).toHaveLength(1);
    expect(InvalidResponseDataError.isInstance(errors[0]?.error)).toBe(true);
  });

  it('keeps parallel calls apart by index even when the upstream repeats their id', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'tool_0', function: { name: 'a', arguments: '{}' } });
    tools.processDelta({ index: 1, id: 'tool_0', function: { name: 'b', arguments: '{}' } });
    tools.finalizeAll();
    expect(
      parts.flatMap((part) =>
        part.type === 'tool-call' ? [[part.toolCallId, part.toolName]] : [],
      ),
    ).toEqual([
      ['tool_0', 'a'],
      ['call_id-0', 'b'],
    ]);
  });

  it.each([
    ['no arguments at all', undefined],
    ['empty arguments', ''],
    ['whitespace', '  \n'],
  ])('sends "{}" for a call with %s', (_, argumentsText) => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { name: 'now', arguments: argumentsText } });
    tools.finalizeAll();
    const types = parts.map((part) => part.type);
    expect(types[0]).toBe('tool-input-start');
    expect(types.slice(-2)).toEqual(['tool-input-end', 'tool-call']);
    expect(parts.at(-1)).toMatchObject({ type: 'tool-call', input: '{}' });
  });

  it('reports a call that never got a name as an error part and does not execute it', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { arguments: '{"a":1}' } });
    tools.processDelta({ index: 1, id: 'd', function: null });
    tools.finalizeAll();
    expect(tools.hasCalls).toBe(false);
    expect(parts.map((part) => part.type)).toEqual(['error', 'error']);
    const [first] = parts;
    const error = first?.type === 'error' ? first.error : undefined;
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseDataError).data).toEqual({ id: 'c', arguments: '{"a":1}' });
  });

  it('ignores ids and indexes of the wrong type, and keeps non-string arguments as JSON text with a warning', () => {
    const { tools, parts, warnings } = assembler();
    tools.processDelta({ index: '0', id: 7, function: { name: 'f', arguments: 42 } });
    tools.processDelta({ index: null, function: { name: '', arguments: '{"ok":true}' } });
    tools.finalizeAll();
    expect(parts.at(-1)).toEqual({
      type: 'tool-call',
      toolCallId: 'call_id-0',
      toolName: 'f',
      input: '42{"ok":true}',
    });
    expect(warnings).toHaveLength(1);
  });

  it('attaches round-trip metadata and the replaced upstream id to the tool-call', () => {
    const { tools, parts } = assembler(
      [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'tool_0_f', toolName: 'f', input: {} }],
        },
      ],
      () => ({ openrouter: { reasoning_details: [{ type: 'reasoning.encrypted' }] } }),
    );
    tools.processDelta({ index: 0, id: 'tool_0_f', function: { name: 'f', arguments: '{}' } });
    tools.finalizeAll();
    expect(parts.at(-1)).toEqual({
      type: 'tool-call',
      toolCallId: 'call_id-0',
      toolName: 'f',
      input: '{}',
      providerMetadata: {
        openrouter: {
          reasoning_details: [{ type: 'reasoning.encrypted' }],
          toolCallId: 'tool_0_f',
        },
      },
    });
  });

  it('finalises each call once: a second finalizeAll emits nothing', () => {
    const { tools, parts } = assembler();
    tools.processDelta({ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } });
    tools.finalizeAll();
    const count = parts.length;
    tools.finalizeAll();
    expect(parts).toHaveLength(count);
  });
});
