import type { LanguageModelV4Message, SharedV4Warning } from '@ai-sdk/provider';
import { getCacheControl, setPartCacheControl } from './openrouter-cache-control';
import type { OpenRouterSystemMessage, OpenRouterTextContentPart } from './openrouter-chat-prompt';

type SystemMessage = Extract<LanguageModelV4Message, { role: 'system' }>;

/** Always an array of one text part, so cache control can be attached to it. */
export function convertSystemMessage(
  message: SystemMessage,
  where: string,
  warnings: SharedV4Warning[],
): OpenRouterSystemMessage {
  const part: OpenRouterTextContentPart = { type: 'text', text: message.content };
  setPartCacheControl(part, getCacheControl(message.providerOptions, where), where, warnings);
  return { role: 'system', content: [part] };
}
