import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildOpenRouterSpeechRequest } from '../../../src/speech/build-openrouter-speech-request';
import type { OpenRouterSpeechSettings } from '../../../src/speech/openrouter-speech-options';

function build(
  call: Partial<Parameters<typeof buildOpenRouterSpeechRequest>[0]['call']> = {},
  {
    modelId = 'openai/gpt-4o-mini-tts',
    settings = {},
    providerExtraBody,
  }: {
    modelId?: string;
    settings?: OpenRouterSpeechSettings;
    providerExtraBody?: Record<string, unknown>;
  } = {},
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterSpeechRequest({
    modelId,
    call: { text: 'Hello', ...call },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterSpeechRequest', () => {
  it('maps text, voice, speed and the output format to their wire fields', () => {
    const { body, warnings } = build({ voice: 'alloy', speed: 1.25, outputFormat: 'pcm' });
    expect(body).toEqual({
      model: 'openai/gpt-4o-mini-tts',
      input: 'Hello',
      voice: 'alloy',
      response_format: 'pcm',
      speed: 1.25,
    });
    expect(warnings).toEqual([]);
  });

  it('asks for mp3 when no output format is given, and omits what is absent', () => {
    expect(build().body).toEqual({
      model: 'openai/gpt-4o-mini-tts',
      input: 'Hello',
      response_format: 'mp3',
    });
  });

  it.each([
    ['mp3', 'mp3'],
    ['MP3', 'mp3'],
    ['audio/mpeg', 'mp3'],
    ['mpeg', 'mp3'],
    ['pcm', 'pcm'],
    ['audio/pcm', 'pcm'],
  ])('takes outputFormat %s as %s without a warning', (outputFormat, wire) => {
    const { body, warnings } = build({ outputFormat });
    expect(body.response_format).toBe(wire);
    expect(warnings).toEqual([]);
  });

  it.each(['wav', 'opus', 'flac', 'aac'])(
    'asks for mp3 instead of %s, with an unsupported warning',
    (outputFormat) => {
      const { body, warnings } = build({ outputFormat });
      expect(body.response_format).toBe('mp3');
      expect(warnings).toEqual([
        {
          type: 'unsupported',
          feature: 'outputFormat',
          details: expect.stringContaining(`"${outputFormat}" is not available`),
        },
      ]);
    },
  );

  it("sends instructions to OpenAI's models as provider.options.openai.instructions", () => {
    const { body, warnings } = build({ instructions: 'Speak slowly.' });
    expect(body.provider).toEqual({ options: { openai: { instructions: 'Speak slowly.' } } });
    expect(body).not.toHaveProperty('instructions');
    expect(warnings).toEqual([]);
  });

  it('keeps routing and other provider options next to the instructions; explicit ones win', () => {
    const { body } = build({
      instructions: 'Speak slowly.',
      providerOptions: {
        openrouter: {
          provider: {
            order: ['openai'],
            options: { openai: { instructions: 'Whisper.', extra: 1 }, azure: { style: 'calm' } },
          },
        },
      },
    });
    expect(body.provider).toEqual({
      order: ['openai'],
      options: { openai: { instructions: 'Whisper.', extra: 1 }, azure: { style: 'calm' } },
    });
  });

  it('warns that instructions reach no other model, and does not send them', () => {
    const { body, warnings } = build(
      { instructions: 'Speak slowly.' },
      { modelId: 'mistralai/voxtral-mini-tts-2603' },
    );
    expect(body).not.toHaveProperty('provider');
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'instructions',
        details: expect.stringContaining('mistralai/voxtral-mini-tts-2603'),
      },
    ]);
  });

  it('warns that a language cannot be sent', () => {
    const { body, warnings } = build({ language: 'de' });
    expect(body).not.toHaveProperty('language');
    expect(warnings).toMatchObject([{ type: 'unsupported', feature: 'language' }]);
  });

  it('accepts options in both spellings, nested keys included, and sends them in wire spelling', () => {
    const sample = { type: 'input_audio', input_audio: { data: 'data:audio/wav;base64,AAAA' } };
    const camel = build(
      {
        providerOptions: {
          openrouter: {
            inputReferences: [
              { type: 'input_audio', inputAudio: { data: 'data:audio/wav;base64,AAAA' } },
            ],
            provider: { allowFallbacks: false, options: { azure: { styleDegree: 1.2 } } },
          },
        },
      },
      { modelId: 'fish-audio/s2.1-pro' },
    );
    const snake = build(
      {
        providerOptions: {
          openrouter: {
            input_references: [sample],
            provider: { allow_fallbacks: false, options: { azure: { styleDegree: 1.2 } } },
          },
        },
      },
      { modelId: 'fish-audio/s2.1-pro' },
    );
    expect(camel.body).toEqual(snake.body);
    expect(camel.body).toMatchObject({
      input_references: [sample],
      // Provider-specific options are the provider's own: their keys are sent as written.
      provider: { allow_fallbacks: false, options: { azure: { styleDegree: 1.2 } } },
    });
    expect(camel.warnings).toEqual([]);
  });

  it('sends unknown options with a warning, and warns about unknown routing keys', () => {
    const { body, warnings } = build({
      providerOptions: { openrouter: { user: 'u-1', provider: { sortt: 'price' } } },
    });
    expect(body).toMatchObject({ user: 'u-1', provider: { sortt: 'price' } });
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringContaining('providerOptions.openrouter.user is not a known OpenRouter option'),
      expect.stringContaining('providerOptions.openrouter.provider.sortt is not a known'),
    ]);
  });

  it('ignores options for fields the call options own, with a warning', () => {
    const { body, warnings } = build({
      voice: 'alloy',
      providerOptions: { openrouter: { voice: 'echo', responseFormat: 'pcm', input: 'x' } },
    });
    expect(body).toMatchObject({ voice: 'alloy', response_format: 'mp3', input: 'Hello' });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatchObject({ message: expect.stringContaining('sets "voice" itself') });
  });

  it('lets call options win over settings, with extraBody between them', () => {
    const { body, behaviour } = build(
      {
        providerOptions: {
          openrouter: { provider: { order: ['call'] }, sessionId: 'call-session' },
        },
      },
      {
        settings: {
          provider: { order: ['settings'], only: ['x'] },
          sessionId: 'settings-session',
          timeout: 5000,
          extraBody: { custom: 'model' },
        },
        providerExtraBody: { custom: 'provider', other: true },
      },
    );
    expect(body).toMatchObject({ provider: { order: ['call'] }, custom: 'model', other: true });
    expect(behaviour).toEqual({ sessionId: 'call-session', timeout: 5000 });
  });

  it('rejects an invalid value of a known option before anything is sent', () => {
    expect(() =>
      build({ providerOptions: { openrouter: { provider: { allowFallbacks: 'no' } } } }),
    ).toThrow(InvalidArgumentError);
  });
});
