/**
 * Video generation through `ai`'s video functions (`experimental_generateVideo`,
 * `experimental_startVideo`, `experimental_getVideoStatus`) over real HTTP to the emulator: the
 * submit body, polling through the configured base URL, the webhook, content downloads with and
 * without the key, failed jobs, aborts, errors, lenient parsing and provider metadata.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  type Experimental_VideoModelV4OperationWebhook,
  InvalidArgumentError,
} from '@ai-sdk/provider';
import {
  createProviderRegistry,
  experimental_generateVideo as generateVideo,
  experimental_getVideoStatus as getVideoStatus,
  experimental_startVideo as startVideo,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenRouterVideoSettings } from '../../src/index';
import {
  type EmulatorHandler,
  type RecordedRequest,
  SAMPLE_MP4,
  scriptedVideo,
  type VideoJobScript,
} from '../../src/testing/index';
import {
  asApiCallError,
  captureAiWarnings,
  emulatorProvider,
  rejectionOf,
  TEST_API_KEY,
  useEmulator,
} from './support';

const ctx = useEmulator();
const warningsLog = captureAiWarnings();

const VIDEO_MODEL = 'google/veo-3.1';
/** Status checks a few milliseconds apart: the tests never wait real seconds per poll. */
const FAST = { intervalMs: 2 } as const;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const model = (settings?: OpenRouterVideoSettings) =>
  ctx.openrouter.videoModel(VIDEO_MODEL, settings);

const videoRequests = () => ctx.emulator.requests.filter((r) => r.path.startsWith('/videos'));
const submits = () =>
  ctx.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/videos');
const statusChecks = () =>
  ctx.emulator.requests.filter((r) => r.method === 'GET' && /^\/videos\/[^/]+$/.test(r.path));
const contentRequests = () =>
  ctx.emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/content'));
const submitBody = (index = 0) => {
  const request = submits()[index];
  if (!request) throw new Error(`no POST /videos at ${index}`);
  return request.json();
};

/** Resolves once the emulator has recorded a request matching `predicate`. */
async function requestArrives(predicate: (request: RecordedRequest) => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (ctx.emulator.requests.some(predicate)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the expected request never arrived');
}

/** A scripted job handler whose status checks can be replaced (errors, hangs) by `override`. */
function withStatusOverride(
  script: VideoJobScript,
  override: (request: RecordedRequest, check: number) => ReturnType<EmulatorHandler> | undefined,
): EmulatorHandler {
  const jobs = scriptedVideo(script);
  let checks = 0;
  return (request) => {
    if (request.method === 'GET' && /^\/videos\/[^/]+$/.test(request.path)) {
      checks += 1;
      const replaced = override(request, checks);
      if (replaced) return replaced;
    }
    return jobs(request);
  };
}

describe('experimental_generateVideo', () => {
  it('submits the call options, polls the job until it completes and fetches the content with the key', async () => {
    ctx.emulator.setHandler(scriptedVideo({ id: 'job-basic', pendingPolls: 2 }));
    const result = await generateVideo({
      model: model(),
      prompt: 'A red fox running through snow',
      aspectRatio: '16:9',
      resolution: '1280x720',
      duration: 8,
      seed: 42,
      generateAudio: true,
      poll: FAST,
    });

    expect(submitBody()).toEqual({
      model: VIDEO_MODEL,
      prompt: 'A red fox running through snow',
      aspect_ratio: '16:9',
      size: '1280x720',
      duration: 8,
      seed: 42,
      generate_audio: true,
    });
    expect(videoRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /videos',
      'GET /videos/job-basic',
      'GET /videos/job-basic',
      'GET /videos/job-basic',
      'GET /videos/job-basic/content',
    ]);
    const content = contentRequests()[0];
    expect(content?.query).toEqual({ index: '0' });
    expect(content?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);

    expect(result.videos).toHaveLength(1);
    expect(result.video.mediaType).toBe('video/mp4');
    expect(Array.from(result.video.uint8Array)).toEqual(Array.from(SAMPLE_MP4));
    expect(result.providerMetadata.openrouter).toMatchObject({
      jobId: 'job-basic',
      status: 'completed',
      isByok: false,
      usage: { cost: 0.5, isByok: false },
    });
    expect(result.providerMetadata.openrouter?.generationId).toMatch(/^gen-\d+-\w{20}$/);
    expect(result.warnings).toEqual([]);
  });

  it('sends frame images (first and last) as frame_images, URLs as given and bytes as data URLs', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    await generateVideo({
      model: model(),
      prompt: 'The flower opens',
      frameImages: [
        { image: 'https://img.example.com/bud.png', frameType: 'first_frame' },
        { image: PNG, frameType: 'last_frame' },
      ],
      poll: FAST,
    });
    expect(submitBody().frame_images).toEqual([
      {
        type: 'image_url',
        image_url: { url: 'https://img.example.com/bud.png' },
        frame_type: 'first_frame',
      },
      {
        type: 'image_url',
        image_url: { url: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` },
        frame_type: 'last_frame',
      },
    ]);
    expect(submitBody().input_references).toBeUndefined();
  });

  it('sends the prompt image as the first frame and input references by media type', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    await generateVideo({
      model: model(),
      prompt: { text: 'Animate this', image: 'https://img.example.com/start.jpg' },
      inputReferences: [
        'https://img.example.com/style.png',
        { data: 'https://media.example.com/motion.mp4', mediaType: 'video/mp4' },
        { data: 'https://media.example.com/voice.mp3', mediaType: 'audio/mpeg' },
      ],
      poll: FAST,
    });
    const body = submitBody();
    expect(body.prompt).toBe('Animate this');
    expect(body.frame_images).toEqual([
      {
        type: 'image_url',
        image_url: { url: 'https://img.example.com/start.jpg' },
        frame_type: 'first_frame',
      },
    ]);
    expect(body.input_references).toEqual([
      { type: 'image_url', image_url: { url: 'https://img.example.com/style.png' } },
      { type: 'video_url', video_url: { url: 'https://media.example.com/motion.mp4' } },
      { type: 'audio_url', audio_url: { url: 'https://media.example.com/voice.mp3' } },
    ]);
  });

  it("registers ai's webhook as callback_url and checks the job once the notification arrives, without polling before", async () => {
    ctx.emulator.setHandler(scriptedVideo({ id: 'job-hook', pendingPolls: 0 }));
    let deliver: (() => void) | undefined;
    const received = new Promise<Experimental_VideoModelV4OperationWebhook>((resolve) => {
      deliver = () => resolve({ headers: {}, body: { id: 'job-hook', status: 'completed' } });
    });
    const call = generateVideo({
      model: model(),
      prompt: 'Waves at dusk',
      webhook: async () => ({ url: 'https://hooks.example.com/video-done', received }),
      poll: FAST,
    });
    await requestArrives((r) => r.method === 'POST' && r.path === '/videos');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statusChecks()).toHaveLength(0);
    deliver?.();
    const result = await call;

    expect(submitBody().callback_url).toBe('https://hooks.example.com/video-done');
    expect(statusChecks()).toHaveLength(1);
    expect(Array.from(result.video.uint8Array)).toEqual(Array.from(SAMPLE_MP4));
  });

  it('starts one job per video for n > 1 (one video per job)', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 1 }));
    const result = await generateVideo({ model: model(), prompt: 'Two takes', n: 2, poll: FAST });
    expect(submits()).toHaveLength(2);
    expect(result.videos).toHaveLength(2);
  });

  it('downloads every output of a job with several, by the index each URL names', async () => {
    const second = new Uint8Array([...SAMPLE_MP4.slice(0, 40), 0x42]);
    ctx.emulator.setHandler(
      scriptedVideo({ id: 'job-two', pendingPolls: 0, videos: [SAMPLE_MP4, second] }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(
      contentRequests()
        .map((r) => r.query.index)
        .sort(),
    ).toEqual(['0', '1']);
    expect(result.videos.map((video) => video.uint8Array.length)).toEqual([SAMPLE_MP4.length, 41]);
  });

  it('fetches output 0 from the content endpoint when a completed job lists no URLs', async () => {
    ctx.emulator.setHandler(
      scriptedVideo({ id: 'job-nourl', pendingPolls: 0, unsignedUrls: null }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(contentRequests().map((r) => `${r.path}?index=${r.query.index}`)).toEqual([
      '/videos/job-nourl/content?index=0',
    ]);
    expect(result.video.uint8Array.length).toBe(SAMPLE_MP4.length);
  });

  it('warns that fps cannot be sent', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const result = await generateVideo({ model: model(), prompt: 'x', fps: 30, poll: FAST });
    expect(submitBody()).not.toHaveProperty('fps');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'fps' }),
    );
    expect(warningsLog.logged).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'fps' }),
    );
  });

  it('is resolved by createProviderRegistry by string id', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const result = await generateVideo({
      model: registry.videoModel(`openrouter:${VIDEO_MODEL}`),
      prompt: 'x',
      poll: FAST,
    });
    expect(submitBody().model).toBe(VIDEO_MODEL);
    expect(result.videos).toHaveLength(1);
  });
});

describe('where the key goes', () => {
  let storage: Server;
  let storageOrigin = '';
  const storageRequests: Array<{ url: string; authorization: string | undefined }> = [];
  beforeAll(async () => {
    storage = createServer((req, res) => {
      storageRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'video/webm' }).end(Buffer.from(SAMPLE_MP4));
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    storageOrigin = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => storage.close(() => resolve())));

  /** `ai`'s own download refuses loopback hosts, so the test downloads like it, with fetch. */
  const download = async ({ url }: { url: URL }) => {
    const response = await fetch(url);
    return {
      data: new Uint8Array(await response.arrayBuffer()),
      mediaType: response.headers.get('content-type') ?? undefined,
    };
  };

  it('hands storage URLs on to be downloaded without the key, and never requests them itself', async () => {
    storageRequests.length = 0;
    const url = `${storageOrigin}/bucket/job-store/out.webm?sig=abc`;
    ctx.emulator.setHandler(
      scriptedVideo({ id: 'job-store', pendingPolls: 0, unsignedUrls: [url] }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST, download });

    expect(contentRequests()).toHaveLength(0);
    expect(storageRequests).toEqual([
      { url: '/bucket/job-store/out.webm?sig=abc', authorization: undefined },
    ]);
    expect(result.video.mediaType).toBe('video/webm');
  });

  it('fetches a content URL on a foreign host from the configured base URL instead', async () => {
    storageRequests.length = 0;
    const foreign = `${storageOrigin}/api/v1/videos/job-foreign/content?index=0`;
    ctx.emulator.setHandler(
      scriptedVideo({ id: 'job-foreign', pendingPolls: 0, unsignedUrls: [foreign] }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST, download });
    expect(storageRequests).toHaveLength(0);
    expect(contentRequests()).toHaveLength(1);
    expect(result.video.uint8Array.length).toBe(SAMPLE_MP4.length);
  });

  it('reads an absolute polling_url on another host for the job id only and polls the base URL', async () => {
    storageRequests.length = 0;
    const jobs = scriptedVideo({ id: 'job-elsewhere', pendingPolls: 1 });
    ctx.emulator.setHandler(async (request) => {
      if (request.method !== 'POST') return jobs(request);
      await jobs(request); // create the job, then answer without `id`
      return {
        type: 'json',
        status: 202,
        body: { polling_url: `${storageOrigin}/api/v1/videos/job-elsewhere`, status: 'pending' },
      };
    });
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(storageRequests).toHaveLength(0);
    expect(statusChecks().map((r) => r.path)).toEqual([
      '/videos/job-elsewhere',
      '/videos/job-elsewhere',
    ]);
    expect(result.providerMetadata.openrouter?.jobId).toBe('job-elsewhere');
  });

  it('puts the key in no error (HTTP error, failed job, 200 with an error body)', async () => {
    const secret = 'sk-or-v1-SECRET-video-42';
    const openrouter = emulatorProvider(ctx.emulator, { apiKey: secret });
    const errors: unknown[] = [];

    ctx.emulator.setHandler(() => ({ type: 'error', status: 401, message: 'Invalid API key' }));
    errors.push(
      await rejectionOf(
        generateVideo({ model: openrouter.videoModel(VIDEO_MODEL), prompt: 'x', poll: FAST }),
      ),
    );
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0, outcome: 'failed' }));
    errors.push(
      await rejectionOf(
        generateVideo({ model: openrouter.videoModel(VIDEO_MODEL), prompt: 'x', poll: FAST }),
      ),
    );
    ctx.emulator.setHandler(
      withStatusOverride({}, () => ({
        type: 'json',
        body: { error: { code: 403, message: 'Key is not allowed to read this job' } },
      })),
    );
    errors.push(
      await rejectionOf(
        generateVideo({ model: openrouter.videoModel(VIDEO_MODEL), prompt: 'x', poll: FAST }),
      ),
    );

    expect(ctx.emulator.requests.every((r) => r.headers.authorization === `Bearer ${secret}`)).toBe(
      true,
    );
    for (const error of errors) {
      expect(inspect(error, { depth: 12, showHidden: true })).not.toContain(secret);
    }
  });
});

describe('experimental_startVideo and experimental_getVideoStatus', () => {
  it('start returns the job id as the operation; status is pending, then completed with the video', async () => {
    ctx.emulator.setHandler(scriptedVideo({ id: 'job-split', pendingPolls: 1 }));
    const started = await startVideo({
      model: model(),
      prompt: 'A lighthouse in fog',
      webhookUrl: 'https://hooks.example.com/v',
    });
    expect(started.operation).toEqual({ jobId: 'job-split' });
    expect(started.providerMetadata?.openrouter).toMatchObject({
      jobId: 'job-split',
      status: 'pending',
    });
    expect(submitBody().callback_url).toBe('https://hooks.example.com/v');
    expect(statusChecks()).toHaveLength(0);

    // The operation survives a JSON round trip (it is stored between processes).
    const operation = JSON.parse(JSON.stringify(started.operation));
    const first = await getVideoStatus(model(), { operation });
    expect(first.status).toBe('pending');
    expect(first.providerMetadata?.openrouter).toMatchObject({ status: 'pending' });

    const second = await getVideoStatus(model(), { operation });
    expect(second.status).toBe('completed');
    if (second.status !== 'completed') return;
    expect(second.videos).toEqual([
      { type: 'binary', data: expect.any(Uint8Array), mediaType: 'video/mp4' },
    ]);
    expect(second.providerMetadata?.openrouter).toMatchObject({ usage: { cost: 0.5 } });
  });

  it('rejects an operation it did not make with InvalidArgumentError, before any request', async () => {
    const error = await rejectionOf(getVideoStatus(model(), { operation: { id: 'x' } }));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('failed jobs', () => {
  it.each([
    ['failed', 'failed', 'Content policy violation: the prompt was rejected'],
    ['cancelled', 'was cancelled', 'Cancelled by the user'],
    ['expired', 'expired', 'The job expired after 24 hours'],
  ] as const)('a %s job ends generateVideo with its message', async (outcome, wording, message) => {
    ctx.emulator.setHandler(
      scriptedVideo({ id: `job-${outcome}`, pendingPolls: 1, outcome, error: message }),
    );
    const error = await rejectionOf(generateVideo({ model: model(), prompt: 'x', poll: FAST }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `OpenRouter video job job-${outcome} ${wording}: ${message}.`,
    );
    expect(contentRequests()).toHaveLength(0);
    // Not retried: a failed job is an answer, not a transient error.
    expect(statusChecks()).toHaveLength(2);
  });

  it('getVideoStatus reports a failed job as status "error" with the message and metadata', async () => {
    ctx.emulator.setHandler(
      scriptedVideo({ id: 'job-f', pendingPolls: 0, outcome: 'failed', error: 'No capacity' }),
    );
    const started = await startVideo({ model: model(), prompt: 'x' });
    const status = await getVideoStatus(model(), { operation: started.operation });
    expect(status).toMatchObject({
      status: 'error',
      error: 'OpenRouter video job job-f failed: No capacity.',
      providerMetadata: { openrouter: { jobId: 'job-f', status: 'failed' } },
    });
  });
});

describe('abort', () => {
  it('ends the call at once during the wait between status checks', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 1000 }));
    const controller = new AbortController();
    const call = generateVideo({
      model: model(),
      prompt: 'x',
      abortSignal: controller.signal,
      poll: { intervalMs: 60_000 },
    });
    await requestArrives((r) => r.method === 'POST' && r.path === '/videos');
    const abortedAt = Date.now();
    controller.abort();
    const error = await rejectionOf(call);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect((error as Error).name).toBe('AbortError');
    expect(statusChecks()).toHaveLength(0);
  });

  it.each([
    ['a status check', (r: RecordedRequest) => /^\/videos\/[^/]+$/.test(r.path)],
    ['the content download', (r: RecordedRequest) => r.path.endsWith('/content')],
  ])('closes %s that hangs', async (_, hangs) => {
    const jobs = scriptedVideo({ pendingPolls: 0 });
    ctx.emulator.setHandler((request) =>
      request.method === 'GET' && hangs(request)
        ? { type: 'raw', headers: { 'content-type': 'application/json' }, body: '', ending: 'hang' }
        : jobs(request),
    );
    const controller = new AbortController();
    const call = generateVideo({
      model: model(),
      prompt: 'x',
      abortSignal: controller.signal,
      poll: FAST,
    });
    await requestArrives((r) => r.method === 'GET' && hangs(r));
    const abortedAt = Date.now();
    controller.abort();
    await rejectionOf(call);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    const hung = ctx.emulator.requests.find((r) => r.method === 'GET' && hangs(r));
    expect((await hung?.closed)?.closedEarly).toBe(true);
  });
});

describe('errors', () => {
  it('a submit error is a typed APICallError with the status and OpenRouter message, not retried', async () => {
    ctx.emulator.setHandler(() => ({
      type: 'error',
      status: 400,
      message: 'duration 7 is not supported by google/veo-3.1 (supported: 4, 6, 8)',
    }));
    const error = asApiCallError(
      await rejectionOf(generateVideo({ model: model(), prompt: 'x', duration: 7, poll: FAST })),
    );
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('duration 7 is not supported');
    expect(submits()).toHaveLength(1);
  });

  it('a retryable error during polling is retried by ai and the job still completes', async () => {
    ctx.emulator.setHandler(
      withStatusOverride({ pendingPolls: 1 }, (_, check) =>
        check === 1
          ? {
              type: 'error',
              status: 502,
              message: 'Bad gateway',
              headers: { 'retry-after-ms': '1' },
            }
          : undefined,
      ),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(submits()).toHaveLength(1);
    // The 502, its retry (still pending), then the completed job.
    expect(statusChecks()).toHaveLength(3);
    expect(result.videos).toHaveLength(1);
  });

  it('an HTTP 200 with an error body during polling is a typed APICallError', async () => {
    ctx.emulator.setHandler(
      withStatusOverride({}, () => ({
        type: 'json',
        body: { error: { code: 404, message: 'Video generation job not found' } },
      })),
    );
    const error = asApiCallError(
      await rejectionOf(generateVideo({ model: model(), prompt: 'x', poll: FAST, maxRetries: 0 })),
    );
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('Video generation job not found');
  });

  it("applies the model's timeout setting to status checks (a retryable APICallError)", async () => {
    ctx.emulator.setHandler(
      withStatusOverride(
        {},
        () => new Promise((resolve) => setTimeout(() => resolve({ type: 'json', body: {} }), 1500)),
      ),
    );
    const error = asApiCallError(
      await rejectionOf(
        generateVideo({
          // Long enough for a cold first request, short against the 1.5 s stall.
          model: model({ timeout: { firstByteMs: 300 } }),
          prompt: 'x',
          poll: FAST,
          maxRetries: 0,
        }),
      ),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('timeout.firstByteMs');
    expect(error.url).toMatch(/\/videos\/gen-vid-[^/]+$/);
  });

  it('a job id nobody knows answers 404 to getVideoStatus', async () => {
    ctx.emulator.setHandler(scriptedVideo());
    const error = asApiCallError(
      await rejectionOf(
        getVideoStatus(model(), { operation: { jobId: 'job-missing' }, maxRetries: 0 }),
      ),
    );
    expect(error.statusCode).toBe(404);
  });
});

describe('lenient parsing and metadata', () => {
  it('keeps a completed job with cost: null, an unknown field and no generation id', async () => {
    ctx.emulator.setHandler(
      scriptedVideo({
        pendingPolls: 0,
        generationId: null,
        usage: { cost: null, billed_seconds: 8 },
        extraFields: { progress: 100, model: { slug: 'google/veo-3.1' } },
      }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(result.videos).toHaveLength(1);
    const metadata = result.providerMetadata.openrouter ?? {};
    expect(metadata).not.toHaveProperty('generationId');
    expect(metadata.usage).toEqual({ isByok: false });
  });

  it('keeps a completed job with no usage at all', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0, usage: null }));
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(result.videos).toHaveLength(1);
    expect(result.providerMetadata.openrouter).not.toHaveProperty('usage');
  });

  it('takes the generation id from the X-Generation-Id header when the body has none', async () => {
    ctx.emulator.setHandler(
      scriptedVideo({
        pendingPolls: 0,
        generationId: null,
        headers: { 'x-generation-id': 'gen-1790000000-HeaderHeaderHeader01' },
      }),
    );
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(result.providerMetadata.openrouter?.generationId).toBe(
      'gen-1790000000-HeaderHeaderHeader01',
    );
  });

  it('reports BYOK and the cost of a BYOK job', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0, usage: { cost: 0, is_byok: true } }));
    const result = await generateVideo({ model: model(), prompt: 'x', poll: FAST });
    expect(result.providerMetadata.openrouter).toMatchObject({
      isByok: true,
      usage: { cost: 0, isByok: true },
    });
  });
});

describe('options', () => {
  it('accepts providerOptions.openrouter in both spellings, sends provider.options verbatim and warns about unknown keys', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const result = await generateVideo({
      model: model(),
      prompt: 'x',
      poll: FAST,
      providerOptions: {
        openrouter: {
          resolution: '1080p',
          generateAudio: false,
          previousJobId: 'gen-vid-1789493115-a1B2c3D4e5F6g7H8i9J0',
          session_id: 'session-7',
          user: 'user-3',
          provider: {
            options: { 'google-vertex': { negativePrompt: 'blur', enhancePrompt: true } },
          },
          cameraFixed: true,
        },
      },
    });
    expect(submitBody()).toMatchObject({
      resolution: '1080p',
      generate_audio: false,
      previous_job_id: 'gen-vid-1789493115-a1B2c3D4e5F6g7H8i9J0',
      session_id: 'session-7',
      user: 'user-3',
      provider: { options: { 'google-vertex': { negativePrompt: 'blur', enhancePrompt: true } } },
      cameraFixed: true,
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining('providerOptions.openrouter.cameraFixed is not a known'),
      }),
    ]);
  });

  it('warns about routing keys inside provider, which the video endpoint does not document', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const result = await generateVideo({
      model: model(),
      prompt: 'x',
      poll: FAST,
      providerOptions: { openrouter: { provider: { order: ['google-vertex'] } } },
    });
    expect(submitBody().provider).toEqual({ order: ['google-vertex'] });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('provider.order') }),
    );
  });

  it('takes model settings as defaults that call options and providerOptions override, and reserves the fields it sets', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    // `callbackUrl` is not in the settings type (the webhook sets it); untyped callers may pass it.
    const settings = {
      generateAudio: true,
      duration: 4,
      resolution: '720p',
      callbackUrl: 'https://x',
    };
    const result = await generateVideo({
      model: model(settings as OpenRouterVideoSettings),
      prompt: 'x',
      duration: 8,
      poll: FAST,
      providerOptions: { openrouter: { resolution: '1080p' } },
    });
    const body = submitBody();
    expect(body).toMatchObject({ generate_audio: true, duration: 8, resolution: '1080p' });
    expect(body).not.toHaveProperty('callback_url');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('settings.callbackUrl was ignored'),
      }),
    );
  });

  it('rejects an invalid option value before anything is sent', async () => {
    const error = await rejectionOf(
      generateVideo({
        model: model(),
        prompt: 'x',
        poll: FAST,
        providerOptions: { openrouter: { size: 'large' } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('sends the x-session-id header of the provider and the call headers', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const openrouter = emulatorProvider(ctx.emulator, { sessionId: 'sess-42' });
    await generateVideo({
      model: openrouter.videoModel(VIDEO_MODEL),
      prompt: 'x',
      poll: FAST,
      headers: { 'x-trace': 'abc' },
    });
    for (const request of videoRequests()) {
      expect(request.headers['x-session-id']).toBe('sess-42');
      expect(request.headers['x-trace']).toBe('abc');
    }
    expect(submits()[0]?.headers['idempotency-key']).toMatch(/^aisdk_vid_/);
  });

  it('merges provider and model extraBody over the call options', async () => {
    ctx.emulator.setHandler(scriptedVideo({ pendingPolls: 0 }));
    const openrouter = emulatorProvider(ctx.emulator, { extraBody: { watermark: false } });
    await generateVideo({
      model: openrouter.videoModel(VIDEO_MODEL, { extraBody: { seed: 7 } }),
      prompt: 'x',
      seed: 1,
      poll: FAST,
    });
    expect(submitBody()).toMatchObject({ watermark: false, seed: 7 });
  });
});
