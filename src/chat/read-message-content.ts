import type { SharedV4Warning } from '@ai-sdk/provider';

/**
 * A message's (or a stream delta's) `content` as text. OpenAI's format sends a string; some
 * upstreams send an array of content parts (`[{ type: 'text', text }]`), whose text parts are
 * joined in order. Other parts are not text the model wrote and cannot be shown as such: their
 * types are returned in `skipped` so the caller can warn.
 */
export function readMessageContent(content: unknown): { text: string; skipped: string[] } {
  if (typeof content === 'string') return { text: content, skipped: [] };
  if (!Array.isArray(content)) return { text: '', skipped: [] };
  let text = '';
  const skipped: string[] = [];
  for (const part of content) {
    const { type, text: partText } = (part ?? {}) as { type?: unknown; text?: unknown };
    if (type === 'text' && typeof partText === 'string') {
      text += partText;
      continue;
    }
    const name = typeof type === 'string' ? type : part === null ? 'null' : typeof part;
    if (!skipped.includes(name)) skipped.push(name);
  }
  return { text, skipped };
}

/** Reports each skipped content part type once per response. */
export class SkippedContentReporter {
  private readonly reported = new Set<string>();

  constructor(private readonly warnings: SharedV4Warning[]) {}

  report(skipped: string[]): void {
    for (const type of skipped) {
      if (this.reported.has(type)) continue;
      this.reported.add(type);
      this.warnings.push({
        type: 'other',
        message: `OpenRouter sent a message content part of type "${type}"; only text parts are read, so it was skipped.`,
      });
    }
  }
}
