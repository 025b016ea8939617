import { APICallError } from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import { createParser } from 'eventsource-parser';
import { DEFAULT_OPENROUTER_LIMITS, formatBytes } from './openrouter-limits';
import type { Redactor } from './redact-secrets';

/** What the request around the stream provides to its reader. */
export interface StreamLifecycle {
  /** The stream is over, however it ended: release timers and listeners. */
  done(): void;
  /** When the request was aborted by the model's timeout, the error to report instead. */
  timeoutError(): APICallError | undefined;
  /** Removes the request's secrets from an error before it is reported. */
  redact: Redactor;
  /** The `limits.maxEventBytes` setting. */
  maxEventBytes: number;
  /** Context for the errors the reader reports. */
  request: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> };
}

/**
 * What turns SSE events into parts, for any streaming endpoint (chat, legacy completions). The
 * reader calls it in order and stops reading once `isDone` is true.
 */
export interface SseEventConsumer {
  /** One `data:` payload. */
  data(data: string): void;
  /** A `:` comment line (OpenRouter's keep-alive). */
  comment(): void;
  /**
   * The body could not be read to the end: a network error, or an `APICallError` that already
   * says what happened (a timeout, an oversized event, a failure to process the stream).
   */
  readError(error: unknown): void;
  /** The body ended (or failed): flush and finish. Called exactly once. */
  end(): void;
  /** The response is complete (`[DONE]`): nothing more is read. */
  readonly isDone: boolean;
}

const NO_LIFECYCLE: StreamLifecycle = {
  done() {},
  timeoutError: () => undefined,
  redact: (value) => value,
  maxEventBytes: DEFAULT_OPENROUTER_LIMITS.maxEventBytes,
  request: { url: '', requestBodyValues: undefined, responseHeaders: {} },
};

/**
 * Bytes are decoded and parsed in slices of at most this size, so a single huge read (a custom
 * `fetch` may deliver one) cannot build a huge string before the event limit is checked.
 */
const FEED_SLICE_BYTES = 1024 * 1024;

type DeltaPart = { type: string; id: string; delta: string };
const DELTA_TYPES = new Set(['text-delta', 'reasoning-delta', 'tool-input-delta']);

/** A plain delta (no provider metadata): consecutive ones of the same block can be joined. */
function isDeltaPart(part: { type: string }): part is DeltaPart {
  const candidate = part as Partial<DeltaPart> & { providerMetadata?: unknown };
  return (
    DELTA_TYPES.has(part.type) &&
    typeof candidate.delta === 'string' &&
    candidate.providerMetadata === undefined
  );
}

/**
 * Bytes -> SSE events -> stream parts, pull-based so a slow consumer slows the socket read.
 * We parse SSE here (with eventsource-parser, as provider-utils does) rather than through
 * `createEventSourceResponseHandler` for two reasons: keep-alive comments become `ping` parts,
 * and a read error mid-body still ends the stream with `error` + `finish` instead of a throw.
 *
 * Memory stays bounded: one event may hold at most `maxEventBytes` characters (the parser's
 * buffer limit), beyond which the stream ends with a non-retryable error and the connection
 * is closed. Consecutive deltas of one block that arrive in one network read are joined into one
 * part: the content is the same, and consumers that handle every part (`ai` rebuilds its result
 * from all of them) get a few parts per read instead of one per event.
 */
export function createOpenRouterPartStream<PART extends { type: string }>(options: {
  body: ReadableStream<Uint8Array>;
  createState: (emit: (part: PART) => void) => SseEventConsumer;
  abortSignal: AbortSignal | undefined;
  lifecycle?: StreamLifecycle;
}): ReadableStream<PART> {
  const lifecycle = options.lifecycle ?? NO_LIFECYCLE;
  const reader = options.body.getReader();
  const decoder = new TextDecoder();
  let state: SseEventConsumer;
  let parser: ReturnType<typeof createParser>;
  let oversized = false;
  let enqueued = 0;
  let controller: ReadableStreamDefaultController<PART>;
  let pending: { part: PART & DeltaPart; pieces: string[] } | undefined;

  const enqueue = (part: PART) => {
    enqueued++;
    controller.enqueue(part);
  };
  const flush = () => {
    if (!pending) return;
    const { part, pieces } = pending;
    pending = undefined;
    enqueue(pieces.length === 1 ? part : { ...part, delta: pieces.join('') });
  };
  const emit = (part: PART) => {
    if (pending) {
      if (isDeltaPart(part) && part.type === pending.part.type && part.id === pending.part.id) {
        pending.pieces.push(part.delta);
        return;
      }
      flush();
    }
    if (isDeltaPart(part)) pending = { part, pieces: [part.delta] };
    else if (part.type === 'error') {
      enqueue({ ...part, error: lifecycle.redact((part as { error?: unknown }).error) });
    } else enqueue(part);
  };
  const feed = (bytes: Uint8Array) => {
    for (let offset = 0; offset < bytes.byteLength && !oversized; offset += FEED_SLICE_BYTES) {
      const slice =
        bytes.byteLength <= FEED_SLICE_BYTES
          ? bytes
          : bytes.subarray(offset, offset + FEED_SLICE_BYTES);
      parser.feed(decoder.decode(slice, { stream: true }));
    }
  };
  /** Ends the stream: the error (if any) as an error part, then whatever the state flushes. */
  const finish = (error?: unknown) => {
    lifecycle.done();
    try {
      if (error !== undefined) state.readError(error);
      state.end();
      flush();
      controller.close();
    } catch (failure) {
      controller.error(lifecycle.redact(failure));
    }
  };

  return new ReadableStream<PART>({
    start(streamController) {
      controller = streamController;
      state = options.createState(emit);
      parser = createParser({
        onEvent: (event) => state.data(event.data),
        onComment: () => state.comment(),
        onError: (error) => {
          if (error.type === 'max-buffer-size-exceeded') oversized = true;
        },
        maxBufferSize: lifecycle.maxEventBytes,
      });
    },
    async pull() {
      // A pull that enqueues nothing is not called again, so read until a part comes out.
      const before = enqueued;
      while (enqueued === before && !state.isDone) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          const timeoutError = lifecycle.timeoutError();
          if (!timeoutError && (options.abortSignal?.aborted || isAbortError(error))) {
            // An abort is the caller's decision, not a provider failure: let it propagate.
            lifecycle.done();
            controller.error(error);
            return;
          }
          return finish(timeoutError ?? error);
        }
        // From here on a failure is ours or the data's, not the network's: not retryable.
        try {
          if (result.done) {
            parser.feed(decoder.decode());
            parser.reset({ consume: true });
            return finish();
          }
          feed(result.value);
          if (oversized) {
            // Drop what the parser holds and stop the download: nothing of the event is kept.
            parser.reset();
            reader.cancel().catch(() => {});
            return finish(eventTooLargeError(lifecycle));
          }
          flush();
        } catch (error) {
          reader.cancel().catch(() => {});
          return finish(streamProcessingError(lifecycle, error));
        }
      }
      if (state.isDone) {
        // Nothing after [DONE] belongs to this response: stop reading and close the
        // connection, even if the server keeps it open.
        reader.cancel().catch(() => {});
        finish();
      }
    },
    cancel(reason) {
      lifecycle.done();
      return reader.cancel(reason);
    },
  });
}

function eventTooLargeError(lifecycle: StreamLifecycle): APICallError {
  return new APICallError({
    message: `An event of the OpenRouter stream is larger than ${formatBytes(lifecycle.maxEventBytes)} (the limits.maxEventBytes setting), so the stream was ended and the connection closed; the output is partial.`,
    ...lifecycle.request,
    statusCode: 200,
    isRetryable: false,
  });
}

/** Not a lost connection: the bytes arrived but could not be turned into parts. */
function streamProcessingError(lifecycle: StreamLifecycle, cause: unknown): APICallError {
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new APICallError({
    message: `The OpenRouter stream could not be processed (${reason}); the output is partial.`,
    ...lifecycle.request,
    statusCode: 200,
    cause,
    isRetryable: false,
  });
}

/**
 * A stream that stopped before its response was complete (the connection dropped, or the body
 * ended without a finish reason or `[DONE]`). Retryable, like a failed fetch: the output so far
 * is partial and must not pass for a whole answer.
 */
export function createTruncatedStreamError(
  request: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> },
  what: string,
  cause?: unknown,
): APICallError {
  return new APICallError({
    message: `${what}; the output is partial.`,
    url: request.url,
    requestBodyValues: request.requestBodyValues,
    statusCode: 200,
    responseHeaders: request.responseHeaders,
    cause,
    isRetryable: true,
  });
}

/**
 * The error for a body that could not be read to the end (connection reset, a timeout, ...):
 * an `APICallError` the request layer already made (a timeout describes itself) as it is,
 * anything else as a retryable truncated-stream error, like a failed fetch.
 */
export function createStreamReadError(
  request: { url: string; requestBodyValues: unknown; responseHeaders: Record<string, string> },
  cause: unknown,
): APICallError {
  if (APICallError.isInstance(cause)) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return createTruncatedStreamError(
    request,
    `The connection to OpenRouter was lost mid-stream (${reason})`,
    cause,
  );
}
