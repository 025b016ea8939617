import type {
  JSONValue,
  LanguageModelV4Prompt,
  SharedV4ProviderOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { OpenRouterAssistantMessage } from '../../../../src/chat/prompt/openrouter-chat-prompt';
import { ReasoningDetailsSanitizer } from '../../../../src/chat/prompt/sanitize-reasoning-details';
import type { OpenRouterReasoningDetail } from '../../../../src/shared/openrouter-api';
import { convert, convertAssistant } from '../../../helpers/prompt';

const ANTHROPIC = 'anthropic-claude-v1';

function sanitizer() {
  const warnings: SharedV4Warning[] = [];
  return { sanitizer: new ReasoningDetailsSanitizer(warnings), warnings };
}

describe('ReasoningDetailsSanitizer', () => {
  it('returns every entry as the same object when nothing has to go', () => {
    const { sanitizer: details, warnings } = sanitizer();
    const input: OpenRouterReasoningDetail[] = [
      { type: 'reasoning.text', text: 'a', signature: 'sig', format: ANTHROPIC, index: 0 },
      { type: 'reasoning.text', text: 'gemini, never signed', format: 'google-gemini-v1' },
      { type: 'reasoning.text', text: 'no format' },
      { type: 'reasoning.encrypted', data: 'gAAAA', id: 'rs_1', format: 'openai-responses-v1' },
      { type: 'reasoning.future', format: 'future-format-v9', nested: { b: 1, a: [null] } },
    ];
    const kept = details.sanitize(input);
    expect(kept).toEqual(input);
    kept.forEach((detail, index) => {
      expect(detail).toBe(input[index]);
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['no signature', {}],
    ['an empty signature', { signature: '' }],
    ['a null signature', { signature: null }],
  ])('drops an Anthropic text entry with %s, with one warning', (_, signature) => {
    const { sanitizer: details, warnings } = sanitizer();
    const signed = { type: 'reasoning.text', text: 'a', signature: 's', format: ANTHROPIC };
    const kept = details.sanitize([
      signed,
      { type: 'reasoning.text', text: 'b', format: ANTHROPIC, ...signature },
    ]);
    expect(kept).toEqual([signed]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'Dropped 1 Anthropic reasoning_details entry without a signature (lost in storage?): Anthropic rejects unsigned thinking blocks. Persist providerMetadata.openrouter.reasoning_details unmodified to keep them.',
      },
    ]);
  });

  it('counts several dropped entries in one warning', () => {
    const { sanitizer: details, warnings } = sanitizer();
    details.sanitize([
      { type: 'reasoning.text', text: 'a', format: ANTHROPIC },
      { type: 'reasoning.text', text: 'b', format: ANTHROPIC },
    ]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('Dropped 2 Anthropic reasoning_details entries'),
      },
    ]);
  });

  it('drops an item with an id that an earlier message of the request already sent', () => {
    const { sanitizer: details, warnings } = sanitizer();
    const encrypted = { type: 'reasoning.encrypted', data: 'x', id: 'rs_1', index: 0 };
    expect(details.sanitize([encrypted])).toEqual([encrypted]);
    // The same item with its keys in another order is still the same item.
    expect(
      details.sanitize([{ index: 0, id: 'rs_1', data: 'x', type: 'reasoning.encrypted' }]),
    ).toEqual([]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'Dropped 1 reasoning_details entry already sent in an earlier assistant message of this request (identical item).',
      },
    ]);
  });

  it('keeps items that share an id but differ (Gemini reuses ids across steps)', () => {
    const { sanitizer: details, warnings } = sanitizer();
    const step1 = {
      type: 'reasoning.encrypted',
      data: 'signature-1',
      id: 'tool_0',
      format: 'google-gemini-v1',
    };
    const step2 = { ...step1, data: 'signature-2' };
    expect(details.sanitize([step1])).toEqual([step1]);
    expect(details.sanitize([step2])).toEqual([step2]);
    expect(warnings).toEqual([]);
  });

  it('keeps equal entries without an id in every message: only items with ids are tracked', () => {
    const { sanitizer: details, warnings } = sanitizer();
    const summary = { type: 'reasoning.summary', summary: 'same text', index: 0 };
    expect(details.sanitize([summary])).toEqual([summary]);
    expect(details.sanitize([summary])).toEqual([summary]);
    expect(warnings).toEqual([]);
  });

  it('lets one message repeat an item: the earlier-message rule applies across messages', () => {
    const { sanitizer: details } = sanitizer();
    const item = { type: 'reasoning.summary', summary: 's', id: 'rs_2' };
    expect(details.sanitize([item, item])).toEqual([item, item]);
    expect(details.sanitize([item])).toEqual([]);
  });

  it('does not remember dropped unsigned entries as sent', () => {
    const { sanitizer: details } = sanitizer();
    const unsigned = { type: 'reasoning.text', text: 'a', id: 'x', format: ANTHROPIC };
    expect(details.sanitize([unsigned])).toEqual([]);
    const other = { type: 'reasoning.text', text: 'a', id: 'x', format: 'google-gemini-v1' };
    expect(details.sanitize([other])).toEqual([other]);
  });
});

describe('assistant reasoning and reasoning_details', () => {
  /** `providerOptions` carrying `details` as `openrouter.reasoning_details`. */
  const detailsOption = (details: JSONValue): SharedV4ProviderOptions => ({
    openrouter: { reasoning_details: details },
  });

  it('sends details unmodified: unknown type/format, extra fields, unsigned Gemini text', () => {
    const details = [
      { type: 'reasoning.text', text: 'gemini thought', format: 'google-gemini-v1', index: 0 },
      { type: 'reasoning.text', text: 'claude', signature: 'sig', format: 'anthropic-claude-v1' },
      { type: 'reasoning.summary', summary: 'same', format: 'xai-responses-v1', index: 1 },
      { type: 'reasoning.summary', summary: 'same', format: 'xai-responses-v1', index: 2 },
      {
        type: 'reasoning.server_tool_call',
        tool_name: 'search',
        arguments: '{"q":1}',
        result: 'r',
        format: 'meta-responses-v1',
      },
      { type: 'reasoning.hologram', format: 'future-format-v9', nested: { b: 1, a: [null] } },
    ];
    const snapshot = JSON.stringify(details);
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption(details) },
      { type: 'text', text: 'a' },
    ]);
    expect(JSON.stringify(message.reasoning_details)).toBe(snapshot);
    expect(message.reasoning_details?.[5]).toBe(details[5]);
    expect(message.reasoning).toBe('gemini thoughtclaudesamesame');
  });

  it('drops an Anthropic text entry that lost its signature, with a warning', () => {
    const signed = {
      type: 'reasoning.text',
      text: 'a',
      signature: 's',
      format: 'anthropic-claude-v1',
      index: 0,
    };
    const unsigned = { type: 'reasoning.text', text: 'b', format: 'anthropic-claude-v1', index: 1 };
    const { message, warnings } = convertAssistant([
      { type: 'reasoning', text: 'ab', providerOptions: detailsOption([signed, unsigned]) },
    ]);
    expect(message.reasoning_details).toEqual([signed]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('1 Anthropic reasoning_details entry without a signature'),
      },
    ]);
  });

  it('sends an item with the same type and id only once per request, but equal text twice', () => {
    const encrypted = {
      type: 'reasoning.encrypted',
      data: 'x',
      id: 'rs_1',
      format: 'openai-responses-v1',
      index: 0,
    };
    const summary = {
      type: 'reasoning.summary',
      summary: 'same text',
      id: 'rs_1',
      format: 'openai-responses-v1',
      index: 0,
    };
    const noId = {
      type: 'reasoning.summary',
      summary: 'same text',
      format: 'openai-responses-v1',
      index: 0,
    };
    const turn = (details: JSONValue[]) =>
      ({
        role: 'assistant',
        content: [{ type: 'text', text: 't' }],
        providerOptions: detailsOption(details),
      }) as const;
    const { messages, warnings } = convert([
      turn([summary, encrypted, noId]),
      { role: 'user', content: [{ type: 'text', text: 'next' }] },
      turn([encrypted, noId]),
    ] as LanguageModelV4Prompt);
    expect((messages[0] as OpenRouterAssistantMessage).reasoning_details).toEqual([
      summary,
      encrypted,
      noId,
    ]);
    expect((messages[2] as OpenRouterAssistantMessage).reasoning_details).toEqual([noId]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('already sent') }]);
  });
});
