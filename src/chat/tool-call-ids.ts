import type { LanguageModelV4Prompt, SharedV4ProviderMetadata } from '@ai-sdk/provider';

export interface AllocatedToolCallId {
  /** The id the AI SDK sees: unique across the whole conversation. */
  id: string;
  /**
   * The upstream's own id, when it had to be replaced only because an earlier turn used it. The
   * next request sends the fresh `id` (ids must be unique on the wire too) and renames the
   * reasoning details of the same message that refer to this one (Gemini pairs its thought
   * signatures with call ids), so they stay paired with the call.
   */
  wireId?: string;
}

/**
 * Tool-call ids must be unique across the whole conversation, not only within one response:
 * some upstreams (Gemini) number calls `tool_0_<name>` afresh every step, and the AI SDK would
 * then pair results with the wrong call
 * (https://github.com/OpenRouterTeam/ai-sdk-provider/issues/160), and a later request would
 * carry two calls and two results with one id. Ids already used in the prompt, or earlier in
 * this response, are replaced by fresh ones.
 */
export class ToolCallIdAllocator {
  private readonly history = new Set<string>();
  private readonly response = new Set<string>();
  private counter = 0;

  constructor(
    prompt: LanguageModelV4Prompt,
    private readonly generateId: () => string,
  ) {
    for (const message of prompt) {
      if (message.role !== 'assistant' && message.role !== 'tool') continue;
      for (const part of message.content) {
        if (part.type === 'tool-call' || part.type === 'tool-result') {
          this.history.add(part.toolCallId);
        }
      }
    }
  }

  allocate(proposed: string | null | undefined): AllocatedToolCallId {
    const repeatsInResponse = proposed ? this.response.has(proposed) : false;
    const id = proposed && !this.isUsed(proposed) ? proposed : this.freshId();
    this.response.add(id);
    if (proposed) this.response.add(proposed);
    // A repeat within one response cannot go back as-is: the tool messages would be ambiguous.
    return proposed && id !== proposed && !repeatsInResponse ? { id, wireId: proposed } : { id };
  }

  /**
   * A new id from `generateId`. When that id is taken (a generator that returns a constant, as
   * test set-ups do, repeats itself at once), a counter is appended instead of asking again: the
   * generator may never produce anything new, and asking it in a loop would never end.
   */
  private freshId(): string {
    const generated = `call_${this.generateId()}`;
    let id = generated;
    while (this.isUsed(id)) id = `${generated}_${++this.counter}`;
    return id;
  }

  private isUsed(id: string): boolean {
    return this.history.has(id) || this.response.has(id);
  }
}

/**
 * `providerMetadata` for a tool-call part: the upstream's id (if replaced) under
 * `openrouter.toolCallId`, plus any other metadata.
 */
export function toolCallProviderMetadata(
  allocated: AllocatedToolCallId,
  other: SharedV4ProviderMetadata | undefined,
): SharedV4ProviderMetadata | undefined {
  if (allocated.wireId === undefined) return other;
  return { ...other, openrouter: { ...other?.openrouter, toolCallId: allocated.wireId } };
}
