/**
 * User messages, converted through `convertToOpenRouterChatMessages`.
 */
import { describe, expect, it } from 'vitest';
import { convert, file, url } from '../../../helpers/prompt';

describe('user messages', () => {
  it('sends a single text part as string content', () => {
    const { messages } = convert([{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }]);
    expect(messages).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('sends several parts as an array', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
  });

  it('sends a single file part as an array', () => {
    const { messages } = convert([
      { role: 'user', content: [file(url('https://x.test/a.png'), 'image/png')] },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }],
      },
    ]);
  });
});
