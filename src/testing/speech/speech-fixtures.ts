import type { RawResponse, SplitOptions } from '../server/responses.js';
import { mp3Silence, pcmTone } from '../shared/audio.js';
import { generationId } from '../shared/ids.js';

/**
 * `POST /audio/speech` answers as OpenRouter sends them: the raw audio bytes (not JSON), with
 * `Content-Type` `audio/mpeg` for `mp3` or `audio/pcm` for `pcm` (16-bit little-endian samples)
 * and the generation id in the `X-Generation-Id` header. Speech carries no usage in the response;
 * its cost is looked up later by that id.
 */

/** The two output formats OpenRouter's speech endpoint offers (`response_format`). */
export type SpeechFormat = 'mp3' | 'pcm';

/** How the emulator answers one speech request. */
export interface SpeechScript extends SplitOptions {
  /** The audio; default: real audio of the requested format, longer for longer input. */
  audio?: Uint8Array;
  /** Default `audio/mpeg` (mp3) or `audio/pcm` (pcm). */
  contentType?: string;
  /** `X-Generation-Id`; default a fresh `gen-…` id; `null` sends none. */
  id?: string | null;
  /** More response headers (e.g. `x-openrouter-cache-status`). */
  headers?: Record<string, string>;
  /** Default `end`; `reset` breaks the body off, `hang` never ends it. */
  ending?: RawResponse['ending'];
}

const CONTENT_TYPES: Record<SpeechFormat, string> = { mp3: 'audio/mpeg', pcm: 'audio/pcm' };

/** Roughly how long speaking `text` takes: 60 ms per character, 0.25 s to 5 s. */
function speakingMs(text: string): number {
  return Math.min(5000, Math.max(250, text.length * 60));
}

/** Real audio of `format` for speaking `text`: silent MP3 frames, or a PCM tone at 24 kHz. */
export function speechAudio(format: SpeechFormat, text = ''): Uint8Array {
  const durationMs = speakingMs(text);
  return format === 'mp3' ? mp3Silence({ durationMs }) : pcmTone({ durationMs });
}

/** The response to a speech request for `format` (and `text`, which sets the audio's length). */
export function speechResponse(
  script: SpeechScript & { format: SpeechFormat; text?: string },
): RawResponse {
  const { format, text, audio, contentType, id, headers, ending, ...split } = script;
  const body = audio ?? speechAudio(format, text);
  const generation = id === undefined ? generationId() : id;
  return {
    type: 'raw',
    body,
    headers: {
      // No Content-Length: OpenRouter streams the audio as it is generated (chunked).
      'content-type': contentType ?? CONTENT_TYPES[format],
      ...(generation ? { 'x-generation-id': generation } : {}),
      ...headers,
    },
    ending,
    ...split,
  };
}
