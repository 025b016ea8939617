import type { SharedV4Warning } from '@ai-sdk/provider';

/**
 * How deeply nested a value from a response may be in what a call returns. Real responses nest
 * a few levels; JSON.parse reads any depth, but JSON.stringify recurses and throws a RangeError
 * at a few thousand, so a hostile value copied into `providerMetadata` would break the app's own
 * logging or storage of the result.
 */
export const MAX_JSON_DEPTH = 64;

/** What replaces a level deeper than the limit. */
export const OMITTED_DEPTH = `[omitted: nested more than ${MAX_JSON_DEPTH} levels deep]`;

/**
 * `value` with every object or array nested deeper than `MAX_JSON_DEPTH` levels replaced by
 * `OMITTED_DEPTH`. Nothing is copied unless something is cut: unchanged subtrees are the
 * original objects. Recursion stops at the limit, so any depth is safe to pass.
 */
export function boundJsonDepth<T>(value: T): { value: T; truncated: boolean } {
  const bounded = bound(value, MAX_JSON_DEPTH);
  return { value: bounded as T, truncated: bounded !== value };
}

/**
 * Whether the JSON text `data` may hold a value nested more than `limit` levels deep. Each level
 * opens with its own `{` or `[`, so text with at most `limit` of them cannot (brackets inside
 * strings only make the count larger, never smaller). Counting with `indexOf` costs a fraction
 * of walking the parsed value, which most stream events then skip.
 */
export function mayNestDeeperThan(data: string, limit: number): boolean {
  let count = 0;
  for (let at = data.indexOf('{'); at >= 0; at = data.indexOf('{', at + 1)) {
    if (++count > limit) return true;
  }
  for (let at = data.indexOf('['); at >= 0; at = data.indexOf('[', at + 1)) {
    if (++count > limit) return true;
  }
  return false;
}

/** The warning for a response that had to be cut. */
export function deepValueWarning(): SharedV4Warning {
  return {
    type: 'other',
    message: `OpenRouter sent a value nested more than ${MAX_JSON_DEPTH} levels deep; the deeper levels were replaced by "${OMITTED_DEPTH}" in the result.`,
  };
}

function bound(value: unknown, levelsLeft: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (levelsLeft === 0) return OMITTED_DEPTH;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const bounded = bound(item, levelsLeft - 1);
      if (bounded === item) continue;
      copy ??= value.slice();
      copy[index] = bounded;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  // for-in without an array of keys: this runs on every stream event.
  for (const key in record) {
    const child = record[key];
    if (child === null || typeof child !== 'object' || !Object.hasOwn(record, key)) continue;
    const bounded = bound(child, levelsLeft - 1);
    if (bounded === child) continue;
    copy ??= { ...record };
    copy[key] = bounded;
  }
  return copy ?? value;
}
