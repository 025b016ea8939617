import { InvalidArgumentError } from '@ai-sdk/provider';

/** How deeply an option value may nest; real options nest a few levels. */
const MAX_OPTION_DEPTH = 100;

/** An object literal (or `Object.create(null)`): not an array, a class instance or a primitive. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A short description of a value for error messages (never its whole content). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an instance of a class';
  if (typeof value === 'function') return 'a function';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * Checks a value the app passed as an option (settings, `providerOptions.openrouter`,
 * `extraBody`) before anything is built from it, so that a value the request body cannot carry
 * fails at once with an `InvalidArgumentError` naming its path, instead of a `TypeError` from
 * JSON.stringify or a stack overflow deep inside the package: a circular reference, a BigInt, or
 * nesting deeper than 100 levels.
 *
 * Returns the value with plain objects and arrays copied and their `__proto__` keys left out
 * (reported through `onIgnoredKey`): such a key (from JSON.parse, say) can never be an OpenRouter
 * field, and assigning it while copying would replace the copy's prototype instead.
 */
export function checkOptionValue(
  value: unknown,
  argument: string,
  onIgnoredKey?: (path: string) => void,
): unknown {
  return check(value, argument, 0, new Set(), onIgnoredKey);
}

function check(
  value: unknown,
  path: string,
  depth: number,
  ancestors: Set<object>,
  onIgnoredKey: ((path: string) => void) | undefined,
): unknown {
  if (typeof value === 'bigint') {
    throw invalid(path, 'is a BigInt, which JSON cannot represent; pass a number or a string');
  }
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) {
    throw invalid(path, 'refers back to an object that contains it (a circular structure)');
  }
  if (depth >= MAX_OPTION_DEPTH) {
    throw invalid(path, `is nested more than ${MAX_OPTION_DEPTH} levels deep`);
  }
  // Dates and the like serialise by their own rule.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, index) =>
        check(item, `${path}[${index}]`, depth + 1, ancestors, onIgnoredKey),
      );
    }
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      if (key === '__proto__') {
        onIgnoredKey?.(`${path}.${key}`);
        continue;
      }
      copy[key] = check(record[key], `${path}.${key}`, depth + 1, ancestors, onIgnoredKey);
    }
    // Class instances are checked, but passed on as they are.
    return isPlainObject(value) ? copy : value;
  } finally {
    ancestors.delete(value);
  }
}

function invalid(path: string, problem: string): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: path,
    message: `Invalid value for ${path}: it ${problem}, so it cannot be sent in a JSON request body.`,
  });
}
