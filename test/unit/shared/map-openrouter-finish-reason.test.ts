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
    [null, 'other'],
    [undefined, 'other'],
    ['end_turn', 'other'],
    ['eos', 'other'],
    ['', 'other'],
  ] as const)('without tool calls maps %j to %s', (finishReason, unified) => {
    expect(mapOpenRouterFinishReason(finishReason, false)).toBe(unified);
  });

  it.each(['stop', 'tool_calls', 'function_call', null, undefined, 'end_turn', 'STOP'])(
    'with tool calls maps %j to tool-calls, so the agent loop goes on',
    (finishReason) => {
      expect(mapOpenRouterFinishReason(finishReason, true)).toBe('tool-calls');
    },
  );

  it.each([
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['error', 'error'],
  ] as const)('a cut generation (%s) wins over tool calls', (finishReason, unified) => {
    expect(mapOpenRouterFinishReason(finishReason, true)).toBe(unified);
  });
});
