/**
 * User content parts (images, audio, video, files, file references), converted through
 * `convertToOpenRouterChatMessages`.
 */
import {
  type LanguageModelV4FilePart,
  NoSuchProviderReferenceError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import {
  AUDIO_BASE64,
  captureError,
  convert,
  convertUserFile,
  data,
  file,
  PDF_BASE64,
  PNG_BASE64,
  PNG_BYTES,
  UNKNOWN_BASE64,
  UNKNOWN_BYTES,
  url,
  WAV_BYTES,
} from '../../../helpers/prompt';

describe('images', () => {
  it.each<[string, LanguageModelV4FilePart, string]>([
    [
      'passes an https URL through',
      file(url('https://x.test/cat.jpg?size=2'), 'image/jpeg'),
      'https://x.test/cat.jpg?size=2',
    ],
    [
      'prefers originalUrl over the parsed URL',
      file(url('https://x.test/a%20b.png', 'https://x.test/a b.png'), 'image/png'),
      'https://x.test/a b.png',
    ],
    [
      'sends bytes as a base64 data URL',
      file(data(PNG_BYTES), 'image/png'),
      `data:image/png;base64,${PNG_BASE64}`,
    ],
    [
      'sends a base64 string as a data URL',
      file(data(PNG_BASE64), 'image/png'),
      `data:image/png;base64,${PNG_BASE64}`,
    ],
    [
      'detects the subtype of a top-level-only image from the bytes',
      file(data(PNG_BYTES), 'image'),
      `data:image/png;base64,${PNG_BASE64}`,
    ],
    [
      'treats image/* like top-level image',
      file(data(PNG_BASE64), 'image/*'),
      `data:image/png;base64,${PNG_BASE64}`,
    ],
    [
      'defaults an undetectable top-level-only image to image/jpeg',
      file(data(UNKNOWN_BYTES), 'image'),
      `data:image/jpeg;base64,${UNKNOWN_BASE64}`,
    ],
    [
      'passes a top-level-only image URL through',
      file(url('https://x.test/photo?id=1'), 'image'),
      'https://x.test/photo?id=1',
    ],
    [
      'treats a data: URL as inline data',
      file(url(`data:image/png;base64,${PNG_BASE64}`), 'image/png'),
      `data:image/png;base64,${PNG_BASE64}`,
    ],
    [
      'takes the media type of a data: URL when the part has only the top-level type',
      file(url(`data:image/webp;base64,${UNKNOWN_BASE64}`), 'image'),
      `data:image/webp;base64,${UNKNOWN_BASE64}`,
    ],
  ])('%s', (_name, part, expectedUrl) => {
    expect(convertUserFile(part)).toEqual({ type: 'image_url', image_url: { url: expectedUrl } });
  });

  it.each(['auto', 'low', 'high', 'original'] as const)('forwards imageDetail %s', (detail) => {
    const part = file(url('https://x.test/a.png'), 'image/png', {
      providerOptions: { openrouter: { imageDetail: detail } },
    });
    expect(convertUserFile(part)).toEqual({
      type: 'image_url',
      image_url: { url: 'https://x.test/a.png', detail },
    });
  });

  it('accepts detail as an alias of imageDetail', () => {
    const part = file(data(PNG_BYTES), 'image/png', {
      providerOptions: { openrouter: { detail: 'low' } },
    });
    expect(convertUserFile(part)).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_BASE64}`, detail: 'low' },
    });
  });

  it('ignores an invalid detail with a warning', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          file(url('https://x.test/a.png'), 'image/png', {
            providerOptions: { openrouter: { imageDetail: 'ultra' } },
          }),
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }],
      },
    ]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"ultra"') }]);
  });
});

describe('audio', () => {
  it.each([
    ['audio/mpeg', 'mp3'],
    ['audio/mp3', 'mp3'],
    ['audio/wav', 'wav'],
    ['audio/x-wav', 'wav'],
    ['audio/wave', 'wav'],
    ['audio/ogg', 'ogg'],
    ['audio/vorbis', 'ogg'],
    ['audio/aac', 'aac'],
    ['audio/x-aac', 'aac'],
    ['audio/m4a', 'm4a'],
    ['audio/x-m4a', 'm4a'],
    ['audio/mp4', 'm4a'],
    ['audio/aiff', 'aiff'],
    ['audio/x-aiff', 'aiff'],
    ['audio/flac', 'flac'],
    ['audio/x-flac', 'flac'],
    ['audio/pcm16', 'pcm16'],
    ['audio/pcm24', 'pcm24'],
  ])('maps %s to format %s with raw base64', (mediaType, format) => {
    expect(convertUserFile(file(data(AUDIO_BASE64), mediaType))).toEqual({
      type: 'input_audio',
      input_audio: { data: AUDIO_BASE64, format },
    });
  });

  it('ignores case and media type parameters', () => {
    expect(convertUserFile(file(data(AUDIO_BASE64), 'Audio/OGG; codecs=opus'))).toEqual({
      type: 'input_audio',
      input_audio: { data: AUDIO_BASE64, format: 'ogg' },
    });
  });

  it('base64-encodes bytes and detects a top-level-only audio type', () => {
    expect(convertUserFile(file(data(WAV_BYTES), 'audio'))).toEqual({
      type: 'input_audio',
      input_audio: { data: convertUint8ArrayToBase64(WAV_BYTES), format: 'wav' },
    });
  });

  it('strips the prefix of an audio data: URL', () => {
    expect(
      convertUserFile(file(url(`data:audio/mpeg;base64,${AUDIO_BASE64}`), 'audio/mpeg')),
    ).toEqual({ type: 'input_audio', input_audio: { data: AUDIO_BASE64, format: 'mp3' } });
  });

  it('throws UnsupportedFunctionalityError for an https audio URL', () => {
    const error = captureError(() =>
      convertUserFile(file(url('https://x.test/a.mp3'), 'audio/mpeg')),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('audio/mpeg');
    expect(message).toContain('base64');
    expect(message).toContain('wav, mp3');
  });

  it('throws UnsupportedFunctionalityError for audio/webm', () => {
    const error = captureError(() => convertUserFile(file(data(AUDIO_BASE64), 'audio/webm')));
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('"audio/webm"');
    expect(message).toContain('wav, mp3, aiff, aac, ogg, flac, m4a, pcm16 and pcm24');
  });

  it('does not treat inherited object keys as audio formats', () => {
    expect(() => convertUserFile(file(data(AUDIO_BASE64), 'audio/constructor'))).toThrow(
      UnsupportedFunctionalityError,
    );
  });
});

describe('video', () => {
  it('passes a video URL through', () => {
    expect(convertUserFile(file(url('https://www.youtube.com/watch?v=abc'), 'video/mp4'))).toEqual({
      type: 'video_url',
      video_url: { url: 'https://www.youtube.com/watch?v=abc' },
    });
  });

  it('sends video data as a data URL', () => {
    expect(convertUserFile(file(data('AAAA'), 'video/mp4'))).toEqual({
      type: 'video_url',
      video_url: { url: 'data:video/mp4;base64,AAAA' },
    });
  });
});

describe('other files (PDF, text, ...)', () => {
  it.each<[string, LanguageModelV4FilePart, { filename?: string; file_data: string }]>([
    [
      'sends PDF data as a data URL with a default filename',
      file(data(PDF_BASE64), 'application/pdf'),
      { filename: 'file.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
    ],
    [
      'uses the part filename',
      file(data(PDF_BASE64), 'application/pdf', { filename: 'report.pdf' }),
      { filename: 'report.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
    ],
    [
      'lets providerOptions.openrouter.filename override the part filename',
      file(data(PDF_BASE64), 'application/pdf', {
        filename: 'report.pdf',
        providerOptions: { openrouter: { filename: 'override.pdf' } },
      }),
      { filename: 'override.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
    ],
    [
      'passes a PDF URL through, without inventing a filename',
      file(url('https://x.test/doc.pdf'), 'application/pdf'),
      { file_data: 'https://x.test/doc.pdf' },
    ],
    [
      'keeps the filename of a PDF URL',
      file(url('https://x.test/doc.pdf'), 'application/pdf', { filename: 'doc.pdf' }),
      { filename: 'doc.pdf', file_data: 'https://x.test/doc.pdf' },
    ],
    [
      'sends text/plain bytes as a file with a .txt filename',
      file(data(new TextEncoder().encode('hello')), 'text/plain'),
      { filename: 'file.txt', file_data: 'data:text/plain;base64,aGVsbG8=' },
    ],
    [
      'decodes a percent-encoded (non-base64) data: URL',
      file(url('data:text/plain,hello%20w%C3%B6rld'), 'text/plain'),
      {
        filename: 'file.txt',
        file_data: `data:text/plain;base64,${convertUint8ArrayToBase64(new TextEncoder().encode('hello wörld'))}`,
      },
    ],
    [
      'detects a top-level-only application type from the bytes',
      file(data(PDF_BASE64), 'application'),
      { filename: 'file.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
    ],
  ])('%s', (_name, part, expectedFile) => {
    expect(convertUserFile(part)).toEqual({ type: 'file', file: expectedFile });
  });

  it('throws UnsupportedFunctionalityError for an undetectable top-level-only type', () => {
    expect(() => convertUserFile(file(data(UNKNOWN_BYTES), 'application'))).toThrow(
      UnsupportedFunctionalityError,
    );
  });
});

describe('file references, text documents and URL schemes', () => {
  it('resolves an openrouter reference to file_id', () => {
    const part = file(
      { type: 'reference', reference: { openrouter: 'file-123' } },
      'application/pdf',
    );
    expect(convertUserFile(part)).toEqual({ type: 'file', file: { file_id: 'file-123' } });
  });

  it('keeps the filename next to file_id', () => {
    const part = file(
      { type: 'reference', reference: { openrouter: 'file-123', openai: 'file-x' } },
      'application/pdf',
      { filename: 'a.pdf' },
    );
    expect(convertUserFile(part)).toEqual({
      type: 'file',
      file: { filename: 'a.pdf', file_id: 'file-123' },
    });
  });

  it('lets the missing-reference error propagate', () => {
    const part = file({ type: 'reference', reference: { openai: 'file-x' } }, 'application/pdf');
    expect(() => convertUserFile(part)).toThrow(NoSuchProviderReferenceError);
  });

  it('sends an inline text document as a text part, unprefixed', () => {
    const part = file({ type: 'text', text: '# Notes\nbody' }, 'text/markdown', {
      filename: 'notes.md',
    });
    expect(convertUserFile(part)).toEqual({ type: 'text', text: '# Notes\nbody' });
  });

  it.each([
    ['file:///tmp/a.pdf', 'file:'],
    ['s3://bucket/a.pdf', 's3:'],
    ['gs://bucket/a.pdf', 'gs:'],
  ])('throws UnsupportedFunctionalityError naming the scheme of %s', (value, scheme) => {
    const error = captureError(() => convertUserFile(file(url(value), 'application/pdf')));
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`"${scheme}"`);
  });
});
