import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import type { z } from 'zod/v4';
import { checkOptionValue, describeValue, isPlainObject } from './check-option-value';
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
  /**
   * Defaults for the AI SDK's call options (`temperature`, `topP`, ...), by every accepted name:
   * collected apart, by wire name, so that the caller can let a call option win over them (see
   * `SAMPLING_DEFAULTS`). A name that is also in `fields` is a default only when its own schema
   * accepts the value (`reasoning: 'high'`, where an object is the field).
   */
  callDefaults?: Record<string, { wire: string; schema: z.ZodType }>;
}

export interface ResolvedOpenRouterOptions<BEHAVIOUR = Record<string, unknown>> {
  /** Wire-named body fields, validated. Unknown keys are passed through unchanged. */
  body: Record<string, unknown>;
  /** Package settings, camelCase. */
  behaviour: BEHAVIOUR;
  /** Defaults for call options, by wire name (see `OpenRouterOptionsSpec.callDefaults`). */
  defaults: Record<string, unknown>;
}

/**
 * Validates one options object (model settings or `providerOptions.openrouter`) against `spec`
 * and maps it to wire names. `source` names where it came from in errors and warnings. Throws
 * `InvalidArgumentError`, before anything is sent, when the options are not an object (`null`
 * counts as none), when a value cannot be sent as JSON (see `checkOptionValue`), or when a known
 * field has an invalid value; the error names the field. Keys are looked up as own properties
 * only, so `constructor` or `prototype` are unknown keys like any other, and `__proto__` keys
 * are left out with a warning.
 */
export function resolveOpenRouterOptions<BEHAVIOUR = Record<string, unknown>>(
  spec: OpenRouterOptionsSpec,
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions<BEHAVIOUR> {
  const body: Record<string, unknown> = {};
  const behaviour: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  const resolved = { body, behaviour: behaviour as BEHAVIOUR, defaults };
  if (options === undefined || options === null) return resolved;
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError({
      argument: source,
      message: `${source} must be an object of OpenRouter options (like { provider: { sort: 'price' } }), not ${describeValue(options)}.`,
    });
  }
  const ignoredKey = (path: string) =>
    warnings.push({
      type: 'other',
      message: `${path} was ignored: "__proto__" cannot be an option name.`,
    });
  for (const key of Object.keys(options)) {
    const argument = `${source}.${key}`;
    if (key === '__proto__') {
      ignoredKey(argument);
      continue;
    }
    const value = checkOptionValue(options[key], argument, ignoredKey);
    if (value !== undefined) {
      resolveOne(spec, key, value, { source, body, behaviour, defaults, warnings });
    }
  }
  return resolved;
}

function resolveOne(
  spec: OpenRouterOptionsSpec,
  key: string,
  value: unknown,
  into: {
    source: string;
    body: Record<string, unknown>;
    behaviour: Record<string, unknown>;
    defaults: Record<string, unknown>;
    warnings: SharedV4Warning[];
  },
): void {
  const { body, behaviour, defaults, warnings } = into;
  const wireKey = toSnakeCase(key);
  const argument = `${into.source}.${key}`;
  // Own properties only: `constructor` must not find Object's constructor on a spec object.
  const fieldSchema = ownValue(spec.fields, wireKey);
  const behaviourSchema = ownValue(spec.behaviour, wireKey);
  const noEffect = ownValue(spec.noEffect, wireKey);
  const callDefault = ownValue(spec.callDefaults, wireKey);
  if (callDefault && (!fieldSchema || callDefault.schema.safeParse(value).success)) {
    // A default for a call option: the call's own value wins over it.
    defaults[callDefault.wire] = validate(callDefault.schema, value, argument);
  } else if (fieldSchema) {
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
  } else if (noEffect) {
    warnings.push({ type: 'deprecated', setting: argument, message: noEffect });
  } else {
    // OpenRouter adds fields often: pass them through, but make typos visible.
    body[key] = value;
    const hint =
      Object.hasOwn(providerPreferencesSchema.shape, wireKey) &&
      Object.hasOwn(spec.fields, 'provider')
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
  const schema = ownValue(spec.checkedNested, wireKey);
  if (!schema || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(schema.shape, key)) continue;
    warnings.push({
      type: 'other',
      message: `${argument}.${key} is not a known OpenRouter ${wireKey} field; it was sent unchanged. Check the spelling if this was not intended.`,
    });
  }
}

function ownValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
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
