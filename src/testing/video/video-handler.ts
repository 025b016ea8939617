import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse } from '../server/responses.js';
import {
  SAMPLE_MP4,
  type VideoJobScript,
  type VideoJobStatus,
  videoJobId,
  videoStatusJson,
  videoSubmitJson,
} from './video-fixtures.js';

/** What {@link scriptedVideo} accepts besides the job script. */
export interface ScriptedVideoOptions {
  /** Answers every request that is not a video route (e.g. `scriptedChat(...)`); default 404. */
  fallback?: EmulatorHandler;
}

interface Job {
  script: VideoJobScript & { id: string };
  polls: number;
  status: VideoJobStatus;
}

/**
 * Serves OpenRouter's video job routes, keeping each submitted job's state:
 *
 * - `POST /videos` starts a job from `script` (or from what `script(request)` returns, per
 *   submit) and answers 202 `{ id, polling_url, status: "pending" }`; a body without `model`
 *   gets a 400.
 * - `GET /videos/{id}` answers `pending`, then `in_progress`, for `pendingPolls` checks, then the
 *   outcome (`completed` with `unsigned_urls` and `usage`, or a failure with `error`); an unknown
 *   id gets a 404.
 * - `GET /videos/{id}/content?index=N` serves output N of a completed job (404 before that or
 *   for an index it does not have).
 *
 * Job bodies are sent without an `X-Generation-Id` header unless the script's `headers` add one
 * (the job id is not a generation id). Like the rest of the emulator, every route requires a
 * bearer key.
 */
export function scriptedVideo(
  script: VideoJobScript | ((request: RecordedRequest) => VideoJobScript) = {},
  options: ScriptedVideoOptions = {},
): EmulatorHandler {
  const jobs = new Map<string, Job>();

  return async (request) => {
    const { method, path } = request;
    if (method === 'POST' && path === '/videos') {
      const body = request.json<{ model?: unknown } | undefined>();
      if (typeof body?.model !== 'string' || body.model === '') {
        return { type: 'error', status: 400, message: 'model is required' };
      }
      const chosen = typeof script === 'function' ? script(request) : script;
      const job: Job = {
        script: { ...chosen, id: chosen.id ?? videoJobId() },
        polls: 0,
        status: 'pending',
      };
      jobs.set(job.script.id, job);
      return jobJson(videoSubmitJson(job.script), job.script, 202);
    }

    const route = method === 'GET' ? /^\/videos\/([^/]+)(\/content)?$/.exec(path) : null;
    const id = route?.[1] === undefined ? undefined : decodeURIComponent(route[1]);
    if (id === undefined) return options.fallback ? options.fallback(request) : notFound(request);
    const job = jobs.get(id);
    if (!job)
      return { type: 'error', status: 404, message: `Video generation job ${id} not found` };

    if (route?.[2]) return content(job, request);

    job.polls += 1;
    const pendingPolls = job.script.pendingPolls ?? 1;
    job.status =
      job.polls <= pendingPolls
        ? job.polls === 1
          ? 'pending'
          : 'in_progress'
        : (job.script.outcome ?? 'completed');
    return jobJson(videoStatusJson(job.script, job.status, originOf(request)), job.script);
  };
}

function content(job: Job, request: RecordedRequest): EmulatorResponse {
  const index = Number(request.query.index ?? 0);
  const bytes = job.status === 'completed' ? (job.script.videos ?? [SAMPLE_MP4])[index] : undefined;
  if (!bytes) {
    return {
      type: 'error',
      status: 404,
      message: `No video content at index ${request.query.index ?? 0} for job ${job.script.id}`,
    };
  }
  return {
    type: 'raw',
    headers: {
      'content-type': job.script.contentType ?? 'video/mp4',
      'content-length': String(bytes.length),
    },
    body: bytes,
  };
}

/** JSON with exactly the script's headers (no `X-Generation-Id` derived from the job id). */
function jobJson(body: unknown, script: VideoJobScript, status = 200): EmulatorResponse {
  const text = JSON.stringify(body);
  return {
    type: 'raw',
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...script.headers,
    },
    body: text,
  };
}

function originOf(request: RecordedRequest): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`;
}
