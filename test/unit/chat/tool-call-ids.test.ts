import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { mockId } from '@ai-sdk/provider-utils/test';
import { describe, expect, it } from 'vitest';
import { ToolCallIdAllocator, toolCallProviderMetadata } from '../../../src/chat/tool-call-ids';

/** A conversation in which Gemini's `tool_0_getWeather` was already used (and answered). */
const PROMPT: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
  {
    role: 'assistant',
    content: [
      { type: 'tool-call', toolCallId: 'tool_0_getWeather', toolName: 'getWeather', input: {} },
    ],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'tool_0_getWeather',
        toolName: 'getWeather',
        output: { type: 'text', value: 'sunny' },
      },
      {
        type: 'tool-result',
        toolCallId: 'answered_only',
        toolName: 'getWeather',
        output: { type: 'text', value: 'rainy' },
      },
    ],
  },
];

describe('ToolCallIdAllocator', () => {
  it('keeps an upstream id that is new to the conversation', () => {
    const ids = new ToolCallIdAllocator(PROMPT, mockId());
    expect(ids.allocate('toolu_01')).toEqual({ id: 'toolu_01' });
    expect(ids.allocate('toolu_02')).toEqual({ id: 'toolu_02' });
  });

  it('replaces an id used earlier in the conversation and remembers the upstream id', () => {
    const ids = new ToolCallIdAllocator(PROMPT, mockId());
    expect(ids.allocate('tool_0_getWeather')).toEqual({
      id: 'call_id-0',
      wireId: 'tool_0_getWeather',
    });
    // Tool results count as history too.
    expect(ids.allocate('answered_only')).toEqual({ id: 'call_id-1', wireId: 'answered_only' });
  });

  it('replaces a repeat within one response without recording an upstream id (the first call keeps it)', () => {
    const ids = new ToolCallIdAllocator([], mockId());
    expect(ids.allocate('tool_0_search')).toEqual({ id: 'tool_0_search' });
    expect(ids.allocate('tool_0_search')).toEqual({ id: 'call_id-0' });
    expect(ids.allocate('tool_0_search')).toEqual({ id: 'call_id-1' });
  });

  it.each([undefined, null, ''])('generates an id when the upstream sent %j', (proposed) => {
    const ids = new ToolCallIdAllocator([], mockId({ prefix: 'gen' }));
    expect(ids.allocate(proposed)).toEqual({ id: 'call_gen-0' });
    expect(ids.allocate(proposed)).toEqual({ id: 'call_gen-1' });
  });

  it('numbers a generated id that collides with the history or the response, never drawing in a loop', () => {
    const sequence = ['a', 'b', 'a', 'c'];
    const ids = new ToolCallIdAllocator(
      [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'call_a', toolName: 't', input: {} }],
        },
      ],
      () => sequence.shift() ?? 'exhausted',
    );
    expect(ids.allocate(undefined)).toEqual({ id: 'call_a_1' });
    expect(ids.allocate(undefined)).toEqual({ id: 'call_b' });
    expect(ids.allocate(undefined)).toEqual({ id: 'call_a_2' });
    expect(ids.allocate(undefined)).toEqual({ id: 'call_c' });
  });

  it('treats an upstream id equal to one generated earlier in the response as a repeat', () => {
    const ids = new ToolCallIdAllocator([], mockId());
    const first = ids.allocate(undefined);
    // The upstream happens to use the id we generated: it is a repeat now.
    expect(ids.allocate(first.id)).toEqual({ id: 'call_id-1' });
  });
});

describe('toolCallProviderMetadata', () => {
  it('passes other metadata through when the id was not replaced', () => {
    const other = { openrouter: { reasoning_details: [] } };
    expect(toolCallProviderMetadata({ id: 'toolu_01' }, other)).toBe(other);
    expect(toolCallProviderMetadata({ id: 'toolu_01' }, undefined)).toBeUndefined();
  });

  it('adds the upstream id under openrouter.toolCallId, keeping the other keys', () => {
    expect(
      toolCallProviderMetadata(
        { id: 'call_1', wireId: 'tool_0_getWeather' },
        { openrouter: { reasoning_details: [] }, other: { x: 1 } },
      ),
    ).toEqual({
      openrouter: { reasoning_details: [], toolCallId: 'tool_0_getWeather' },
      other: { x: 1 },
    });
    expect(toolCallProviderMetadata({ id: 'call_1', wireId: 'w' }, undefined)).toEqual({
      openrouter: { toolCallId: 'w' },
    });
  });
});

const PROMPT_WITH_FIXED_ID: LanguageModelV4Prompt = [
  {
    role: 'assistant',
    content: [{ type: 'tool-call', toolCallId: 'call_fixed', toolName: 't', input: {} }],
  },
];

describe('ToolCallIdAllocator with a generateId that repeats itself', () => {
  it('keeps an unused upstream id and replaces a repeat, keeping the upstream one for the wire', () => {
    const ids = new ToolCallIdAllocator(PROMPT_WITH_FIXED_ID, () => 'new');
    expect(ids.allocate('tool_0')).toEqual({ id: 'tool_0' });
    expect(ids.allocate('call_fixed')).toEqual({ id: 'call_new', wireId: 'call_fixed' });
  });

  it('terminates with distinct ids when generateId returns a constant', () => {
    let calls = 0;
    const ids = new ToolCallIdAllocator(PROMPT_WITH_FIXED_ID, () => {
      calls++;
      return 'fixed';
    });
    // `call_fixed` is taken by the prompt: the first fresh id is already numbered.
    const allocated = [ids.allocate(undefined), ids.allocate(''), ids.allocate(null)];
    expect(allocated.map((a) => a.id)).toEqual(['call_fixed_1', 'call_fixed_2', 'call_fixed_3']);
    expect(calls).toBe(3);
  });

  it('numbers past ids an upstream already used', () => {
    const ids = new ToolCallIdAllocator([], () => 'x');
    expect(ids.allocate('call_x_1').id).toBe('call_x_1');
    expect(ids.allocate(undefined).id).toBe('call_x');
    expect(ids.allocate(undefined).id).toBe('call_x_2');
  });
});
