/**
 * `POST /audio/transcriptions` bodies as OpenRouter sends them. `json` (the default format) is
 * `{ text, usage }`; `verbose_json` (OpenAI-compatible providers only) adds `task`, `language` (a
 * language name such as `english`, not a code), `duration`, Whisper-style `segments` and, when
 * word timestamps are asked for, `words`. `usage` comes in two shapes depending on how the model
 * is priced: by audio duration (`{ seconds, cost }`, Whisper) or by tokens (`{ total_tokens,
 * input_tokens, output_tokens, cost }`). The generation id is in the `X-Generation-Id` header.
 */

/** The `usage` object of a transcription response. Extra keys are passed through. */
export interface TranscriptionUsage {
  seconds?: number;
  total_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  /** USD; `null` is sent as is (some responses carry it). */
  cost?: number | null;
  [key: string]: unknown;
}

/** One `segments` entry of a verbose response (start and end in seconds). */
export interface TranscriptionSegmentInput {
  text: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** One `words` entry of a verbose response (start and end in seconds). */
export interface TranscriptionWordInput {
  word: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** What a transcription response says. Every field has a realistic default. */
export interface TranscriptionScript {
  /** Default `Hello from the OpenRouter emulator. The audio arrived in one piece.` */
  text?: string;
  /** The verbose `language`; default `english`. */
  language?: string;
  /** Seconds of audio; default from the request's WAV header, else 1.5. */
  duration?: number;
  /** Default: one segment per sentence of `text`, splitting the duration by length. */
  segments?: TranscriptionSegmentInput[];
  /** Default (when word timestamps are requested): the words of `text`, spread evenly. */
  words?: TranscriptionWordInput[];
  /**
   * Default: duration-priced (`pricing: 'duration'`, Whisper's $0.006 a minute); fields given
   * here are laid over it, a field set to `undefined` is removed; `null`: no usage at all.
   */
  usage?: TranscriptionUsage | null;
  /** How the default usage is priced; default `duration`. */
  pricing?: 'duration' | 'tokens';
  /** More top-level fields (fields OpenRouter may add later). */
  extra?: Record<string, unknown>;
}

/** How a body is rendered: the format the request asked for, and whether it asked for words. */
export interface TranscriptionRendering {
  verbose: boolean;
  words?: boolean;
  /** The duration found in the request's audio, used when the script gives none. */
  audioSeconds?: number;
}

const DEFAULT_TEXT = 'Hello from the OpenRouter emulator. The audio arrived in one piece.';
const WHISPER_PRICE_PER_SECOND = 0.0001; // $0.006 a minute

const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The usage of a response: duration- or token-priced, with the script's fields laid over it. */
export function transcriptionUsage(
  seconds: number,
  text: string,
  pricing: 'duration' | 'tokens' = 'duration',
  override: TranscriptionUsage = {},
): TranscriptionUsage {
  const base: TranscriptionUsage =
    pricing === 'duration'
      ? { seconds: round(seconds, 2), cost: round(Math.ceil(seconds) * WHISPER_PRICE_PER_SECOND) }
      : tokenUsage(seconds, text);
  const usage: TranscriptionUsage = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete usage[key];
    else usage[key] = value;
  }
  return usage;
}

function tokenUsage(seconds: number, text: string): TranscriptionUsage {
  const input = Math.max(1, Math.round(seconds * 10)); // audio tokens
  const output = Math.max(1, Math.ceil(text.length / 4));
  // gpt-4o-mini-transcribe's token prices: $1.25 / $5 per million.
  return {
    total_tokens: input + output,
    input_tokens: input,
    output_tokens: output,
    cost: round(input * 0.00000125 + output * 0.000005),
  };
}

/** `text` split after sentence ends, each piece with its share of `duration`. */
function defaultSegments(text: string, duration: number): TranscriptionSegmentInput[] {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g)?.map((s) => s.trim()) ?? [text];
  const total = sentences.reduce((sum, sentence) => sum + sentence.length, 0) || 1;
  let start = 0;
  return sentences.map((sentence) => {
    const end = round(start + (duration * sentence.length) / total, 2);
    const segment = { text: ` ${sentence}`, start: round(start, 2), end };
    start = end;
    return segment;
  });
}

/** The words of `text` spread evenly over `duration`. */
function defaultWords(text: string, duration: number): TranscriptionWordInput[] {
  const words = text.split(/\s+/).filter(Boolean);
  const step = duration / Math.max(1, words.length);
  return words.map((word, index) => ({
    word: word.replace(/[.,!?]+$/, ''),
    start: round(index * step, 2),
    end: round((index + 1) * step, 2),
  }));
}

/** A Whisper `verbose_json` segment: the script's fields over Whisper's decoding details. */
function whisperSegment(segment: TranscriptionSegmentInput, id: number): Record<string, unknown> {
  const tokens = segment.text
    .trim()
    .split(/\s+/)
    .map((_, index) => 50364 + id * 100 + index);
  return {
    id,
    seek: 0,
    tokens,
    temperature: 0,
    avg_logprob: -0.21,
    compression_ratio: 1.12,
    no_speech_prob: 0.004,
    ...segment,
  };
}

/** A response body for `script`, in the format the request asked for. */
export function transcriptionBody(
  script: TranscriptionScript,
  rendering: TranscriptionRendering,
): Record<string, unknown> {
  const text = script.text ?? DEFAULT_TEXT;
  const duration = script.duration ?? rendering.audioSeconds ?? 1.5;
  const usage =
    script.usage === null
      ? undefined
      : transcriptionUsage(duration, text, script.pricing, script.usage);
  if (!rendering.verbose) return { text, ...(usage ? { usage } : {}), ...script.extra };
  const segments = script.segments ?? defaultSegments(text, duration);
  return {
    task: 'transcribe',
    language: script.language ?? 'english',
    duration: round(duration, 2),
    text,
    segments: segments.map(whisperSegment),
    ...(rendering.words ? { words: script.words ?? defaultWords(text, duration) } : {}),
    ...(usage ? { usage } : {}),
    ...script.extra,
  };
}
