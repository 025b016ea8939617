/**
 * Speech end to end: `generateSpeech` from `ai` -> `openrouter.speechModel(...)` -> real HTTP ->
 * the emulator's `POST /audio/speech`. The request bodies and headers are asserted as sent; the
 * audio comes back as real mp3 or pcm bytes.
 */
import { inspect } from 'node:util';
import { createProviderRegistry, generateSpeech, RetryError } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import { mp3Silence, scriptedSpeech } from '../../src/testing/index';
import {
  asApiCallError,
  bodyAt,
  emulatorProvider,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  TEST_API_KEY,
  useEmulator,
} from './support';

const fx = useEmulator();
beforeAll(silenceAiWarnings);

const MODEL = 'openai/gpt-4o-mini-tts-2025-12-15';
const speech = () => fx.openrouter.speechModel(MODEL);

describe('generateSpeech', () => {
  it('sends text, voice, format, speed and instructions, and returns the mp3 bytes', async () => {
    const audio = mp3Silence({ durationMs: 500 });
    fx.emulator.setHandler(scriptedSpeech({ audio, id: 'gen-speech-1' }));
    const result = await generateSpeech({
      model: speech(),
      text: 'Hello from OpenRouter.',
      voice: 'alloy',
      outputFormat: 'mp3',
      speed: 1.2,
      instructions: 'Cheerful and quick.',
    });

    expect(bodyAt(fx.emulator)).toEqual({
      model: MODEL,
      input: 'Hello from OpenRouter.',
      voice: 'alloy',
      response_format: 'mp3',
      speed: 1.2,
      provider: { options: { openai: { instructions: 'Cheerful and quick.' } } },
    });
    expect(requestAt(fx.emulator).headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(result.audio.mediaType).toBe('audio/mpeg');
    expect(result.audio.uint8Array).toEqual(audio);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata).toEqual({ openrouter: { generationId: 'gen-speech-1' } });
    expect(result.responses[0]).toMatchObject({
      modelId: MODEL,
      headers: { 'content-type': 'audio/mpeg', 'x-generation-id': 'gen-speech-1' },
    });
  });

  it('returns pcm with the audio/pcm media type the response states', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const result = await generateSpeech({ model: speech(), text: 'Hi', outputFormat: 'pcm' });
    expect(bodyAt(fx.emulator).response_format).toBe('pcm');
    // Raw samples have no signature: the type can only come from the Content-Type header.
    expect(result.audio.mediaType).toBe('audio/pcm');
    expect(result.audio.uint8Array.byteLength).toBe(0.25 * 24000 * 2);
  });

  it('asks for mp3 when no format is given', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const result = await generateSpeech({ model: speech(), text: 'Hi' });
    expect(bodyAt(fx.emulator).response_format).toBe('mp3');
    expect(result.audio.mediaType).toBe('audio/mpeg');
  });

  it('returns every byte of audio that arrives in many pieces', async () => {
    const audio = mp3Silence({ durationMs: 2000 });
    fx.emulator.setHandler(scriptedSpeech({ audio, splitEvery: 997 }));
    const result = await generateSpeech({ model: speech(), text: 'A longer text.' });
    expect(result.audio.uint8Array).toEqual(audio);
  });

  it('warns about what the endpoint cannot honour: other formats, language, instructions elsewhere', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const result = await generateSpeech({
      model: fx.openrouter.speechModel('mistralai/voxtral-mini-tts-2603'),
      text: 'Bonjour',
      outputFormat: 'wav',
      language: 'fr',
      instructions: 'Slowly.',
    });
    expect(bodyAt(fx.emulator)).toEqual({
      model: 'mistralai/voxtral-mini-tts-2603',
      input: 'Bonjour',
      response_format: 'mp3',
    });
    expect(result.warnings.map((warning) => (warning as { feature?: string }).feature)).toEqual([
      'outputFormat',
      'instructions',
      'language',
    ]);
  });

  it('takes providerOptions.openrouter in both spellings, with warnings for unknown keys', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const snake = await generateSpeech({
      model: speech(),
      text: 'Hi',
      providerOptions: {
        openrouter: {
          provider: { allow_fallbacks: false, options: { azure: { style: 'cheerful' } } },
          input_references: [{ type: 'text', text: 'Reference.' }],
          user: 'user-1',
        },
      },
    });
    const camel = await generateSpeech({
      model: speech(),
      text: 'Hi',
      providerOptions: {
        openrouter: {
          provider: { allowFallbacks: false, options: { azure: { style: 'cheerful' } } },
          inputReferences: [{ type: 'text', text: 'Reference.' }],
          user: 'user-1',
        },
      },
    });
    expect(bodyAt(fx.emulator, 0)).toEqual(bodyAt(fx.emulator, 1));
    expect(bodyAt(fx.emulator, 1)).toMatchObject({
      provider: { allow_fallbacks: false, options: { azure: { style: 'cheerful' } } },
      input_references: [{ type: 'text', text: 'Reference.' }],
      user: 'user-1',
    });
    for (const result of [snake, camel]) {
      expect(result.warnings).toEqual([
        {
          type: 'other',
          message: expect.stringContaining(
            'providerOptions.openrouter.user is not a known OpenRouter option',
          ),
        },
      ]);
    }
  });

  it('sends the session as x-session-id: from the provider, or from the options (which win)', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const withSession = emulatorProvider(fx.emulator, { sessionId: 'provider-session' });
    await generateSpeech({ model: withSession.speechModel(MODEL), text: 'Hi' });
    await generateSpeech({
      model: withSession.speechModel(MODEL),
      text: 'Hi',
      providerOptions: { openrouter: { sessionId: 'call-session' } },
    });
    expect(requestAt(fx.emulator, 0).headers['x-session-id']).toBe('provider-session');
    expect(requestAt(fx.emulator, 1).headers['x-session-id']).toBe('call-session');
    expect(bodyAt(fx.emulator, 1)).not.toHaveProperty('session_id');
  });

  it('applies model settings under call options', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const model = fx.openrouter.speechModel(MODEL, {
      provider: { order: ['openai'], options: { openai: { instructions: 'Default tone.' } } },
      extraBody: { custom_field: 1 },
    });
    await generateSpeech({ model, text: 'Hi' });
    await generateSpeech({
      model,
      text: 'Hi',
      providerOptions: { openrouter: { provider: { order: ['azure'] } } },
    });
    expect(bodyAt(fx.emulator, 0)).toMatchObject({
      provider: { order: ['openai'], options: { openai: { instructions: 'Default tone.' } } },
      custom_field: 1,
    });
    expect(bodyAt(fx.emulator, 1).provider).toEqual({ order: ['azure'] });
  });

  it('reports the response cache status like every kind', async () => {
    fx.emulator.setHandler(
      scriptedSpeech({ id: 'gen-cached', headers: { 'x-openrouter-cache-status': 'HIT' } }),
    );
    const result = await generateSpeech({ model: speech(), text: 'Hi' });
    expect(result.providerMetadata.openrouter).toEqual({
      generationId: 'gen-cached',
      responseCache: { status: 'HIT' },
    });
  });

  it('resolves through createProviderRegistry by string id', async () => {
    fx.emulator.setHandler(scriptedSpeech());
    const registry = createProviderRegistry({ openrouter: fx.openrouter });
    const model = registry.speechModel(`openrouter:${MODEL}`);
    expect(model).toMatchObject({ specificationVersion: 'v4', modelId: MODEL });
    const result = await generateSpeech({ model, text: 'Hi' });
    expect(result.audio.mediaType).toBe('audio/mpeg');
    expect(fx.openrouter.speech(MODEL).provider).toBe('openrouter.speech');
  });
});

describe('speech errors', () => {
  it('maps an HTTP error to a typed APICallError with the OpenRouter message', async () => {
    fx.emulator.enqueue({ type: 'error', status: 402, message: 'Insufficient credits' });
    const error = asApiCallError(
      await rejectionOf(generateSpeech({ model: speech(), text: 'Hi', maxRetries: 0 })),
    );
    expect(error).toMatchObject({
      statusCode: 402,
      isRetryable: false,
      message: expect.stringContaining('Insufficient credits'),
      requestBodyValues: { model: MODEL, input: 'Hi' },
    });
  });

  it('maps a 200 response with an {error} body to a retryable APICallError', async () => {
    fx.emulator.enqueue({
      type: 'json',
      body: { error: { code: 502, message: 'Provider returned error', metadata: {} } },
    });
    const error = asApiCallError(
      await rejectionOf(generateSpeech({ model: speech(), text: 'Hi', maxRetries: 0 })),
    );
    expect(error).toMatchObject({ statusCode: 502, isRetryable: true });
  });

  it('retries retryable errors, then returns the audio', async () => {
    fx.emulator.enqueue(
      { type: 'error', status: 503, message: 'Service temporarily unavailable', retryAfter: 0 },
      scriptedSpeech(),
    );
    const result = await generateSpeech({ model: speech(), text: 'Hi' });
    expect(fx.emulator.requests).toHaveLength(2);
    expect(result.audio.mediaType).toBe('audio/mpeg');
  });

  it('retries a body that breaks off, and gives up with every error after the retries', async () => {
    const broken = scriptedSpeech({ ending: 'reset', splitEvery: 200, pieceDelayMs: 5 });
    fx.emulator.setHandler(broken);
    const error = await rejectionOf(generateSpeech({ model: speech(), text: 'Hi', maxRetries: 1 }));
    expect(RetryError.isInstance(error)).toBe(true);
    expect(fx.emulator.requests).toHaveLength(2);
    expect(asApiCallError((error as RetryError).lastError).isRetryable).toBe(true);
  });

  it('puts the API key in no error', async () => {
    const secret = 'sk-or-v1-SPEECH-SECRET-42';
    const openrouter = createOpenRouter({ apiKey: secret, baseURL: fx.emulator.baseURL });
    fx.emulator.enqueue({ type: 'error', status: 401, message: 'User not found.' });
    const error = await rejectionOf(
      generateSpeech({ model: openrouter.speechModel(MODEL), text: 'Hi', maxRetries: 0 }),
    );
    expect(requestAt(fx.emulator).headers.authorization).toBe(`Bearer ${secret}`);
    expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it('stops at once on abort, while the audio is still arriving', async () => {
    fx.emulator.setHandler(scriptedSpeech({ ending: 'hang' }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await rejectionOf(
      generateSpeech({ model: speech(), text: 'Hi', abortSignal: controller.signal }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fx.emulator.requests).toHaveLength(1);
    await expect(requestAt(fx.emulator).closed).resolves.toEqual({ closedEarly: true });
  });
});
