import { mockId } from '@ai-sdk/provider-utils/test';
import { describe, expect, it } from 'vitest';
import { AnnotationCollector, mapOpenRouterImage } from '../../../src/chat/map-openrouter-outputs';

describe('mapOpenRouterImage', () => {
  it('keeps a base64 data URL as base64 data with its media type', () => {
    expect(mapOpenRouterImage('data:image/png;base64,iVBORw0KGgo=')).toEqual({
      type: 'file',
      mediaType: 'image/png',
      data: { type: 'data', data: 'iVBORw0KGgo=' },
    });
  });

  it('reads the media type before data URL parameters', () => {
    expect(mapOpenRouterImage('data:image/webp;name=out.webp;base64,UklGRg==')).toEqual({
      type: 'file',
      mediaType: 'image/webp',
      data: { type: 'data', data: 'UklGRg==' },
    });
  });

  it('turns an http(s) URL into a URL file part, typed by its file extension', () => {
    const file = mapOpenRouterImage('https://cdn.example.com/img/out.png?sig=1');
    expect(file).toEqual({
      type: 'file',
      mediaType: 'image/png',
      data: { type: 'url', url: new URL('https://cdn.example.com/img/out.png?sig=1') },
    });
  });

  it.each([
    ['https://cdn.example.com/a/b.PNG', 'image/png'],
    ['https://cdn.example.com/a.jpg?sig=x#frag', 'image/jpeg'],
    ['https://cdn.example.com/a.jpeg', 'image/jpeg'],
    ['https://cdn.example.com/a.webp', 'image/webp'],
    ['https://cdn.example.com/a.gif', 'image/gif'],
    ['https://cdn.example.com/a.svg', 'image/svg+xml'],
    ['https://cdn.example.com/a', 'image/*'],
    ['https://cdn.example.com/a.bin', 'image/*'],
    ['https://cdn.example.com/x.constructor', 'image/*'],
    ['https://cdn.example.com/png?format=.png', 'image/*'],
  ])('types the URL %s as %s (image/* when the extension says nothing)', (url, mediaType) => {
    const file = mapOpenRouterImage(url);
    expect(file).toMatchObject({ type: 'file', mediaType, data: { type: 'url' } });
    expect(file?.data.type === 'url' && file.data.url.href).toBe(new URL(url).href);
  });

  it.each(['', 'not a url', '/relative/path.png'])('drops %j, which is not a URL', (url) => {
    expect(mapOpenRouterImage(url)).toBeUndefined();
  });
});

/** The web-search annotation shape, as in OpenRouter's docs. */
function citation(url: string, extra: Record<string, unknown> = {}) {
  return { type: 'url_citation', url_citation: { url, ...extra } };
}

describe('AnnotationCollector', () => {
  it('turns url citations into url sources with unique ids and their offsets in metadata', () => {
    const collector = new AnnotationCollector(mockId());
    const sources = collector.add([
      citation('https://www.example.com/a', {
        title: 'Result A',
        content: 'Content of A',
        start_index: 100,
        end_index: 200,
      }),
      citation('https://www.example.com/b'),
    ]);
    expect(sources).toEqual([
      {
        type: 'source',
        sourceType: 'url',
        id: 'source-id-0',
        url: 'https://www.example.com/a',
        title: 'Result A',
        providerMetadata: {
          openrouter: { content: 'Content of A', startIndex: 100, endIndex: 200 },
        },
      },
      {
        type: 'source',
        sourceType: 'url',
        id: 'source-id-1',
        url: 'https://www.example.com/b',
        providerMetadata: { openrouter: {} },
      },
    ]);
    expect(collector.other).toEqual([]);
  });

  it('gives each URL one source, also when a later chunk cites it again', () => {
    const collector = new AnnotationCollector(mockId());
    expect(collector.add([citation('https://a.test/'), citation('https://a.test/')])).toHaveLength(
      1,
    );
    expect(collector.add([citation('https://a.test/'), citation('https://b.test/')])).toEqual([
      expect.objectContaining({ url: 'https://b.test/', id: 'source-id-1' }),
    ]);
  });

  it('keeps PDF file annotations and unknown types for metadata, in order', () => {
    const file = {
      type: 'file',
      file: { hash: 'abc123', name: 'document.pdf', content: [{ type: 'text', text: 'Parsed' }] },
    };
    const future = { type: 'something_new', value: 1 };
    const collector = new AnnotationCollector(mockId());
    expect(collector.add([file, citation('https://a.test/'), future])).toHaveLength(1);
    expect(collector.other).toEqual([file, future]);
  });

  it('ignores non-objects, and keeps a url_citation without a URL as an other annotation', () => {
    const broken = { type: 'url_citation', url_citation: { title: 'no url' } };
    const collector = new AnnotationCollector(mockId());
    expect(collector.add([null, 'text', 42, broken])).toEqual([]);
    expect(collector.other).toEqual([broken]);
  });

  it('keeps only well-typed citation fields in metadata', () => {
    const collector = new AnnotationCollector(mockId());
    const [source] = collector.add([
      citation('https://a.test/', { title: 7, content: null, start_index: '3', end_index: 9 }),
    ]);
    expect(source).toEqual({
      type: 'source',
      sourceType: 'url',
      id: 'source-id-0',
      url: 'https://a.test/',
      providerMetadata: { openrouter: { endIndex: 9 } },
    });
  });
});
