import type { LanguageModelV4Message, SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { OpenRouterReasoningDetail } from '../../shared/openrouter-api';
import { stableStringify } from '../../shared/stable-stringify';
import { getOpenRouterOptions } from './convert-to-openrouter-content-part';

type AssistantMessage = Extract<LanguageModelV4Message, { role: 'assistant' }>;

/**
 * An assistant message's `reasoning_details`, wherever they were stored. Message-level provider
 * options win (even `[]`, which DeepSeek requires back). Otherwise the arrays on the message's
 * parts (any part: reasoning, text, tool call, file) are combined in part order:
 * - this package puts a snapshot of all details known so far on each part it round-trips, so a
 *   later array continues an earlier one (same entries in the same places, texts grown, fields
 *   such as a late signature added) and replaces it;
 * - `@openrouter/ai-sdk-provider` put the complete array on the first tool call, but each
 *   reasoning part of a non-streamed answer carries only its own entry; arrays that do not
 *   continue each other are joined, so a history it wrote loses none of its entries.
 */
export function collectReasoningDetails(
  message: AssistantMessage,
): OpenRouterReasoningDetail[] | undefined {
  const messageLevel = reasoningDetailsOf(message.providerOptions);
  if (messageLevel !== undefined) return messageLevel;
  let collected: OpenRouterReasoningDetail[] | undefined;
  for (const part of message.content) {
    const details = reasoningDetailsOf(part.providerOptions);
    if (details === undefined) continue;
    if (collected === undefined || continues(collected, details)) collected = details;
    else if (!continues(details, collected)) collected = [...collected, ...details];
    // else: an earlier snapshot of what was already collected.
  }
  return collected;
}

function reasoningDetailsOf(
  providerOptions: SharedV4ProviderOptions | undefined,
): OpenRouterReasoningDetail[] | undefined {
  const details = getOpenRouterOptions(providerOptions)?.reasoning_details;
  return Array.isArray(details) ? (details as OpenRouterReasoningDetail[]) : undefined;
}

/** Whether `later` is a later snapshot of `earlier`: each earlier entry, possibly grown, in place. */
function continues(
  earlier: readonly OpenRouterReasoningDetail[],
  later: readonly OpenRouterReasoningDetail[],
): boolean {
  if (later.length < earlier.length) return false;
  for (let index = 0; index < earlier.length; index++) {
    if (!entryContinues(earlier[index]!, later[index]!)) return false;
  }
  return true;
}

/** Texts and summaries may have grown; identifying fields must match where both have them. */
function entryContinues(earlier: OpenRouterReasoningDetail, later: OpenRouterReasoningDetail) {
  if (earlier === later) return true;
  if (earlier === null || later === null || typeof earlier !== 'object') return false;
  if (earlier.type !== later.type) return false;
  for (const field of ['text', 'summary'] as const) {
    const before = earlier[field];
    const after = later[field];
    if (typeof before === 'string' && before.length > 0) {
      if (typeof after !== 'string' || !after.startsWith(before)) return false;
    }
  }
  for (const field of ['id', 'index', 'data', 'signature'] as const) {
    const before = earlier[field];
    const after = later[field];
    if (before === undefined || before === null || after === undefined || after === null) continue;
    if (before !== after && stableStringify(before) !== stableStringify(after)) return false;
  }
  return true;
}
