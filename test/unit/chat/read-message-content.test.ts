import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { readMessageContent, SkippedContentReporter } from '../../../src/chat/read-message-content';

describe('readMessageContent', () => {
  it('reads a string as is', () => {
    expect(readMessageContent('Hi')).toEqual({ text: 'Hi', skipped: [] });
  });

  it('joins the text parts of an array in order and names the other part types once', () => {
    expect(
      readMessageContent([
        { type: 'text', text: 'a' },
        { type: 'image_url', image_url: { url: 'x' } },
        { type: 'text', text: 'b' },
        { type: 'image_url' },
        { type: 'text', text: 42 },
        null,
        'c',
      ]),
    ).toEqual({ text: 'ab', skipped: ['image_url', 'text', 'null', 'string'] });
  });

  it('reads nothing from other values', () => {
    for (const value of [undefined, null, 42, { type: 'text', text: 'x' }]) {
      expect(readMessageContent(value)).toEqual({ text: '', skipped: [] });
    }
  });
});

describe('SkippedContentReporter', () => {
  it('warns once per part type', () => {
    const warnings: SharedV4Warning[] = [];
    const reporter = new SkippedContentReporter(warnings);
    reporter.report(['image_url']);
    reporter.report(['image_url', 'audio']);
    expect(warnings.map((w) => (w as { message: string }).message)).toEqual([
      expect.stringContaining('"image_url"'),
      expect.stringContaining('"audio"'),
    ]);
  });
});
