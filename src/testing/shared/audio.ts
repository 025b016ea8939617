/**
 * Small but real audio for the audio routes: raw PCM (what OpenRouter's `pcm` speech format
 * carries: 16-bit little-endian samples), WAV files around it (what a transcription request
 * typically uploads), and MP3 frames a decoder plays (OpenRouter's `mp3` speech format).
 */

/** What {@link pcmTone} generates. */
export interface PcmToneOptions {
  /** Default 250. */
  durationMs?: number;
  /** Default 24000 (the rate of OpenAI's and most TTS models' PCM output). */
  sampleRate?: number;
  /** Default 440 (A4). */
  frequency?: number;
  /** 0..1 of full scale; default 0.25. */
  amplitude?: number;
}

/** A sine tone as 16-bit little-endian mono PCM samples. */
export function pcmTone(options: PcmToneOptions = {}): Uint8Array {
  const { durationMs = 250, sampleRate = 24000, frequency = 440, amplitude = 0.25 } = options;
  const samples = Math.max(1, Math.round((durationMs / 1000) * sampleRate));
  const bytes = new Uint8Array(samples * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples; i++) {
    const value = Math.sin((2 * Math.PI * frequency * i) / sampleRate) * amplitude * 0x7fff;
    view.setInt16(i * 2, Math.round(value), true);
  }
  return bytes;
}

/** A WAV file (RIFF, PCM, 16-bit) holding `pcm`. */
export function wavFile(
  pcm: Uint8Array,
  { sampleRate = 24000, channels = 1 }: { sampleRate?: number; channels?: number } = {},
): Uint8Array {
  const bytes = new Uint8Array(44 + pcm.byteLength);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + pcm.byteLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, pcm.byteLength, true);
  bytes.set(pcm, 44);
  return bytes;
}

/**
 * The duration of a WAV file from its header (data size / byte rate), or `undefined` when the
 * bytes are not a WAV file with a `fmt ` chunk before its `data` chunk.
 */
export function wavDurationSeconds(bytes: Uint8Array): number | undefined {
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 44 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 16 <= bytes.byteLength)
      byteRate = view.getUint32(offset + 16, true);
    if (id === 'data') return byteRate ? size / byteRate : undefined;
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/** Bytes of one MPEG-1 Layer III frame at 128 kbit/s and 44.1 kHz without padding. */
const MP3_FRAME_BYTES = 417;
/** Samples per MPEG-1 Layer III frame. */
const MP3_FRAME_SAMPLES = 1152;

/**
 * Silent MP3 audio: MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono, no CRC) with empty side
 * information, which every decoder plays as silence. About 26 ms per frame; at least one frame.
 */
export function mp3Silence({ durationMs = 250 }: { durationMs?: number } = {}): Uint8Array {
  const frames = Math.max(1, Math.round((durationMs / 1000) * (44100 / MP3_FRAME_SAMPLES)));
  const bytes = new Uint8Array(frames * MP3_FRAME_BYTES);
  for (let frame = 0; frame < frames; frame++) {
    // Sync + MPEG-1 + Layer III + no CRC; 128 kbit/s, 44.1 kHz, no padding; mono, original.
    bytes.set([0xff, 0xfb, 0x90, 0xc4], frame * MP3_FRAME_BYTES);
  }
  return bytes;
}

/** Standard base64 of `bytes` (the emulator runs on Node). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The bytes of standard base64 `text`, or `undefined` when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}
