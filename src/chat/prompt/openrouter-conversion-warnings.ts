import type { SharedV4Warning } from '@ai-sdk/provider';

/** The warning for prompt content the OpenRouter chat format has no place for. */
export function dropped(what: string): SharedV4Warning {
  return {
    type: 'other',
    message: `Dropped ${what}: OpenRouter chat messages cannot carry it.`,
  };
}

/** The `type` of a part this provider does not know, for warnings (types allow none). */
export function unknownType(part: unknown): string {
  return String((part as { type?: unknown }).type);
}
