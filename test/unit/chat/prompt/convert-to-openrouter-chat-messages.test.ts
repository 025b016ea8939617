/**
 * The prompt conversion as a whole: messages it cannot place, and what it may import.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../../helpers/prompt';

describe('unknown roles', () => {
  it('drops a message with an unknown role with a warning', () => {
    const { messages, warnings } = convert([{ role: 'developer', content: 'x' } as never]);
    expect(messages).toEqual([]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"developer"') }]);
  });
});

describe('edge-runtime safety', () => {
  it('uses neither Buffer nor node: imports', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const path of [
      '../../../../src/chat/prompt/convert-to-openrouter-chat-messages.ts',
      '../../../../src/chat/prompt/convert-openrouter-system-message.ts',
      '../../../../src/chat/prompt/convert-openrouter-user-message.ts',
      '../../../../src/chat/prompt/convert-openrouter-assistant-message.ts',
      '../../../../src/chat/prompt/convert-openrouter-tool-message.ts',
      '../../../../src/chat/prompt/openrouter-conversion-warnings.ts',
      '../../../../src/chat/prompt/convert-to-openrouter-content-part.ts',
      '../../../../src/chat/prompt/openrouter-cache-control.ts',
      '../../../../src/shared/stable-stringify.ts',
    ]) {
      const source = await readFile(new URL(path, import.meta.url), 'utf8');
      expect(source).not.toMatch(/\bBuffer\b|from 'node:/);
    }
  });
});
