import { z } from 'zod/v4';

/**
 * Wire shapes every OpenRouter endpoint shares. The rule for response schemas: a billed response
 * must never be thrown away over a field we do not need. Every field we read is nullish, an
 * invalid value is dropped (it becomes `undefined`) instead of failing the parse, unions stay
 * open, and unknown keys pass through. We validate what we read and nothing more.
 */

/** An optional field whose invalid value is dropped instead of failing the whole response. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/**
 * A list whose invalid elements are dropped. The list itself is optional (and an invalid one is
 * dropped too) unless `required`: a list the response is about, like `data`, must be there.
 */
export function lenientList<T extends z.ZodType>(
  element: T,
  options: { required: true },
): ReturnType<typeof validElements<T>>;
export function lenientList<T extends z.ZodType>(
  element: T,
): ReturnType<typeof lenient<ReturnType<typeof validElements<T>>>>;
export function lenientList<T extends z.ZodType>(element: T, options?: { required: true }) {
  return options?.required ? validElements(element) : lenient(validElements(element));
}

function validElements<T extends z.ZodType>(element: T) {
  return z
    .array(element.optional().catch(undefined))
    .transform((items) =>
      items.filter((item): item is Exclude<typeof item, undefined> => item !== undefined),
    );
}

/**
 * The fields that name an inference response, spread into its schema: the generation `id`, the
 * `model` that answered and the `provider` that served it. A function, so that a schema built on
 * first use builds these then too.
 */
export function responseIdentityFields() {
  return { id: lenient(z.string()), model: lenient(z.string()), provider: lenient(z.string()) };
}

/** The `{ data: ... }` envelope of OpenRouter's non-inference endpoints. */
export function dataEnvelope<T extends z.ZodType>(data: T) {
  return z.object({ data }).passthrough();
}

/**
 * One `reasoning_details` entry. Opaque round-trip data that must go back byte-identical: `type`
 * and `format` are open strings (new reasoning formats appear without notice), and the object is
 * checked, never rebuilt (a parsed copy would reorder its keys, and signatures cover them).
 */
export type OpenRouterReasoningDetail = { type: string; [key: string]: unknown };

export const openRouterReasoningDetailSchema = z.custom<OpenRouterReasoningDetail>(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string',
);

/**
 * Anthropic-style prompt caching on a content block or a request (`cache_control`); see
 * https://openrouter.ai/docs/guides/best-practices/prompt-caching.
 */
export type OpenRouterCacheControl = { type: 'ephemeral'; ttl?: '5m' | '1h' };

const CACHE_TTLS: ReadonlySet<unknown> = new Set(['5m', '1h']);

/**
 * `value` as a cache control, or undefined when it is not one. The result is exactly
 * `{ type, ttl? }` as given: the TTL is never dropped or defaulted, and unknown keys are not
 * carried over (Anthropic rejects them).
 */
export function toOpenRouterCacheControl(value: unknown): OpenRouterCacheControl | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { type, ttl } = value as { type?: unknown; ttl?: unknown };
  if (type !== 'ephemeral' || (ttl !== undefined && !CACHE_TTLS.has(ttl))) return undefined;
  return ttl === undefined ? { type } : { type, ttl: ttl as '5m' | '1h' };
}
