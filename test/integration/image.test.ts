/**
 * `generateImage` from `ai` through the OpenRouter image model over real HTTP to the emulator:
 * the exact `POST /images` bodies, options in both spellings, editing, URL outputs and their
 * download (the key never leaves OpenRouter's origin), media types, usage and cost, lenient
 * parsing, errors, aborts and key hygiene.
 */
import { inspect } from 'node:util';
import {
  APICallError,
  InvalidArgumentError,
  type JSONObject,
  NoSuchModelError,
} from '@ai-sdk/provider';
import { type FetchFunction, isAbortError } from '@ai-sdk/provider-utils';
import {
  createProviderRegistry,
  type GenerateImageResult,
  generateImage,
  NoImageGeneratedError,
  RetryError,
} from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenRouter, type OpenRouterProviderSettings } from '../../src/index';
import {
  generatedImageUrl,
  IMAGE_ERRORS,
  type ImageScript,
  imageResponse,
  type OpenRouterEmulator,
  pngImage,
  type RecordedRequest,
  scriptedImages,
  startOpenRouterEmulator,
  TINY_PNG_BASE64,
  TINY_SVG,
  TINY_SVG_BASE64,
  urlImage,
} from '../../src/testing/index';
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

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const IMAGE_MODEL = 'openai/gpt-image-1';
const PNG_BYTES = [...Buffer.from(TINY_PNG_BASE64, 'base64')];
const SECRET = 'sk-or-v1-SECRET-image-42';

const provider = (settings: OpenRouterProviderSettings = {}) =>
  emulatorProvider(ctx.emulator, settings);
const model = (settings?: Parameters<ReturnType<typeof provider>['imageModel']>[1]) =>
  provider().imageModel(IMAGE_MODEL, settings);
const serve = (script?: ImageScript | ((request: RecordedRequest) => ImageScript)) =>
  ctx.emulator.setHandler(scriptedImages(script));
const imagePosts = () => ctx.emulator.requests.filter((request) => request.path === '/images');
const imageBodies = () => imagePosts().map((request) => request.json());
/** The providerMetadata.openrouter of call `index`. */
const callMetadata = (result: GenerateImageResult, index = 0) =>
  result.calls[index]?.providerMetadata?.openrouter as JSONObject | undefined;
const warningTexts = (result: GenerateImageResult) =>
  result.warnings.map((warning) =>
    warning.type === 'other' ? warning.message : `${warning.type}:${JSON.stringify(warning)}`,
  );

describe('request body', () => {
  it('sends the prompt, n, size and seed under their wire names, and returns the image bytes', async () => {
    serve({ generationId: 'gen-1790000000-ImageHeaderId000001' });
    const result = await generateImage({
      model: model(),
      prompt: 'A red panda astronaut',
      size: '1024x1536',
      seed: 7,
    });
    expect(imageBodies()).toEqual([
      { model: IMAGE_MODEL, prompt: 'A red panda astronaut', n: 1, size: '1024x1536', seed: 7 },
    ]);
    expect(requestAt(ctx.emulator).headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect([...result.image.uint8Array]).toEqual(PNG_BYTES);
    expect(result.image.mediaType).toBe('image/png');
    expect(result.responses[0]?.modelId).toBe(IMAGE_MODEL);
  });

  it('sends aspectRatio as aspect_ratio', async () => {
    serve();
    await generateImage({ model: model(), prompt: 'wide', aspectRatio: '16:9' });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: IMAGE_MODEL,
      prompt: 'wide',
      n: 1,
      aspect_ratio: '16:9',
    });
  });

  it('with both size and aspectRatio sends the size only, with a warning', async () => {
    serve();
    const result = await generateImage({
      model: model(),
      prompt: 'both',
      size: '1024x1024',
      aspectRatio: '16:9',
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: IMAGE_MODEL,
      prompt: 'both',
      n: 1,
      size: '1024x1024',
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'aspectRatio' }),
    );
  });

  it('asks for one image per request by default: n images are n parallel requests', async () => {
    serve();
    const result = await generateImage({ model: model(), prompt: 'three cats', n: 3 });
    expect(imageBodies().map((body) => body.n)).toEqual([1, 1, 1]);
    expect(result.images).toHaveLength(3);
    expect(result.calls).toHaveLength(3);
  });

  it('a maxImagesPerCall setting sends n per request, up to it', async () => {
    serve();
    const result = await generateImage({
      model: model({ maxImagesPerCall: 4 }),
      prompt: 'cats',
      n: 6,
    });
    expect(imageBodies().map((body) => body.n)).toEqual([4, 2]);
    expect(result.images).toHaveLength(6);
  });

  it("generateImage's own maxImagesPerCall wins over the model's", async () => {
    serve();
    await generateImage({ model: model(), prompt: 'cats', n: 3, maxImagesPerCall: 3 });
    expect(imageBodies().map((body) => body.n)).toEqual([3]);
  });

  it.each([0, 11, 2.5])('rejects maxImagesPerCall %s when the model is created', (value) => {
    const create = () => model({ maxImagesPerCall: value });
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(/1 to 10/);
  });
});

describe('providerOptions.openrouter and settings', () => {
  const camel = {
    resolution: '2K',
    quality: 'high',
    outputFormat: 'webp',
    background: 'transparent',
    outputCompression: 80,
    provider: {
      only: ['openai'],
      allowFallbacks: false,
      options: { 'black-forest-labs': { guidanceScale: 3, steps: 40 } },
    },
  };
  const snake = {
    resolution: '2K',
    quality: 'high',
    output_format: 'webp',
    background: 'transparent',
    output_compression: 80,
    provider: {
      only: ['openai'],
      allow_fallbacks: false,
      options: { 'black-forest-labs': { guidanceScale: 3, steps: 40 } },
    },
  };

  it.each([
    ['camelCase', camel],
    ['snake_case', snake],
  ])(
    'passes every image option through (%s), provider options keys unchanged',
    async (_, options) => {
      serve();
      const result = await generateImage({
        model: model(),
        prompt: 'a product photo',
        providerOptions: { openrouter: options },
      });
      expect(bodyAt(ctx.emulator)).toEqual({
        model: IMAGE_MODEL,
        prompt: 'a product photo',
        n: 1,
        ...snake,
      });
      expect(result.warnings).toEqual([]);
    },
  );

  it('sends unknown keys with a warning, and does not let options replace n or the prompt', async () => {
    serve();
    const result = await generateImage({
      model: model(),
      prompt: 'p',
      providerOptions: {
        openrouter: { styel: 'vivid', n: 5, prompt: 'other', provider: { zdrr: true } },
      },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: IMAGE_MODEL,
      prompt: 'p',
      n: 1,
      styel: 'vivid',
      provider: { zdrr: true },
    });
    const texts = warningTexts(result).join('\n');
    expect(texts).toContain('providerOptions.openrouter.styel is not a known OpenRouter option');
    expect(texts).toContain('providerOptions.openrouter.n was ignored');
    expect(texts).toContain('providerOptions.openrouter.prompt was ignored');
    expect(texts).toContain('provider.zdrr is not a known OpenRouter provider field');
  });

  it('rejects an invalid value before sending anything', async () => {
    serve();
    const error = await rejectionOf(
      generateImage({
        model: model(),
        prompt: 'p',
        providerOptions: { openrouter: { outputCompression: 150 } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('outputCompression');
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('size, aspect ratio and seed in providerOptions override the call options (tiers, auto)', async () => {
    serve();
    await generateImage({
      model: model(),
      prompt: 'p',
      aspectRatio: '1:1',
      seed: 1,
      providerOptions: { openrouter: { size: '2K', aspectRatio: 'auto', seed: 2 } },
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ size: '2K', aspect_ratio: 'auto', seed: 2 });
  });

  it('settings are defaults, extraBody comes next, call options win', async () => {
    serve();
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: ctx.emulator.baseURL,
      extraBody: { from_provider: 1, quality: 'low' },
    });
    await generateImage({
      model: openrouter.imageModel(IMAGE_MODEL, {
        quality: 'medium',
        outputFormat: 'png',
        provider: { order: ['openai'] },
        extraBody: { from_model: 2 },
      }),
      prompt: 'p',
      providerOptions: { openrouter: { outputFormat: 'jpeg' } },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: IMAGE_MODEL,
      prompt: 'p',
      n: 1,
      quality: 'low',
      output_format: 'jpeg',
      provider: { order: ['openai'] },
      from_provider: 1,
      from_model: 2,
    });
  });

  it('sends the session as x-session-id: the provider setting, overridden per call', async () => {
    serve();
    const openrouter = provider({ sessionId: 'provider-session' });
    await generateImage({ model: openrouter.imageModel(IMAGE_MODEL), prompt: 'p' });
    await generateImage({
      model: openrouter.imageModel(IMAGE_MODEL),
      prompt: 'p',
      providerOptions: { openrouter: { session_id: 'call-session' } },
    });
    expect(imagePosts().map((request) => request.headers['x-session-id'])).toEqual([
      'provider-session',
      'call-session',
    ]);
    // The image API has no body field for it.
    expect(imageBodies().every((body) => !('session_id' in body))).toBe(true);
  });

  it('sends user, which the image API does not document, unchanged with a warning', async () => {
    serve();
    const result = await generateImage({
      model: model(),
      prompt: 'p',
      providerOptions: { openrouter: { user: 'user-1' } },
    });
    expect(bodyAt(ctx.emulator).user).toBe('user-1');
    expect(warningTexts(result).join('\n')).toContain('user is not a known OpenRouter option');
  });
});

describe('editing with input images', () => {
  it('sends prompt.images as input_references: bytes and data URLs inline, URLs as given', async () => {
    serve();
    const pngBytes = Uint8Array.from(PNG_BYTES);
    await generateImage({
      model: model(),
      prompt: {
        text: 'Make it a watercolor',
        images: [
          pngBytes,
          'https://example.com/photo.jpg',
          `data:image/webp;base64,${TINY_PNG_BASE64}`,
          TINY_PNG_BASE64,
        ],
      },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: IMAGE_MODEL,
      prompt: 'Make it a watercolor',
      n: 1,
      input_references: [
        { type: 'image_url', image_url: { url: `data:image/png;base64,${TINY_PNG_BASE64}` } },
        { type: 'image_url', image_url: { url: 'https://example.com/photo.jpg' } },
        { type: 'image_url', image_url: { url: `data:image/webp;base64,${TINY_PNG_BASE64}` } },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${TINY_PNG_BASE64}` } },
      ],
    });
  });

  it('a mask is not sent, with an unsupported warning; the edit still runs', async () => {
    serve();
    const result = await generateImage({
      model: model(),
      prompt: { text: 'Fill the hole', images: [TINY_PNG_BASE64], mask: TINY_PNG_BASE64 },
    });
    const body = bodyAt(ctx.emulator);
    expect(Object.keys(body).sort()).toEqual(['input_references', 'model', 'n', 'prompt']);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'mask' }),
    );
    expect(result.images).toHaveLength(1);
  });

  it('the model says it takes input images and no masks', () => {
    expect(model().supportsFileInputs).toBe(true);
    expect(model().supportsMaskInputs).toBe(false);
  });

  it('an edit without text fails before a request is made (the image API needs a prompt)', async () => {
    serve();
    const error = await rejectionOf(
      generateImage({ model: model(), prompt: { images: [TINY_PNG_BASE64] } }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('outputs, media types, usage and cost', () => {
  it('reports usage, cost, BYOK and the generation id from the header, per call', async () => {
    serve({
      generationId: 'gen-1790000000-ImageHeaderId000002',
      usage: { prompt_tokens: 12, completion_tokens: 4175, cost: 0.04, is_byok: true },
    });
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 4175, totalTokens: 4187 });
    expect(callMetadata(result)).toEqual({
      images: [{ mediaType: 'image/png' }],
      generationId: 'gen-1790000000-ImageHeaderId000002',
      isByok: true,
      usage: {
        promptTokens: 12,
        completionTokens: 4175,
        totalTokens: 4187,
        cost: 0.04,
        isByok: true,
      },
    });
    expect(result.image.providerMetadata).toEqual({ openrouter: { mediaType: 'image/png' } });
  });

  it('takes the generation id from the body when it has one', async () => {
    serve({ generationId: 'gen-header', extra: { id: 'gen-body' } });
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect(callMetadata(result)?.generationId).toBe('gen-body');
  });

  it('sums usage over the parallel calls of one generateImage', async () => {
    serve();
    const result = await generateImage({ model: model(), prompt: 'p', n: 2 });
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 8350, totalTokens: 8350 });
    const costs = result.calls.map(
      (_, index) => (callMetadata(result, index)?.usage as JSONObject | undefined)?.cost,
    );
    expect(costs).toEqual([0.04, 0.04]);
  });

  it("reports media_type per image, also where the AI SDK's sniffing cannot (SVG)", async () => {
    serve({ images: [{ b64_json: TINY_SVG_BASE64, media_type: 'image/svg+xml' }] });
    const result = await generateImage({
      model: model(),
      prompt: 'a logo',
      providerOptions: { openrouter: { outputFormat: 'svg' } },
    });
    expect(new TextDecoder().decode(result.image.uint8Array)).toBe(TINY_SVG);
    expect(result.image.providerMetadata?.openrouter).toEqual({ mediaType: 'image/svg+xml' });
  });

  it('sniffs the media type when media_type is missing', async () => {
    serve({
      images: [{ b64_json: TINY_PNG_BASE64 }, { b64_json: TINY_SVG_BASE64 }],
    });
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect(result.images.map((image) => image.providerMetadata?.openrouter)).toEqual([
      { mediaType: 'image/png' },
      { mediaType: 'image/svg+xml' },
    ]);
  });

  it('warns when OpenRouter returns fewer images than requested (n is an upper bound)', async () => {
    serve({ images: [pngImage()] });
    const result = await generateImage({
      model: model({ maxImagesPerCall: 3 }),
      prompt: 'p',
      n: 3,
    });
    expect(result.images).toHaveLength(1);
    expect(warningTexts(result).join('\n')).toContain('returned 1 of the 3 images requested');
  });
});

describe('URL outputs', () => {
  it('downloads a URL on OpenRouter’s origin and returns its bytes, with the URL in metadata', async () => {
    serve((request) => ({ images: [urlImage(generatedImageUrl(request, 'tiny.png'))] }));
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect([...result.image.uint8Array]).toEqual(PNG_BYTES);
    const url = `${ctx.emulator.baseURL}/generated/tiny.png`;
    expect(result.image.providerMetadata?.openrouter).toEqual({ mediaType: 'image/png', url });
    const download = ctx.emulator.requests.find((request) => request.method === 'GET');
    expect(download?.path).toBe('/generated/tiny.png');
    // Same origin as the configured base URL: the key may go there (it is where it goes anyway).
    expect(download?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
  });

  it('the media type of a download comes from media_type, then its content type, then its bytes', async () => {
    serve((request) => ({
      images: [
        urlImage(generatedImageUrl(request, 'tiny.svg'), 'image/svg+xml'),
        urlImage(generatedImageUrl(request, 'tiny.svg')),
      ],
    }));
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect(result.images.map((image) => image.providerMetadata?.openrouter?.mediaType)).toEqual([
      'image/svg+xml',
      'image/svg+xml',
    ]);
    expect(new TextDecoder().decode(result.images[1]!.uint8Array)).toBe(TINY_SVG);
  });

  it('mixes inline and URL images in the response order', async () => {
    serve((request) => ({
      images: [pngImage(), urlImage(generatedImageUrl(request, 'tiny.svg'), 'image/svg+xml')],
    }));
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect([...result.images[0]!.uint8Array]).toEqual(PNG_BYTES);
    expect(new TextDecoder().decode(result.images[1]!.uint8Array)).toBe(TINY_SVG);
  });

  it('a data URL in url or b64_json is decoded inline, without a download', async () => {
    serve({
      images: [
        { url: `data:image/png;base64,${TINY_PNG_BASE64}` },
        { b64_json: `data:image/svg+xml;base64,${TINY_SVG_BASE64}` },
      ],
    });
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect([...result.images[0]!.uint8Array]).toEqual(PNG_BYTES);
    expect(result.images[1]!.providerMetadata?.openrouter).toEqual({ mediaType: 'image/svg+xml' });
    expect(ctx.emulator.requests.filter((request) => request.method === 'GET')).toHaveLength(0);
  });

  it('a failed download does not lose the other images: warning and failedDownloads', async () => {
    serve((request) => ({
      images: [pngImage(), urlImage(generatedImageUrl(request, 'expired.png'))],
    }));
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect(result.images).toHaveLength(1);
    const url = `${ctx.emulator.baseURL}/generated/expired.png`;
    expect(callMetadata(result)?.failedDownloads).toEqual([
      { url, message: expect.stringContaining('no route') },
    ]);
    expect(warningTexts(result).join('\n')).toContain(`generated an image at ${url}`);
    expect(imagePosts()).toHaveLength(1);
  });

  it('a billed call whose only image cannot be downloaded is not retried (it would bill again)', async () => {
    serve((request) => ({ images: [urlImage(generatedImageUrl(request, 'expired.png'))] }));
    const error = await rejectionOf(generateImage({ model: model(), prompt: 'p' }));
    expect(NoImageGeneratedError.isInstance(error)).toBe(true);
    expect(imagePosts()).toHaveLength(1);
  });

  describe('on another host', () => {
    // A stand-in CDN. Public hosts reach it through a custom fetch that maps
    // `images.cdn.example` to it (on loopback it would rightly be refused as private).
    let cdn: OpenRouterEmulator;
    beforeAll(async () => {
      cdn = await startOpenRouterEmulator({ requireAuth: false });
    });
    beforeEach(() => {
      cdn.reset();
      cdn.setHandler(scriptedImages());
    });
    afterAll(() => cdn.close());

    const viaCdn: FetchFunction = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== 'images.cdn.example') return fetch(input, init);
      return fetch(`${cdn.baseURL}${url.pathname}${url.search}`, init);
    };

    it('downloads without the key or any OpenRouter header', async () => {
      serve({ images: [urlImage('https://images.cdn.example/generated/tiny.png?sig=abc')] });
      const openrouter = createOpenRouter({
        apiKey: SECRET,
        baseURL: ctx.emulator.baseURL,
        fetch: viaCdn,
        appName: 'my-app',
        apiKeys: { openai: 'sk-openai-SECRET' },
      });
      const result = await generateImage({
        model: openrouter.imageModel(IMAGE_MODEL),
        prompt: 'p',
        headers: { 'x-custom': 'call' },
      });
      expect([...result.image.uint8Array]).toEqual(PNG_BYTES);
      expect(requestAt(ctx.emulator).headers.authorization).toBe(`Bearer ${SECRET}`);
      const download = cdn.requests[0]!;
      expect(download).toMatchObject({ method: 'GET', path: '/generated/tiny.png' });
      expect(download.headers.authorization).toBeUndefined();
      expect(download.headers['x-custom']).toBeUndefined();
      expect(inspect(download.headers)).not.toMatch(/SECRET|my-app/);
    });

    it('refuses a URL to a private address on another origin (the image is reported, not fetched)', async () => {
      serve({ images: [urlImage(`${cdn.baseURL}/generated/tiny.png`), pngImage()] });
      const result = await generateImage({
        model: model({ maxImagesPerCall: 2 }),
        prompt: 'p',
        n: 2,
      });
      expect(cdn.requests).toHaveLength(0);
      expect(result.images).toHaveLength(1);
      expect(callMetadata(result)?.failedDownloads).toEqual([
        { url: `${cdn.baseURL}/generated/tiny.png`, message: expect.stringContaining('127.0.0.1') },
      ]);
    });
  });
});

describe('lenient parsing', () => {
  it('keeps the images when cost is null, and omits the cost', async () => {
    serve({ usage: { cost: null } });
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect(result.images).toHaveLength(1);
    const usage = callMetadata(result)?.usage as JSONObject;
    expect(usage).not.toHaveProperty('cost');
    expect(usage.completionTokens).toBe(4175);
  });

  it('tolerates unknown fields, a missing usage and malformed optional values', async () => {
    serve({
      usage: null,
      created: 'yesterday' as unknown as number,
      images: [{ ...pngImage(), media_type: 42 as unknown as string, revised_prompt: 'x' }],
      extra: { object: 'list', provider: 'OpenAI', new_field: { nested: true } },
    });
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect([...result.image.uint8Array]).toEqual(PNG_BYTES);
    expect(result.image.providerMetadata?.openrouter).toEqual({ mediaType: 'image/png' });
    expect(result.usage).toEqual({
      inputTokens: undefined,
      outputTokens: undefined,
      totalTokens: undefined,
    });
  });

  it('skips an item without image data with a warning, keeping the others', async () => {
    serve({ images: [{ media_type: 'image/png' }, pngImage()] });
    const result = await generateImage({
      model: model({ maxImagesPerCall: 2 }),
      prompt: 'p',
      n: 2,
    });
    expect(result.images).toHaveLength(1);
    expect(warningTexts(result).join('\n')).toContain('image 0 without image data');
  });

  it('an empty, unbilled result is retried by the AI SDK', async () => {
    ctx.emulator.enqueue(imageResponse({ images: [], usage: { cost: 0 } }), imageResponse());
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect(result.images).toHaveLength(1);
    expect(imagePosts()).toHaveLength(2);
  });
});

describe('errors', () => {
  it.each([
    ['HTTP 400', IMAGE_ERRORS.badRequest, 400, false],
    ['HTTP 402', IMAGE_ERRORS.insufficientCredits, 402, false],
  ])('%s is a typed, non-retryable APICallError', async (_, response, status, retryable) => {
    ctx.emulator.setHandler(() => response);
    const error = asApiCallError(await rejectionOf(generateImage({ model: model(), prompt: 'p' })));
    expect(error).toMatchObject({ statusCode: status, isRetryable: retryable });
    expect(imagePosts()).toHaveLength(1);
  });

  it('an upstream failure (502) is retryable, carries the provider detail, and is retried', async () => {
    ctx.emulator.enqueue(IMAGE_ERRORS.providerFailed, imageResponse());
    const result = await generateImage({ model: model(), prompt: 'p' });
    expect(result.images).toHaveLength(1);
    expect(imagePosts()).toHaveLength(2);
  });

  it('HTTP 200 with an error body is the same typed error', async () => {
    ctx.emulator.setHandler(() => IMAGE_ERRORS.errorIn200);
    const error = await rejectionOf(generateImage({ model: model(), prompt: 'p', maxRetries: 0 }));
    const apiError = asApiCallError(error);
    expect(apiError).toMatchObject({ statusCode: 502, isRetryable: true });
    expect(apiError.message).toContain('[OpenAI] Provider returned error: Image generation failed');
  });

  it('after the retries, a RetryError wraps the last APICallError', async () => {
    ctx.emulator.setHandler(() => IMAGE_ERRORS.providerFailed);
    const error = await rejectionOf(generateImage({ model: model(), prompt: 'p', maxRetries: 1 }));
    expect(RetryError.isInstance(error)).toBe(true);
    expect(APICallError.isInstance((error as RetryError).lastError)).toBe(true);
    expect(imagePosts()).toHaveLength(2);
  });

  it('a body without data is an invalid response', async () => {
    ctx.emulator.setHandler(() => ({ type: 'json', body: { created: 1 } }));
    const error = asApiCallError(
      await rejectionOf(generateImage({ model: model(), prompt: 'p', maxRetries: 0 })),
    );
    expect(error.message).toBe('Invalid JSON response');
  });

  it('no error carries the API key', async () => {
    const openrouter = createOpenRouter({ apiKey: SECRET, baseURL: ctx.emulator.baseURL });
    for (const response of Object.values(IMAGE_ERRORS)) {
      ctx.emulator.setHandler(() => response);
      const error = await rejectionOf(
        generateImage({ model: openrouter.imageModel(IMAGE_MODEL), prompt: 'p', maxRetries: 0 }),
      );
      expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SECRET);
    }
    serve();
    const result = await generateImage({ model: openrouter.imageModel(IMAGE_MODEL), prompt: 'p' });
    expect(inspect(result, { depth: 20 })).not.toContain(SECRET);
    expect(JSON.stringify(result.calls)).not.toContain(SECRET);
  });
});

describe('timeout', () => {
  it('a timeout option ends a request that does not answer in time, as a retryable error', async () => {
    ctx.emulator.setHandler(
      () => new Promise((resolve) => setTimeout(() => resolve(imageResponse()), 2_000)),
    );
    const error = await rejectionOf(
      generateImage({
        model: model({ timeout: { firstByteMs: 5_000 } }),
        prompt: 'p',
        maxRetries: 0,
        providerOptions: { openrouter: { timeout: { firstByteMs: 100 } } },
      }),
    );
    expect(asApiCallError(error)).toMatchObject({ isRetryable: true });
    expect((error as Error).message).toContain('no response for 100 ms');
  });
});

describe('abort', () => {
  it('ends the call at once while the response is pending', async () => {
    ctx.emulator.setHandler(() => ({ type: 'raw', body: '', ending: 'hang' }));
    const controller = new AbortController();
    const pending = rejectionOf(
      generateImage({ model: model(), prompt: 'p', abortSignal: controller.signal }),
    );
    await waitFor(() => imagePosts().length === 1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(isAbortError(error)).toBe(true);
    expect((await imagePosts()[0]!.closed).closedEarly).toBe(true);
    expect(imagePosts()).toHaveLength(1);
  });

  it('ends the call at once during an image download', async () => {
    const hanging = { type: 'raw', body: '', ending: 'hang' } as const;
    const images = scriptedImages((request) => ({
      images: [urlImage(generatedImageUrl(request, 'slow.png'))],
    }));
    ctx.emulator.setHandler((request) => (request.method === 'GET' ? hanging : images(request)));
    const controller = new AbortController();
    const pending = rejectionOf(
      generateImage({ model: model(), prompt: 'p', abortSignal: controller.signal }),
    );
    await waitFor(() => ctx.emulator.requests.some((request) => request.method === 'GET'));
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(isAbortError(error)).toBe(true);
  });
});

describe('provider', () => {
  it('createProviderRegistry resolves the image model by string id', async () => {
    serve();
    const registry = createProviderRegistry({ openrouter: provider() });
    const result = await generateImage({
      model: registry.imageModel(`openrouter:${IMAGE_MODEL}`),
      prompt: 'p',
    });
    expect(result.images).toHaveLength(1);
    expect(bodyAt(ctx.emulator).model).toBe(IMAGE_MODEL);
  });

  it('the model reports its provider, id and batch size', () => {
    const imageModel = provider().imageModel('black-forest-labs/flux.2-pro', {
      maxImagesPerCall: 2,
    });
    expect(imageModel).toMatchObject({
      specificationVersion: 'v4',
      provider: 'openrouter.image',
      modelId: 'black-forest-labs/flux.2-pro',
      maxImagesPerCall: 2,
    });
    expect(NoSuchModelError.isInstance(imageModel)).toBe(false);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
