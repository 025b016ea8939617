import type { JSONObject } from '@ai-sdk/provider';
import { StringBuilder } from '../shared/string-builder';

/**
 * The human-readable text of a reasoning detail: `text` of `reasoning.text`, `summary` of
 * `reasoning.summary`. Encrypted (and unknown) details have none: they are never shown, only
 * carried in metadata (OpenRouter streams some encrypted details as `[REDACTED]`, which must not
 * turn up as visible reasoning).
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

/**
 * Rebuilds complete `reasoning_details` from streamed fragments. Fragments of one block share
 * `type` and `index` (Anthropic's signature arrives as a last, text-less fragment of its block);
 * fragments without an index continue the previous entry of the same type. Every field is kept,
 * whatever the `type` or `format`, because OpenRouter needs the details back unmodified.
 */
export class ReasoningDetailsAccumulator {
  private readonly entries: JSONObject[] = [];
  private readonly byKey = new Map<string, JSONObject>();
  /** Growing `text` / `summary` fields, per entry (see StringBuilder). */
  private readonly texts = new Map<JSONObject, Map<string, StringBuilder>>();
  /** Bumped on every change, so callers can tell whether a snapshot is stale. */
  version = 0;

  add(detail: JSONObject): void {
    const type = detail.type;
    const index = typeof detail.index === 'number' ? detail.index : undefined;
    const last = this.entries[this.entries.length - 1];
    // Fast path: most fragments continue the latest entry.
    const target =
      last &&
      last.type === type &&
      (typeof last.index === 'number' ? last.index : undefined) === index
        ? last
        : index !== undefined
          ? this.byKey.get(`${type}#${index}`)
          : undefined;
    this.version++;
    if (!target) {
      const entry = { ...detail };
      this.entries.push(entry);
      if (index !== undefined) this.byKey.set(`${type}#${index}`, entry);
      return;
    }
    for (const field in detail) {
      const value = detail[field];
      if (value === undefined || value === null || field === '__proto__') continue;
      if ((field === 'text' || field === 'summary') && typeof value === 'string') {
        const text = this.textOf(target, field);
        if (text) {
          text.append(value);
          continue;
        }
      }
      target[field] = value;
    }
  }

  /** The builder of a concatenated field, created when the field first grows. */
  private textOf(target: JSONObject, field: string): StringBuilder | undefined {
    const current = target[field];
    let fields = this.texts.get(target);
    const existing = fields?.get(field);
    if (existing) return existing;
    if (typeof current !== 'string') return undefined;
    const builder = new StringBuilder(current);
    if (!fields) {
      fields = new Map();
      this.texts.set(target, fields);
    }
    fields.set(field, builder);
    return builder;
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
    return this.entries.map((entry) => {
      const copy = { ...entry };
      for (const [field, text] of this.texts.get(entry) ?? []) copy[field] = text.toString();
      return copy;
    });
  }
}
