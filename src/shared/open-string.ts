import { z } from 'zod/v4';

/**
 * A string field with known values: the type suggests them (`'allow' | 'deny' | (string & {})`),
 * and any string is accepted at run time. OpenRouter adds values faster than a list in this
 * package could follow, and it answers a value it does not take with a 400 that names it.
 */
export function openString<const T extends readonly string[]>(_known: T) {
  return z.custom<T[number] | (string & {})>((value) => typeof value === 'string', {
    message: 'Expected a string',
  });
}
