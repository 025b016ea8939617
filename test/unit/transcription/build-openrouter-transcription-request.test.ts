import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  audioFormatOf,
  buildOpenRouterTranscriptionRequest,
} from '../../../src/transcription/build-openrouter-transcription-request';
import type { OpenRouterTranscriptionSettings } from '../../../src/transcription/openrouter-transcription-options';

const AUDIO = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 250, 251]);

function build(
  call: Partial<Parameters<typeof buildOpenRouterTranscriptionRequest>[0]['call']> = {},
  {
    settings = {},
    providerExtraBody,
  }: {
    settings?: OpenRouterTranscriptionSettings;
    providerExtraBody?: Record<string, unknown>;
  } = {},
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterTranscriptionRequest({
    modelId: 'openai/whisper-1',
    call: { audio: AUDIO, mediaType: 'audio/wav', ...call },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterTranscriptionRequest', () => {
  it('sends the audio as raw base64 with the format of its media type', () => {
    const { body, warnings } = build();
    expect(body).toEqual({
      model: 'openai/whisper-1',
      input_audio: { data: Buffer.from(AUDIO).toString('base64'), format: 'wav' },
    });
    expect(warnings).toEqual([]);
  });

  it('sends audio given as base64 unchanged', () => {
    const { body } = build({ audio: 'UklGRgECA/r7', mediaType: 'audio/mpeg' });
    expect(body.input_audio).toEqual({ data: 'UklGRgECA/r7', format: 'mp3' });
  });

  it('sends language, temperature and response_format from the options, in both spellings', () => {
    const snake = build({
      providerOptions: {
        openrouter: { language: 'de', temperature: 0.2, response_format: 'verbose_json' },
      },
    });
    const camel = build({
      providerOptions: {
        openrouter: { language: 'de', temperature: 0.2, responseFormat: 'verbose_json' },
      },
    });
    expect(camel.body).toEqual(snake.body);
    expect(snake.body).toMatchObject({
      language: 'de',
      temperature: 0.2,
      response_format: 'verbose_json',
    });
    expect(snake.warnings).toEqual([]);
  });

  it('asks for verbose_json with the requested timestamp granularities', () => {
    const { body, warnings } = build({ timestampGranularities: ['word', 'segment'] });
    expect(body).toMatchObject({
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
    });
    expect(warnings).toEqual([]);
  });

  it('asks for nothing more with an empty list of granularities', () => {
    const { body } = build({ timestampGranularities: [] });
    expect(body).not.toHaveProperty('response_format');
    expect(body).not.toHaveProperty('timestamp_granularities');
  });

  it('lets explicit granularity options win over the call option', () => {
    const { body } = build({
      timestampGranularities: ['word'],
      providerOptions: { openrouter: { timestampGranularities: ['segment'] } },
    });
    expect(body).toMatchObject({
      response_format: 'verbose_json',
      timestamp_granularities: ['segment'],
    });
  });

  it('warns when timestamps are asked for but the options choose plain json', () => {
    const { body, warnings } = build(
      { timestampGranularities: ['segment'] },
      { settings: { responseFormat: 'json' } },
    );
    expect(body.response_format).toBe('json');
    expect(body).not.toHaveProperty('timestamp_granularities');
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'timestampGranularities',
        details: expect.stringContaining('"verbose_json"'),
      },
    ]);
  });

  it('passes provider routing and per-provider options, and warns about unknown keys', () => {
    const { body, warnings } = build({
      providerOptions: {
        openrouter: {
          provider: { order: ['groq'], options: { groq: { prompt: 'OpenRouter' } } },
          diarize: true,
        },
      },
    });
    expect(body).toMatchObject({
      provider: { order: ['groq'], options: { groq: { prompt: 'OpenRouter' } } },
      diarize: true,
    });
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('providerOptions.openrouter.diarize is not a known'),
      },
    ]);
  });

  it('lets call options win over settings, with extraBody between them', () => {
    const { body, behaviour } = build(
      { providerOptions: { openrouter: { language: 'fr', session_id: 's-call' } } },
      {
        settings: { language: 'de', temperature: 0, extraBody: { x: 'model' }, timeout: 9000 },
        providerExtraBody: { x: 'provider', y: 1 },
      },
    );
    expect(body).toMatchObject({ language: 'fr', temperature: 0, x: 'model', y: 1 });
    expect(behaviour).toEqual({ sessionId: 's-call', timeout: 9000 });
  });

  it('keeps the audio and model from options, with a warning', () => {
    const { body, warnings } = build({
      providerOptions: { openrouter: { inputAudio: { data: 'x', format: 'mp3' } } },
    });
    expect(body.input_audio).toMatchObject({ format: 'wav' });
    expect(warnings).toMatchObject([{ message: expect.stringContaining('"input_audio"') }]);
  });

  it('rejects invalid option values before anything is sent', () => {
    expect(() => build({ providerOptions: { openrouter: { temperature: 'hot' } } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => build({ providerOptions: { openrouter: { responseFormat: 'srt' } } })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('audioFormatOf', () => {
  it.each([
    ['audio/wav', 'wav'],
    ['audio/x-wav', 'wav'],
    ['audio/wave', 'wav'],
    ['audio/mpeg', 'mp3'],
    ['audio/mp3', 'mp3'],
    ['audio/flac', 'flac'],
    ['audio/x-flac', 'flac'],
    ['audio/mp4', 'm4a'],
    ['audio/x-m4a', 'm4a'],
    ['audio/ogg', 'ogg'],
    ['audio/ogg; codecs=opus', 'ogg'],
    ['audio/webm;codecs=opus', 'webm'],
    ['video/webm', 'webm'],
    ['audio/aac', 'aac'],
    ['AUDIO/OPUS', 'opus'],
  ])('%s -> %s', (mediaType, format) => {
    expect(audioFormatOf(mediaType, new Uint8Array())).toBe(format);
  });

  it('detects the format from the bytes when the media type does not say', () => {
    const mp3 = new Uint8Array([0xff, 0xfb, 0x90, 0xc4, 0, 0, 0, 0]);
    expect(audioFormatOf('application/octet-stream', mp3)).toBe('mp3');
  });

  it('throws InvalidArgumentError when neither the media type nor the bytes tell', () => {
    expect(() => audioFormatOf('application/octet-stream', new Uint8Array([1, 2, 3]))).toThrow(
      InvalidArgumentError,
    );
  });
});
