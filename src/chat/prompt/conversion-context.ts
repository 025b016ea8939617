import type { SharedV4Warning } from '@ai-sdk/provider';
import type { ReasoningDetailsSanitizer } from './sanitize-reasoning-details';

/** What the per-role conversions share across the messages of one prompt. */
export interface ConversionContext {
  warnings: SharedV4Warning[];
  reasoningDetails: ReasoningDetailsSanitizer;
}
