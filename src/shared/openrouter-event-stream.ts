import { APICallError } from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import { createParser } from 'eventsource-parser';

/** What the request around the stream needs to hear about: reads, the end, a timeout. */
export interface StreamLifecycle {
  /** Data arrived (restarts an idle timeout). */
  activity(): void;
  /** The stream is over, however it ended: release timers and listeners. */
  done(): void;
  /** When the request was aborted by the model's timeout, the error to report instead. */
  timeoutError(): APICallError | undefined;
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
  /** The body could not be read to the end. */
  readError(error: unknown): void;
  /** The body ended (or failed): flush and finish. Called exactly once. */
  end(): void;
  /** The response is complete (`[DONE]`): nothing more is read. */
  readonly isDone: boolean;
}

const NO_LIFECYCLE: StreamLifecycle = {
  activity() {},
  done() {},
  timeoutError: () => undefined,
};

/**
 * Bytes -> SSE events -> stream parts, pull-based so a slow consumer slows the socket read.
 * We parse SSE here (with eventsource-parser, as provider-utils does) rather than through
 * `createEventSourceResponseHandler` for two reasons: keep-alive comments become `ping` parts,
 * and a read error mid-body still ends the stream with `error` + `finish` instead of a throw.
 */
export function createOpenRouterPartStream<PART>(options: {
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
  let enqueued = 0;

  return new ReadableStream<PART>({
    start(controller) {
      state = options.createState((part) => {
        enqueued++;
        controller.enqueue(part);
      });
      parser = createParser({
        onEvent: (event) => state.data(event.data),
        onComment: () => state.comment(),
      });
    },
    async pull(controller) {
      // A pull that enqueues nothing is not called again, so read until a part comes out.
      const before = enqueued;
      try {
        while (enqueued === before && !state.isDone) {
          const { done, value } = await reader.read();
          if (done) {
            parser.feed(decoder.decode());
            parser.reset({ consume: true });
            break;
          }
          lifecycle.activity();
          parser.feed(decoder.decode(value, { stream: true }));
        }
        if (enqueued !== before && !state.isDone) return;
        if (state.isDone) {
          // Nothing after [DONE] belongs to this response: stop reading and close the
          // connection, even if the server keeps it open.
          reader.cancel().catch(() => {});
        }
      } catch (error) {
        const timeoutError = lifecycle.timeoutError();
        if (timeoutError) {
          state.readError(timeoutError);
        } else if (options.abortSignal?.aborted || isAbortError(error)) {
          // An abort is the caller's decision, not a provider failure: let it propagate.
          lifecycle.done();
          controller.error(error);
          return;
        } else {
          state.readError(error);
        }
      }
      lifecycle.done();
      state.end();
      controller.close();
    },
    cancel(reason) {
      lifecycle.done();
      return reader.cancel(reason);
    },
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
