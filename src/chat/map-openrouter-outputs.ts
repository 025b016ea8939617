import type {
  JSONObject,
  JSONValue,
  LanguageModelV4File,
  LanguageModelV4Source,
} from '@ai-sdk/provider';

/**
 * Outputs that arrive the same way in a response message and in stream deltas: generated images
 * and annotations. Shared by `doGenerate` and the stream so both produce identical parts.
 */

const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** File extensions of image URLs -> media types; other URLs stay `image/*`. */
const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/**
 * A generated image (`images[].image_url.url`) as a file part, keeping base64 as base64. A URL
 * stays a URL (the AI SDK downloads it for the result); its media type comes from the file
 * extension when there is a known one, since the AI SDK keeps the part's media type as is.
 */
export function mapOpenRouterImage(url: string): LanguageModelV4File | undefined {
  const match = DATA_URL.exec(url);
  if (match) {
    return { type: 'file', mediaType: match[1]!, data: { type: 'data', data: match[2]! } };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(parsed.pathname)?.[1]?.toLowerCase();
  const mediaType =
    extension && Object.hasOwn(IMAGE_EXTENSIONS, extension)
      ? IMAGE_EXTENSIONS[extension]!
      : 'image/*';
  return { type: 'file', mediaType, data: { type: 'url', url: parsed } };
}

/**
 * Turns annotations into `source` parts (web-search `url_citation`s, one per URL, each with a
 * unique id) and collects everything else (PDF `file` annotations, future types) for metadata,
 * where the next turn can send it back.
 */
export class AnnotationCollector {
  readonly other: JSONValue[] = [];
  private readonly seenUrls = new Set<string>();

  constructor(private readonly generateId: () => string) {}

  /** Returns the new source parts for these annotations. */
  add(annotations: readonly unknown[]): LanguageModelV4Source[] {
    const sources: LanguageModelV4Source[] = [];
    for (const annotation of annotations) {
      if (annotation === null || typeof annotation !== 'object') continue;
      const record = annotation as JSONObject;
      const citation = record.url_citation as JSONObject | undefined;
      if (record.type === 'url_citation' && citation && typeof citation.url === 'string') {
        if (this.seenUrls.has(citation.url)) continue;
        this.seenUrls.add(citation.url);
        sources.push({
          type: 'source',
          sourceType: 'url',
          id: `source-${this.generateId()}`,
          url: citation.url,
          ...(typeof citation.title === 'string' ? { title: citation.title } : {}),
          providerMetadata: { openrouter: citationMetadata(citation) },
        });
      } else {
        this.other.push(record);
      }
    }
    return sources;
  }
}

function citationMetadata(citation: JSONObject): JSONObject {
  const metadata: JSONObject = {};
  if (typeof citation.content === 'string') metadata.content = citation.content;
  if (typeof citation.start_index === 'number') metadata.startIndex = citation.start_index;
  if (typeof citation.end_index === 'number') metadata.endIndex = citation.end_index;
  return metadata;
}
