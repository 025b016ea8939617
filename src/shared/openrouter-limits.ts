import { InvalidArgumentError } from '@ai-sdk/provider';

/** The `limits` provider setting: how much of a response is held in memory at most. */
export interface OpenRouterLimits {
  /**
   * Largest server-sent event of a stream (a `data:` line, or the lines of one event), counted in
   * characters of the decoded text, so every event of up to this many bytes passes. Default
   * 16 MB. A larger event ends the stream with a non-retryable `APICallError`.
   */
  maxEventBytes?: number;
  /**
   * Largest response body read whole (every non-streamed response, error bodies and binary
   * downloads included), counted after decompression. Default 64 MB. A larger body fails the
   * call with a non-retryable `APICallError`.
   */
  maxResponseBytes?: number;
}

const MB = 1024 * 1024;

/**
 * 16 MB for one event: the largest single events OpenRouter sends are images generated inline
 * (base64) and long tool arguments, a few MB at most. 64 MB for a whole body: room for a response
 * with several such images, while a runaway or hostile body cannot take the process down.
 */
export const DEFAULT_OPENROUTER_LIMITS: Required<OpenRouterLimits> = {
  maxEventBytes: 16 * MB,
  maxResponseBytes: 64 * MB,
};

/** Validates the `limits` setting (at provider creation) and fills in the defaults. */
export function resolveOpenRouterLimits(limits: unknown): Required<OpenRouterLimits> {
  if (limits === undefined) return DEFAULT_OPENROUTER_LIMITS;
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) {
    throw new InvalidArgumentError({
      argument: 'limits',
      message: 'Invalid value for limits: expected { maxEventBytes?, maxResponseBytes? }.',
    });
  }
  const resolved = { ...DEFAULT_OPENROUTER_LIMITS };
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in resolved)) {
      throw new InvalidArgumentError({
        argument: `limits.${key}`,
        message: `Unknown setting limits.${key} (expected maxEventBytes or maxResponseBytes).`,
      });
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new InvalidArgumentError({
        argument: `limits.${key}`,
        message: `Invalid value for limits.${key}: expected a whole number of bytes, at least 1.`,
      });
    }
    resolved[key as keyof OpenRouterLimits] = value;
  }
  return resolved;
}

/** `16 MB`, `64 KB` for whole multiples, else bytes. */
export function formatBytes(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}
