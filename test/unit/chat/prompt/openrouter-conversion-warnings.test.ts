/**
 * Prompt content that OpenRouter chat messages cannot carry: dropped with a warning, never
 * silently and never as an empty part.
 */
import { describe, expect, it } from 'vitest';
import { dropped, unknownType } from '../../../../src/chat/prompt/openrouter-conversion-warnings';
import {
  convert,
  convertAssistant,
  data,
  file,
  PDF_BASE64,
  PNG_BYTES,
  toolResult,
} from '../../../helpers/prompt';

describe('user messages', () => {
  it('warns about an unknown part type instead of sending an empty text part', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [{ type: 'text', text: 'a' }, { type: 'hologram', payload: 1 } as never],
      },
    ]);
    expect(messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'a' }] }]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"hologram"') }]);
  });
});

describe('assistant messages', () => {
  it('drops provider-executed tool calls and results with warnings', () => {
    const { message, warnings } = convertAssistant([
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 'web_search',
        input: {},
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'web_search',
        output: { type: 'text', value: 'r' },
      },
      { type: 'text', text: 'done' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'done' });
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('provider-executed tool call "web_search"'),
      },
      {
        type: 'other',
        message: expect.stringContaining('provider-executed tool result "web_search"'),
      },
    ]);
  });

  it('drops non-image files with a warning', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'a' },
      file(data(PDF_BASE64), 'application/pdf'),
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a' });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('application/pdf') },
    ]);
  });

  it('drops reasoning-file, custom and unknown parts with warnings', () => {
    const { message, warnings } = convertAssistant([
      { type: 'reasoning-file', data: data(PNG_BYTES) as never, mediaType: 'image/png' },
      { type: 'custom', kind: 'acme.thing' },
      { type: 'future-part' } as never,
      { type: 'text', text: 'a' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a' });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('reasoning-file') },
      { type: 'other', message: expect.stringContaining('"acme.thing"') },
      { type: 'other', message: expect.stringContaining('"future-part"') },
    ]);
  });
});

describe('tool messages', () => {
  it('warns about unknown tool message parts and output types', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          { type: 'tool-future' } as never,
          toolResult({ type: 'future-output', value: 1 } as never),
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '{"type":"future-output","value":1}' },
    ]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('"tool-future"') },
      { type: 'other', message: expect.stringContaining('"future-output"') },
    ]);
  });
});

describe('warning helpers', () => {
  it('dropped() says what was dropped and why, as an AI SDK warning', () => {
    expect(dropped('a "reasoning-file" part of an assistant message')).toEqual({
      type: 'other',
      message:
        'Dropped a "reasoning-file" part of an assistant message: OpenRouter chat messages cannot carry it.',
    });
  });

  it.each([
    [{ type: 'hologram' }, 'hologram'],
    [{ type: 7 }, '7'],
    [{}, 'undefined'],
  ])('unknownType(%j) is %s', (part, expected) => {
    expect(unknownType(part)).toBe(expected);
  });
});
