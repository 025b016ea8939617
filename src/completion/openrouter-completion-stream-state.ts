import {
  InvalidResponseDataError,
  type JSONObject,
  type JSONValue,
  type LanguageModelV4StreamPart,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { mapOpenRouterFinishReason } from '../shared/map-openrouter-finish-reason';
import {
  createOpenRouterResponseError,
  type OpenRouterErrorObject,
} from '../shared/openrouter-error';
import {
  createStreamReadError,
  createTruncatedStreamError,
  type SseEventConsumer,
} from '../shared/openrouter-event-stream';
import {
  convertOpenRouterUsage,
  type OpenRouterUsage,
  openRouterUsageSchema,
} from '../shared/openrouter-usage';
import { buildOpenRouterCompletionProviderMetadata } from './map-openrouter-completion-response';

type Block = { kind: 'text' | 'reasoning'; id: string };

/**
 * Where the stream is; it only moves forward:
 * - `reading` -> `finished`: a chunk carried a finish reason. The answer is complete; usage and
 *   `[DONE]` may still follow, and a dropped connection from here on is not an error.
 * - `reading` | `finished` -> `done`: `[DONE]` arrived; nothing after it is read.
 * - any -> `ended`: `end()` closed the open block and emitted `finish`. A stream ended while
 *   still `reading` (and not failed) was cut short and gets an error first.
 */
type StreamPhase = 'reading' | 'finished' | 'done' | 'ended';

/**
 * The legacy completion stream: `choices[0].text` fragments (and `choices[0].reasoning`, when
 * the model reasons) -> V4 stream parts. Invariants: `stream-start` first, one
 * `response-metadata`, `finish` last, always; one block open at a time, each a proper
 * start -> delta* -> end with a stable id (reasoning before the text it leads to).
 */
export class OpenRouterCompletionStreamState implements SseEventConsumer {
  private phase: StreamPhase = 'reading';
  /** An error part was emitted: the finish reports `error`, whatever else arrives. */
  private failed = false;
  private block: Block | undefined;
  private blockCount = 0;
  private sentMetadata = false;
  private finishReason: string | undefined;
  private nativeFinishReason: string | undefined;
  private usage: OpenRouterUsage | undefined;
  private provider: string | undefined;
  private generationId: string | undefined;
  private logprobs: Record<string, JSONValue[]> | undefined;

  constructor(
    private readonly options: {
      emit: (part: LanguageModelV4StreamPart) => void;
      warnings: SharedV4Warning[];
      includeRawChunks: boolean;
      /** Context for the typed errors the stream reports. */
      request: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> };
    },
  ) {
    options.emit({ type: 'stream-start', warnings: options.warnings });
  }

  get isDone(): boolean {
    return this.phase === 'done' || this.phase === 'ended';
  }

  /** A `: OPENROUTER PROCESSING` keep-alive. */
  comment(): void {
    if (!this.isDone) this.options.emit({ type: 'ping' });
  }

  data(data: string): void {
    if (this.isDone) return;
    if (data === '[DONE]') {
      this.phase = 'done';
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (cause) {
      this.fail(invalidEvent(data, 'is not JSON'), cause);
      return;
    }
    if (this.options.includeRawChunks) this.options.emit({ type: 'raw', rawValue: chunk });
    if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) {
      this.fail(invalidEvent(data, 'is not an object'));
      return;
    }
    this.chunk(chunk as Record<string, unknown>);
  }

  readError(cause: unknown): void {
    // After the finish reason the answer is complete: losing the usage chunk is not an error.
    if (this.phase !== 'reading' && !this.failed) return;
    this.fail(createStreamReadError(this.options.request, cause));
  }

  end(): void {
    if (this.phase === 'ended') return;
    const cut = this.phase === 'reading' && !this.failed;
    this.phase = 'ended';
    if (cut) {
      this.fail(
        createTruncatedStreamError(
          this.options.request,
          'The OpenRouter stream ended before the completion was complete (no finish reason and no [DONE])',
        ),
      );
    }
    this.closeBlock();
    const { responseHeaders } = this.options.request;
    this.options.emit({
      type: 'finish',
      finishReason: {
        unified: this.failed ? 'error' : mapOpenRouterFinishReason(this.finishReason, false),
        raw: this.finishReason,
      },
      usage: convertOpenRouterUsage(this.usage),
      providerMetadata: {
        openrouter: buildOpenRouterCompletionProviderMetadata({
          provider: this.provider,
          generationId: this.generationId,
          nativeFinishReason: this.nativeFinishReason,
          usage: this.usage,
          logprobs: this.logprobs as JSONObject | undefined,
          responseHeaders,
        }),
      },
    });
  }

  private fail(error: unknown, cause?: unknown): void {
    this.failed = true;
    if (cause !== undefined && error instanceof Error && error.cause === undefined) {
      Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
    }
    this.options.emit({ type: 'error', error });
  }

  private chunk(chunk: Record<string, unknown>): void {
    if (!this.sentMetadata) this.sendResponseMetadata(chunk);
    if (this.provider === undefined && typeof chunk.provider === 'string') {
      this.provider = chunk.provider;
    }
    const error = chunk.error;
    if (error !== null && typeof error === 'object') {
      const { request } = this.options;
      this.fail(
        createOpenRouterResponseError({
          error: error as OpenRouterErrorObject,
          url: request.url,
          requestBodyValues: request.requestBodyValues,
          responseHeaders: request.responseHeaders,
          data: chunk,
        }),
      );
    }
    if (chunk.usage !== null && typeof chunk.usage === 'object') {
      // Arrives once: a schema parse is affordable; invalid fields are dropped, not fatal.
      const parsed = openRouterUsageSchema.safeParse(chunk.usage);
      if (parsed.success) this.usage = parsed.data;
    }
    const choice = Array.isArray(chunk.choices)
      ? (chunk.choices[0] as Record<string, unknown> | null | undefined)
      : undefined;
    if (choice === null || typeof choice !== 'object') return;
    if (typeof choice.reasoning === 'string' && choice.reasoning.length > 0) {
      this.delta('reasoning', choice.reasoning);
    }
    if (typeof choice.text === 'string' && choice.text.length > 0) this.delta('text', choice.text);
    this.collectLogprobs(choice.logprobs);
    if (typeof choice.finish_reason === 'string') {
      this.finishReason = choice.finish_reason;
      if (typeof choice.native_finish_reason === 'string') {
        this.nativeFinishReason = choice.native_finish_reason;
      }
      if (this.phase === 'reading') this.phase = 'finished';
      this.closeBlock();
    }
  }

  private delta(kind: Block['kind'], delta: string): void {
    if (this.block?.kind !== kind) {
      this.closeBlock();
      this.block = { kind, id: `${kind}-${this.blockCount++}` };
      this.options.emit({ type: `${kind}-start`, id: this.block.id });
    }
    this.options.emit({ type: `${kind}-delta`, id: this.block.id, delta });
  }

  private closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = undefined;
    this.options.emit({ type: `${block.kind}-end`, id: block.id });
  }

  /** Each chunk's `{ tokens, token_logprobs, top_logprobs, text_offset }`, appended key by key. */
  private collectLogprobs(logprobs: unknown): void {
    if (logprobs === null || typeof logprobs !== 'object' || Array.isArray(logprobs)) return;
    for (const [key, value] of Object.entries(logprobs)) {
      if (!Array.isArray(value)) continue;
      this.logprobs ??= {};
      const list = this.logprobs[key] ?? [];
      for (const entry of value) list.push(entry as JSONValue);
      this.logprobs[key] = list;
    }
  }

  /** Sent once, with the first chunk; the id falls back to the `X-Generation-Id` header. */
  private sendResponseMetadata(chunk: Record<string, unknown>): void {
    this.sentMetadata = true;
    const id =
      typeof chunk.id === 'string'
        ? chunk.id
        : this.options.request.responseHeaders['x-generation-id'];
    this.generationId = id;
    this.options.emit({
      type: 'response-metadata',
      ...(id !== undefined ? { id } : {}),
      ...(typeof chunk.model === 'string' ? { modelId: chunk.model } : {}),
      ...(typeof chunk.created === 'number' ? { timestamp: new Date(chunk.created * 1000) } : {}),
    });
  }
}

function invalidEvent(data: string, problem: string): InvalidResponseDataError {
  const shown = data.length > 200 ? `${data.slice(0, 200)}…` : data;
  return new InvalidResponseDataError({
    data,
    message: `OpenRouter sent a stream event that ${problem}: ${shown}`,
  });
}
