import type { EmulatorResponse, SseEvent } from '../server/responses.js';
import { generationId } from '../shared/ids.js';
import { buildUsage, type OpenRouterUsage } from '../shared/usage.js';

/** The `finish_reason` values of legacy text completions. */
export type CompletionFinishReason = 'stop' | 'length' | 'content_filter' | 'error';

/**
 * What a scripted legacy completion (`POST /completions`) contains. The builders render it as
 * OpenRouter does: a `text_completion` object, or a stream of `text_completion` chunks whose
 * `choices[0].text` carries the fragments.
 */
export interface CompletionScript {
  /** Default: a fresh `gen-<unix>-<20 alnum>` per call. */
  id?: string;
  /** Default `openai/gpt-3.5-turbo-instruct` (scriptedCompletion: the request's model). */
  model?: string;
  /** Default `OpenAI`. */
  provider?: string;
  /** Unix seconds; default now. */
  created?: number;
  /** `string[]` = stream fragments; a string is split into about four at word boundaries. */
  text?: string | string[];
  /** `choices[0].reasoning`, streamed before the text; a string is split like `text`. */
  reasoning?: string | string[];
  /** Default `stop`. `null`: no finish chunk is streamed (non-stream: `finish_reason: null`). */
  finishReason?: CompletionFinishReason | null;
  /** `choices[0].native_finish_reason`; absent unless given. */
  nativeFinishReason?: string;
  /**
   * Default: realistic usage derived from the content, with these keys laid over (`cost: null`
   * sends a null cost, as the API's schema allows); `null`: no usage at all.
   */
  usage?: (Omit<Partial<OpenRouterUsage>, 'cost'> & { cost?: number | null }) | null;
  /** Where streamed usage goes: `separate` (default, a `choices: []` chunk) or `on-finish`. */
  usagePlacement?: 'separate' | 'on-finish';
  /** Per-token `logprobs` (`tokens`, `token_logprobs`, `top_logprobs`, `text_offset`). */
  logprobs?: boolean;
  /** `: OPENROUTER PROCESSING` comments before the first chunk; default 1. */
  processingComments?: number;
  /**
   * An error after the text. Streamed, a last chunk with a top-level `error` and
   * `finish_reason: "error"` (the status is already 200); non-stream, `choices[0].error`.
   */
  midStreamError?: { code: number | string; message: string; metadata?: Record<string, unknown> };
  /** Default true: `data: [DONE]` at the end. */
  done?: boolean;
  /** Prompt tokens of the default usage (scriptedCompletion estimates it from the request). */
  promptTokens?: number;
  /** Extra top-level keys on every chunk and on the body (unknown fields, for lenient parsing). */
  extra?: Record<string, unknown>;
}

interface Resolved {
  id: string;
  model: string;
  provider: string;
  created: number;
  text: string[];
  reasoning: string[];
  finishReason: CompletionFinishReason | null;
}

/** Splits text into about `parts` fragments at word boundaries (never inside a code point). */
function fragmentsOf(value: string | string[] | undefined, parts = 4): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return value;
  if (value === '') return [];
  let units = value.split(/(?=\s)/);
  if (units.length < parts) units = Array.from(value);
  const size = Math.ceil(units.length / parts);
  const out: string[] = [];
  for (let i = 0; i < units.length; i += size) out.push(units.slice(i, i + size).join(''));
  return out;
}

function resolve(script: CompletionScript): Resolved {
  const created = script.created ?? Math.floor(Date.now() / 1000);
  return {
    id: script.id ?? generationId(created),
    model: script.model ?? 'openai/gpt-3.5-turbo-instruct',
    provider: script.provider ?? 'OpenAI',
    created,
    text: fragmentsOf(script.text),
    reasoning: fragmentsOf(script.reasoning),
    finishReason: script.finishReason === undefined ? 'stop' : script.finishReason,
  };
}

function usageFor(script: CompletionScript, r: Resolved): Record<string, unknown> | undefined {
  if (script.usage === null) return undefined;
  const reasoningChars = r.reasoning.join('').length;
  return buildUsage(
    {
      promptTokens: script.promptTokens,
      textChars: r.text.join('').length,
      reasoningChars,
      images: 0,
    },
    script.usage as Partial<OpenRouterUsage> | undefined,
  );
}

/** Logprobs for fragments starting at `offset`, one "token" per fragment. */
function logprobsFor(fragments: string[], offset: number, first: number) {
  const tokenLogprobs = fragments.map((_, i) => -Math.round((first + i + 1) * 137) / 1000);
  let at = offset;
  return {
    tokens: fragments,
    token_logprobs: tokenLogprobs,
    top_logprobs: fragments.map((token, i) => ({ [token]: tokenLogprobs[i]! })),
    text_offset: fragments.map((fragment) => {
      const start = at;
      at += fragment.length;
      return start;
    }),
  };
}

/**
 * SSE events for a streamed legacy completion: keep-alive comments, one chunk per reasoning and
 * text fragment, the finish chunk, the usage chunk and `[DONE]`. Every chunk repeats `id`,
 * `provider`, `model`, `object` and `created`.
 */
export function completionStream(script: CompletionScript): SseEvent[] {
  const r = resolve(script);
  const events: SseEvent[] = [];
  const chunk = (choices: unknown[], more?: Record<string, unknown>) => ({
    id: r.id,
    provider: r.provider,
    model: r.model,
    object: 'text_completion',
    created: r.created,
    choices,
    ...script.extra,
    ...more,
  });
  const choice = (fields: Record<string, unknown>, finishReason: string | null = null) => ({
    index: 0,
    ...fields,
    logprobs: (fields.logprobs as unknown) ?? null,
    finish_reason: finishReason,
  });

  for (let i = 0; i < (script.processingComments ?? 1); i++) {
    events.push({ comment: 'OPENROUTER PROCESSING' });
  }
  for (const reasoning of r.reasoning) {
    events.push({ data: chunk([choice({ text: '', reasoning })]) });
  }
  let offset = 0;
  r.text.forEach((text, i) => {
    const logprobs = script.logprobs ? logprobsFor([text], offset, i) : null;
    offset += text.length;
    events.push({ data: chunk([choice({ text, logprobs })]) });
  });

  if (script.midStreamError) {
    const { code, message, metadata } = script.midStreamError;
    events.push({
      data: chunk([choice({ text: '' }, 'error')], {
        error: metadata === undefined ? { code, message } : { code, message, metadata },
      }),
    });
  } else {
    const usage = usageFor(script, r);
    const onFinish = script.usagePlacement === 'on-finish' && r.finishReason !== null;
    if (r.finishReason !== null) {
      const native =
        script.nativeFinishReason === undefined
          ? {}
          : { native_finish_reason: script.nativeFinishReason };
      events.push({
        data: chunk(
          [choice({ text: '', ...native }, r.finishReason)],
          onFinish && usage ? { usage } : undefined,
        ),
      });
    }
    if (usage && !onFinish) events.push({ data: chunk([], { usage }) });
  }

  if (script.done ?? true) events.push({ done: true });
  return events;
}

/** A non-streamed `text_completion` body, with keys in the order of real responses. */
export function completionJson(script: CompletionScript): Record<string, unknown> {
  const r = resolve(script);
  const error = script.midStreamError;
  const text = r.text.join('');
  const choice: Record<string, unknown> = { text, index: 0 };
  if (r.reasoning.length > 0) choice.reasoning = r.reasoning.join('');
  choice.logprobs = script.logprobs ? logprobsFor(r.text, 0, 0) : null;
  choice.finish_reason = error ? 'error' : r.finishReason;
  if (script.nativeFinishReason !== undefined) {
    choice.native_finish_reason = script.nativeFinishReason;
  }
  if (error) choice.error = error;
  const body: Record<string, unknown> = {
    id: r.id,
    provider: r.provider,
    model: r.model,
    object: 'text_completion',
    created: r.created,
    choices: [choice],
  };
  const usage = usageFor(script, r);
  if (usage) body.usage = usage;
  return { ...body, ...script.extra };
}

/** A ready-to-enqueue response: `sse` when `stream`, else `json`. */
export function completionResponse(
  script: CompletionScript & { stream: boolean },
): EmulatorResponse {
  const { stream, ...rest } = script;
  return stream
    ? { type: 'sse', events: completionStream(rest) }
    : { type: 'json', body: completionJson(rest) };
}
