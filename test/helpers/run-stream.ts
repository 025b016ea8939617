import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { convertReadableStreamToArray, mockId } from '@ai-sdk/provider-utils/test';
import { OpenRouterChatStreamState } from '../../src/chat/stream/openrouter-chat-stream-state';
import { createOpenRouterPartStream } from '../../src/shared/openrouter-event-stream';

/** Splits `bytes` at the given offsets (sorted, deduplicated, in range). */
export function splitBytes(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(bytes.slice(start, cut));
    start = cut;
  }
  pieces.push(bytes.slice(start));
  return pieces;
}

export interface RunStreamOptions {
  splitAt?: number[];
  prompt?: LanguageModelV4Prompt;
  tools?: LanguageModelV4CallOptions['tools'];
  includeRawChunks?: boolean;
  /** Make the body error after all pieces were delivered (a connection reset). */
  failWith?: Error;
}

/**
 * Runs the real byte -> SSE -> part pipeline on a transcript without HTTP, so tests of the
 * state machine stay fast and exact.
 */
export async function runStream(
  sse: string,
  options: RunStreamOptions = {},
): Promise<LanguageModelV4StreamPart[]> {
  const pieces = splitBytes(new TextEncoder().encode(sse), options.splitAt ?? []);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      if (options.failWith) controller.error(options.failWith);
      else controller.close();
    },
  });
  // Deterministic ids, so two runs of the same stream produce identical parts.
  const generateId = mockId();
  const stream = createOpenRouterPartStream<LanguageModelV4StreamPart>({
    body,
    abortSignal: undefined,
    createState: (emit) =>
      new OpenRouterChatStreamState({
        emit,
        warnings: [],
        prompt: options.prompt ?? [],
        tools: options.tools,
        generateId,
        includeRawChunks: options.includeRawChunks ?? false,
        request: {
          url: 'http://test/chat/completions',
          requestBodyValues: {},
          responseHeaders: {},
        },
      }),
  });
  return convertReadableStreamToArray(stream);
}

/** `data: <json>\n\n` for each chunk, then `[DONE]`, for hand-built scenarios. */
export function sse(chunks: unknown[], { done = true }: { done?: boolean } = {}): string {
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  if (done) events.push('data: [DONE]\n\n');
  return events.join('');
}

/** A chunk with the fields every OpenRouter chunk repeats. */
export function chunk(
  delta: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
  finish: { finish_reason?: string | null; native_finish_reason?: string | null } = {},
): Record<string, unknown> {
  return {
    id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
    provider: 'OpenAI',
    model: 'openai/gpt-4o',
    object: 'chat.completion.chunk',
    created: 1791500000,
    choices:
      delta === undefined
        ? []
        : [
            {
              index: 0,
              delta,
              finish_reason: finish.finish_reason ?? null,
              native_finish_reason: finish.native_finish_reason ?? finish.finish_reason ?? null,
            },
          ],
    ...extra,
  };
}

export function types(parts: LanguageModelV4StreamPart[]): string[] {
  return parts.map((part) => part.type);
}

/**
 * The parts with consecutive deltas of the same block joined into one. The provider joins the
 * deltas of one block that arrive in one network read, so how a body is split into reads changes
 * how many deltas there are, never their content: compare streams read in different pieces
 * after joining.
 */
export function joinDeltas(parts: LanguageModelV4StreamPart[]): LanguageModelV4StreamPart[] {
  const out: LanguageModelV4StreamPart[] = [];
  for (const part of parts) {
    const previous = out.at(-1);
    if (
      previous !== undefined &&
      isPlainDelta(previous) &&
      isPlainDelta(part) &&
      previous.type === part.type &&
      previous.id === part.id
    ) {
      out[out.length - 1] = { ...previous, delta: previous.delta + part.delta };
    } else out.push(part);
  }
  return out;
}

type DeltaPart = Extract<
  LanguageModelV4StreamPart,
  { type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta' }
>;

function isPlainDelta(part: LanguageModelV4StreamPart): part is DeltaPart {
  return (
    (part.type === 'text-delta' ||
      part.type === 'reasoning-delta' ||
      part.type === 'tool-input-delta') &&
    part.providerMetadata === undefined
  );
}
