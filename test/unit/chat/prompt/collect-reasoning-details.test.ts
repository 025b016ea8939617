/**
 * Where an assistant message's `reasoning_details` come from: this package's snapshots (a later
 * part's array continues an earlier one) and the layouts `@openrouter/ai-sdk-provider` stored
 * (the complete array on the first tool call; one entry per reasoning part of a non-streamed
 * answer), read from the message's parts in order.
 */
import type { JSONValue, LanguageModelV4Message, SharedV4ProviderOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { collectReasoningDetails } from '../../../../src/chat/prompt/collect-reasoning-details';

type AssistantMessage = Extract<LanguageModelV4Message, { role: 'assistant' }>;
type Part = AssistantMessage['content'][number];

const details = (value: JSONValue): SharedV4ProviderOptions => ({
  openrouter: { reasoning_details: value },
});
const reasoning = (text: string, value?: JSONValue): Part => ({
  type: 'reasoning',
  text,
  ...(value !== undefined ? { providerOptions: details(value) } : {}),
});
const toolCall = (id: string, value?: JSONValue): Part => ({
  type: 'tool-call',
  toolCallId: id,
  toolName: 'getWeather',
  input: { city: 'Paris' },
  ...(value !== undefined ? { providerOptions: details(value) } : {}),
});
const message = (...content: Part[]): AssistantMessage => ({ role: 'assistant', content });

const ANTHROPIC = 'anthropic-claude-v1';
const first = {
  type: 'reasoning.text',
  text: 'First thought.',
  signature: 's1',
  format: ANTHROPIC,
  index: 0,
};
const second = {
  type: 'reasoning.text',
  text: 'Second thought.',
  signature: 's2',
  format: ANTHROPIC,
  index: 1,
};
const encrypted = {
  type: 'reasoning.encrypted',
  data: 'enc',
  format: 'google-gemini-v1',
  id: 'tool_0_x',
  index: 0,
};

describe('collectReasoningDetails', () => {
  it('joins the one-entry arrays of reasoning parts (a non-streamed answer of the incumbent)', () => {
    expect(
      collectReasoningDetails(
        message(reasoning('First thought.', [first]), reasoning('Second thought.', [second]), {
          type: 'text',
          text: 'Answer.',
        }),
      ),
    ).toEqual([first, second]);
  });

  it('takes the complete array of the incumbent first tool call over the one-entry parts before it', () => {
    expect(
      collectReasoningDetails(
        message(
          reasoning('First thought.', [first]),
          reasoning('Second thought.', [second]),
          toolCall('a', [first, second, encrypted]),
          toolCall('b'),
        ),
      ),
    ).toEqual([first, second, encrypted]);
  });

  it('takes a later snapshot that continues an earlier one (text grown, signature added)', () => {
    const partial = { type: 'reasoning.text', text: 'First', format: ANTHROPIC, index: 0 };
    expect(
      collectReasoningDetails(
        message(reasoning('First', [partial]), toolCall('a', [first, encrypted])),
      ),
    ).toEqual([first, encrypted]);
    // An earlier snapshot after a complete one changes nothing.
    expect(
      collectReasoningDetails(
        message(toolCall('a', [first, encrypted]), reasoning('First', [partial])),
      ),
    ).toEqual([first, encrypted]);
  });

  it('lets message-level details win, even an empty array', () => {
    const withMessageLevel = (value: JSONValue): AssistantMessage => ({
      ...message(reasoning('First thought.', [first])),
      providerOptions: details(value),
    });
    expect(collectReasoningDetails(withMessageLevel([second]))).toEqual([second]);
    expect(collectReasoningDetails(withMessageLevel([]))).toEqual([]);
  });

  it('keeps an empty array, and is undefined when no part has details', () => {
    expect(collectReasoningDetails(message(reasoning('r', [])))).toEqual([]);
    expect(collectReasoningDetails(message(reasoning('r'), toolCall('a')))).toBeUndefined();
  });
});
