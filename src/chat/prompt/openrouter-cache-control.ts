import {
  InvalidArgumentError,
  type SharedV4ProviderOptions,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { type OpenRouterCacheControl, toOpenRouterCacheControl } from '../../shared/openrouter-api';
import type { OpenRouterChatMessage, OpenRouterUserContentPart } from './openrouter-chat-prompt';

/**
 * Prompt caching: reading `cache_control` from provider options, placing it on content blocks,
 * and keeping a request within Anthropic's breakpoint limit.
 *
 * Where a breakpoint comes from, first match wins:
 * - keys, in each `providerOptions`: `openrouter.cacheControl`, `openrouter.cache_control`,
 *   `anthropic.cacheControl`, `anthropic.cache_control` (OpenRouter wins over Anthropic, so a
 *   prompt written for `@ai-sdk/anthropic` works unchanged and can be overridden); `null` and
 *   `undefined` count as absent;
 * - levels: the most specific wins where two target the same block (a part or tool-result
 *   output over its message, a `content` tool-result item over its tool result).
 */

/**
 * Anthropic rejects a request with more than four `cache_control` blocks (400 "A maximum of 4
 * blocks with cache_control may be provided"). OpenRouter passes explicit breakpoints through.
 */
export const MAX_CACHE_BREAKPOINTS = 4;

const KEYS: ReadonlyArray<readonly [provider: string, key: string]> = [
  ['openrouter', 'cacheControl'],
  ['openrouter', 'cache_control'],
  ['anthropic', 'cacheControl'],
  ['anthropic', 'cache_control'],
];

/**
 * The cache control set in `providerOptions`, or undefined. `where` names the prompt element
 * (e.g. `prompt[2].content[1]`) for the error message.
 *
 * An invalid value throws `InvalidArgumentError` instead of being dropped with a warning: it is
 * a programming error that would otherwise silently disable caching (the user pays full price
 * and sees no failure), the package validates its other typed options the same way, and the
 * error is raised before anything is sent, so nothing is billed. The value sent is exactly
 * `{ type, ttl? }` as given (the TTL is never dropped or defaulted; unknown keys are not sent,
 * like the top-level `cacheControl` option).
 */
export function getCacheControl(
  providerOptions: SharedV4ProviderOptions | undefined,
  where: string,
): OpenRouterCacheControl | undefined {
  if (!providerOptions) return undefined;
  for (const [provider, key] of KEYS) {
    const value = (providerOptions[provider] as Record<string, unknown> | undefined)?.[key];
    if (value === undefined || value === null) continue;
    return parseCacheControl(value, `${where}.providerOptions.${provider}.${key}`);
  }
  return undefined;
}

function parseCacheControl(value: unknown, argument: string): OpenRouterCacheControl {
  const cacheControl = toOpenRouterCacheControl(value);
  if (cacheControl) return cacheControl;
  throw new InvalidArgumentError({
    argument,
    message: `Invalid cache control at ${argument}: ${describe(value)}. Expected { type: 'ephemeral', ttl?: '5m' | '1h' }.`,
  });
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Anthropic rejects `cache_control` on an empty text block (400 "cache_control cannot be set for
 * empty text blocks"); every other block can carry one.
 */
export function canCarryCacheControl(block: OpenRouterUserContentPart): boolean {
  return block.type !== 'text' || block.text.length > 0;
}

/**
 * Sets a part-level breakpoint on the block converted from that part. A block that cannot carry
 * it (empty text) keeps none, with a warning.
 */
export function setPartCacheControl(
  block: OpenRouterUserContentPart,
  cacheControl: OpenRouterCacheControl | undefined,
  where: string,
  warnings: SharedV4Warning[],
): void {
  if (cacheControl === undefined) return;
  if (canCarryCacheControl(block)) {
    block.cache_control = cacheControl;
  } else {
    warnings.push(emptyTextWarning(where));
  }
}

/**
 * Puts a message-level (or tool-result-level) breakpoint on the last block that can carry one,
 * unless that block has its own (the more specific level wins). Returns false when no block can
 * carry it; the caller decides what happens then.
 */
export function setLastBlockCacheControl(
  blocks: OpenRouterUserContentPart[],
  cacheControl: OpenRouterCacheControl | undefined,
): boolean {
  if (cacheControl === undefined) return true;
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index]!;
    if (!canCarryCacheControl(block)) continue;
    block.cache_control ??= cacheControl;
    return true;
  }
  return false;
}

export function hasCacheControl(blocks: OpenRouterUserContentPart[]): boolean {
  return blocks.some((block) => block.cache_control !== undefined);
}

export function emptyTextWarning(where: string): SharedV4Warning {
  return {
    type: 'other',
    message: `Ignored the cache control of ${where}: it has no non-empty content block to carry it, and Anthropic rejects cache_control on empty text blocks.`,
  };
}

export function ignoredCacheControlWarning(where: string, reason: string): SharedV4Warning {
  return { type: 'other', message: `Ignored the cache control of ${where}: ${reason}` };
}

/** Something that can carry `cache_control`: a content block, a message root, a tool. */
interface BreakpointHolder {
  cache_control?: OpenRouterCacheControl;
}

/**
 * Keeps at most `limit` breakpoints across the messages of one request, removing the earliest
 * ones, with one warning saying how many were removed. Never throws: an over-full request would
 * otherwise be a 400 from Anthropic.
 *
 * The LAST breakpoints are kept: Anthropic caches the whole prefix up to a breakpoint, so a later
 * breakpoint covers everything an earlier one does and more, and a cache entry written at an
 * earlier position is still found from a later breakpoint by Anthropic's lookback. Keeping the
 * first four would instead freeze caching at the start of a growing conversation.
 *
 * Tool definitions (`tools`, whose breakpoints come first: Anthropic caches tools, then system,
 * then messages) and message blocks are counted. The top-level `cache_control` request option
 * turns on Anthropic's automatic caching, which is not an explicit block breakpoint (only those
 * count towards Anthropic's limit of four,
 * https://openrouter.ai/docs/guides/best-practices/prompt-caching).
 */
export function limitCacheBreakpoints(
  messages: OpenRouterChatMessage[],
  warnings: SharedV4Warning[],
  limit: number = MAX_CACHE_BREAKPOINTS,
  tools: readonly object[] = [],
): void {
  const holders: BreakpointHolder[] = tools.filter(
    (tool): tool is BreakpointHolder => (tool as BreakpointHolder).cache_control !== undefined,
  );
  for (const message of messages) {
    if (Array.isArray(message.content)) {
      for (const block of message.content as BreakpointHolder[]) {
        if (block.cache_control !== undefined) holders.push(block);
      }
    }
    // A message-root breakpoint (assistant without text) applies after the message's blocks.
    if ('cache_control' in message && message.cache_control !== undefined) holders.push(message);
  }
  const excess = holders.length - limit;
  if (excess <= 0) return;
  for (const holder of holders.slice(0, excess)) delete holder.cache_control;
  warnings.push({
    type: 'other',
    message: `The prompt sets ${holders.length} cache breakpoints (cache_control), but Anthropic allows at most ${limit} per request. Removed the first ${excess} and kept the last ${limit}, which cache the longest prompt prefixes.`,
  });
}
