import type { EmulatorResponse, SseEvent } from '../server/responses.js';
import { generationId, toolCallId } from '../shared/ids.js';
import { buildUsage, type OpenRouterUsage } from '../shared/usage.js';

/** The normalised `finish_reason` values OpenRouter sends on chat completions. */
export type ChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error';

/**
 * What a scripted chat completion contains. The builders turn it into the shapes real OpenRouter
 * responses have, streamed (`chat.completion.chunk` events) or not (`chat.completion`).
 */
export interface ChatScript {
  /** Default: a fresh `gen-<unix>-<20 alnum>` per call. */
  id?: string;
  /** Default `openai/gpt-4o` (scriptedChat: the request's model). */
  model?: string;
  /** Default `OpenAI`. */
  provider?: string;
  /** Unix seconds; default now. */
  created?: number;
  /** Streamed as `delta.reasoning` + `reasoning_details` fragments; a string is split in ~4. */
  reasoning?: string | string[];
  /** `format` of the generated reasoning details; default `unknown`. */
  reasoningFormat?: string;
  /**
   * Adds the signature. Streamed, it arrives as Anthropic sends it: a final delta that carries
   * only the signature of the thinking block.
   */
  reasoningSignature?: string;
  /** Raw `reasoning_details`: the message's (non-stream) or one delta's (stream); overrides the above. */
  reasoningDetails?: unknown[];
  /** `string[]` = stream fragments; a string is split into ~4 fragments for streaming. */
  text?: string | string[];
  toolCalls?: Array<{ id?: string; name: string; arguments: string | string[] }>;
  /** Default `tool_calls` with tool calls, else `stop`. `null`: no finish chunk is streamed. */
  finishReason?: ChatFinishReason | null;
  /** Default: `finishReason`. */
  nativeFinishReason?: string | null;
  /** Default: realistic usage derived from the content; `null`: no usage at all. */
  usage?: Partial<OpenRouterUsage> | null;
  /**
   * Where streamed usage goes: `separate` (default), a final `choices: []` chunk, as OpenRouter
   * documents; `on-finish`, on the finish chunk, as a real DeepSeek stream of October 2026 does.
   */
  usagePlacement?: 'separate' | 'on-finish';
  /** `: OPENROUTER PROCESSING` comments before the first chunk; default 2. */
  processingComments?: number;
  /** Stream the initial `{role:"assistant",content:""}` chunk most providers send; default true. */
  roleChunk?: boolean;
  annotations?: unknown[];
  /** Data URLs -> `message.images` / `delta.images`. */
  images?: string[];
  /**
   * An error after the content. Streamed, a final chunk with a top-level `error` and
   * `finish_reason: "error"` ends the stream (the status is already 200); non-stream, it is
   * `choices[0].error`.
   */
  midStreamError?: { code: number | string; message: string; metadata?: Record<string, unknown> };
  /** Default true: `data: [DONE]` at the end. */
  done?: boolean;
  /** Prompt tokens used by the default usage (scriptedChat estimates it from the request). */
  promptTokens?: number;
}

interface Resolved {
  id: string;
  model: string;
  provider: string;
  created: number;
  reasoning: string[];
  text: string[];
  toolCalls: Array<{ id: string; name: string; fragments: string[] }>;
  finishReason: ChatFinishReason | null;
  nativeFinishReason: string | null;
}

/** Splits text into about `parts` fragments at word boundaries (never inside a code point). */
export function splitFragments(text: string, parts = 4): string[] {
  if (text === '') return [];
  let units = text.split(/(?=\s)/);
  if (units.length < parts) units = Array.from(text);
  const size = Math.ceil(units.length / parts);
  const out: string[] = [];
  for (let i = 0; i < units.length; i += size) out.push(units.slice(i, i + size).join(''));
  return out;
}

const fragments = (value: string | string[] | undefined, parts = 4): string[] =>
  value === undefined ? [] : typeof value === 'string' ? splitFragments(value, parts) : value;

function resolve(script: ChatScript): Resolved {
  const created = script.created ?? Math.floor(Date.now() / 1000);
  const toolCalls = (script.toolCalls ?? []).map((call) => ({
    id: call.id ?? toolCallId(),
    name: call.name,
    fragments: fragments(call.arguments, 3),
  }));
  const finishReason =
    script.finishReason === undefined
      ? toolCalls.length > 0
        ? 'tool_calls'
        : 'stop'
      : script.finishReason;
  return {
    id: script.id ?? generationId(created),
    model: script.model ?? 'openai/gpt-4o',
    provider: script.provider ?? 'OpenAI',
    created,
    reasoning: fragments(script.reasoning),
    text: fragments(script.text),
    toolCalls,
    finishReason,
    nativeFinishReason:
      script.nativeFinishReason === undefined ? finishReason : script.nativeFinishReason,
  };
}

function usageFor(script: ChatScript, r: Resolved): OpenRouterUsage | undefined {
  if (script.usage === null) return undefined;
  const toolChars = r.toolCalls.reduce(
    (n, c) => n + c.name.length + c.fragments.join('').length,
    0,
  );
  return buildUsage(
    {
      promptTokens: script.promptTokens,
      textChars: r.text.join('').length + toolChars,
      reasoningChars: r.reasoning.join('').length,
      images: script.images?.length ?? 0,
    },
    script.usage,
  );
}

/** The `reasoning` text: the script's, else what the raw details carry as text or summary. */
function reasoningText(script: ChatScript, r: Resolved): string | null {
  if (r.reasoning.length > 0) return r.reasoning.join('');
  let text = '';
  for (const detail of script.reasoningDetails ?? []) {
    if (typeof detail !== 'object' || detail === null) continue;
    const d = detail as { text?: unknown; summary?: unknown };
    if (typeof d.text === 'string') text += d.text;
    else if (typeof d.summary === 'string') text += d.summary;
  }
  return text === '' ? null : text;
}

const imageParts = (images: string[]) =>
  images.map((url, index) => ({ type: 'image_url', image_url: { url }, index }));

/**
 * SSE events for a streamed completion, framed like real OpenRouter streams: keep-alive comments,
 * the role chunk, the deltas, the finish chunk, the usage chunk and `[DONE]`, with the chunk keys
 * in the order OpenRouter sends them.
 */
export function chatCompletionStream(script: ChatScript): SseEvent[] {
  const r = resolve(script);
  const format = script.reasoningFormat ?? 'unknown';
  const events: SseEvent[] = [];
  const { chunk, choice } = chunkBuilders(r);
  const push = (delta: Record<string, unknown>) => events.push({ data: chunk([choice(delta)]) });

  for (let i = 0; i < (script.processingComments ?? 2); i++) {
    events.push({ comment: 'OPENROUTER PROCESSING' });
  }
  if (script.roleChunk ?? true) push({ role: 'assistant', content: '' });

  if (script.reasoningDetails) {
    push({
      role: 'assistant',
      content: '',
      reasoning: reasoningText(script, r),
      reasoning_details: script.reasoningDetails,
    });
  } else {
    for (const text of r.reasoning) {
      push({
        role: 'assistant',
        content: '',
        reasoning: text,
        reasoning_details: [{ type: 'reasoning.text', text, format, index: 0 }],
      });
    }
    if (script.reasoningSignature !== undefined) {
      push({
        role: 'assistant',
        content: '',
        reasoning: '',
        reasoning_details: [
          { type: 'reasoning.text', signature: script.reasoningSignature, format, index: 0 },
        ],
      });
    }
  }

  for (const content of r.text) push({ role: 'assistant', content });
  if (script.images?.length) {
    push({ role: 'assistant', content: '', images: imageParts(script.images) });
  }
  if (script.annotations?.length) {
    push({ role: 'assistant', content: '', annotations: script.annotations });
  }

  r.toolCalls.forEach((call, index) => {
    const head = {
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '' },
    };
    push({ role: 'assistant', content: null, tool_calls: [head] });
    for (const args of call.fragments) {
      push({
        role: 'assistant',
        content: null,
        tool_calls: [{ index, function: { arguments: args } }],
      });
    }
  });

  if (script.midStreamError) {
    // Once the stream has started, the status cannot change: OpenRouter reports the error in a
    // last chunk (keys in its documented order) that ends the generation.
    const { code, message, metadata } = script.midStreamError;
    events.push({
      data: {
        id: r.id,
        object: 'chat.completion.chunk',
        created: r.created,
        model: r.model,
        provider: r.provider,
        error: metadata === undefined ? { code, message } : { code, message, metadata },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      },
    });
  } else {
    const usage = usageFor(script, r);
    const onFinish = script.usagePlacement === 'on-finish' && r.finishReason !== null;
    if (r.finishReason !== null) {
      // The real stream that carries usage on the finish chunk orders that delta content-first.
      const delta = onFinish
        ? { content: '', role: 'assistant' }
        : { role: 'assistant', content: '' };
      const finish = choice(delta, r.finishReason, r.nativeFinishReason);
      events.push({ data: chunk([finish], onFinish && usage ? { usage } : undefined) });
    }
    if (usage && !onFinish) events.push({ data: chunk([], { usage }) });
  }

  if (script.done ?? true) events.push({ done: true });
  return events;
}

/** A non-streamed `chat.completion` body, with keys in the order of real responses. */
export function chatCompletionJson(script: ChatScript): Record<string, unknown> {
  const r = resolve(script);
  const text = r.text.join('');
  const reasoning = reasoningText(script, r);
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: text !== '' ? text : r.toolCalls.length > 0 ? null : '',
    refusal: null,
    reasoning,
  };
  if (script.reasoningDetails) {
    message.reasoning_details = script.reasoningDetails;
  } else if (reasoning !== null) {
    const detail: Record<string, unknown> = { type: 'reasoning.text', text: reasoning };
    if (script.reasoningSignature !== undefined) detail.signature = script.reasoningSignature;
    detail.format = script.reasoningFormat ?? 'unknown';
    detail.index = 0;
    message.reasoning_details = [detail];
  }
  if (r.toolCalls.length > 0) {
    message.tool_calls = r.toolCalls.map((call, index) => ({
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.fragments.join('') },
    }));
  }
  if (script.images?.length) message.images = imageParts(script.images);
  if (script.annotations?.length) message.annotations = script.annotations;

  const error = script.midStreamError;
  const choice: Record<string, unknown> = {
    logprobs: null,
    finish_reason: error ? 'error' : r.finishReason,
    native_finish_reason: error ? null : r.nativeFinishReason,
    index: 0,
    message,
  };
  if (error) choice.error = error;

  const body: Record<string, unknown> = {
    id: r.id,
    provider: r.provider,
    model: r.model,
    object: 'chat.completion',
    created: r.created,
    choices: [choice],
  };
  const usage = usageFor(script, r);
  if (usage) body.usage = usage;
  return body;
}

/** A ready-to-enqueue response: `sse` when `stream`, else `json`. */
export function chatResponse(script: ChatScript & { stream: boolean }): EmulatorResponse {
  const { stream, ...rest } = script;
  return stream
    ? { type: 'sse', events: chatCompletionStream(rest) }
    : { type: 'json', body: chatCompletionJson(rest) };
}

/**
 * Builders for `chat.completion.chunk` objects in the key order of real streams: every chunk
 * repeats `id`, `provider`, `model`, `object`, `created`.
 */
export function chunkBuilders(response: {
  id: string;
  provider: string;
  model: string;
  created: number;
}) {
  const chunk = (choices: unknown[], extra?: Record<string, unknown>) => ({
    id: response.id,
    provider: response.provider,
    model: response.model,
    object: 'chat.completion.chunk',
    created: response.created,
    choices,
    ...extra,
  });
  const choice = (
    delta: Record<string, unknown>,
    finishReason: string | null = null,
    nativeFinishReason: string | null = null,
  ) => ({
    index: 0,
    delta,
    finish_reason: finishReason,
    native_finish_reason: nativeFinishReason,
    logprobs: null,
  });
  return { chunk, choice };
}
