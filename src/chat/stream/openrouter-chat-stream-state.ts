import {
  InvalidResponseDataError,
  type JSONObject,
  type JSONValue,
  type LanguageModelV4CallOptions,
  type LanguageModelV4FinishReason,
  type LanguageModelV4Prompt,
  type LanguageModelV4StreamPart,
  type SharedV4ProviderMetadata,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import {
  boundJsonDepth,
  deepValueWarning,
  MAX_JSON_DEPTH,
  mayNestDeeperThan,
} from '../../shared/bound-json-depth';
import { mapOpenRouterFinishReason } from '../../shared/map-openrouter-finish-reason';
import {
  createOpenRouterResponseError,
  type OpenRouterErrorObject,
} from '../../shared/openrouter-error';
import {
  createStreamReadError,
  createTruncatedStreamError,
  type SseEventConsumer,
} from '../../shared/openrouter-event-stream';
import {
  convertOpenRouterUsage,
  type OpenRouterUsage,
  openRouterUsageSchema,
} from '../../shared/openrouter-usage';
import { AnnotationCollector, mapOpenRouterImage } from '../map-openrouter-outputs';
import { ServerToolCallMapper } from '../map-server-tool-call';
import { buildOpenRouterChatProviderMetadata } from '../openrouter-chat-provider-metadata';
import { readMessageContent, SkippedContentReporter } from '../read-message-content';
import {
  ReasoningDetailsAccumulator,
  visibleReasoningText,
} from '../reasoning-details-accumulator';
import { ToolCallIdAllocator } from '../tool-call-ids';
import { StreamingToolCallAssembler } from './streaming-tool-call-assembler';

type Emit = (part: LanguageModelV4StreamPart) => void;

interface OpenRouterChatStreamStateOptions {
  emit: Emit;
  warnings: SharedV4Warning[];
  /** The call's prompt and tools: tool-call ids must not repeat the prompt's, server tool calls take the app's tool names. */
  prompt: LanguageModelV4Prompt;
  tools: LanguageModelV4CallOptions['tools'];
  generateId: () => string;
  includeRawChunks: boolean;
  /** Context for the typed errors the stream reports. */
  request: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> };
}

type Block = { kind: 'text' | 'reasoning'; id: string; detailIndex?: number };

/**
 * Where the stream is in its lifecycle; it only moves forward:
 * - `reading` -> `finished`: a chunk carried a finish reason. The answer is complete; usage and
 *   `[DONE]` may still follow, and a dropped connection from here on is not an error.
 * - `reading` | `finished` -> `done`: `[DONE]` arrived. Nothing after it belongs to this
 *   response: the reader stops and closes the connection.
 * - any -> `ended`: `end()` flushed open blocks and tool calls and emitted `finish`. A stream
 *   ended while still `reading` (and not failed) was cut short and gets an error first.
 * Failure is not a phase but an outcome: once an error part is out, the finish says `error`.
 */
type StreamPhase = 'reading' | 'finished' | 'done' | 'ended';

/**
 * The chat stream as an explicit state machine (its phases are listed at `StreamPhase`). Input:
 * parsed SSE events in order. Output: V4 stream parts, with these invariants (checked by the
 * tests):
 * - `stream-start` first, one `response-metadata`, `finish` last, always;
 * - at most one text or reasoning block is open; a block is closed before the next one starts;
 * - a tool call is finalised as soon as it is whole (its arguments form a complete JSON object,
 *   the next call begins, or the finish reason or end of stream arrives), so tools start early;
 * - the complete `reasoning_details` snapshot travels on the parts the AI SDK round-trips
 *   (reasoning-end, and later text-end / tool-call when the details changed since); details
 *   that arrive after the last such part (a late signature after an early tool call) get an
 *   empty reasoning part of their own at the end, so nothing of the round trip is lost.
 * The per-chunk path reads fields with cheap type guards instead of a schema parse.
 */
export class OpenRouterChatStreamState implements SseEventConsumer {
  private phase: StreamPhase = 'reading';
  /** An error part was emitted: the finish reports `error`, whatever else arrives. */
  private failed = false;
  private block: Block | undefined;
  private blockCount = 0;
  private readonly reasoning = new ReasoningDetailsAccumulator();
  private emittedDetailsVersion = 0;
  private readonly toolCalls: StreamingToolCallAssembler;
  private readonly serverToolCalls: ServerToolCallMapper;
  private readonly annotations: AnnotationCollector;
  private readonly skippedContent: SkippedContentReporter;
  private finishReason: string | undefined;
  private nativeFinishReason: string | undefined;
  private usage: OpenRouterUsage | undefined;
  private provider: string | undefined;
  private generationId: string | undefined;
  private logprobs: JSONValue[] | undefined;
  private routerMetadata: unknown;
  private warnedDepth = false;

  /** `[DONE]` arrived (or the stream ended): nothing more is read. */
  get isDone(): boolean {
    return this.phase === 'done' || this.phase === 'ended';
  }

  constructor(private readonly options: OpenRouterChatStreamStateOptions) {
    const ids = new ToolCallIdAllocator(options.prompt, options.generateId);
    // Warnings found while reading still reach the app: `ai` reads this array (the one sent
    // with `stream-start`) when the step finishes.
    this.toolCalls = new StreamingToolCallAssembler(
      options.emit,
      ids,
      (warning) => options.warnings.push(warning),
      () => this.pendingReasoningMetadata(),
    );
    this.serverToolCalls = new ServerToolCallMapper(options.tools, ids);
    this.annotations = new AnnotationCollector(options.generateId);
    this.skippedContent = new SkippedContentReporter(options.warnings);
    options.emit({ type: 'stream-start', warnings: options.warnings });
  }

  /** A `: OPENROUTER PROCESSING` keep-alive: useful to UIs while the upstream thinks. */
  comment(): void {
    if (!this.isDone) this.options.emit({ type: 'ping' });
  }

  /** One SSE `data:` payload. */
  data(data: string): void {
    if (this.isDone) return; // nothing after [DONE] belongs to this response
    if (data === '[DONE]') {
      this.phase = 'done';
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
      if (mayNestDeeperThan(data, MAX_JSON_DEPTH)) chunk = this.boundDepth(chunk);
    } catch (cause) {
      this.fail(
        new InvalidResponseDataError({
          data,
          message: `OpenRouter sent a stream event that is not JSON: ${truncate(data)}`,
        }),
        cause,
      );
      return;
    }
    if (this.options.includeRawChunks) this.options.emit({ type: 'raw', rawValue: chunk });
    if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) {
      this.fail(
        new InvalidResponseDataError({
          data: chunk,
          message: `OpenRouter sent a stream event that is not an object: ${truncate(data)}`,
        }),
      );
      return;
    }
    this.chunk(chunk as Record<string, unknown>);
  }

  /** The body could not be read to the end (connection reset, ...): retryable, like fetch errors. */
  readError(cause: unknown): void {
    // After the finish reason the answer is complete: a connection that drops before the
    // usage chunk or [DONE] loses nothing worth an error (or a re-billed retry).
    if (this.phase !== 'reading' && !this.failed) return;
    this.fail(createStreamReadError(this.options.request, cause));
  }

  /** End of the body: flush open blocks and calls, then `finish`. Idempotent. */
  end(): void {
    if (this.phase === 'ended') return;
    const cut = this.phase === 'reading' && !this.failed;
    this.phase = 'ended';
    const { emit } = this.options;
    if (cut) {
      // Cut without [DONE] or a finish reason: the answer is incomplete and must not look whole.
      this.fail(
        createTruncatedStreamError(
          this.options.request,
          'The OpenRouter stream ended before the response was complete (no finish reason and no [DONE])',
        ),
      );
    }
    this.closeBlock();
    this.toolCalls.finalizeAll();
    if (this.reasoning.version !== this.emittedDetailsVersion) {
      // Details that arrived after every round-tripped part (e.g. encrypted-only reasoning)
      // still need a carrier: an empty reasoning block.
      const id = this.nextBlockId('reasoning');
      emit({ type: 'reasoning-start', id });
      emit({ type: 'reasoning-end', id, providerMetadata: this.pendingReasoningMetadata() });
    }
    const unified: LanguageModelV4FinishReason['unified'] = this.failed
      ? 'error'
      : mapOpenRouterFinishReason(this.finishReason, this.toolCalls.hasCalls);
    emit({
      type: 'finish',
      finishReason: { unified, raw: this.finishReason },
      usage: convertOpenRouterUsage(this.usage),
      providerMetadata: {
        openrouter: buildOpenRouterChatProviderMetadata({
          provider: this.provider,
          generationId: this.generationId,
          nativeFinishReason: this.nativeFinishReason,
          usage: this.usage,
          reasoningDetails: this.reasoning.snapshot(),
          annotations: this.annotations.other,
          logprobs: this.logprobs,
          routerMetadata: this.routerMetadata,
          responseHeaders: this.options.request.responseHeaders,
        }),
      },
    });
  }

  /** Values from events reach the parts and metadata: their depth is bounded (warned once). */
  private boundDepth(chunk: unknown): unknown {
    const bounded = boundJsonDepth(chunk);
    if (bounded.truncated && !this.warnedDepth) {
      this.warnedDepth = true;
      this.options.warnings.push(deepValueWarning());
    }
    return bounded.value;
  }

  private fail(error: unknown, cause?: unknown): void {
    this.failed = true;
    this.options.emit({
      type: 'error',
      error: cause === undefined ? error : withCause(error, cause),
    });
  }

  private chunk(chunk: Record<string, unknown>): void {
    if (this.generationId === undefined && typeof chunk.id === 'string') {
      this.sendResponseMetadata(chunk);
    }
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
    if (chunk.openrouter_metadata != null) this.routerMetadata = chunk.openrouter_metadata;
    if (chunk.usage !== null && typeof chunk.usage === 'object') {
      // Arrives once, so a schema parse is affordable here; invalid fields are dropped, not fatal.
      const parsed = openRouterUsageSchema.safeParse(chunk.usage);
      if (parsed.success) this.usage = parsed.data;
    }
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    const choice = choices[0] as Record<string, unknown> | undefined;
    if (choice === null || typeof choice !== 'object') return;
    const delta = choice.delta as Record<string, unknown> | null | undefined;
    if (delta !== null && typeof delta === 'object') this.delta(delta);
    this.collectLogprobs(choice.logprobs);
    const finishReason = choice.finish_reason;
    if (typeof finishReason === 'string') {
      this.finishReason = finishReason;
      if (this.phase === 'reading') this.phase = 'finished';
      if (typeof choice.native_finish_reason === 'string') {
        this.nativeFinishReason = choice.native_finish_reason;
      }
      this.closeBlock();
      this.toolCalls.finalizeAll();
    }
  }

  private delta(delta: Record<string, unknown>): void {
    const details = delta.reasoning_details;
    if (Array.isArray(details)) this.reasoning.markPresent();
    if (Array.isArray(details) && details.length > 0) {
      for (const detail of details) this.reasoningDetail(detail);
    } else if (typeof delta.reasoning === 'string' && delta.reasoning.length > 0) {
      // Plain `reasoning` only when there are no details: both carry the same text, and reading
      // both would show the reasoning twice.
      this.reasoningText(delta.reasoning, undefined);
    }
    if (typeof delta.content === 'string') {
      if (delta.content.length > 0) this.text(delta.content);
    } else if (Array.isArray(delta.content)) {
      const content = readMessageContent(delta.content);
      this.skippedContent.report(content.skipped);
      if (content.text.length > 0) this.text(content.text);
    }
    if (Array.isArray(delta.tool_calls)) {
      this.closeBlock();
      this.toolCalls.processDeltas(delta.tool_calls);
    }
    if (Array.isArray(delta.images)) this.images(delta.images);
    if (Array.isArray(delta.annotations)) {
      for (const source of this.annotations.add(delta.annotations)) this.options.emit(source);
    }
  }

  private reasoningDetail(detail: unknown): void {
    if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return;
    const record = detail as JSONObject;
    if (typeof record.type !== 'string') return;
    this.reasoning.add(record);
    if (record.type === 'reasoning.server_tool_call') {
      const parts = this.serverToolCalls.map(record);
      if (parts) {
        this.closeBlock();
        for (const part of parts) this.options.emit(part);
      }
      return;
    }
    const text = visibleReasoningText(record);
    if (text !== undefined) {
      this.reasoningText(text, typeof record.index === 'number' ? record.index : undefined);
    }
  }

  private reasoningText(text: string, detailIndex: number | undefined): void {
    const block = this.block;
    // A new detail index is a new section (e.g. a second summary): keep the boundary, or two
    // sections run together into one paragraph.
    const sameSection =
      block?.kind === 'reasoning' &&
      (detailIndex === undefined ||
        block.detailIndex === undefined ||
        block.detailIndex === detailIndex);
    if (!sameSection) this.openBlock('reasoning', detailIndex);
    else if (block && detailIndex !== undefined) block.detailIndex = detailIndex;
    this.options.emit({ type: 'reasoning-delta', id: this.block!.id, delta: text });
  }

  private text(text: string): void {
    if (this.block?.kind !== 'text') this.openBlock('text', undefined);
    this.options.emit({ type: 'text-delta', id: this.block!.id, delta: text });
  }

  private images(images: unknown[]): void {
    this.closeBlock();
    for (const image of images) {
      const url = (image as { image_url?: { url?: unknown } } | null)?.image_url?.url;
      const file = typeof url === 'string' ? mapOpenRouterImage(url) : undefined;
      if (file) this.options.emit(file);
    }
  }

  private collectLogprobs(logprobs: unknown): void {
    const content = (logprobs as { content?: unknown } | null | undefined)?.content;
    if (Array.isArray(content) && content.length > 0) {
      this.logprobs ??= [];
      for (const entry of content) this.logprobs.push(entry as JSONValue);
    }
  }

  private openBlock(kind: Block['kind'], detailIndex: number | undefined): void {
    this.closeBlock();
    this.block = { kind, id: this.nextBlockId(kind), detailIndex };
    this.options.emit({
      type: kind === 'text' ? 'text-start' : 'reasoning-start',
      id: this.block.id,
    });
  }

  private closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = undefined;
    const providerMetadata = this.pendingReasoningMetadata();
    this.options.emit({
      type: block.kind === 'text' ? 'text-end' : 'reasoning-end',
      id: block.id,
      ...(providerMetadata ? { providerMetadata } : {}),
    });
  }

  /** The details snapshot, when it changed since it was last attached to a part. */
  private pendingReasoningMetadata(): SharedV4ProviderMetadata | undefined {
    if (this.reasoning.version === this.emittedDetailsVersion) return undefined;
    this.emittedDetailsVersion = this.reasoning.version;
    return { openrouter: { reasoning_details: this.reasoning.snapshot() } };
  }

  private nextBlockId(kind: Block['kind']): string {
    return `${kind}-${this.blockCount++}`;
  }

  private sendResponseMetadata(chunk: Record<string, unknown>): void {
    this.generationId = chunk.id as string;
    this.options.emit({
      type: 'response-metadata',
      id: this.generationId,
      ...(typeof chunk.model === 'string' ? { modelId: chunk.model } : {}),
      ...(typeof chunk.created === 'number' ? { timestamp: new Date(chunk.created * 1000) } : {}),
    });
  }
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function withCause(error: unknown, cause: unknown): unknown {
  if (error instanceof Error && error.cause === undefined) {
    Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  }
  return error;
}
