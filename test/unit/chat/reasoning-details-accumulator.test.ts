import type { JSONObject } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  ReasoningDetailsAccumulator,
  visibleReasoningText,
} from '../../../src/chat/reasoning-details-accumulator';

describe('visibleReasoningText', () => {
  it.each<[string, JSONObject, string | undefined]>([
    ['reasoning.text', { type: 'reasoning.text', text: 'Let me think' }, 'Let me think'],
    ['reasoning.summary', { type: 'reasoning.summary', summary: '**Plan**' }, '**Plan**'],
    ['encrypted', { type: 'reasoning.encrypted', data: '[REDACTED]' }, undefined],
    ['signature-only text', { type: 'reasoning.text', signature: 'sig' }, undefined],
    ['empty text', { type: 'reasoning.text', text: '' }, undefined],
    ['null text', { type: 'reasoning.text', text: null }, undefined],
    ['unknown type with text', { type: 'reasoning.future', text: 'hidden' }, undefined],
    ['summary under text', { type: 'reasoning.summary', text: 'wrong field' }, undefined],
  ])('%s', (_, detail, expected) => {
    expect(visibleReasoningText(detail)).toBe(expected);
  });
});

describe('ReasoningDetailsAccumulator', () => {
  it("concatenates one block's fragments and merges Anthropic's signature-only last fragment", () => {
    const details = new ReasoningDetailsAccumulator();
    const format = 'anthropic-claude-v1';
    details.add({ type: 'reasoning.text', text: 'Let me check ', format, index: 0 });
    details.add({ type: 'reasoning.text', text: 'the weather.', format, index: 0 });
    details.add({ type: 'reasoning.text', signature: 'EqQBCkYIBxgC', format, index: 0 });
    expect(details.snapshot()).toEqual([
      {
        type: 'reasoning.text',
        text: 'Let me check the weather.',
        format,
        index: 0,
        signature: 'EqQBCkYIBxgC',
      },
    ]);
  });

  it('finds a block by type and index after another block started', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.text', text: 'A1', index: 0 });
    details.add({ type: 'reasoning.text', text: 'B1', index: 1 });
    details.add({ type: 'reasoning.text', text: 'A2', index: 0 });
    details.add({ type: 'reasoning.text', signature: 'sig-b', index: 1 });
    expect(details.snapshot()).toEqual([
      { type: 'reasoning.text', text: 'A1A2', index: 0 },
      { type: 'reasoning.text', text: 'B1', index: 1, signature: 'sig-b' },
    ]);
  });

  it('keeps summary sections with different indices apart', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.summary', summary: '**First**', index: 0 });
    details.add({ type: 'reasoning.summary', summary: ' idea.', index: 0 });
    details.add({ type: 'reasoning.summary', summary: '**Second**', index: 1 });
    expect(details.snapshot()).toEqual([
      { type: 'reasoning.summary', summary: '**First** idea.', index: 0 },
      { type: 'reasoning.summary', summary: '**Second**', index: 1 },
    ]);
  });

  it('continues the previous entry of the same type for fragments without an index', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.summary', summary: 'one ' });
    details.add({ type: 'reasoning.summary', summary: 'two' });
    details.add({ type: 'reasoning.encrypted', data: 'gAAAA' });
    details.add({ type: 'reasoning.summary', summary: 'three' });
    expect(details.snapshot()).toEqual([
      { type: 'reasoning.summary', summary: 'one two' },
      { type: 'reasoning.encrypted', data: 'gAAAA' },
      { type: 'reasoning.summary', summary: 'three' },
    ]);
  });

  it('keeps every field of unknown types and formats', () => {
    const details = new ReasoningDetailsAccumulator();
    const detail = {
      type: 'reasoning.server_tool_call',
      tool_name: 'web_search',
      arguments: '{"q":"x"}',
      result: '[]',
      format: 'some-future-format',
      index: 3,
    };
    details.add(detail);
    expect(details.snapshot()).toEqual([detail]);
  });

  it('does not let null or undefined fields of a later fragment erase earlier ones', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.text', text: 'x', id: 'rs_1', format: 'f', index: 0 });
    details.add({ type: 'reasoning.text', text: null, id: null, signature: 's', index: 0 });
    expect(details.snapshot()).toEqual([
      { type: 'reasoning.text', text: 'x', id: 'rs_1', format: 'f', index: 0, signature: 's' },
    ]);
  });

  it('ignores a __proto__ key in a fragment', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.text', text: 'a', index: 0 });
    details.add(JSON.parse('{"type":"reasoning.text","index":0,"__proto__":{"polluted":true}}'));
    const [entry] = details.snapshot();
    expect(entry).toEqual({ type: 'reasoning.text', text: 'a', index: 0 });
    expect((entry as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands out snapshots that later fragments do not change', () => {
    const details = new ReasoningDetailsAccumulator();
    details.add({ type: 'reasoning.text', text: 'Hello', index: 0 });
    const early = details.snapshot();
    details.add({ type: 'reasoning.text', text: ' world', index: 0 });
    details.add({ type: 'reasoning.text', signature: 'sig', index: 0 });
    expect(early).toEqual([{ type: 'reasoning.text', text: 'Hello', index: 0 }]);
    expect(details.snapshot()).toEqual([
      { type: 'reasoning.text', text: 'Hello world', index: 0, signature: 'sig' },
    ]);
  });

  it('does not keep a reference to the caller-owned first fragment', () => {
    const details = new ReasoningDetailsAccumulator();
    const fragment: JSONObject = { type: 'reasoning.text', text: 'a', index: 0 };
    details.add(fragment);
    details.add({ type: 'reasoning.text', text: 'b', index: 0 });
    expect(fragment).toEqual({ type: 'reasoning.text', text: 'a', index: 0 });
  });

  it('counts changes in version, and an explicit empty array as one change', () => {
    const details = new ReasoningDetailsAccumulator();
    expect(details.version).toBe(0);
    details.markPresent();
    expect(details.version).toBe(1);
    expect(details.snapshot()).toEqual([]);
    details.add({ type: 'reasoning.text', text: 'a' });
    details.add({ type: 'reasoning.text', text: 'b' });
    expect(details.version).toBe(3);
    details.markPresent();
    expect(details.version).toBe(3);
  });
});
