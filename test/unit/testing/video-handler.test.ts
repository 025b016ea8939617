/** The emulator's video jobs over HTTP: the routes, the job lifecycle and the builders. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type OpenRouterEmulator,
  SAMPLE_MP4,
  scriptedVideo,
  startOpenRouterEmulator,
  videoJobId,
  videoStatusJson,
  videoSubmitJson,
} from '../../../src/testing/index';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const AUTH = { Authorization: 'Bearer sk-or-test' };

async function submit(body: unknown = { model: 'google/veo-3.1', prompt: 'x' }) {
  return fetch(`${emulator.baseURL}/videos`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
const get = (path: string, headers: Record<string, string> = AUTH) =>
  fetch(`${emulator.baseURL}${path}`, { headers });
const statusOf = async (id: string) =>
  (await (await get(`/videos/${id}`)).json()) as Record<string, unknown>;

describe('scriptedVideo', () => {
  it('answers 202 pending, then pending, in_progress, completed, and serves the content', async () => {
    emulator.setHandler(scriptedVideo({ id: 'job-a', pendingPolls: 2, generationId: 'gen-a' }));
    const submitted = await submit();
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('x-generation-id')).toBeNull();
    expect(await submitted.json()).toEqual({
      id: 'job-a',
      polling_url: '/api/v1/videos/job-a',
      status: 'pending',
    });
    expect((await get('/videos/job-a/content')).status).toBe(404);

    expect((await statusOf('job-a')).status).toBe('pending');
    expect((await statusOf('job-a')).status).toBe('in_progress');
    const done = await statusOf('job-a');
    const origin = new URL(emulator.baseURL).origin;
    expect(done).toEqual({
      id: 'job-a',
      polling_url: '/api/v1/videos/job-a',
      status: 'completed',
      generation_id: 'gen-a',
      unsigned_urls: [`${origin}/api/v1/videos/job-a/content?index=0`],
      usage: { cost: 0.5, is_byok: false },
    });

    const content = await get('/videos/job-a/content?index=0');
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(SAMPLE_MP4);
    expect((await get('/videos/job-a/content?index=1')).status).toBe(404);
  });

  it('ends a failing job with its error and no URLs', async () => {
    emulator.setHandler(
      scriptedVideo({ id: 'job-f', pendingPolls: 0, outcome: 'expired', error: 'Too slow' }),
    );
    await submit();
    const body = await statusOf('job-f');
    expect(body).toMatchObject({ status: 'expired', error: 'Too slow' });
    expect(body).not.toHaveProperty('unsigned_urls');
    expect(body).not.toHaveProperty('usage');
  });

  it('plays a script per submit when given a function, keeping each job apart', async () => {
    let count = 0;
    emulator.setHandler(scriptedVideo(() => ({ id: `job-${++count}`, pendingPolls: count })));
    await submit();
    await submit();
    expect((await statusOf('job-1')).status).toBe('pending');
    expect((await statusOf('job-1')).status).toBe('completed');
    expect((await statusOf('job-2')).status).toBe('pending');
  });

  it('rejects a submit without a model, an unknown job, the key missing, and other routes', async () => {
    const fallbackSeen: string[] = [];
    emulator.setHandler(
      scriptedVideo(
        {},
        {
          fallback: (request) => {
            fallbackSeen.push(request.path);
            return { type: 'json', body: { ok: true } };
          },
        },
      ),
    );
    expect((await submit({ prompt: 'x' })).status).toBe(400);
    expect((await get('/videos/nope')).status).toBe(404);
    expect((await get('/videos/nope', {})).status).toBe(401);
    expect((await get('/embeddings')).status).toBe(200);
    expect(fallbackSeen).toEqual(['/embeddings']);
  });
});

describe('video fixtures', () => {
  it('makes job ids in the gen-vid form', () => {
    expect(videoJobId(1_790_000_000)).toMatch(/^gen-vid-1790000000-[A-Za-z0-9]{20}$/);
  });

  it('renders submit and status bodies with extra fields, custom URLs and usage over the default', () => {
    expect(videoSubmitJson({ id: 'j', extraFields: { x: 1 } })).toEqual({
      id: 'j',
      polling_url: '/api/v1/videos/j',
      status: 'pending',
      x: 1,
    });
    expect(
      videoStatusJson(
        { id: 'j', generationId: null, unsignedUrls: ['https://s/a.mp4'], usage: { cost: null } },
        'completed',
      ),
    ).toEqual({
      id: 'j',
      polling_url: '/api/v1/videos/j',
      status: 'completed',
      unsigned_urls: ['https://s/a.mp4'],
      usage: { cost: null, is_byok: false },
    });
    expect(videoStatusJson({ id: 'j' }, 'in_progress')).toEqual({
      id: 'j',
      polling_url: '/api/v1/videos/j',
      status: 'in_progress',
    });
  });
});
