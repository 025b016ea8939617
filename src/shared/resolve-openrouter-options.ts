import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import type { z } from 'zod/v4';
import { providerPreferencesSchema, toWireCase } from './openrouter-request-schemas';
import { toSnakeCase } from './snake-case-keys';

/**
 * What one model kind accepts in its settings and in `providerOptions.openrouter`. Each kind's
 * `-options.ts` supplies one; `resolveOpenRouterOptions` applies it. This does more than
 * `parseProviderOptions` from provider-utils: both spellings are accepted (the wire's snake_case,
 * which `@openrouter/ai-sdk-provider` users write, and the AI SDK's camelCase, nested keys
 * included), unknown keys are sent with a warning instead of rejected (OpenRouter adds fields
 * often), and keys the package owns cannot be overridden by accident.
 */
export interface OpenRouterOptionsSpec {
  /** Request body fields, by wire name. Values reach the body in wire spelling. */
  fields: Record<string, z.ZodType>;
  /** Fields whose values are the user's own data, sent with their keys unchanged. */
  verbatimFields?: ReadonlySet<string>;
  /** Package settings that shape the call but are not body fields, by wire-style name. */
  behaviour?: Record<string, z.ZodType>;
  /** Nested objects whose unknown keys get a warning (the usual place for typos). */
  checkedNested?: Record<string, z.ZodObject>;
  /** Body keys the package sets itself: options may not replace them (`extraBody` may). */
  reserved: ReadonlySet<string>;
  /** Deprecated no-ops: accepted with a warning, not sent. Key -> why it has no effect. */
  noEffect?: Record<string, string>;
}

export interface ResolvedOpenRouterOptions<BEHAVIOUR = Record<string, unknown>> {
  /** Wire-named body fields, validated. Unknown keys are passed through unchanged. */
  body: Record<string, unknown>;
  /** Package settings, camelCase. */
  behaviour: BEHAVIOUR;
}

/**
 * Validates one options object (model settings or `providerOptions.openrouter`) against `spec`
 * and maps it to wire names. `source` names where it came from in errors and warnings. An
 * invalid value of a known field throws `InvalidArgumentError` naming the field, before anything
 * is sent.
 */
export function resolveOpenRouterOptions<BEHAVIOUR = Record<string, unknown>>(
  spec: OpenRouterOptionsSpec,
  options: Record<string, unknown> | undefined,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions<BEHAVIOUR> {
  const body: Record<string, unknown> = {};
  const behaviour: Record<string, unknown> = {};
  if (options) {
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined) resolveOne(spec, key, value, { source, body, behaviour, warnings });
    }
  }
  return { body, behaviour: behaviour as BEHAVIOUR };
}

function resolveOne(
  spec: OpenRouterOptionsSpec,
  key: string,
  value: unknown,
  into: {
    source: string;
    body: Record<string, unknown>;
    behaviour: Record<string, unknown>;
    warnings: SharedV4Warning[];
  },
): void {
  const { body, behaviour, warnings } = into;
  const wireKey = toSnakeCase(key);
  const argument = `${into.source}.${key}`;
  const fieldSchema = spec.fields[wireKey];
  const behaviourSchema = spec.behaviour?.[wireKey];
  if (fieldSchema) {
    const wireValue = spec.verbatimFields?.has(wireKey) ? value : toWireCase(value);
    body[wireKey] = validate(fieldSchema, wireValue, argument);
    reportUnknownNestedKeys(spec, wireKey, body[wireKey], argument, warnings);
  } else if (behaviourSchema) {
    // Package settings, not wire fields: validated as written.
    behaviour[snakeToCamel(wireKey)] = validate(behaviourSchema, value, argument);
  } else if (spec.reserved.has(wireKey)) {
    warnings.push({
      type: 'other',
      message: `${argument} was ignored: the provider sets "${wireKey}" itself. Use extraBody to override it.`,
    });
  } else if (spec.noEffect?.[wireKey]) {
    warnings.push({ type: 'deprecated', setting: argument, message: spec.noEffect[wireKey] });
  } else {
    // OpenRouter adds fields often: pass them through, but make typos visible.
    body[key] = value;
    const hint =
      wireKey in providerPreferencesSchema.shape && 'provider' in spec.fields
        ? ` It is a provider routing field: put it inside \`provider\` ({ provider: { ${key}: ... } }).`
        : ' Check the spelling if this was not intended.';
    warnings.push({
      type: 'other',
      message: `${argument} is not a known OpenRouter option; it was sent to OpenRouter unchanged.${hint}`,
    });
  }
}

function reportUnknownNestedKeys(
  spec: OpenRouterOptionsSpec,
  wireKey: string,
  value: unknown,
  argument: string,
  warnings: SharedV4Warning[],
): void {
  const schema = spec.checkedNested?.[wireKey];
  if (!schema || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key in schema.shape) continue;
    warnings.push({
      type: 'other',
      message: `${argument}.${key} is not a known OpenRouter ${wireKey} field; it was sent unchanged. Check the spelling if this was not intended.`,
    });
  }
}

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function validate(schema: z.ZodType, value: unknown, argument: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  throw new InvalidArgumentError({
    argument,
    message: `Invalid value for ${argument}${path}: ${issue?.message ?? 'invalid'}`,
    cause: result.error,
  });
}
