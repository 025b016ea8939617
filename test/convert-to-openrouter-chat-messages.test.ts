import {
  InvalidArgumentError,
  type JSONValue,
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type LanguageModelV4ToolResultPart,
  NoSuchProviderReferenceError,
  type SharedV4FileData,
  type SharedV4ProviderOptions,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterChatMessages } from '../src/chat/prompt/convert-to-openrouter-chat-messages';
import type {
  OpenRouterAssistantMessage,
  OpenRouterChatMessage,
  OpenRouterUserContentPart,
} from '../src/chat/prompt/openrouter-chat-prompt';

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const PNG_BASE64 = convertUint8ArrayToBase64(PNG_BYTES);
const UNKNOWN_BYTES = new Uint8Array([1, 2, 3, 4]);
const UNKNOWN_BASE64 = convertUint8ArrayToBase64(UNKNOWN_BYTES);
const WAV_BYTES = new Uint8Array([
  0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0, 0, 0, 0,
]);
const AUDIO_BASE64 = 'AAECAw==';
const PDF_BASE64 = 'JVBERi0xLjcK';

function convert(prompt: LanguageModelV4Prompt) {
  return convertToOpenRouterChatMessages(prompt);
}

function data(value: Uint8Array | string): SharedV4FileData {
  return { type: 'data', data: value };
}

function url(value: string, originalUrl?: string): SharedV4FileData {
  return originalUrl === undefined
    ? { type: 'url', url: new URL(value) }
    : { type: 'url', url: new URL(value), originalUrl };
}

function file(
  fileData: SharedV4FileData,
  mediaType: string,
  extra: { filename?: string; providerOptions?: SharedV4ProviderOptions } = {},
): LanguageModelV4FilePart {
  return { type: 'file', data: fileData, mediaType, ...extra };
}

/** A result of call `c1` to tool `t`. */
function toolResult(
  output: LanguageModelV4ToolResultOutput,
  providerOptions?: SharedV4ProviderOptions,
): LanguageModelV4ToolResultPart {
  return providerOptions === undefined
    ? { type: 'tool-result', toolCallId: 'c1', toolName: 't', output }
    : { type: 'tool-result', toolCallId: 'c1', toolName: 't', output, providerOptions };
}

/** Converts one user file part (next to a text part, so content stays an array). */
function convertUserFile(part: LanguageModelV4FilePart): OpenRouterUserContentPart {
  const { messages } = convert([{ role: 'user', content: [{ type: 'text', text: 'x' }, part] }]);
  const content = messages[0]?.content;
  if (!Array.isArray(content)) throw new Error('expected array content');
  return content[1] as OpenRouterUserContentPart;
}

function convertAssistant(
  content: Extract<LanguageModelV4Prompt[number], { role: 'assistant' }>['content'],
  providerOptions?: SharedV4ProviderOptions,
) {
  const { messages, warnings } = convert([
    providerOptions === undefined
      ? { role: 'assistant', content }
      : { role: 'assistant', content, providerOptions },
  ]);
  return { message: messages[0] as OpenRouterAssistantMessage, warnings };
}

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('system messages', () => {
  it('becomes an array of one text part', () => {
    const { messages, warnings } = convert([{ role: 'system', content: 'Be brief.' }]);
    expect(messages).toEqual([{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }]);
    expect(warnings).toEqual([]);
  });

  it('keeps several system messages separate and in place, also mid-conversation', () => {
    const { messages } = convert([
      { role: 'system', content: 'one' },
      { role: 'system', content: 'two' },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: 'three' },
    ]);
    expect(messages).toEqual<OpenRouterChatMessage[]>([
      { role: 'system', content: [{ type: 'text', text: 'one' }] },
      { role: 'system', content: [{ type: 'text', text: 'two' }] },
      { role: 'user', content: 'hi' },
      { role: 'system', content: [{ type: 'text', text: 'three' }] },
    ]);
  });
});

describe('user messages', () => {
  it('sends a single text part as string content', () => {
    const { messages } = convert([{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }]);
    expect(messages).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('sends several parts as an array', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
  });

  it('sends a single file part as an array', () => {
    const { messages } = convert([
      { role: 'user', content: [file(url('https://x.test/a.png'), 'image/png')] },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }],
      },
    ]);
  });

  it('warns about an unknown part type instead of sending an empty text part', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [{ type: 'text', text: 'a' }, { type: 'hologram', payload: 1 } as never],
      },
    ]);
    expect(messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'a' }] }]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"hologram"') }]);
  });
});

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

describe('assistant messages', () => {
  it('concatenates text parts into content', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'Hello, ' },
      { type: 'text', text: 'world' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'Hello, world' });
    expect(warnings).toEqual([]);
  });

  it('sends content null (not "") for a tool-call-only message', () => {
    const { message } = convertAssistant([
      { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Paris' } },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'c1',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Paris"}' },
        },
      ],
    });
    expect(message.content).toBeNull();
  });

  it('serialises tool-call arguments with sorted keys, recursively', () => {
    const { message } = convertAssistant([
      { type: 'text', text: 'calling' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: { z: 1, a: { y: [2, 1], b: 0 } },
      },
      { type: 'tool-call', toolCallId: 'c2', toolName: 'u', input: {} },
    ]);
    expect(message.tool_calls).toEqual([
      {
        id: 'c1',
        type: 'function',
        function: { name: 't', arguments: '{"a":{"b":0,"y":[2,1]},"z":1}' },
      },
      { id: 'c2', type: 'function', function: { name: 'u', arguments: '{}' } },
    ]);
    expect(message.content).toBe('calling');
  });

  it('sends "{}" for a tool call without input', () => {
    const { message } = convertAssistant([
      { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: undefined },
    ]);
    expect(message.tool_calls?.[0]?.function.arguments).toBe('{}');
  });

  it('drops provider-executed tool calls and results with warnings', () => {
    const { message, warnings } = convertAssistant([
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 'web_search',
        input: {},
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'web_search',
        output: { type: 'text', value: 'r' },
      },
      { type: 'text', text: 'done' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'done' });
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('provider-executed tool call "web_search"'),
      },
      {
        type: 'other',
        message: expect.stringContaining('provider-executed tool result "web_search"'),
      },
    ]);
  });

  it('sends image files as images (data and URL)', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'here' },
      file(data(PNG_BYTES), 'image/png'),
      file(url('https://x.test/b.webp'), 'image/webp'),
    ]);
    expect(message.images).toEqual([
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'image_url', image_url: { url: 'https://x.test/b.webp' } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('drops non-image files with a warning', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'a' },
      file(data(PDF_BASE64), 'application/pdf'),
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a' });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('application/pdf') },
    ]);
  });

  it('drops reasoning-file, custom and unknown parts with warnings', () => {
    const { message, warnings } = convertAssistant([
      { type: 'reasoning-file', data: data(PNG_BYTES) as never, mediaType: 'image/png' },
      { type: 'custom', kind: 'acme.thing' },
      { type: 'future-part' } as never,
      { type: 'text', text: 'a' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a' });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('reasoning-file') },
      { type: 'other', message: expect.stringContaining('"acme.thing"') },
      { type: 'other', message: expect.stringContaining('"future-part"') },
    ]);
  });

  it('sends message-level annotations', () => {
    const annotations = [{ type: 'file', file: { hash: 'h', name: 'a.pdf', content: [] } }];
    const { message } = convertAssistant([{ type: 'text', text: 'a' }], {
      openrouter: { annotations },
    });
    expect(message.annotations).toEqual(annotations);
  });
});

describe('assistant reasoning and reasoning_details', () => {
  /** `providerOptions` carrying `details` as `openrouter.reasoning_details`. */
  const detailsOption = (details: JSONValue): SharedV4ProviderOptions => ({
    openrouter: { reasoning_details: details },
  });
  const textDetail = {
    type: 'reasoning.text',
    text: 'thinking',
    signature: 'sig',
    format: 'anthropic-claude-v1',
    index: 0,
  };
  const encryptedDetail = {
    type: 'reasoning.encrypted',
    data: 'blob',
    format: 'openai-responses-v1',
    id: 'rs_1',
    index: 1,
  };

  it('sends `reasoning` as the visible text of the details sent, not of the parts', () => {
    const summary = {
      type: 'reasoning.summary',
      summary: ' Summary.',
      format: 'openai-responses-v1',
      index: 1,
    };
    const encrypted = {
      type: 'reasoning.encrypted',
      data: 'enc',
      format: 'openai-responses-v1',
      index: 2,
    };
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'edited by the app. ' },
      {
        type: 'reasoning',
        text: 'step 2.',
        providerOptions: detailsOption([textDetail, summary, encrypted]),
      },
      { type: 'text', text: 'answer' },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: 'answer',
      reasoning: `${textDetail.text} Summary.`,
      reasoning_details: [textDetail, summary, encrypted],
    });
  });

  it('omits reasoning and reasoning_details when no part has details', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'thinking' },
      { type: 'text', text: 'answer' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'answer' });
  });

  it('takes the last snapshot across part types', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: {},
        providerOptions: detailsOption([textDetail, encryptedDetail]),
      },
      { type: 'text', text: 'no details here' },
    ]);
    expect(message.reasoning_details).toEqual([textDetail, encryptedDetail]);
  });

  it('takes a snapshot from a text part when it is the last one', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      { type: 'text', text: 'a', providerOptions: detailsOption([textDetail, encryptedDetail]) },
    ]);
    expect(message.reasoning_details).toEqual([textDetail, encryptedDetail]);
  });

  it('lets message-level reasoning_details win over part-level ones', () => {
    const { message } = convertAssistant(
      [
        { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
        { type: 'text', text: 'a' },
      ],
      detailsOption([encryptedDetail]),
    );
    expect(message.reasoning_details).toEqual([encryptedDetail]);
  });

  it('preserves a message-level empty array and then sends no reasoning text', () => {
    const { message } = convertAssistant(
      [
        { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
        { type: 'text', text: 'a' },
      ],
      detailsOption([]),
    );
    expect(message).toEqual({ role: 'assistant', content: 'a', reasoning_details: [] });
  });

  it('preserves a part-level empty array without reasoning text', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([]) },
      { type: 'text', text: 'a' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'a', reasoning_details: [] });
  });

  it('ignores a non-array reasoning_details value', () => {
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption([textDetail]) },
      { type: 'text', text: 'a', providerOptions: detailsOption('oops') },
    ]);
    expect(message.reasoning_details).toEqual([textDetail]);
  });

  it('sends details unmodified: unknown type/format, extra fields, unsigned Gemini text', () => {
    const details = [
      { type: 'reasoning.text', text: 'gemini thought', format: 'google-gemini-v1', index: 0 },
      { type: 'reasoning.text', text: 'claude', signature: 'sig', format: 'anthropic-claude-v1' },
      { type: 'reasoning.summary', summary: 'same', format: 'xai-responses-v1', index: 1 },
      { type: 'reasoning.summary', summary: 'same', format: 'xai-responses-v1', index: 2 },
      {
        type: 'reasoning.server_tool_call',
        tool_name: 'search',
        arguments: '{"q":1}',
        result: 'r',
        format: 'meta-responses-v1',
      },
      { type: 'reasoning.hologram', format: 'future-format-v9', nested: { b: 1, a: [null] } },
    ];
    const snapshot = JSON.stringify(details);
    const { message } = convertAssistant([
      { type: 'reasoning', text: 'r', providerOptions: detailsOption(details) },
      { type: 'text', text: 'a' },
    ]);
    expect(JSON.stringify(message.reasoning_details)).toBe(snapshot);
    expect(message.reasoning_details?.[5]).toBe(details[5]);
    expect(message.reasoning).toBe('gemini thoughtclaudesamesame');
  });

  it('drops an Anthropic text entry that lost its signature, with a warning', () => {
    const signed = {
      type: 'reasoning.text',
      text: 'a',
      signature: 's',
      format: 'anthropic-claude-v1',
      index: 0,
    };
    const unsigned = { type: 'reasoning.text', text: 'b', format: 'anthropic-claude-v1', index: 1 };
    const { message, warnings } = convertAssistant([
      { type: 'reasoning', text: 'ab', providerOptions: detailsOption([signed, unsigned]) },
    ]);
    expect(message.reasoning_details).toEqual([signed]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('1 Anthropic reasoning_details entry without a signature'),
      },
    ]);
  });

  it('sends an item with the same type and id only once per request, but equal text twice', () => {
    const encrypted = {
      type: 'reasoning.encrypted',
      data: 'x',
      id: 'rs_1',
      format: 'openai-responses-v1',
      index: 0,
    };
    const summary = {
      type: 'reasoning.summary',
      summary: 'same text',
      id: 'rs_1',
      format: 'openai-responses-v1',
      index: 0,
    };
    const noId = {
      type: 'reasoning.summary',
      summary: 'same text',
      format: 'openai-responses-v1',
      index: 0,
    };
    const turn = (details: JSONValue[]) =>
      ({
        role: 'assistant',
        content: [{ type: 'text', text: 't' }],
        providerOptions: detailsOption(details),
      }) as const;
    const { messages, warnings } = convert([
      turn([summary, encrypted, noId]),
      { role: 'user', content: [{ type: 'text', text: 'next' }] },
      turn([encrypted, noId]),
    ] as LanguageModelV4Prompt);
    expect((messages[0] as OpenRouterAssistantMessage).reasoning_details).toEqual([
      summary,
      encrypted,
      noId,
    ]);
    expect((messages[2] as OpenRouterAssistantMessage).reasoning_details).toEqual([noId]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('already sent') }]);
  });

  it('skips OpenRouter server tool call parts silently: they travel in reasoning_details', () => {
    const serverToolCall = { openrouter: { serverToolCall: true } };
    const { message, warnings } = convertAssistant([
      {
        type: 'tool-call',
        toolCallId: 's1',
        toolName: 'web_search',
        input: {},
        providerExecuted: true,
        providerOptions: serverToolCall,
      },
      {
        type: 'tool-result',
        toolCallId: 's1',
        toolName: 'web_search',
        output: { type: 'json', value: {} },
        providerOptions: serverToolCall,
      },
      { type: 'text', text: 'found it' },
    ]);
    expect(message).toEqual({ role: 'assistant', content: 'found it' });
    expect(warnings).toEqual([]);
  });
});

describe('tool messages', () => {
  function convertToolOutput(output: LanguageModelV4ToolResultOutput) {
    const { messages, warnings } = convert([{ role: 'tool', content: [toolResult(output)] }]);
    return { messages, warnings, content: messages[0]?.content };
  }

  it('sends one tool message per result', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'a',
            output: { type: 'text', value: '1' },
          },
          {
            type: 'tool-result',
            toolCallId: 'c2',
            toolName: 'b',
            output: { type: 'text', value: '2' },
          },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '1' },
      { role: 'tool', tool_call_id: 'c2', content: '2' },
    ]);
  });

  it('sends text and error-text values as is', () => {
    expect(convertToolOutput({ type: 'text', value: 'sunny' }).content).toBe('sunny');
    expect(convertToolOutput({ type: 'error-text', value: 'boom' }).content).toBe('boom');
  });

  it('sends json and error-json values as key-sorted JSON', () => {
    expect(convertToolOutput({ type: 'json', value: { b: 1, a: [{ d: 1, c: 2 }] } }).content).toBe(
      '{"a":[{"c":2,"d":1}],"b":1}',
    );
    expect(convertToolOutput({ type: 'error-json', value: { z: true, a: null } }).content).toBe(
      '{"a":null,"z":true}',
    );
  });

  it('sends the denial reason, or a default', () => {
    expect(convertToolOutput({ type: 'execution-denied', reason: 'User said no' }).content).toBe(
      'User said no',
    );
    expect(convertToolOutput({ type: 'execution-denied' }).content).toBe('Tool execution denied.');
  });

  it('sends content output as parts, converting files like user files', () => {
    const { content, warnings } = convertToolOutput({
      type: 'content',
      value: [
        { type: 'text', text: 'see image' },
        { type: 'file', data: data(PNG_BYTES), mediaType: 'image/png' },
        { type: 'file', data: url('https://x.test/d.pdf'), mediaType: 'application/pdf' },
        { type: 'file', data: data(AUDIO_BASE64), mediaType: 'audio/wav' },
      ],
    });
    expect(content).toEqual([
      { type: 'text', text: 'see image' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'file', file: { file_data: 'https://x.test/d.pdf' } },
      { type: 'input_audio', input_audio: { data: AUDIO_BASE64, format: 'wav' } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('stringifies custom content parts with a warning', () => {
    const { content, warnings } = convertToolOutput({
      type: 'content',
      value: [{ type: 'custom', providerOptions: { acme: { b: 1, a: 2 } } }],
    });
    expect(content).toEqual([
      { type: 'text', text: '{"providerOptions":{"acme":{"a":2,"b":1}},"type":"custom"}' },
    ]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('Custom') }]);
  });

  it('throws for an audio URL in a tool result, like in user content', () => {
    expect(() =>
      convertToolOutput({
        type: 'content',
        value: [{ type: 'file', data: url('https://x.test/a.wav'), mediaType: 'audio/wav' }],
      }),
    ).toThrow(UnsupportedFunctionalityError);
  });

  it('skips tool-approval-response parts', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          { type: 'tool-approval-response', approvalId: 'a1', approved: true },
          toolResult({ type: 'text', value: 'ok' }),
          { type: 'tool-approval-response', approvalId: 'a2', approved: false, reason: 'no' },
        ],
      },
    ]);
    expect(messages).toEqual([{ role: 'tool', tool_call_id: 'c1', content: 'ok' }]);
    expect(warnings).toEqual([]);
  });

  it('warns about unknown tool message parts and output types', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          { type: 'tool-future' } as never,
          toolResult({ type: 'future-output', value: 1 } as never),
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '{"type":"future-output","value":1}' },
    ]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('"tool-future"') },
      { type: 'other', message: expect.stringContaining('"future-output"') },
    ]);
  });
});

describe('unknown roles', () => {
  it('drops a message with an unknown role with a warning', () => {
    const { messages, warnings } = convert([{ role: 'developer', content: 'x' } as never]);
    expect(messages).toEqual([]);
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"developer"') }]);
  });
});

describe('edge-runtime safety', () => {
  it('uses neither Buffer nor node: imports', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const path of [
      '../src/chat/prompt/convert-to-openrouter-chat-messages.ts',
      '../src/chat/prompt/convert-openrouter-system-message.ts',
      '../src/chat/prompt/convert-openrouter-user-message.ts',
      '../src/chat/prompt/convert-openrouter-assistant-message.ts',
      '../src/chat/prompt/convert-openrouter-tool-message.ts',
      '../src/chat/prompt/openrouter-conversion-warnings.ts',
      '../src/chat/prompt/convert-to-openrouter-content-part.ts',
      '../src/chat/prompt/openrouter-cache-control.ts',
      '../src/shared/stable-stringify.ts',
    ]) {
      const source = await readFile(new URL(path, import.meta.url), 'utf8');
      expect(source).not.toMatch(/\bBuffer\b|from 'node:/);
    }
  });
});

describe('prompt caching: placement', () => {
  const CC = { type: 'ephemeral' } as const;
  const CC_1H = { type: 'ephemeral', ttl: '1h' } as const;
  const CC_5M = { type: 'ephemeral', ttl: '5m' } as const;
  /** `providerOptions` setting cache control under `openrouter.cacheControl`. */
  const cached = (value: unknown): SharedV4ProviderOptions => ({
    openrouter: { cacheControl: value as SharedV4ProviderOptions[string][string] },
  });

  it('system: on its text part, TTL kept', () => {
    const { messages, warnings } = convert([
      { role: 'system', content: 'Be brief.', providerOptions: cached(CC_1H) },
    ]);
    expect(messages).toEqual([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('user, single text part, message-level: a one-part array carries it', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }], providerOptions: cached(CC) },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }],
      },
    ]);
  });

  it('user, single text part, part-level: a one-part array carries it', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', providerOptions: cached(CC_5M) }],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral', ttl: '5m' } }],
      },
    ]);
  });

  it('user, message-level: only on the last content block, also when it is not text', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
          file(url('https://x.test/cat.png'), 'image/png'),
        ],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
          {
            type: 'image_url',
            image_url: { url: 'https://x.test/cat.png' },
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
    ]);
  });

  it('user: part-level wins over message-level on the last block; others stay separate', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a', providerOptions: cached(CC_5M) },
          { type: 'text', text: 'b' },
          { type: 'text', text: 'c', providerOptions: cached(CC_1H) },
        ],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '5m' } },
          { type: 'text', text: 'b' },
          { type: 'text', text: 'c', cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
      },
    ]);
  });

  it.each<[string, LanguageModelV4FilePart, OpenRouterUserContentPart]>([
    [
      'image data',
      file(data(PNG_BYTES), 'image/png'),
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
    ],
    [
      'image URL',
      file(url('https://x.test/cat.png'), 'image/png'),
      { type: 'image_url', image_url: { url: 'https://x.test/cat.png' } },
    ],
    [
      'PDF URL (URL files used to lose their cache_control)',
      file(url('https://x.test/doc.pdf'), 'application/pdf'),
      { type: 'file', file: { file_data: 'https://x.test/doc.pdf' } },
    ],
    [
      'PDF data',
      file(data(PDF_BASE64), 'application/pdf', { filename: 'a.pdf' }),
      {
        type: 'file',
        file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
      },
    ],
    [
      'audio data',
      file(data(AUDIO_BASE64), 'audio/wav'),
      { type: 'input_audio', input_audio: { data: AUDIO_BASE64, format: 'wav' } },
    ],
    [
      'video URL',
      file(url('https://x.test/v.mp4'), 'video/mp4'),
      { type: 'video_url', video_url: { url: 'https://x.test/v.mp4' } },
    ],
    [
      'file reference',
      file({ type: 'reference', reference: { openrouter: 'file-1' } }, 'application/pdf'),
      { type: 'file', file: { file_id: 'file-1' } },
    ],
    [
      'inline text document',
      file({ type: 'text', text: 'notes' }, 'text/plain'),
      { type: 'text', text: 'notes' },
    ],
  ])('user, part-level on a file (%s): on its own block', (_, part, expected) => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { ...part, providerOptions: cached(CC_1H) },
          { type: 'text', text: 'after' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { ...expected, cache_control: { type: 'ephemeral', ttl: '1h' } },
          { type: 'text', text: 'after' },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps the other part options of a cached file (detail, filename)', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          file(url('https://x.test/cat.png'), 'image/png', {
            providerOptions: { openrouter: { imageDetail: 'low', cacheControl: CC } },
          }),
          file(url('https://x.test/doc.pdf'), 'application/pdf', {
            providerOptions: { openrouter: { filename: 'doc.pdf', cache_control: CC } },
          }),
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      {
        type: 'image_url',
        image_url: { url: 'https://x.test/cat.png', detail: 'low' },
        cache_control: { type: 'ephemeral' },
      },
      {
        type: 'file',
        file: { filename: 'doc.pdf', file_data: 'https://x.test/doc.pdf' },
        cache_control: { type: 'ephemeral' },
      },
    ]);
  });

  it('never puts a breakpoint on an empty text block (Anthropic rejects it)', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'question' },
          { type: 'text', text: '', providerOptions: cached(CC_1H) },
        ],
        providerOptions: cached(CC),
      },
      { role: 'user', content: [{ type: 'text', text: '' }], providerOptions: cached(CC) },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          // Message-level moves to the last block that can carry it.
          { type: 'text', text: 'question', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: '' },
        ],
      },
      { role: 'user', content: '' },
    ]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[1]') },
      { type: 'other', message: expect.stringContaining('prompt[1]:') },
    ]);
  });

  it('assistant, message-level: text sent as one text block carrying it', () => {
    const { message, warnings } = convertAssistant(
      [
        { type: 'text', text: 'Hello ' },
        { type: 'text', text: 'there' },
      ],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Hello there', cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('assistant, part-level: its block ends at that part; message-level on the last block', () => {
    const { message } = convertAssistant(
      [
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b', providerOptions: cached(CC_5M) },
        { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} },
        { type: 'text', text: 'c' },
        { type: 'text', text: 'd' },
      ],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'ab', cache_control: { type: 'ephemeral', ttl: '5m' } },
        { type: 'text', text: 'cd', cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
    });
  });

  it('assistant: a part-level breakpoint on the last text part wins over message-level', () => {
    const { message } = convertAssistant(
      [{ type: 'text', text: 'a', providerOptions: cached(CC_5M) }],
      cached(CC_1H),
    );
    expect(message.content).toEqual([
      { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '5m' } },
    ]);
  });

  it('assistant with text and a tool call: on the text block, tool calls unchanged', () => {
    const { message } = convertAssistant(
      [
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
      ],
      cached(CC),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'Checking.', cache_control: { type: 'ephemeral' } }],
      tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
      ],
    });
  });

  it('assistant without text: on the message root, content stays null', () => {
    const { message, warnings } = convertAssistant(
      [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: { a: 1 } }],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{"a":1}' } }],
      cache_control: { type: 'ephemeral', ttl: '1h' },
    });
    expect(warnings).toEqual([]);
  });

  it('assistant: ignores part-level cache control on a tool call, with a warning', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'x' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: {},
        providerOptions: cached(CC),
      },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: 'x',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
    });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[1]') },
    ]);
  });

  it('tool, part-level: string content becomes one text block carrying it', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [toolResult({ type: 'json', value: { b: 2, a: 1 } }, cached(CC))],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [{ type: 'text', text: '{"a":1,"b":2}', cache_control: { type: 'ephemeral' } }],
      },
    ]);
  });

  it('tool: output-level options win over the tool-result part', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          toolResult(
            { type: 'text', value: 'sunny', providerOptions: cached(CC_1H) },
            cached(CC_5M),
          ),
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'text', text: 'sunny', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('tool, message-level: on the last tool message only, unless its result has its own', () => {
    const results = (last?: SharedV4ProviderOptions) =>
      convert([
        {
          role: 'tool',
          content: [
            toolResult({ type: 'text', value: '1' }),
            {
              type: 'tool-result',
              toolCallId: 'c2',
              toolName: 't',
              output: { type: 'text', value: '2' },
              ...(last ? { providerOptions: last } : {}),
            },
          ],
          providerOptions: cached(CC),
        },
      ]).messages;
    expect(results()).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '1' },
      {
        role: 'tool',
        tool_call_id: 'c2',
        content: [{ type: 'text', text: '2', cache_control: { type: 'ephemeral' } }],
      },
    ]);
    expect(results(cached(CC_1H))[1]?.content).toEqual([
      { type: 'text', text: '2', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('tool, content output: item-level on the item, result-level on the last block', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          toolResult(
            {
              type: 'content',
              value: [
                {
                  type: 'file',
                  data: url('https://x.test/chart.png'),
                  mediaType: 'image/png',
                  providerOptions: cached(CC_1H),
                },
                { type: 'text', text: 'caption' },
              ],
            },
            cached(CC),
          ),
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [
          {
            type: 'image_url',
            image_url: { url: 'https://x.test/chart.png' },
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
          { type: 'text', text: 'caption', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('tool: warns instead of caching an empty result or a message without results', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [toolResult({ type: 'text', value: '' }, cached(CC))],
      },
      {
        role: 'tool',
        content: [{ type: 'tool-approval-response', approvalId: 'a1', approved: true }],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([{ role: 'tool', tool_call_id: 'c1', content: '' }]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[0]') },
      {
        type: 'other',
        message: expect.stringContaining('prompt[1]: the message sends no tool result'),
      },
    ]);
  });

  it('sends no cache_control anywhere when none is set', () => {
    const { messages } = convert([
      { role: 'system', content: 's' },
      { role: 'user', content: [{ type: 'text', text: 'u' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
    ]);
    expect(JSON.stringify(messages)).not.toContain('cache_control');
    expect(messages[2]).toEqual({ role: 'assistant', content: 'a' });
  });
});

describe('prompt caching: keys, precedence and validation', () => {
  const userWith = (providerOptions: SharedV4ProviderOptions) =>
    convert([{ role: 'user', content: [{ type: 'text', text: 'x' }], providerOptions }]).messages[0]
      ?.content;

  it.each([
    ['openrouter', 'cacheControl'],
    ['openrouter', 'cache_control'],
    ['anthropic', 'cacheControl'],
    ['anthropic', 'cache_control'],
  ])('reads %s.%s', (provider, key) => {
    expect(userWith({ [provider]: { [key]: { type: 'ephemeral', ttl: '1h' } } })).toEqual([
      { type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('openrouter wins over anthropic; cacheControl over cache_control; null counts as absent', () => {
    expect(
      userWith({
        anthropic: { cacheControl: { type: 'ephemeral', ttl: '5m' } },
        openrouter: { cache_control: { type: 'ephemeral', ttl: '1h' } },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
    expect(
      userWith({
        openrouter: {
          cache_control: { type: 'ephemeral', ttl: '5m' },
          cacheControl: { type: 'ephemeral' },
        },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }]);
    expect(
      userWith({
        openrouter: { cacheControl: null },
        anthropic: { cache_control: { type: 'ephemeral', ttl: '5m' } },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '5m' } }]);
  });

  it('sends only type and ttl', () => {
    expect(userWith({ openrouter: { cacheControl: { type: 'ephemeral', extra: 1 } } })).toEqual([
      { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it.each([
    [{ type: 'persistent' }],
    [{ type: 'ephemeral', ttl: '10m' }],
    [{ ttl: '1h' }],
    ['ephemeral'],
    [true],
    [[{ type: 'ephemeral' }]],
  ])('throws InvalidArgumentError naming where an invalid value %j was', (value) => {
    const error = captureError(() =>
      convert([
        { role: 'system', content: 's' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b', providerOptions: { anthropic: { cacheControl: value } } },
          ],
        },
      ]),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(
      'prompt[1].content[1].providerOptions.anthropic.cacheControl',
    );
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  it('names message-level and tool-result output locations', () => {
    const bad = { openrouter: { cache_control: { type: 'persistent' } } };
    const argumentOf = (prompt: LanguageModelV4Prompt) =>
      (captureError(() => convert(prompt)) as InvalidArgumentError).argument;
    expect(argumentOf([{ role: 'system', content: 's', providerOptions: bad }])).toBe(
      'prompt[0].providerOptions.openrouter.cache_control',
    );
    expect(
      argumentOf([
        {
          role: 'tool',
          content: [toolResult({ type: 'text', value: 'v', providerOptions: bad })],
        },
      ]),
    ).toBe('prompt[0].content[0].output.providerOptions.openrouter.cache_control');
    expect(
      argumentOf([
        {
          role: 'tool',
          content: [
            toolResult({
              type: 'content',
              value: [{ type: 'text', text: 'v', providerOptions: bad }],
            }),
          ],
        },
      ]),
    ).toBe('prompt[0].content[0].output.value[0].providerOptions.openrouter.cache_control');
  });
});

describe('prompt caching: the four-breakpoint limit', () => {
  const CC = { type: 'ephemeral' } as const;
  const cachedUser = (text: string): LanguageModelV4Prompt[number] => ({
    role: 'user',
    content: [{ type: 'text', text }],
    providerOptions: { openrouter: { cacheControl: CC } },
  });

  it('keeps the last four of six breakpoints and warns once with the number dropped', () => {
    const { messages, warnings } = convert([
      { role: 'system', content: 's', providerOptions: { anthropic: { cacheControl: CC } } },
      cachedUser('u1'),
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} }],
        providerOptions: { openrouter: { cacheControl: CC } },
      },
      {
        role: 'tool',
        content: [toolResult({ type: 'text', value: 'r' }, { openrouter: { cacheControl: CC } })],
      },
      cachedUser('u2'),
      {
        role: 'user',
        content: [
          { type: 'text', text: 'u3a' },
          { type: 'text', text: 'u3b', providerOptions: { openrouter: { cacheControl: CC } } },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 's' }] },
      { role: 'user', content: [{ type: 'text', text: 'u1' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
        cache_control: { type: 'ephemeral' },
      },
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [{ type: 'text', text: 'r', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'user',
        content: [{ type: 'text', text: 'u2', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'u3a' },
          { type: 'text', text: 'u3b', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'The prompt sets 6 cache breakpoints (cache_control), but Anthropic allows at most 4 per request. Removed the first 2 and kept the last 4, which cache the longest prompt prefixes.',
      },
    ]);
  });

  it('removes a message-root breakpoint like any other', () => {
    const { messages, warnings } = convert([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} }],
        providerOptions: { openrouter: { cacheControl: CC } },
      },
      cachedUser('1'),
      cachedUser('2'),
      cachedUser('3'),
      cachedUser('4'),
    ]);
    expect(messages[0]).not.toHaveProperty('cache_control');
    expect(JSON.stringify(messages).match(/cache_control/g)).toHaveLength(4);
    expect(warnings).toHaveLength(1);
  });

  it('leaves exactly four breakpoints alone, without a warning', () => {
    const { messages, warnings } = convert([
      cachedUser('1'),
      cachedUser('2'),
      cachedUser('3'),
      cachedUser('4'),
    ]);
    expect(JSON.stringify(messages).match(/cache_control/g)).toHaveLength(4);
    expect(warnings).toEqual([]);
  });
});
