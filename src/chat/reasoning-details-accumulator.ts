import type { JSONObject } from '@ai-sdk/provider';

/**
 * The human-readable text of a reasoning detail: `text` of `reasoning.text`, `summary` of
 * `reasoning.summary`. Encrypted (and unknown) details have none: they are never shown (P20),
 * only carried in metadata.
 */
export function visibleReasoningText(detail: JSONObject): string | undefined {
  const text =
    detail.type === 'reasoning.text'
      ? detail.text
      : detail.type === 'reasoning.summary'
        ? detail.summary
        : undefined;
  return typeof text === 'string' && text.length > 0 ? text : undefined;
}

/** Fields that stream as fragments of one block and are concatenated; all others last-wins. */
const CONCATENATED_FIELDS = ['text', 'summary'] as const;

/**
 * Rebuilds complete `reasoning_details` from streamed fragments. Fragments of one block share
 * `type` and `index` (Anthropic's signature arrives as a last, text-less fragment of its block);
 * fragments without an index continue the previous entry of the same type. Every field is kept,
 * whatever the `type` or `format`, because OpenRouter needs the details back unmodified.
 */
export class ReasoningDetailsAccumulator {
  private readonly entries: JSONObject[] = [];
  private readonly byKey = new Map<string, JSONObject>();
  /** Bumped on every change, so callers can tell whether a snapshot is stale. */
  version = 0;

  add(detail: JSONObject): void {
    const type = String(detail.type);
    const index = detail.index;
    const key = typeof index === 'number' ? `${type}#${index}` : undefined;
    const last = this.entries[this.entries.length - 1];
    const target =
      key !== undefined
        ? this.byKey.get(key)
        : last && last.type === type && typeof last.index !== 'number'
          ? last
          : undefined;
    this.version++;
    if (!target) {
      const entry = { ...detail };
      this.entries.push(entry);
      if (key !== undefined) this.byKey.set(key, entry);
      return;
    }
    for (const field in detail) {
      const value = detail[field];
      if (value === undefined || value === null) continue;
      const previous = target[field];
      if (
        (CONCATENATED_FIELDS as readonly string[]).includes(field) &&
        typeof value === 'string' &&
        typeof previous === 'string'
      ) {
        target[field] = previous + value;
      } else {
        target[field] = value;
      }
    }
  }

  /**
   * The upstream sent a `reasoning_details` array, possibly empty. Some (DeepSeek) require an
   * empty array back, so an explicit `[]` is a change worth carrying, unlike no array at all.
   */
  markPresent(): void {
    if (this.version === 0) this.version++;
  }

  /** An immutable copy: later fragments must not change metadata that was already emitted. */
  snapshot(): JSONObject[] {
    return this.entries.map((entry) => ({ ...entry }));
  }
}
