/**
 * Keeps configured secrets out of the errors the package creates or passes on. A server or proxy
 * may echo the request's key in an error body; the body then travels in `message`,
 * `responseBody`, `data` and `cause`, which apps log. Every string in those places has each
 * secret of the request replaced by `[REDACTED]`.
 */

const REDACTED = '[REDACTED]';

/** Headers whose values are credentials. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-provider-api-keys',
  'x-api-key',
  'api-key',
  'cookie',
]);

/** Shorter values are not real keys, and replacing them would garble every message. */
const MIN_SECRET_LENGTH = 6;

/**
 * Objects are copied this deep (error bodies are shallow). A deeper part that holds a secret is
 * replaced as a whole, so hostile nesting can neither hide a key nor overflow the stack.
 */
const MAX_DEPTH = 64;
const TOO_DEEP = '[REDACTED: nested too deep]';
/** Nodes the deep check visits at most; a larger part is assumed to hold a secret. */
const MAX_DEEP_NODES = 100_000;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/** Replaces the secrets in a value; returns the value itself when it contains none. */
export type Redactor = <T>(value: T) => T;

/**
 * The secrets carried by request headers: each credential header's value, the token of a
 * `Bearer` value, and every key inside `X-Provider-API-Keys` (a JSON object of upstream keys),
 * also in their JSON-escaped spelling.
 */
export function secretsOfHeaders(headers: Record<string, string | undefined>): string[] {
  const secrets = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length < MIN_SECRET_LENGTH) return;
    secrets.add(trimmed);
    const escaped = JSON.stringify(trimmed).slice(1, -1);
    if (escaped !== trimmed) secrets.add(escaped);
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !isSecretHeader(name)) continue;
    add(value);
    const bearer = /^\s*\S+\s+(\S.*)$/.exec(value);
    if (bearer?.[1]) add(bearer[1]);
    if (name.toLowerCase() === 'x-provider-api-keys') {
      try {
        collectStrings(JSON.parse(value), add, 0);
      } catch {
        // not JSON: the whole value was added above
      }
    }
  }
  // Longest first, so a key is never half-replaced by a shorter secret inside it.
  return [...secrets].sort((a, b) => b.length - a.length);
}

function collectStrings(value: unknown, add: (value: string) => void, depth: number): void {
  if (typeof value === 'string') add(value);
  else if (value !== null && typeof value === 'object' && depth < 4) {
    for (const child of Object.values(value)) collectStrings(child, add, depth + 1);
  }
}

/**
 * A redactor for these secrets. Strings are replaced, plain objects and arrays copied where
 * they change, and errors (with their `cause` chain) redacted in place, every own property
 * included, so their class and `isInstance` checks stay intact.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  if (secrets.length === 0) return (value) => value;
  const redactString = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const hasSecret = (text: string) => secrets.some((secret) => text.includes(secret));
  const visit = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return holdsSecret(value, hasSecret) ? TOO_DEEP : value;
    if (seen.has(value) || ArrayBuffer.isView(value)) return value;
    seen.add(value);
    if (value instanceof Error) {
      redactErrorInPlace(value, (child) => visit(child, depth + 1, seen));
      return value;
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, index) => {
        const redacted = visit(item, depth + 1, seen);
        if (redacted !== item) {
          copy ??= [...value];
          copy[index] = redacted;
        }
      });
      return copy ?? value;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    let copy: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(value)) {
      const redacted = visit(child, depth + 1, seen);
      if (redacted !== child) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = redacted;
      }
    }
    return copy ?? value;
  };
  return <T>(value: T): T => visit(value, 0, new WeakSet()) as T;
}

/** Whether any string inside `root` (keys included) holds a secret; iterative, bounded. */
function holdsSecret(root: object, hasSecret: (text: string) => boolean): boolean {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (hasSecret(value)) return true;
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      if (seen.size >= MAX_DEEP_NODES) return true;
      seen.add(value);
      const target = value as Record<PropertyKey, unknown>;
      for (const key of Reflect.ownKeys(target)) {
        if (typeof key === 'string') stack.push(key);
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
      }
    }
  }
  return false;
}

function redactErrorInPlace(error: Error, visit: (value: unknown) => unknown): void {
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const redacted = visit(descriptor.value);
    if (redacted === descriptor.value) continue;
    if (descriptor.configurable)
      Object.defineProperty(error, key, { ...descriptor, value: redacted });
    else if (descriptor.writable)
      (error as unknown as Record<PropertyKey, unknown>)[key] = redacted;
  }
}
