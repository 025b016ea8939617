import {
  InvalidPromptError,
  type LanguageModelV4FilePart,
  type SharedV4ProviderOptions,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  convertToBase64,
  detectMediaType,
  getTopLevelMediaType,
  isFullMediaType,
  mediaTypeToExtension,
  resolveFullMediaType,
  resolveProviderReference,
} from '@ai-sdk/provider-utils';
import type {
  OpenRouterImageContentPart,
  OpenRouterUserContentPart,
} from './openrouter-chat-prompt';

/** A file as it appears in user content and in `content` tool results. */
type OpenRouterFileInput = Pick<
  LanguageModelV4FilePart,
  'data' | 'mediaType' | 'filename' | 'providerOptions'
>;

type ImageDetail = NonNullable<OpenRouterImageContentPart['image_url']['detail']>;

const IMAGE_DETAILS: ReadonlySet<string> = new Set<ImageDetail>([
  'auto',
  'low',
  'high',
  'original',
]);

/** `audio/<subtype>` -> OpenRouter `input_audio.format`. */
const AUDIO_FORMATS: Readonly<Record<string, string>> = {
  mpeg: 'mp3',
  mp3: 'mp3',
  wav: 'wav',
  'x-wav': 'wav',
  wave: 'wav',
  ogg: 'ogg',
  vorbis: 'ogg',
  aac: 'aac',
  'x-aac': 'aac',
  m4a: 'm4a',
  'x-m4a': 'm4a',
  mp4: 'm4a',
  aiff: 'aiff',
  'x-aiff': 'aiff',
  flac: 'flac',
  'x-flac': 'flac',
  pcm16: 'pcm16',
  pcm24: 'pcm24',
};

const ACCEPTED_AUDIO =
  'OpenRouter accepts audio only as base64 data (input_audio) in the formats ' +
  'wav, mp3, aiff, aac, ogg, flac, m4a, pcm16 and pcm24';

/** Inline file content: bytes or base64, plus the media type a data URL declared, if any. */
interface InlineData {
  data: Uint8Array | string;
  dataUrlMediaType?: string;
}

/** `providerOptions.openrouter` as a plain record, or undefined. */
export function getOpenRouterOptions(
  providerOptions: SharedV4ProviderOptions | undefined,
): Record<string, unknown> | undefined {
  return providerOptions?.openrouter as Record<string, unknown> | undefined;
}

/**
 * Converts a file (user content or `content` tool-result item) to an OpenRouter content part:
 * image -> `image_url`, audio -> `input_audio`, video -> `video_url`, anything else -> `file`.
 */
export function convertFileToOpenRouterContentPart(
  file: OpenRouterFileInput,
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart {
  const data = file.data;
  switch (data.type) {
    case 'text':
      // An inline text document is plain prompt text for the model.
      return { type: 'text', text: data.text };
    case 'reference':
      return {
        type: 'file',
        file: withFilename(filenameOf(file), {
          file_id: resolveProviderReference({ reference: data.reference, provider: 'openrouter' }),
        }),
      };
    case 'data':
      return convertInlineFile(file, { data: data.data }, warnings);
    case 'url':
      return convertUrlFile(file, data.originalUrl ?? data.url.href, data.url.protocol, warnings);
    default: {
      const unknownType = (data as { type?: unknown }).type;
      throw new UnsupportedFunctionalityError({
        functionality: `file data of type "${String(unknownType)}"`,
      });
    }
  }
}

function convertUrlFile(
  file: OpenRouterFileInput,
  url: string,
  protocol: string,
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart {
  if (protocol === 'data:') return convertInlineFile(file, parseDataUrl(url, file), warnings);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UnsupportedFunctionalityError({
      functionality: `file URL scheme "${protocol}"`,
      message: `File URLs with scheme "${protocol}" (${file.mediaType} file) are not supported by OpenRouter; use an http(s) URL, a data: URL or inline data.`,
    });
  }
  return convertRemoteFile(file, url, warnings);
}

/** OpenRouter fetches http(s) URLs itself, except for audio, which must be inline base64. */
function convertRemoteFile(
  file: OpenRouterFileInput,
  url: string,
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart {
  switch (getTopLevelMediaType(essence(file.mediaType))) {
    case 'image':
      return imagePart(url, file, warnings);
    case 'audio':
      throw new UnsupportedFunctionalityError({
        functionality: `audio file URL (${file.mediaType})`,
        message: `Audio file of media type "${file.mediaType}" was given as a URL (${url}); ${ACCEPTED_AUDIO}, not as URLs. Pass the audio bytes instead.`,
      });
    case 'video':
      return { type: 'video_url', video_url: { url } };
    default:
      return { type: 'file', file: withFilename(filenameOf(file), { file_data: url }) };
  }
}

function convertInlineFile(
  file: OpenRouterFileInput,
  inline: InlineData,
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart {
  const mediaType = resolveInlineMediaType(file.mediaType, inline);
  const base64 = convertToBase64(inline.data);
  const dataUrl = `data:${mediaType};base64,${base64}`;
  switch (getTopLevelMediaType(mediaType)) {
    case 'image':
      return imagePart(dataUrl, file, warnings);
    case 'audio':
      return { type: 'input_audio', input_audio: { data: base64, format: audioFormat(mediaType) } };
    case 'video':
      return { type: 'video_url', video_url: { url: dataUrl } };
    default:
      return {
        type: 'file',
        file: { filename: filenameOf(file) ?? defaultFilename(mediaType), file_data: dataUrl },
      };
  }
}

/**
 * Full, lower-case media type without parameters. A top-level-only `image` is sniffed from the
 * bytes (JPEG when unknown: every vision model takes it); other top-level-only types must be
 * detectable, else `resolveFullMediaType` throws an UnsupportedFunctionalityError.
 */
function resolveInlineMediaType(declared: string, inline: InlineData): string {
  const candidate =
    !isFullMediaType(declared) && inline.dataUrlMediaType !== undefined
      ? inline.dataUrlMediaType
      : declared;
  if (isFullMediaType(candidate)) return essence(candidate);
  if (getTopLevelMediaType(candidate) === 'image') {
    return detectMediaType({ data: inline.data, topLevelType: 'image' }) ?? 'image/jpeg';
  }
  return essence(
    resolveFullMediaType({
      part: { type: 'file', mediaType: candidate, data: { type: 'data', data: inline.data } },
    }),
  );
}

function audioFormat(mediaType: string): string {
  const subtype = mediaType.slice('audio/'.length);
  if (Object.hasOwn(AUDIO_FORMATS, subtype)) return AUDIO_FORMATS[subtype]!;
  throw new UnsupportedFunctionalityError({
    functionality: `audio input of media type "${mediaType}"`,
    message: `Audio file of media type "${mediaType}" is not supported by OpenRouter; ${ACCEPTED_AUDIO} (e.g. audio/wav, audio/mpeg, audio/ogg, audio/flac, audio/aac, audio/mp4, audio/aiff). Convert the audio to one of these formats.`,
  });
}

function imagePart(
  url: string,
  file: OpenRouterFileInput,
  warnings: SharedV4Warning[],
): OpenRouterImageContentPart {
  const detail = imageDetailOf(file, warnings);
  return { type: 'image_url', image_url: detail === undefined ? { url } : { url, detail } };
}

/** Part-level `providerOptions.openrouter.imageDetail` (or `.detail`). */
function imageDetailOf(
  file: OpenRouterFileInput,
  warnings: SharedV4Warning[],
): ImageDetail | undefined {
  const options = getOpenRouterOptions(file.providerOptions);
  const detail = options?.imageDetail ?? options?.detail;
  if (detail === undefined) return undefined;
  if (typeof detail === 'string' && IMAGE_DETAILS.has(detail)) return detail as ImageDetail;
  warnings.push({
    type: 'other',
    message: `Ignored image detail ${JSON.stringify(detail)}: OpenRouter accepts ${[...IMAGE_DETAILS].join(', ')}.`,
  });
  return undefined;
}

/** `providerOptions.openrouter.filename` overrides the part's own filename. */
function filenameOf(file: OpenRouterFileInput): string | undefined {
  const override = getOpenRouterOptions(file.providerOptions)?.filename;
  return typeof override === 'string' ? override : file.filename;
}

function withFilename<T extends object>(
  filename: string | undefined,
  file: T,
): T & { filename?: string } {
  return filename === undefined ? file : { filename, ...file };
}

function defaultFilename(mediaType: string): string {
  const extension = mediaType === 'text/plain' ? 'txt' : mediaTypeToExtension(mediaType);
  return extension === '' ? 'file' : `file.${extension}`;
}

/** `Image/PNG; q=1` -> `image/png`. */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** `data:[<media type>][;base64],<data>` -> inline bytes or base64 (RFC 2397). */
function parseDataUrl(url: string, file: OpenRouterFileInput): InlineData {
  const comma = url.indexOf(',');
  if (!url.toLowerCase().startsWith('data:') || comma === -1) {
    throw new InvalidPromptError({
      prompt: file,
      message: `Malformed data URL for a ${file.mediaType} file.`,
    });
  }
  const header = url.slice('data:'.length, comma);
  const payload = url.slice(comma + 1);
  const isBase64 = /;base64$/i.test(header);
  const mediaType = essence(header);
  return {
    data: isBase64 ? payload : percentDecode(payload),
    dataUrlMediaType: mediaType === '' ? undefined : mediaType,
  };
}

/** Percent-decodes to bytes (not to a string: the payload may be binary). */
function percentDecode(text: string): Uint8Array {
  const input = new TextEncoder().encode(text);
  const output: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    const hex = byte === 0x25 ? String.fromCharCode(input[i + 1] ?? 0, input[i + 2] ?? 0) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      output.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      output.push(byte);
    }
  }
  return Uint8Array.from(output);
}
