/**
 * Prompt parts and conversion shortcuts shared by the prompt-conversion unit tests
 * (`test/unit/chat/prompt/`).
 */
import type {
  LanguageModelV4FilePart,
  LanguageModelV4Prompt,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
  SharedV4FileData,
  SharedV4ProviderOptions,
} from '@ai-sdk/provider';
import { convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';
import { convertToOpenRouterChatMessages } from '../../src/chat/prompt/convert-to-openrouter-chat-messages';
import type {
  OpenRouterAssistantMessage,
  OpenRouterUserContentPart,
} from '../../src/chat/prompt/openrouter-chat-prompt';

export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0,
]);
export const PNG_BASE64 = convertUint8ArrayToBase64(PNG_BYTES);
export const UNKNOWN_BYTES = new Uint8Array([1, 2, 3, 4]);
export const UNKNOWN_BASE64 = convertUint8ArrayToBase64(UNKNOWN_BYTES);
export const WAV_BYTES = new Uint8Array([
  0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0, 0, 0, 0,
]);
export const AUDIO_BASE64 = 'AAECAw==';
export const PDF_BASE64 = 'JVBERi0xLjcK';

export function convert(prompt: LanguageModelV4Prompt) {
  return convertToOpenRouterChatMessages(prompt);
}

export function data(value: Uint8Array | string): SharedV4FileData {
  return { type: 'data', data: value };
}

export function url(value: string, originalUrl?: string): SharedV4FileData {
  return originalUrl === undefined
    ? { type: 'url', url: new URL(value) }
    : { type: 'url', url: new URL(value), originalUrl };
}

export function file(
  fileData: SharedV4FileData,
  mediaType: string,
  extra: { filename?: string; providerOptions?: SharedV4ProviderOptions } = {},
): LanguageModelV4FilePart {
  return { type: 'file', data: fileData, mediaType, ...extra };
}

/** A result of call `c1` to tool `t`. */
export function toolResult(
  output: LanguageModelV4ToolResultOutput,
  providerOptions?: SharedV4ProviderOptions,
): LanguageModelV4ToolResultPart {
  return providerOptions === undefined
    ? { type: 'tool-result', toolCallId: 'c1', toolName: 't', output }
    : { type: 'tool-result', toolCallId: 'c1', toolName: 't', output, providerOptions };
}

/** Converts one user file part (next to a text part, so content stays an array). */
export function convertUserFile(part: LanguageModelV4FilePart): OpenRouterUserContentPart {
  const { messages } = convert([{ role: 'user', content: [{ type: 'text', text: 'x' }, part] }]);
  const content = messages[0]?.content;
  if (!Array.isArray(content)) throw new Error('expected array content');
  return content[1] as OpenRouterUserContentPart;
}

export function convertAssistant(
  content: Extract<LanguageModelV4Prompt[number], { role: 'assistant' }>['content'],
  providerOptions?: SharedV4ProviderOptions,
) {
  const { messages, warnings } = convert([
    providerOptions === undefined
      ? { role: 'assistant', content }
      : { role: 'assistant', content, providerOptions },
  ]);
  return { message: messages[0] as OpenRouterAssistantMessage, warnings };
}

export function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
