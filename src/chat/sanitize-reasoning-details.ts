import type { SharedV4Warning } from '@ai-sdk/provider';
import type { OpenRouterReasoningDetail } from './openrouter-chat-prompt';

/**
 * The only two reasons to send back less than an assistant turn's `reasoning_details`, each
 * reported as a warning (never a console message, P13):
 * - an Anthropic `reasoning.text` entry without its `signature` (lost in the app's storage) makes
 *   Anthropic reject the whole request ("Invalid signature in thinking block");
 * - an entry whose identity (`type` + `id`) was already sent in an earlier message of the same
 *   request makes OpenRouter answer "Duplicate item found with id" (#254). Entries without an id
 *   are never deduplicated: equal text in two turns is not the same item (P15).
 * Everything else, including unknown types and formats, goes back byte-identical.
 */
export class ReasoningDetailsSanitizer {
  private readonly sentIds = new Set<string>();

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
      const identity =
        typeof detail.id === 'string' ? `${detail.type}\u0000${detail.id}` : undefined;
      if (identity !== undefined && this.sentIds.has(identity)) {
        duplicates++;
        continue;
      }
      kept.push(detail);
    }
    // Ids are remembered per message, so one message may legitimately repeat an id (OpenAI
    // sends a summary and its encrypted item under the same id).
    for (const detail of kept) {
      if (typeof detail.id === 'string') this.sentIds.add(`${detail.type}\u0000${detail.id}`);
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
        message: `Dropped ${duplicates} reasoning_details entr${duplicates === 1 ? 'y' : 'ies'} already sent in an earlier assistant message of this request (same type and id).`,
      });
    }
    return kept;
  }
}

function isUnsignedAnthropicText(detail: OpenRouterReasoningDetail): boolean {
  return (
    detail.type === 'reasoning.text' &&
    detail.format === 'anthropic-claude-v1' &&
    (typeof detail.signature !== 'string' || detail.signature.length === 0)
  );
}
