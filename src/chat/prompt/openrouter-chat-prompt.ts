/**
 * Request-side wire types for `POST /chat/completions` messages, as OpenRouter documents them
 * (openrouter.ai/docs/api/reference/overview, spec `ChatMessages`). Plain types: we build these
 * objects ourselves, so there is nothing to validate.
 */
import type {
  OpenRouterCacheControl,
  OpenRouterReasoningDetail,
} from '../../shared/openrouter-api';

export type OpenRouterChatMessage =
  | OpenRouterSystemMessage
  | OpenRouterUserMessage
  | OpenRouterAssistantMessage
  | OpenRouterToolMessage;

export interface OpenRouterTextContentPart {
  type: 'text';
  text: string;
  cache_control?: OpenRouterCacheControl;
}

export interface OpenRouterImageContentPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' | 'original' };
  cache_control?: OpenRouterCacheControl;
}

interface OpenRouterAudioContentPart {
  type: 'input_audio';
  /** Raw base64 (no `data:` prefix); OpenRouter accepts no audio URLs. */
  input_audio: { data: string; format: string };
  cache_control?: OpenRouterCacheControl;
}

interface OpenRouterVideoContentPart {
  type: 'video_url';
  video_url: { url: string };
  cache_control?: OpenRouterCacheControl;
}

interface OpenRouterFileContentPart {
  type: 'file';
  /** `file_data` is a data URL or an https URL. */
  file: { filename?: string; file_data?: string; file_id?: string };
  cache_control?: OpenRouterCacheControl;
}

export type OpenRouterUserContentPart =
  | OpenRouterTextContentPart
  | OpenRouterImageContentPart
  | OpenRouterAudioContentPart
  | OpenRouterVideoContentPart
  | OpenRouterFileContentPart;

export interface OpenRouterSystemMessage {
  role: 'system';
  content: OpenRouterTextContentPart[];
}

export interface OpenRouterUserMessage {
  role: 'user';
  content: string | OpenRouterUserContentPart[];
}

export interface OpenRouterToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface OpenRouterAssistantMessage {
  role: 'assistant';
  /** An array only when a cache breakpoint has to sit on an assistant text block. */
  content: string | OpenRouterTextContentPart[] | null;
  tool_calls?: OpenRouterToolCall[];
  reasoning?: string;
  reasoning_details?: OpenRouterReasoningDetail[];
  images?: Array<{ type: 'image_url'; image_url: { url: string } }>;
  annotations?: unknown[];
  cache_control?: OpenRouterCacheControl;
}

export interface OpenRouterToolMessage {
  role: 'tool';
  tool_call_id: string;
  content: string | OpenRouterUserContentPart[];
  cache_control?: OpenRouterCacheControl;
}
