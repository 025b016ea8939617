import { describe, expect, it } from 'vitest';
import { mapOpenRouterFinishReason } from '../../../src/shared/map-openrouter-finish-reason';

describe('mapOpenRouterFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['error', 'error'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['eos', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ] as const)('without tool calls maps %s to %s', (raw, unified) => {
    expect(mapOpenRouterFinishReason(raw, false)).toBe(unified);
  });

  it.each(['stop', null, undefined, 'end_turn', 'tool_calls'] as const)(
    'with tool calls maps %s to tool-calls, so an agent loop goes on',
    (raw) => {
      expect(mapOpenRouterFinishReason(raw, true)).toBe('tool-calls');
    },
  );

  it.each([
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['error', 'error'],
  ] as const)('a cut generation (%s) wins over tool calls', (raw, unified) => {
    expect(mapOpenRouterFinishReason(raw, true)).toBe(unified);
  });
});
