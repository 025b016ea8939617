/** `maxResults` -> `max_results`; keys already in snake_case are unchanged. */
export function toSnakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Top-level keys to snake_case: AI SDK style arguments to OpenRouter's wire names. A `__proto__`
 * key is left out: it is no argument, and assigning it would replace the result's prototype.
 */
export function snakeCaseKeys(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && key !== '__proto__') result[toSnakeCase(key)] = value;
  }
  return result;
}
