/** The emulator's image API: `POST /images` as scripted, URL-output files, and its fixtures. */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  generatedImageUrl,
  imageGenerationJson,
  imageUsage,
  type OpenRouterEmulator,
  scriptedImages,
  startOpenRouterEmulator,
  TINY_PNG_BASE64,
  TINY_SVG,
  urlImage,
} from '../../../src/testing/index.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const AUTH = { Authorization: 'Bearer sk-or-test' };
const postImages = (body: unknown) =>
  fetch(`${emulator.baseURL}/images`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...AUTH },
    body: JSON.stringify(body),
  });

describe('TINY_PNG_BASE64', () => {
  it('is a real, decodable 4x4 RGB PNG', () => {
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(4); // width
    expect(png.readUInt32BE(20)).toBe(4); // height
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const pixels = inflateSync(png.subarray(41, 41 + idatLength));
    expect(pixels).toHaveLength(4 * (1 + 4 * 3)); // filter byte + 4 RGB pixels per row
  });
});

describe('scriptedImages', () => {
  it('answers POST /images with one PNG per requested image, usage and a generation id', async () => {
    emulator.setHandler(scriptedImages());
    const response = await postImages({ model: 'm', prompt: 'p', n: 2 });
    expect(response.headers.get('x-generation-id')).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      created: expect.any(Number),
      data: [
        { b64_json: TINY_PNG_BASE64, media_type: 'image/png' },
        { b64_json: TINY_PNG_BASE64, media_type: 'image/png' },
      ],
      usage: imageUsage(2),
    });
    expect(imageUsage(2).cost).toBe(0.08);
  });

  it('serves the files of URL outputs, and 404s the rest', async () => {
    emulator.setHandler(
      scriptedImages((request) => ({ images: [urlImage(generatedImageUrl(request, 'tiny.svg'))] })),
    );
    const body = (await (await postImages({ model: 'm', prompt: 'p' })).json()) as {
      data: Array<{ url: string }>;
    };
    expect(body.data[0]!.url).toBe(`${emulator.baseURL}/generated/tiny.svg`);
    const file = await fetch(body.data[0]!.url, { headers: AUTH });
    expect(file.headers.get('content-type')).toBe('image/svg+xml');
    expect(await file.text()).toBe(TINY_SVG);
    const missing = await fetch(`${emulator.baseURL}/generated/none.png`, { headers: AUTH });
    expect(missing.status).toBe(404);
    const other = await fetch(`${emulator.baseURL}/embeddings`, { method: 'POST', headers: AUTH });
    expect(other.status).toBe(404);
  });

  it('builds bodies without usage, with cost null and with extra fields', () => {
    expect(imageGenerationJson({ usage: null, created: 1 })).toEqual({
      created: 1,
      data: [{ b64_json: TINY_PNG_BASE64, media_type: 'image/png' }],
    });
    expect(imageGenerationJson({ usage: { cost: null }, extra: { id: 'gen-x' } })).toMatchObject({
      usage: { cost: null },
      id: 'gen-x',
    });
  });
});
