import type { SharedV4Warning } from '@ai-sdk/provider';
import type { OpenRouterReasoningDetail } from '../../shared/openrouter-api';
import { stableStringify } from '../../shared/stable-stringify';

/**
 * The only two reasons to send back less than an assistant turn's `reasoning_details`, each
 * reported as a warning (never a console message: a library writing to the console shows up in
 * every app's output):
 * - an Anthropic `reasoning.text` entry without its `signature` (lost in the app's storage) makes
 *   Anthropic reject the whole request ("Invalid signature in thinking block");
 * - an item already sent in an earlier message of the same request makes OpenRouter answer
 *   "Duplicate item found with id" (https://github.com/OpenRouterTeam/ai-sdk-provider/issues/254).
 *   An item is the same only if everything matches, id included: Gemini reuses ids every step
 *   for different thought signatures, and equal text in two turns without ids is not the same
 *   item either (dropping it would lose that turn's reasoning).
 * Everything else, including unknown types and formats, goes back byte-identical.
 */
export class ReasoningDetailsSanitizer {
  private readonly sentItems = new Set<string>();

  constructor(private readonly warnings: SharedV4Warning[]) {}

  sanitize(details: OpenRouterReasoningDetail[]): OpenRouterReasoningDetail[] {
    const kept: OpenRouterReasoningDetail[] = [];
    let unsigned = 0;
    let duplicates = 0;
    for (const detail of details) {
      if (isUnsignedAnthropicText(detail)) {
        unsigned++;
        continue;
      }
      const identity = itemIdentity(detail);
      if (identity !== undefined && this.sentItems.has(identity)) {
        duplicates++;
        continue;
      }
      kept.push(detail);
    }
    // Remembered after the message, so one message may repeat an item as it likes.
    for (const detail of kept) {
      const identity = itemIdentity(detail);
      if (identity !== undefined) this.sentItems.add(identity);
    }
    if (unsigned > 0) {
      this.warnings.push({
        type: 'other',
        message: `Dropped ${unsigned} Anthropic reasoning_details entr${unsigned === 1 ? 'y' : 'ies'} without a signature (lost in storage?): Anthropic rejects unsigned thinking blocks. Persist providerMetadata.openrouter.reasoning_details unmodified to keep them.`,
      });
    }
    if (duplicates > 0) {
      this.warnings.push({
        type: 'other',
        message: `Dropped ${duplicates} reasoning_details entr${duplicates === 1 ? 'y' : 'ies'} already sent in an earlier assistant message of this request (identical item).`,
      });
    }
    return kept;
  }
}

/** Only items with an id are items OpenRouter tracks; the identity is their whole content. */
function itemIdentity(detail: OpenRouterReasoningDetail): string | undefined {
  return typeof detail.id === 'string' ? stableStringify(detail) : undefined;
}

function isUnsignedAnthropicText(detail: OpenRouterReasoningDetail): boolean {
  return (
    detail.type === 'reasoning.text' &&
    detail.format === 'anthropic-claude-v1' &&
    (typeof detail.signature !== 'string' || detail.signature.length === 0)
  );
}
