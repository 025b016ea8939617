import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { ToolCallIdAllocator } from '../../../src/chat/tool-call-ids';

const prompt: LanguageModelV4Prompt = [
  {
    role: 'assistant',
    content: [{ type: 'tool-call', toolCallId: 'call_fixed', toolName: 't', input: {} }],
  },
];

describe('ToolCallIdAllocator', () => {
  it('keeps an unused upstream id and replaces a repeat, keeping the upstream one for the wire', () => {
    const ids = new ToolCallIdAllocator(prompt, () => 'new');
    expect(ids.allocate('tool_0')).toEqual({ id: 'tool_0' });
    expect(ids.allocate('call_fixed')).toEqual({ id: 'call_new', wireId: 'call_fixed' });
  });

  it('terminates with distinct ids when generateId returns a constant', () => {
    let calls = 0;
    const ids = new ToolCallIdAllocator(prompt, () => {
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
