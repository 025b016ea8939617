/**
 * System messages, converted through `convertToOpenRouterChatMessages`.
 */
import { describe, expect, it } from 'vitest';
import type { OpenRouterChatMessage } from '../../../../src/chat/prompt/openrouter-chat-prompt';
import { convert } from '../../../helpers/prompt';

describe('system messages', () => {
  it('becomes an array of one text part', () => {
    const { messages, warnings } = convert([{ role: 'system', content: 'Be brief.' }]);
    expect(messages).toEqual([{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }]);
    expect(warnings).toEqual([]);
  });

  it('keeps several system messages separate and in place, also mid-conversation', () => {
    const { messages } = convert([
      { role: 'system', content: 'one' },
      { role: 'system', content: 'two' },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: 'three' },
    ]);
    expect(messages).toEqual<OpenRouterChatMessage[]>([
      { role: 'system', content: [{ type: 'text', text: 'one' }] },
      { role: 'system', content: [{ type: 'text', text: 'two' }] },
      { role: 'user', content: 'hi' },
      { role: 'system', content: [{ type: 'text', text: 'three' }] },
    ]);
  });
});
