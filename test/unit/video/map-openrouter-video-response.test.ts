import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  classifyOpenRouterVideoJob,
  mediaTypeOfContent,
  openRouterVideoMetadata,
  parseOpenRouterVideoOperation,
  planOpenRouterVideoOutputs,
  readOpenRouterVideoJobId,
} from '../../../src/video/map-openrouter-video-response';
import { openRouterVideoJobSchema } from '../../../src/video/openrouter-video-api';

const job = (value: Record<string, unknown>) => openRouterVideoJobSchema.parse(value);
const BASE_URL = 'https://openrouter.ai/api/v1/';

describe('readOpenRouterVideoJobId', () => {
  it('takes id, else the last segment of a relative or absolute polling_url', () => {
    expect(
      readOpenRouterVideoJobId(job({ id: 'job-1', polling_url: '/api/v1/videos/other' })),
    ).toBe('job-1');
    expect(readOpenRouterVideoJobId(job({ polling_url: '/api/v1/videos/job-2' }))).toBe('job-2');
    expect(
      readOpenRouterVideoJobId(job({ polling_url: 'https://x.example/api/v1/videos/job%2F3' })),
    ).toBe('job/3');
    expect(readOpenRouterVideoJobId(job({ polling_url: '/api/v1/somewhere' }))).toBeUndefined();
    expect(readOpenRouterVideoJobId(job({ status: 'pending' }))).toBeUndefined();
  });
});

describe('parseOpenRouterVideoOperation', () => {
  it('returns the job id, and rejects anything else', () => {
    expect(parseOpenRouterVideoOperation({ jobId: 'job-1' })).toBe('job-1');
    for (const bad of [null, 'job-1', ['job-1'], {}, { jobId: '' }, { jobId: 5 }]) {
      expect(() => parseOpenRouterVideoOperation(bad)).toThrow(InvalidArgumentError);
    }
  });
});

describe('classifyOpenRouterVideoJob', () => {
  it('is pending for pending, in_progress, unknown and missing statuses', () => {
    for (const status of ['pending', 'in_progress', 'queued', undefined]) {
      expect(classifyOpenRouterVideoJob(job({ status }), 'j')).toEqual({ state: 'pending' });
    }
  });

  it('is completed for completed, in any case', () => {
    expect(classifyOpenRouterVideoJob(job({ status: 'COMPLETED' }), 'j')).toEqual({
      state: 'completed',
    });
  });

  it('words each failure with the job id and its message (string or object)', () => {
    expect(classifyOpenRouterVideoJob(job({ status: 'failed', error: 'Boom' }), 'j1')).toEqual({
      state: 'failed',
      message: 'OpenRouter video job j1 failed: Boom.',
    });
    expect(
      classifyOpenRouterVideoJob(job({ status: 'cancelled', error: { message: 'By user' } }), 'j2'),
    ).toEqual({
      state: 'failed',
      message: 'OpenRouter video job j2 was cancelled: By user.',
    });
    expect(classifyOpenRouterVideoJob(job({ status: 'expired' }), 'j3')).toEqual({
      state: 'failed',
      message: 'OpenRouter video job j3 expired: no reason was given.',
    });
  });
});

describe('planOpenRouterVideoOutputs', () => {
  it('fetches content-endpoint URLs of this job by index, whatever their host', () => {
    expect(
      planOpenRouterVideoOutputs({
        jobId: 'job-1',
        baseURL: BASE_URL,
        unsignedUrls: [
          'https://evil.example/api/v1/videos/job-1/content?index=1',
          '/api/v1/videos/job-1/content',
        ],
      }),
    ).toEqual([
      { kind: 'content', index: 1 },
      { kind: 'content', index: 1 },
    ]);
  });

  it('hands other URLs on, with the media type their extension names', () => {
    expect(
      planOpenRouterVideoOutputs({
        jobId: 'job-1',
        baseURL: BASE_URL,
        unsignedUrls: [
          'https://storage.example.com/a.mp4?sig=1',
          'https://storage.example.com/b.MOV',
          'https://storage.example.com/blob',
          // Another job's content endpoint is not ours to fetch with this job id.
          'https://openrouter.ai/api/v1/videos/job-2/content?index=0',
          // A relative URL is resolved against the base URL (and still downloaded keyless).
          '/api/v1/files/clip.webm',
        ],
      }),
    ).toEqual([
      { kind: 'url', url: 'https://storage.example.com/a.mp4?sig=1', mediaType: 'video/mp4' },
      { kind: 'url', url: 'https://storage.example.com/b.MOV', mediaType: 'video/quicktime' },
      {
        kind: 'url',
        url: 'https://storage.example.com/blob',
        mediaType: 'application/octet-stream',
      },
      {
        kind: 'url',
        url: 'https://openrouter.ai/api/v1/videos/job-2/content?index=0',
        mediaType: 'application/octet-stream',
      },
      {
        kind: 'url',
        url: 'https://openrouter.ai/api/v1/files/clip.webm',
        mediaType: 'video/webm',
      },
    ]);
  });

  it('falls back to output 0 of the content endpoint when there are no URLs', () => {
    expect(planOpenRouterVideoOutputs({ jobId: 'j', baseURL: BASE_URL, unsignedUrls: [] })).toEqual(
      [{ kind: 'content', index: 0 }],
    );
  });
});

describe('mediaTypeOfContent', () => {
  it('keeps a video Content-Type and falls back to MP4 otherwise', () => {
    expect(mediaTypeOfContent({ 'content-type': 'video/webm; charset=binary' })).toBe('video/webm');
    expect(mediaTypeOfContent({ 'content-type': 'application/octet-stream' })).toBe('video/mp4');
    expect(mediaTypeOfContent({})).toBe('video/mp4');
  });
});

describe('openRouterVideoMetadata', () => {
  it('reports the job, its status, the generation id and the usage with cost', () => {
    expect(
      openRouterVideoMetadata({
        jobId: 'job-1',
        job: job({
          status: 'completed',
          generation_id: 'gen-1',
          usage: { cost: 0.25, is_byok: false },
        }),
        responseHeaders: {},
      }),
    ).toEqual({
      jobId: 'job-1',
      status: 'completed',
      generationId: 'gen-1',
      isByok: false,
      usage: { cost: 0.25, isByok: false },
    });
  });

  it('keeps what parses when a field is malformed (cost: null, usage a string)', () => {
    expect(
      openRouterVideoMetadata({
        jobId: 'j',
        job: job({ status: 'completed', usage: { cost: null } }),
        responseHeaders: { 'x-generation-id': 'gen-h' },
      }),
    ).toEqual({ jobId: 'j', status: 'completed', generationId: 'gen-h', usage: {} });
    expect(
      openRouterVideoMetadata({ jobId: 'j', job: job({ usage: 'free' }), responseHeaders: {} }),
    ).toEqual({ jobId: 'j' });
  });
});
