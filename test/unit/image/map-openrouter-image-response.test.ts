/** `POST /images` responses -> image sources, media types and the AI SDK image result. */
import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  mapOpenRouterImageItems,
  mapOpenRouterImageResponse,
  type OpenRouterImageOutput,
  resolveImageMediaType,
} from '../../../src/image/map-openrouter-image-response';
import type { OpenRouterImageResponse } from '../../../src/image/openrouter-image-api';
import { openRouterImageResponseSchema } from '../../../src/image/openrouter-image-api';
import { TINY_PNG_BASE64, TINY_SVG, TINY_SVG_BASE64 } from '../../../src/testing/index';

const PNG = Uint8Array.from(Buffer.from(TINY_PNG_BASE64, 'base64'));

describe('openRouterImageResponseSchema', () => {
  it('parses leniently: bad optional values are dropped, unknown keys kept, data required', () => {
    const parsed = openRouterImageResponseSchema.safeParse({
      created: 'x',
      data: [{ b64_json: 'AA==', media_type: 1 }, 'junk', { url: 'https://x/y.png' }],
      usage: { prompt_tokens: 1, cost: null, extra: true },
      other: 1,
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      created: undefined,
      data: [{ b64_json: 'AA==', media_type: undefined }, { url: 'https://x/y.png' }],
      usage: { prompt_tokens: 1, cost: null, extra: true },
      other: 1,
    });
    expect(openRouterImageResponseSchema.safeParse({ created: 1 }).success).toBe(false);
  });
});

describe('mapOpenRouterImageItems', () => {
  it('takes base64 (plain or as a data URL), data URLs in url, and http(s) URLs to download', () => {
    const warnings: SharedV4Warning[] = [];
    const sources = mapOpenRouterImageItems(
      [
        { b64_json: 'AAA', media_type: 'image/png' },
        { b64_json: 'data:image/webp;base64,BBB' },
        { url: 'data:image/gif;base64,CCC' },
        { url: 'https://cdn.example/d.png', media_type: 'image/png' },
        { b64_json: 'EEE', url: 'https://cdn.example/e.png' },
        { url: 'ftp://cdn.example/f.png' },
        {},
      ],
      warnings,
    );
    expect(sources).toEqual([
      { type: 'base64', base64: 'AAA', mediaType: 'image/png' },
      { type: 'base64', base64: 'BBB', mediaType: 'image/webp' },
      { type: 'base64', base64: 'CCC', mediaType: 'image/gif' },
      { type: 'url', url: 'https://cdn.example/d.png', mediaType: 'image/png' },
      { type: 'base64', base64: 'EEE', url: 'https://cdn.example/e.png' },
    ]);
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringContaining('image 5 without image data'),
      expect.stringContaining('image 6 without image data'),
    ]);
  });
});

describe('resolveImageMediaType', () => {
  it('takes the first full image type declared, lower-cased without parameters', () => {
    expect(resolveImageMediaType(['Image/JPEG; q=1', 'image/png'], PNG)).toBe('image/jpeg');
    expect(resolveImageMediaType([undefined, 'image/webp'], PNG)).toBe('image/webp');
  });

  it('sniffs when nothing usable is declared', () => {
    expect(resolveImageMediaType(['application/octet-stream', 'image/*', 'png'], PNG)).toBe(
      'image/png',
    );
    expect(resolveImageMediaType([], TINY_PNG_BASE64)).toBe('image/png');
    expect(resolveImageMediaType([], TINY_SVG_BASE64)).toBe('image/svg+xml');
    expect(
      resolveImageMediaType([], new TextEncoder().encode(`<?xml version="1.0"?>\n${TINY_SVG}`)),
    ).toBe('image/svg+xml');
    expect(resolveImageMediaType([], new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(resolveImageMediaType([], new TextEncoder().encode('<html><svg/></html>'))).toBe(
      undefined,
    );
  });
});

describe('mapOpenRouterImageResponse', () => {
  const response = (overrides: Partial<OpenRouterImageResponse> = {}): OpenRouterImageResponse => ({
    created: 1_790_000_000,
    data: [],
    usage: { prompt_tokens: 0, completion_tokens: 10, total_tokens: 10, cost: 0.04 },
    ...overrides,
  });
  const map = (
    outputs: OpenRouterImageOutput[],
    options: Partial<Parameters<typeof mapOpenRouterImageResponse>[0]> = {},
  ) => {
    const warnings: SharedV4Warning[] = [];
    const result = mapOpenRouterImageResponse({
      response: response(),
      outputs,
      failedDownloads: [],
      requestedCount: outputs.length,
      modelId: 'm/x',
      responseHeaders: { 'x-generation-id': 'gen-h' },
      warnings,
      ...options,
    });
    return { result, warnings };
  };

  it('keeps base64 as base64 when every image came inline', () => {
    const { result } = map([{ data: TINY_PNG_BASE64, mediaType: 'image/png' }]);
    expect(result.images).toEqual([TINY_PNG_BASE64]);
    expect(result.response).toEqual({
      timestamp: new Date(1_790_000_000_000),
      modelId: 'm/x',
      headers: { 'x-generation-id': 'gen-h' },
    });
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 10, totalTokens: 10 });
    expect(result.providerMetadata).toEqual({
      openrouter: {
        images: [{ mediaType: 'image/png' }],
        generationId: 'gen-h',
        usage: { promptTokens: 0, completionTokens: 10, totalTokens: 10, cost: 0.04 },
      },
    });
  });

  it('returns bytes for every image once one was downloaded, in order', () => {
    const { result } = map([
      { data: TINY_PNG_BASE64 },
      { data: PNG, url: 'https://cdn.example/a', contentType: 'image/png' },
    ]);
    expect(result.images).toEqual([PNG, PNG]);
    expect(result.providerMetadata?.openrouter?.images).toEqual([
      { mediaType: 'image/png' },
      { mediaType: 'image/png', url: 'https://cdn.example/a' },
    ]);
  });

  it('reports failed downloads and missing images, and marks a billed empty result final', () => {
    const { result, warnings } = map([], {
      failedDownloads: [{ url: 'https://cdn.example/x', message: 'HTTP 404' }],
      requestedCount: 2,
    });
    expect(result.images).toEqual([]);
    expect(result.isRetryable).toBe(false);
    expect(result.providerMetadata?.openrouter).toMatchObject({
      failedDownloads: [{ url: 'https://cdn.example/x', message: 'HTTP 404' }],
    });
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).toContain('returned 1 of the 2 images requested');
  });

  it('leaves an unbilled empty result to the AI SDK to retry', () => {
    const { result } = map([], {
      response: response({ usage: { prompt_tokens: 0, completion_tokens: 0, cost: 0 } }),
      requestedCount: 1,
    });
    expect(result).not.toHaveProperty('isRetryable');
  });

  it('takes the body id and model over the header and the requested model', () => {
    const { result } = map([{ data: 'AA==' }], {
      response: response({ id: 'gen-b', model: 'm/x-2025' }),
    });
    expect(result.providerMetadata?.openrouter).toMatchObject({ generationId: 'gen-b' });
    expect(result.response.modelId).toBe('m/x-2025');
  });
});
