/**
 * Tool messages, converted through `convertToOpenRouterChatMessages`.
 */
import {
  type LanguageModelV4ToolResultOutput,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  AUDIO_BASE64,
  convert,
  data,
  PNG_BASE64,
  PNG_BYTES,
  toolResult,
  url,
} from '../../../helpers/prompt';

describe('tool messages', () => {
  function convertToolOutput(output: LanguageModelV4ToolResultOutput) {
    const { messages, warnings } = convert([{ role: 'tool', content: [toolResult(output)] }]);
    return { messages, warnings, content: messages[0]?.content };
  }

  it('sends one tool message per result', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'a',
            output: { type: 'text', value: '1' },
          },
          {
            type: 'tool-result',
            toolCallId: 'c2',
            toolName: 'b',
            output: { type: 'text', value: '2' },
          },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '1' },
      { role: 'tool', tool_call_id: 'c2', content: '2' },
    ]);
  });

  it('sends text and error-text values as is', () => {
    expect(convertToolOutput({ type: 'text', value: 'sunny' }).content).toBe('sunny');
    expect(convertToolOutput({ type: 'error-text', value: 'boom' }).content).toBe('boom');
  });

  it('sends json and error-json values as JSON in the key order the tool produced', () => {
    expect(convertToolOutput({ type: 'json', value: { b: 1, a: [{ d: 1, c: 2 }] } }).content).toBe(
      '{"b":1,"a":[{"d":1,"c":2}]}',
    );
    expect(convertToolOutput({ type: 'error-json', value: { z: true, a: null } }).content).toBe(
      '{"z":true,"a":null}',
    );
  });

  it('sends the denial reason, or a default', () => {
    expect(convertToolOutput({ type: 'execution-denied', reason: 'User said no' }).content).toBe(
      'User said no',
    );
    expect(convertToolOutput({ type: 'execution-denied' }).content).toBe('Tool execution denied.');
  });

  it('sends content output as parts, converting files like user files', () => {
    const { content, warnings } = convertToolOutput({
      type: 'content',
      value: [
        { type: 'text', text: 'see image' },
        { type: 'file', data: data(PNG_BYTES), mediaType: 'image/png' },
        { type: 'file', data: url('https://x.test/d.pdf'), mediaType: 'application/pdf' },
        { type: 'file', data: data(AUDIO_BASE64), mediaType: 'audio/wav' },
      ],
    });
    expect(content).toEqual([
      { type: 'text', text: 'see image' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'file', file: { file_data: 'https://x.test/d.pdf' } },
      { type: 'input_audio', input_audio: { data: AUDIO_BASE64, format: 'wav' } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('stringifies custom content parts with a warning', () => {
    const { content, warnings } = convertToolOutput({
      type: 'content',
      value: [{ type: 'custom', providerOptions: { acme: { b: 1, a: 2 } } }],
    });
    expect(content).toEqual([
      { type: 'text', text: '{"type":"custom","providerOptions":{"acme":{"b":1,"a":2}}}' },
    ]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('Custom') }]);
  });

  it('throws for an audio URL in a tool result, like in user content', () => {
    expect(() =>
      convertToolOutput({
        type: 'content',
        value: [{ type: 'file', data: url('https://x.test/a.wav'), mediaType: 'audio/wav' }],
      }),
    ).toThrow(UnsupportedFunctionalityError);
  });

  it('skips tool-approval-response parts', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          { type: 'tool-approval-response', approvalId: 'a1', approved: true },
          toolResult({ type: 'text', value: 'ok' }),
          { type: 'tool-approval-response', approvalId: 'a2', approved: false, reason: 'no' },
        ],
      },
    ]);
    expect(messages).toEqual([{ role: 'tool', tool_call_id: 'c1', content: 'ok' }]);
    expect(warnings).toEqual([]);
  });
});
