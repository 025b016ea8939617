import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { mapOpenRouterTranscriptionResponse } from '../../../src/transcription/map-openrouter-transcription-response';
import { openRouterTranscriptionResponseSchema } from '../../../src/transcription/openrouter-transcription-api';
import { toLanguageCode } from '../../../src/transcription/transcription-language-codes';

function map(
  raw: Record<string, unknown>,
  options: {
    requestedLanguage?: unknown;
    requestedGranularities?: Array<'word' | 'segment'>;
    responseHeaders?: Record<string, string>;
  } = {},
) {
  const warnings: SharedV4Warning[] = [];
  const result = mapOpenRouterTranscriptionResponse({
    response: openRouterTranscriptionResponseSchema.parse(raw),
    rawUsage: raw.usage,
    responseHeaders: options.responseHeaders ?? { 'x-generation-id': 'gen-1' },
    requestedLanguage: options.requestedLanguage,
    requestedGranularities: options.requestedGranularities,
    warnings,
  });
  return { result, warnings };
}

const VERBOSE = {
  task: 'transcribe',
  language: 'english',
  duration: 4.2,
  text: 'Hello there. General Kenobi.',
  segments: [
    { id: 0, seek: 0, start: 0, end: 1.5, text: ' Hello there.', tokens: [1], avg_logprob: -0.2 },
    { id: 1, seek: 0, start: 1.5, end: 4.2, text: ' General Kenobi.', tokens: [2] },
  ],
  words: [
    { word: 'Hello', start: 0, end: 0.6 },
    { word: 'there', start: 0.6, end: 1.5 },
  ],
  usage: { seconds: 4.2, cost: 0.0005 },
};

describe('mapOpenRouterTranscriptionResponse', () => {
  it('maps a verbose response: segments and words in seconds, language code, duration', () => {
    const { result, warnings } = map(VERBOSE, { requestedGranularities: ['segment', 'word'] });
    expect(result).toEqual({
      text: 'Hello there. General Kenobi.',
      segments: [
        { text: ' Hello there.', startSecond: 0, endSecond: 1.5 },
        { text: ' General Kenobi.', startSecond: 1.5, endSecond: 4.2 },
      ],
      words: [
        { text: 'Hello', startSecond: 0, endSecond: 0.6 },
        { text: 'there', startSecond: 0.6, endSecond: 1.5 },
      ],
      language: 'en',
      durationInSeconds: 4.2,
      usage: { seconds: 4.2, cost: 0.0005 },
      providerMetadata: {
        openrouter: { generationId: 'gen-1', usage: { cost: 0.0005, seconds: 4.2 } },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('maps a plain json response: no timestamps, duration from the billed seconds', () => {
    const { result } = map({ text: 'Hi.', usage: { seconds: 20, cost: 0.005333 } });
    expect(result).toMatchObject({
      text: 'Hi.',
      segments: [],
      language: undefined,
      durationInSeconds: 20,
    });
    expect(result).not.toHaveProperty('words');
  });

  it('reports the requested language when the response names none', () => {
    expect(map({ text: 'Hallo.' }, { requestedLanguage: 'de' }).result.language).toBe('de');
    expect(map({ ...VERBOSE }, { requestedLanguage: 'de' }).result.language).toBe('en');
  });

  it('reports token-priced usage in the shape every kind uses', () => {
    const usage = { total_tokens: 113, input_tokens: 83, output_tokens: 30, cost: 0.000508 };
    const { result } = map({ text: 'Hi.', usage });
    expect(result.usage).toEqual(usage);
    expect(result.providerMetadata).toEqual({
      openrouter: {
        generationId: 'gen-1',
        usage: { promptTokens: 83, completionTokens: 30, totalTokens: 113, cost: 0.000508 },
      },
    });
    expect(result.durationInSeconds).toBeUndefined();
  });

  it('reports BYOK and the response cache like every other kind', () => {
    const { result } = map(
      { text: 'Hi.', usage: { seconds: 1, cost: 0, is_byok: true } },
      { responseHeaders: { 'x-generation-id': 'gen-2', 'x-openrouter-cache-status': 'HIT' } },
    );
    expect(result.providerMetadata?.openrouter).toEqual({
      generationId: 'gen-2',
      responseCache: { status: 'HIT' },
      isByok: true,
      usage: { cost: 0, isByok: true, seconds: 1 },
    });
  });

  it('keeps the transcript when usage is null, cost is null or a field is unknown', () => {
    const { result } = map({
      text: 'Still here.',
      usage: { seconds: 3, cost: null },
      logprobs: [{ token: 'x' }],
    });
    expect(result.text).toBe('Still here.');
    expect(result.providerMetadata?.openrouter).toEqual({
      generationId: 'gen-1',
      usage: { seconds: 3 },
    });
    expect(map({ text: 'No usage.', usage: null }).result.providerMetadata?.openrouter).toEqual({
      generationId: 'gen-1',
    });
  });

  it('warns when a requested granularity did not come back', () => {
    const { warnings } = map(
      { text: 'Hi there.', segments: [{ text: 'Hi there.', start: 0, end: 1 }] },
      { requestedGranularities: ['segment', 'word'] },
    );
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('Word timestamps were requested') },
    ]);
  });
});

describe('openRouterTranscriptionResponseSchema', () => {
  it('drops a malformed segment or word alone, and malformed fields', () => {
    const parsed = openRouterTranscriptionResponseSchema.parse({
      text: 'x',
      language: 42,
      duration: 'long',
      segments: [
        { text: 'a', start: 0, end: 1 },
        { text: 'b', start: 'one' },
      ],
      words: 'none',
      usage: { seconds: '3', cost: 0.1 },
    });
    expect(parsed).toMatchObject({
      text: 'x',
      language: undefined,
      duration: undefined,
      segments: [{ text: 'a', start: 0, end: 1 }],
      words: undefined,
      usage: { seconds: undefined, cost: 0.1 },
    });
  });

  it('requires the text: without it there is no transcript', () => {
    expect(openRouterTranscriptionResponseSchema.safeParse({ usage: { cost: 1 } }).success).toBe(
      false,
    );
  });
});

describe('toLanguageCode', () => {
  it.each([
    ['english', 'en'],
    ['English', 'en'],
    ['haitian creole', 'ht'],
    ['Haitian-Creole', 'ht'],
    ['lao', 'lo'],
    ['javanese', 'jv'],
    ['cantonese', 'yue'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    ['yue', 'yue'],
    ['eng', undefined],
    ['klingon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s -> %s', (input, code) => {
    expect(toLanguageCode(input)).toBe(code);
  });
});
