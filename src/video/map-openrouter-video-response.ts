import { InvalidArgumentError, type JSONObject, type JSONValue } from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterVideoJob } from './openrouter-video-api';

/** The opaque `operation` of the start/status flow: the job id, nothing a caller must trust. */
export interface OpenRouterVideoOperation {
  jobId: string;
}

/**
 * The job id of a submit answer: `id`, or else the last segment of `polling_url`. The polling URL
 * is read for the id only and never requested: every request goes to the configured base URL, so
 * the key is never sent to a host named by a response.
 */
export function readOpenRouterVideoJobId(job: OpenRouterVideoJob): string | undefined {
  if (job.id) return job.id;
  if (!job.polling_url) return undefined;
  let path: string;
  try {
    path = new URL(job.polling_url, 'http://relative.invalid').pathname;
  } catch {
    return undefined;
  }
  const match = /\/videos\/([^/]+)\/?$/.exec(path);
  return match?.[1] ? safeDecode(match[1]) : undefined;
}

/** The job id from an `operation` given back to `doStatus` (it may have been stored as JSON). */
export function parseOpenRouterVideoOperation(operation: JSONValue): string {
  const jobId =
    operation !== null && typeof operation === 'object' && !Array.isArray(operation)
      ? (operation as Record<string, JSONValue | undefined>).jobId
      : undefined;
  if (typeof jobId !== 'string' || jobId === '') {
    throw new InvalidArgumentError({
      argument: 'operation',
      message: `Expected the operation returned by experimental_startVideo ({ jobId: string }), got ${JSON.stringify(operation)}.`,
    });
  }
  return jobId;
}

export type OpenRouterVideoJobState =
  | { state: 'pending' }
  | { state: 'completed' }
  | { state: 'failed'; message: string };

const FAILURE_WORDING: Record<string, string> = {
  failed: 'failed',
  cancelled: 'was cancelled',
  expired: 'expired',
};

/**
 * Where a job stands. `completed` and the failures `failed`, `cancelled` and `expired` are
 * terminal; every other status (`pending`, `in_progress`, or one added later) means "poll again".
 */
export function classifyOpenRouterVideoJob(
  job: OpenRouterVideoJob,
  jobId: string,
): OpenRouterVideoJobState {
  const status = job.status?.toLowerCase();
  if (status === 'completed') return { state: 'completed' };
  const wording = status === undefined ? undefined : FAILURE_WORDING[status];
  if (wording === undefined) return { state: 'pending' };
  const reason = typeof job.error === 'string' ? job.error : job.error?.message;
  return {
    state: 'failed',
    message: `OpenRouter video job ${jobId} ${wording}: ${reason?.trim() || 'no reason was given'}.`,
  };
}

/**
 * One output of a completed job: fetched from OpenRouter's authenticated content endpoint, or a
 * URL elsewhere (a signed storage URL) that is handed on as it is and downloaded without our key.
 */
export type OpenRouterVideoOutput =
  | { kind: 'content'; index: number }
  | { kind: 'url'; url: string; mediaType: string };

/**
 * What to download for a completed job. An `unsigned_urls` entry that names this job's content
 * endpoint (`…/videos/{jobId}/content?index=N`, on whatever host) is read for its index only and
 * fetched from the configured base URL with the key; any other URL is returned for a keyless
 * download. A job without URLs has its first output on the content endpoint.
 */
export function planOpenRouterVideoOutputs(options: {
  jobId: string;
  unsignedUrls: readonly string[] | undefined;
  baseURL: string;
}): OpenRouterVideoOutput[] {
  const { jobId, unsignedUrls } = options;
  if (!unsignedUrls || unsignedUrls.length === 0) return [{ kind: 'content', index: 0 }];
  const outputs: OpenRouterVideoOutput[] = [];
  unsignedUrls.forEach((text, position) => {
    let url: URL;
    try {
      url = new URL(text, options.baseURL);
    } catch {
      return; // not a URL: nothing to download
    }
    if (isContentEndpoint(url.pathname, jobId)) {
      const index = Number(url.searchParams.get('index') ?? position);
      outputs.push({ kind: 'content', index: Number.isInteger(index) && index >= 0 ? index : 0 });
    } else if (/^(https?|data):$/.test(url.protocol)) {
      outputs.push({ kind: 'url', url: url.href, mediaType: mediaTypeOfUrl(url) });
    }
  });
  return outputs;
}

function isContentEndpoint(pathname: string, jobId: string): boolean {
  const match = /\/videos\/([^/]+)\/content\/?$/.exec(pathname);
  return match?.[1] !== undefined && safeDecode(match[1]) === jobId;
}

const MEDIA_TYPES_BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

/**
 * The media type a URL's extension names. Unknown stays `application/octet-stream`: `ai` then
 * takes the type the download reports (or sniffs the bytes) instead of trusting a guess.
 */
function mediaTypeOfUrl(url: URL): string {
  if (url.protocol === 'data:') return /^data:([^;,]+)/.exec(url.href)?.[1] ?? 'video/mp4';
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return (extension && MEDIA_TYPES_BY_EXTENSION[extension]) || 'application/octet-stream';
}

/** The content endpoint's `Content-Type` when it names a video type, else MP4 (its documented type). */
export function mediaTypeOfContent(responseHeaders: Record<string, string>): string {
  const type = responseHeaders['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type?.startsWith('video/') ? type : 'video/mp4';
}

/**
 * `providerMetadata.openrouter` of a start or status answer: the job id and status, and what
 * every kind reports (generation id from the body or the `X-Generation-Id` header, usage with the
 * cost, BYOK).
 */
export function openRouterVideoMetadata(options: {
  jobId: string;
  job: OpenRouterVideoJob;
  responseHeaders: Record<string, string>;
}): JSONObject {
  const { job } = options;
  return {
    jobId: options.jobId,
    ...(job.status ? { status: job.status } : {}),
    ...buildOpenRouterResponseMetadata({
      generationId: job.generation_id,
      usage: job.usage,
      responseHeaders: options.responseHeaders,
    }),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
