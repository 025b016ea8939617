import {
  type LanguageModelV4Prompt,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterCompletionPrompt } from '../../../src/completion/convert-to-openrouter-completion-prompt';

function convert(prompt: LanguageModelV4Prompt) {
  const warnings: SharedV4Warning[] = [];
  return { ...convertToOpenRouterCompletionPrompt(prompt, warnings), warnings };
}

const user = (...texts: string[]): LanguageModelV4Prompt[number] => ({
  role: 'user',
  content: texts.map((text) => ({ type: 'text', text })),
});
const assistant = (text: string): LanguageModelV4Prompt[number] => ({
  role: 'assistant',
  content: [{ type: 'text', text }],
});

describe('convertToOpenRouterCompletionPrompt', () => {
  it('sends a lone user prompt as written, with no stop sequence of its own', () => {
    expect(convert([user('Once upon', ' a time')])).toEqual({
      prompt: 'Once upon a time',
      stopSequences: [],
      warnings: [],
    });
  });

  it('turns system text and turns into a transcript that ends with the assistant header', () => {
    const result = convert([
      { role: 'system', content: 'Be brief.' },
      user('Hi'),
      assistant('Hello!'),
      user('Capital of France?'),
    ]);
    expect(result.prompt).toBe(
      'Be brief.\n\nuser:\nHi\n\nassistant:\nHello!\n\nuser:\nCapital of France?\n\nassistant:\n',
    );
    expect(result.stopSequences).toEqual(['\nuser:']);
    expect(result.warnings).toEqual([]);
  });

  it('a system prompt with one user message is a transcript too', () => {
    expect(convert([{ role: 'system', content: 'S' }, user('U')]).prompt).toBe(
      'S\n\nuser:\nU\n\nassistant:\n',
    );
  });

  it('lets the model continue a trailing assistant message (prefill)', () => {
    expect(convert([user('Count to three'), assistant('One, two,')]).prompt).toBe(
      'user:\nCount to three\n\nassistant:\nOne, two,',
    );
  });

  it('leaves reasoning and custom parts of past answers out, with one warning each', () => {
    const result = convert([
      user('Q1'),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'thinking' },
          { type: 'text', text: 'A1' },
          { type: 'reasoning', text: 'more' },
          { type: 'custom', kind: 'other.thing' },
        ],
      },
      user('Q2'),
    ]);
    expect(result.prompt).toBe('user:\nQ1\n\nassistant:\nA1\n\nuser:\nQ2\n\nassistant:\n');
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Reasoning in past assistant messages was not sent: a completion prompt is plain text.',
      },
      {
        type: 'other',
        message:
          'A custom part "other.thing" in past assistant messages was not sent: a completion prompt is plain text.',
      },
    ]);
  });

  it.each<[string, LanguageModelV4Prompt]>([
    [
      'a user file',
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
          ],
        },
      ],
    ],
    [
      'an assistant file',
      [
        user('Draw'),
        {
          role: 'assistant',
          content: [{ type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'AA==' } }],
        },
        user('Again'),
      ],
    ],
    [
      'a tool call',
      [
        user('Weather?'),
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Paris' } },
          ],
        },
      ],
    ],
    [
      'a tool message',
      [
        user('Weather?'),
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c1',
              toolName: 'weather',
              output: { type: 'text', value: 'sunny' },
            },
          ],
        },
      ],
    ],
  ])('rejects %s: dropping it would change the conversation', (_, prompt) => {
    let thrown: unknown;
    try {
      convert(prompt);
    } catch (error) {
      thrown = error;
    }
    expect(UnsupportedFunctionalityError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/text prompt only.*openrouter\.chat/);
  });
});
