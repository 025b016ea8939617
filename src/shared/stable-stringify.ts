/**
 * `JSON.stringify` with object keys sorted (recursively, by UTF-16 code unit order), so equal
 * values always serialise to the same string: an identity for comparing values (for example
 * whether a reasoning detail was already sent in an earlier message). Never for what is sent:
 * tool inputs and results go on the wire in their own key order, as the model and the tool
 * produced them.
 *
 * Otherwise it follows `JSON.stringify`: `toJSON` is honoured, `undefined` / functions /
 * symbols are dropped from objects and become `null` in arrays, non-finite numbers become
 * `null`, and cycles and BigInts throw a `TypeError`. Where `JSON.stringify` would return
 * `undefined` (a top-level `undefined`, function or symbol) this returns `'null'`, so the result
 * is always a JSON text.
 */
export function stableStringify(value: unknown): string {
  return serialize(value, '', new Set()) ?? 'null';
}

function serialize(input: unknown, key: string, ancestors: Set<object>): string | undefined {
  const value = applyToJSON(input, key);
  if (value === null || typeof value !== 'object' || isBoxedPrimitive(value)) {
    // Primitives (and their boxes): JSON.stringify already does the escaping, the non-finite
    // number rule, `undefined` for unserialisable values and the BigInt TypeError.
    return JSON.stringify(value);
  }
  if (ancestors.has(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.add(value);
  try {
    return Array.isArray(value)
      ? serializeArray(value, ancestors)
      : serializeObject(value as Record<string, unknown>, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serializeArray(array: readonly unknown[], ancestors: Set<object>): string {
  const items: string[] = [];
  for (let index = 0; index < array.length; index++) {
    items.push(serialize(array[index], String(index), ancestors) ?? 'null');
  }
  return `[${items.join(',')}]`;
}

function serializeObject(object: Record<string, unknown>, ancestors: Set<object>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const serialized = serialize(object[key], key, ancestors);
    if (serialized !== undefined) members.push(`${JSON.stringify(key)}:${serialized}`);
  }
  return `{${members.join(',')}}`;
}

function applyToJSON(value: unknown, key: string): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

function isBoxedPrimitive(value: object): boolean {
  return (
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof BigInt
  );
}
