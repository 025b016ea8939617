/**
 * Transcription end to end: `transcribe` from `ai` -> `openrouter.transcriptionModel(...)` -> real
 * HTTP -> the emulator's `POST /audio/transcriptions`. The request bodies are asserted as sent
 * (the audio as raw base64 with its format); json and verbose_json answers are mapped.
 */
import { inspect } from 'node:util';
import { createProviderRegistry, transcribe } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import {
  mp3Silence,
  pcmTone,
  scriptedTranscription,
  type TranscriptionScript,
  wavFile,
} from '../../src/testing/index';
import {
  asApiCallError,
  bodyAt,
  emulatorProvider,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  useEmulator,
} from './support';

const fx = useEmulator();
beforeAll(silenceAiWarnings);

const MODEL = 'openai/whisper-1';
const model = () => fx.openrouter.transcriptionModel(MODEL);
const WAV = wavFile(pcmTone({ durationMs: 3000 }));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Transcribes with the emulator answering `script` (in the format the request asks for). */
function serve(script: TranscriptionScript = {}) {
  fx.emulator.setHandler(scriptedTranscription(script));
}

describe('transcribe', () => {
  it('sends the audio as base64 with its format and returns the text, duration and cost', async () => {
    serve({ text: 'Hello there.' });
    const result = await transcribe({ model: model(), audio: WAV });

    expect(bodyAt(fx.emulator)).toEqual({
      model: MODEL,
      input_audio: { data: base64(WAV), format: 'wav' },
    });
    expect(result.text).toBe('Hello there.');
    expect(result.segments).toEqual([]);
    expect(result.durationInSeconds).toBe(3);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata.openrouter).toEqual({
      generationId: expect.stringMatching(/^gen-\d+-/),
      usage: { cost: 0.0003, seconds: 3 },
    });
    expect(result.responses[0]).toMatchObject({
      modelId: MODEL,
      body: { text: 'Hello there.', usage: { seconds: 3, cost: 0.0003 } },
    });
  });

  it('takes the format from the detected media type of the bytes (mp3)', async () => {
    serve();
    await transcribe({ model: model(), audio: mp3Silence({ durationMs: 500 }) });
    expect(bodyAt(fx.emulator).input_audio).toMatchObject({ format: 'mp3' });
  });

  it('asks for verbose_json for timestamps, and maps segments, words, language and duration', async () => {
    serve({ text: 'One two. Six ten.', language: 'german' });
    const result = await transcribe({
      model: model(),
      audio: WAV,
      timestampGranularities: ['segment', 'word'],
    });
    expect(bodyAt(fx.emulator)).toMatchObject({
      response_format: 'verbose_json',
      timestamp_granularities: ['segment', 'word'],
    });
    expect(result.language).toBe('de');
    expect(result.durationInSeconds).toBe(3);
    expect(result.segments).toEqual([
      { text: ' One two.', startSecond: 0, endSecond: 1.5 },
      { text: ' Six ten.', startSecond: 1.5, endSecond: 3 },
    ]);
    expect(result.words).toEqual([
      { text: 'One', startSecond: 0, endSecond: 0.75 },
      { text: 'two', startSecond: 0.75, endSecond: 1.5 },
      { text: 'Six', startSecond: 1.5, endSecond: 2.25 },
      { text: 'ten', startSecond: 2.25, endSecond: 3 },
    ]);
  });

  it('sends language, temperature and response_format in both spellings, with warnings for unknown keys', async () => {
    serve();
    const options = [
      { language: 'fr', temperature: 0.1, response_format: 'verbose_json', keyterms: ['OR'] },
      { language: 'fr', temperature: 0.1, responseFormat: 'verbose_json', keyterms: ['OR'] },
    ];
    const results = [];
    for (const openrouter of options) {
      results.push(
        await transcribe({ model: model(), audio: WAV, providerOptions: { openrouter } }),
      );
    }
    expect(bodyAt(fx.emulator, 0)).toEqual(bodyAt(fx.emulator, 1));
    expect(bodyAt(fx.emulator, 0)).toMatchObject({
      language: 'fr',
      temperature: 0.1,
      response_format: 'verbose_json',
      keyterms: ['OR'],
    });
    for (const result of results) {
      expect(result.warnings).toEqual([
        {
          type: 'other',
          message: expect.stringContaining('providerOptions.openrouter.keyterms is not a known'),
        },
      ]);
    }
  });

  it('reports the requested language when a json answer names none', async () => {
    serve({ text: 'Bonjour.' });
    const result = await transcribe({
      model: model(),
      audio: WAV,
      providerOptions: { openrouter: { language: 'fr' } },
    });
    expect(result.language).toBe('fr');
  });

  it('passes provider routing and per-provider options', async () => {
    serve();
    await transcribe({
      model: fx.openrouter.transcriptionModel('openai/whisper-large-v3', {
        provider: { order: ['groq'], options: { groq: { prompt: 'OpenRouter, API' } } },
      }),
      audio: WAV,
    });
    expect(bodyAt(fx.emulator).provider).toEqual({
      order: ['groq'],
      options: { groq: { prompt: 'OpenRouter, API' } },
    });
  });

  it('sends the session as x-session-id: from the provider, or from the options (which win)', async () => {
    serve();
    const withSession = emulatorProvider(fx.emulator, { sessionId: 'provider-session' });
    await transcribe({ model: withSession.transcriptionModel(MODEL), audio: WAV });
    await transcribe({
      model: withSession.transcriptionModel(MODEL),
      audio: WAV,
      providerOptions: { openrouter: { session_id: 'call-session' } },
    });
    expect(requestAt(fx.emulator, 0).headers['x-session-id']).toBe('provider-session');
    expect(requestAt(fx.emulator, 1).headers['x-session-id']).toBe('call-session');
    expect(bodyAt(fx.emulator, 1)).not.toHaveProperty('session_id');
  });

  it('reports token-priced usage and BYOK like every kind', async () => {
    serve({ pricing: 'tokens', usage: { is_byok: true } });
    const result = await transcribe({ model: model(), audio: WAV });
    expect(result.providerMetadata.openrouter).toMatchObject({
      isByok: true,
      usage: { promptTokens: 30, completionTokens: 17, totalTokens: 47, isByok: true },
    });
    expect(result.durationInSeconds).toBeUndefined();
  });

  it('keeps a billed transcript with cost null and unknown fields', async () => {
    serve({ text: 'Kept.', usage: { cost: null }, extra: { provider: 'OpenAI', x_new: {} } });
    const result = await transcribe({ model: model(), audio: WAV });
    expect(result.text).toBe('Kept.');
    expect(result.providerMetadata.openrouter?.usage).toEqual({ seconds: 3 });
  });

  it('warns when word timestamps were asked for but none came back', async () => {
    serve({ words: [] });
    const result = await transcribe({
      model: model(),
      audio: WAV,
      timestampGranularities: ['word'],
    });
    expect(result.words).toEqual([]);
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('Word timestamps were requested') },
    ]);
  });

  it('reports the request without the base64 audio', async () => {
    serve();
    const model = fx.openrouter.transcriptionModel(MODEL);
    const result = await model.doGenerate({ audio: WAV, mediaType: 'audio/wav' });
    expect(JSON.parse(result.request?.body ?? '{}')).toEqual({
      model: MODEL,
      input_audio: { data: `<${base64(WAV).length} base64 characters>`, format: 'wav' },
    });
  });

  it('resolves through createProviderRegistry by string id', async () => {
    serve({ text: 'Registry.' });
    const registry = createProviderRegistry({ openrouter: fx.openrouter });
    const resolved = registry.transcriptionModel(`openrouter:${MODEL}`);
    expect(resolved).toMatchObject({ specificationVersion: 'v4', modelId: MODEL });
    expect((await transcribe({ model: resolved, audio: WAV })).text).toBe('Registry.');
    expect(fx.openrouter.transcription(MODEL).provider).toBe('openrouter.transcription');
  });
});

describe('transcription errors', () => {
  it('maps the 400 of a provider without verbose_json to a typed, non-retryable APICallError', async () => {
    fx.emulator.setHandler(scriptedTranscription({}, { verboseJson: false }));
    const error = asApiCallError(
      await rejectionOf(
        transcribe({ model: model(), audio: WAV, timestampGranularities: ['segment'] }),
      ),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      isRetryable: false,
      message: expect.stringContaining('only supported by OpenAI-compatible providers'),
    });
    expect(fx.emulator.requests).toHaveLength(1);
  });

  it('maps a 200 response with an {error} body to a retryable APICallError, and retries it', async () => {
    fx.emulator.enqueue({
      type: 'json',
      body: { error: { code: 502, message: 'Provider returned error' } },
    });
    serve({ text: 'Second time lucky.' });
    const result = await transcribe({ model: model(), audio: WAV });
    expect(result.text).toBe('Second time lucky.');
    expect(fx.emulator.requests).toHaveLength(2);
  });

  it('reports a response without text as an invalid response', async () => {
    fx.emulator.enqueue({ type: 'json', body: { usage: { cost: 0.01 } } });
    const error = asApiCallError(
      await rejectionOf(transcribe({ model: model(), audio: WAV, maxRetries: 0 })),
    );
    expect(error).toMatchObject({ message: 'Invalid JSON response', statusCode: 200 });
  });

  it('puts the API key in no error', async () => {
    const secret = 'sk-or-v1-STT-SECRET-77';
    const openrouter = createOpenRouter({ apiKey: secret, baseURL: fx.emulator.baseURL });
    fx.emulator.enqueue({ type: 'error', status: 401, message: 'User not found.' });
    const error = await rejectionOf(
      transcribe({ model: openrouter.transcriptionModel(MODEL), audio: WAV, maxRetries: 0 }),
    );
    expect(asApiCallError(error).statusCode).toBe(401);
    expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it('stops at once on abort while waiting for the answer', async () => {
    fx.emulator.setHandler(() => new Promise(() => {}));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await rejectionOf(
      transcribe({ model: model(), audio: WAV, abortSignal: controller.signal }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(requestAt(fx.emulator).closed).resolves.toEqual({ closedEarly: true });
  });

  it('fails with a retryable timeout error when the answer does not start in time', async () => {
    fx.emulator.setHandler(() => new Promise(() => {}));
    const error = asApiCallError(
      await rejectionOf(
        transcribe({
          model: fx.openrouter.transcriptionModel(MODEL, { timeout: { firstByteMs: 150 } }),
          audio: WAV,
          maxRetries: 0,
        }),
      ),
    );
    expect(error).toMatchObject({ isRetryable: true, message: expect.stringContaining('150 ms') });
  });
});
