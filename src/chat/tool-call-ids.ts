import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/**
 * Tool-call ids must be unique across the whole conversation, not only within one response:
 * some upstreams (Gemini) number calls `tool_0_<name>` afresh every step, and the AI SDK would
 * then pair results with the wrong call. Ids already used in the prompt, or earlier in this
 * response, are replaced by fresh ones; the replacement is what the next turn sends back.
 */
export class ToolCallIdAllocator {
  private readonly used: Set<string>;

  constructor(
    prompt: LanguageModelV4Prompt,
    private readonly generateId: () => string,
  ) {
    this.used = new Set();
    for (const message of prompt) {
      if (message.role !== 'assistant' && message.role !== 'tool') continue;
      for (const part of message.content) {
        if (part.type === 'tool-call' || part.type === 'tool-result')
          this.used.add(part.toolCallId);
      }
    }
  }

  allocate(proposed: string | null | undefined): string {
    let id = proposed || `call_${this.generateId()}`;
    while (this.used.has(id)) id = `call_${this.generateId()}`;
    this.used.add(id);
    return id;
  }
}
