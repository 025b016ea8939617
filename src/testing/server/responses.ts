import type { RecordedRequest } from './recorded-request.js';

/**
 * Answers a request with a response (or a promise of one): set with `handler`/`setHandler` to
 * answer every request the queue does not, or enqueued to answer exactly one.
 */
export type EmulatorHandler = (
  request: RecordedRequest,
) => EmulatorResponse | Promise<EmulatorResponse>;

/**
 * How a response ends: `end` (normal), `reset` (destroy the socket once the body is written,
 * so the client's read fails), `hang` (never end, until the client aborts or the emulator closes).
 */
export type ResponseEnding = 'end' | 'reset' | 'hang';

/** Options that cut the serialized body into separately written pieces. */
export interface SplitOptions {
  /** Write the body in pieces of this many bytes (exercises split events and split UTF-8). */
  splitEvery?: number;
  /** Or explicit byte offsets (into the whole body) at which to split it. */
  splitAt?: number[];
  /** Pause between pieces, so each piece reaches the client in its own read. Default 0. */
  pieceDelayMs?: number;
}

/** A JSON body (status 200 unless given); an `id` string in the body is sent as `X-Generation-Id`. */
export interface JsonResponse {
  type: 'json';
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * Written before the JSON. Some gateways keep a slow non-streamed request alive by sending
   * whitespace before the body; a robust client tolerates it.
   */
  leadingWhitespace?: string;
}

/** OpenRouter's error envelope `{error: {message, code, metadata?}, user_id?}` with a status. */
export interface ErrorResponse {
  type: 'error';
  status: number;
  message: string;
  /** `error.code`; defaults to `status`. `null` is sent as `null`. */
  code?: number | string | null;
  metadata?: Record<string, unknown>;
  /** Top-level `user_id`, present in many real error bodies. */
  userId?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Sent as `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (platform 429s). */
  rateLimit?: { limit: number; remaining: number; reset: number };
  headers?: Record<string, string>;
  /** Send this body instead of the envelope (e.g. the availability shape without `code`). */
  bodyOverride?: unknown;
}

/**
 * A `text/event-stream` of events (status 200 unless given); the first data event's `id` is sent
 * as `X-Generation-Id`. Line endings, splitting and the ending are configurable.
 */
export interface SseResponse extends SplitOptions {
  type: 'sse';
  events: SseEvent[];
  status?: number;
  headers?: Record<string, string>;
  lineEnding?: '\n' | '\r\n';
  ending?: ResponseEnding;
}

/** Bytes written exactly as given (no default headers): for malformed bodies and replays. */
export interface RawResponse extends SplitOptions {
  type: 'raw';
  status?: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
  ending?: ResponseEnding;
}

/** A scripted response: JSON, an error envelope, an SSE stream or raw bytes. */
export type EmulatorResponse = JsonResponse | ErrorResponse | SseResponse | RawResponse;

/** One item of an SSE stream: a data event, a comment, `[DONE]`, a pause or raw text. */
export type SseEvent =
  /** Objects are JSON.stringify'd; strings are sent verbatim (for malformed JSON tests). */
  | { data: unknown }
  /** `: <comment>` */
  | { comment: string }
  /** `data: [DONE]` */
  | { done: true }
  /** Pause before the next event (slow streams). */
  | { delayMs: number }
  /** Written exactly as given, with no blank line added (for framing edge cases). */
  | { raw: string };
