/**
 * The emulator's audio routes over HTTP (`scriptedSpeech`, `scriptedTranscription`) and the audio
 * byte builders they use: the bytes must be real audio a decoder accepts, the answers shaped like
 * OpenRouter's, and bad requests refused as OpenRouter refuses them.
 */
import { detectMediaType } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import {
  fromBase64,
  mp3Silence,
  pcmTone,
  scriptedSpeech,
  scriptedTranscription,
  speechAudio,
  toBase64,
  transcriptionBody,
  transcriptionUsage,
  wavDurationSeconds,
  wavFile,
} from '../src/testing/index.js';
import { useEmulator } from './integration/support';

const ctx = useEmulator();
const post = ctx.postJson;

describe('audio builders', () => {
  it('pcmTone is 16-bit little-endian samples of a sine at the given rate', () => {
    const pcm = pcmTone({ durationMs: 100, sampleRate: 8000, frequency: 1000, amplitude: 0.5 });
    expect(pcm.byteLength).toBe(800 * 2);
    const view = new DataView(pcm.buffer);
    expect(view.getInt16(0, true)).toBe(0);
    // 1 kHz at 8 kHz: a quarter period is two samples, the peak is half of full scale.
    expect(view.getInt16(4, true)).toBe(Math.round(0.5 * 0x7fff));
  });

  it('wavFile writes a RIFF/WAVE header whose duration reads back', () => {
    const wav = wavFile(pcmTone({ durationMs: 1500 }), { sampleRate: 24000 });
    expect(detectMediaType({ data: wav, topLevelType: 'audio' })).toBe('audio/wav');
    expect(wavDurationSeconds(wav)).toBeCloseTo(1.5, 3);
    expect(wavDurationSeconds(mp3Silence())).toBeUndefined();
  });

  it('mp3Silence is whole MPEG-1 Layer III frames with valid headers', () => {
    const mp3 = mp3Silence({ durationMs: 1000 });
    expect(detectMediaType({ data: mp3, topLevelType: 'audio' })).toBe('audio/mpeg');
    expect(mp3.byteLength % 417).toBe(0);
    const frames = mp3.byteLength / 417;
    expect(frames).toBe(38); // 1 s of 1152-sample frames at 44.1 kHz
    for (let frame = 0; frame < frames; frame++) {
      expect([...mp3.subarray(frame * 417, frame * 417 + 4)]).toEqual([0xff, 0xfb, 0x90, 0xc4]);
    }
  });

  it('base64 round-trips and rejects what is not base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    expect([...fromBase64(toBase64(bytes))!]).toEqual([...bytes]);
    expect(fromBase64('data:audio/wav;base64,AAAA')).toBeUndefined();
    expect(fromBase64('abc')).toBeUndefined();
  });
});

describe('scriptedSpeech', () => {
  it('answers with mp3 frames, audio/mpeg and a generation id when mp3 is asked for', async () => {
    ctx.emulator.setHandler(scriptedSpeech());
    const response = await post('/audio/speech', {
      model: 'openai/gpt-4o-mini-tts',
      input: 'Hello',
      response_format: 'mp3',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('x-generation-id')).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(detectMediaType({ data: bytes, topLevelType: 'audio' })).toBe('audio/mpeg');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
  });

  it('answers with 24 kHz pcm by default, longer for longer input', async () => {
    ctx.emulator.setHandler(scriptedSpeech());
    const short = await post('/audio/speech', { model: 'm', input: 'Hi' });
    const long = await post('/audio/speech', { model: 'm', input: 'A much longer sentence.' });
    expect(short.headers.get('content-type')).toBe('audio/pcm');
    const shortBytes = (await short.arrayBuffer()).byteLength;
    const longBytes = (await long.arrayBuffer()).byteLength;
    expect(shortBytes).toBe(0.25 * 24000 * 2);
    expect(longBytes).toBeGreaterThan(shortBytes);
    expect(speechAudio('pcm', 'Hi').byteLength).toBe(shortBytes);
  });

  it('answers with the scripted audio, type and id', async () => {
    ctx.emulator.setHandler(scriptedSpeech({ audio: new Uint8Array([1, 2, 3]), id: 'gen-fixed' }));
    const response = await post('/audio/speech', {
      model: 'm',
      input: 'x',
      response_format: 'mp3',
    });
    expect(response.headers.get('x-generation-id')).toBe('gen-fixed');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it.each([
    [{ model: 'm' }, 'input must be a non-empty string'],
    [{ model: 'm', input: 'x', response_format: 'wav' }, 'Invalid response_format "wav"'],
    [{ input: 'x' }, 'model is required'],
  ])('refuses %j with a 400 error envelope', async (body, message) => {
    ctx.emulator.setHandler(scriptedSpeech());
    const response = await post('/audio/speech', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: { code: number; message: string } };
    expect(error.error.code).toBe(400);
    expect(error.error.message).toContain(message);
  });

  it('leaves other routes to a 404', async () => {
    ctx.emulator.setHandler(scriptedSpeech());
    expect((await post('/chat/completions', {})).status).toBe(404);
  });
});

describe('scriptedTranscription', () => {
  const wav = wavFile(pcmTone({ durationMs: 3000 }));
  const request = (extra: Record<string, unknown> = {}) => ({
    model: 'openai/whisper-1',
    input_audio: { data: toBase64(wav), format: 'wav' },
    ...extra,
  });

  it('answers json with the text and duration-priced usage from the WAV header', async () => {
    ctx.emulator.setHandler(scriptedTranscription({ text: 'Bonjour.' }));
    const response = await post('/audio/transcriptions', request());
    expect(response.headers.get('x-generation-id')).toMatch(/^gen-/);
    expect(await response.json()).toEqual({
      text: 'Bonjour.',
      usage: { seconds: 3, cost: 0.0003 },
    });
  });

  it('answers verbose_json with Whisper segments, and words when word timestamps are asked for', async () => {
    ctx.emulator.setHandler(scriptedTranscription({ text: 'One two. Six ten.' }));
    const body = (await (
      await post(
        '/audio/transcriptions',
        request({ response_format: 'verbose_json', timestamp_granularities: ['word'] }),
      )
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ task: 'transcribe', language: 'english', duration: 3 });
    expect(body.segments).toMatchObject([
      { id: 0, seek: 0, text: ' One two.', start: 0, end: 1.5 },
      { id: 1, text: ' Six ten.', start: 1.5, end: 3 },
    ]);
    expect(body.words).toEqual([
      { word: 'One', start: 0, end: 0.75 },
      { word: 'two', start: 0.75, end: 1.5 },
      { word: 'Six', start: 1.5, end: 2.25 },
      { word: 'ten', start: 2.25, end: 3 },
    ]);
  });

  it('renders the odd-but-valid forms: cost null, token usage, no usage, unknown fields', () => {
    expect(transcriptionBody({ text: 't', usage: { cost: null } }, { verbose: false })).toEqual({
      text: 't',
      usage: { seconds: 1.5, cost: null },
    });
    expect(transcriptionUsage(2, 'four words of text', 'tokens')).toEqual({
      total_tokens: 25,
      input_tokens: 20,
      output_tokens: 5,
      cost: 0.00005,
    });
    expect(
      transcriptionBody(
        { text: 't', usage: null, extra: { provider: 'Groq' } },
        { verbose: false },
      ),
    ).toEqual({ text: 't', provider: 'Groq' });
  });

  it.each([
    [{ input_audio: { format: 'wav' } }, 'input_audio.data is required'],
    [{ input_audio: { data: 'AAAA' } }, 'input_audio.format is required'],
    [{ input_audio: { data: 'data:audio/wav;base64,AAAA', format: 'wav' } }, 'not a data URI'],
    [{ response_format: 'srt' }, 'Unsupported response_format "srt"'],
  ])('refuses %j with a 400', async (extra, message) => {
    ctx.emulator.setHandler(scriptedTranscription());
    const response = await post('/audio/transcriptions', request(extra));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      message,
    );
  });

  it('refuses verbose_json for a provider that is not OpenAI-compatible', async () => {
    ctx.emulator.setHandler(scriptedTranscription({}, { verboseJson: false }));
    const response = await post(
      '/audio/transcriptions',
      request({ response_format: 'verbose_json' }),
    );
    expect(response.status).toBe(400);
    expect(((await post('/audio/transcriptions', request())) as Response).status).toBe(200);
  });
});
