import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import { createParser } from 'eventsource-parser';
import type { RequestTimeout } from '../request-timeout';
import type { OpenRouterChatStreamState } from './openrouter-chat-stream-state';

/**
 * Bytes -> SSE events -> stream parts, pull-based so a slow consumer slows the socket read.
 * We parse SSE here (with eventsource-parser, as provider-utils does) rather than through
 * `createEventSourceResponseHandler` for two reasons: keep-alive comments become `ping` parts,
 * and a read error mid-body still ends the stream with `error` + `finish` instead of a throw.
 */
export function createOpenRouterPartStream(options: {
  body: ReadableStream<Uint8Array>;
  createState: (emit: (part: LanguageModelV4StreamPart) => void) => OpenRouterChatStreamState;
  abortSignal: AbortSignal | undefined;
  /** The optional timeout: every read is activity; when it fires, that is the reported error. */
  timeout?: { tracker: RequestTimeout; url: string; requestBodyValues: unknown };
}): ReadableStream<LanguageModelV4StreamPart> {
  const timeout = options.timeout;
  const reader = options.body.getReader();
  const decoder = new TextDecoder();
  let state: OpenRouterChatStreamState;
  let parser: ReturnType<typeof createParser>;
  let enqueued = 0;

  return new ReadableStream<LanguageModelV4StreamPart>({
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
        while (enqueued === before) {
          const { done, value } = await reader.read();
          if (done) break;
          timeout?.tracker.activity();
          parser.feed(decoder.decode(value, { stream: true }));
        }
        if (enqueued !== before) return;
        parser.feed(decoder.decode());
        parser.reset({ consume: true });
      } catch (error) {
        timeout?.tracker.done();
        if (timeout?.tracker.timedOut) {
          state.readError(timeout.tracker.error(timeout));
        } else if (options.abortSignal?.aborted || isAbortError(error)) {
          // An abort is the caller's decision, not a provider failure: let it propagate.
          controller.error(error);
          return;
        } else {
          state.readError(error);
        }
      }
      timeout?.tracker.done();
      state.end();
      controller.close();
    },
    cancel(reason) {
      timeout?.tracker.done();
      return reader.cancel(reason);
    },
  });
}
