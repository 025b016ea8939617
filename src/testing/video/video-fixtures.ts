import { generationId, randomAlnum } from '../shared/ids.js';

/**
 * Video jobs as OpenRouter's asynchronous video API reports them: `POST /videos` answers
 * `{ id, polling_url, status: "pending" }`, `GET /videos/{id}` answers the job's status until it
 * is terminal (`completed` with `unsigned_urls` and `usage`, or `failed` / `cancelled` /
 * `expired` with `error`), and `GET /videos/{id}/content?index=N` serves the bytes.
 * See https://openrouter.ai/docs/api/api-reference/video-generation/get-videos.
 */

/** How a scripted job ends. */
export type VideoJobOutcome = 'completed' | 'failed' | 'cancelled' | 'expired';

/** One video job, as {@link scriptedVideo} plays it. Every field is optional. */
export interface VideoJobScript {
  /** The job id; default a fresh `gen-vid-<unix>-<20 alnum>` (see {@link videoJobId}). */
  id?: string;
  /** `generation_id` once the job has ended; default a fresh `gen-…` id; `null`: none. */
  generationId?: string | null;
  /** Status checks answered `pending`, then `in_progress`, before the outcome. Default 1. */
  pendingPolls?: number;
  /** Default `completed`. */
  outcome?: VideoJobOutcome;
  /** `error` of a failed, cancelled or expired job; default a message naming the outcome. */
  error?: string;
  /** The outputs' bytes, one per `index`; default one {@link SAMPLE_MP4}. */
  videos?: Uint8Array[];
  /** `Content-Type` of the content endpoint; default `video/mp4`. */
  contentType?: string;
  /**
   * `unsigned_urls` of the completed job. Default: the content endpoint of each output on the
   * emulator itself (`http://<host>/api/v1/videos/<id>/content?index=N`), as OpenRouter sends.
   * Give other URLs (a storage host of the test's own) to exercise keyless downloads; `null`
   * leaves the field out.
   */
  unsignedUrls?: string[] | null;
  /** Laid over the completed job's `usage` (`{ cost: 0.5, is_byok: false }`); `null`: no usage. */
  usage?: Record<string, unknown> | null;
  /** Fields added to every body of the job (unknown fields, for lenient-parsing tests). */
  extraFields?: Record<string, unknown>;
  /** Headers on the submit and status answers (e.g. `x-generation-id`). */
  headers?: Record<string, string>;
}

/** Job statuses a job passes through. */
export type VideoJobStatus = 'pending' | 'in_progress' | VideoJobOutcome;

/**
 * The bytes of a tiny MP4 (an `ftyp` box, a `free` box, a short `mdat`): enough for media-type
 * sniffing (`video/mp4`) and byte-for-byte comparisons.
 */
export const SAMPLE_MP4: Uint8Array = new Uint8Array([
  0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0x00, 0x00, 0x02, 0x00,
  0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32, 0x61, 0x76, 0x63, 0x31, 0x6d, 0x70, 0x34, 0x31,
  0x00, 0x00, 0x00, 0x08, 0x66, 0x72, 0x65, 0x65, 0x00, 0x00, 0x00, 0x10, 0x6d, 0x64, 0x61, 0x74,
  0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03,
]);

/** A video job id in the form OpenRouter returns, `gen-vid-<unix seconds>-<20 alnum>`. */
export function videoJobId(created: number = Math.floor(Date.now() / 1000)): string {
  return `gen-vid-${created}-${randomAlnum(20)}`;
}

/** The relative polling URL OpenRouter returns for a job. */
export function videoPollingUrl(jobId: string): string {
  return `/api/v1/videos/${encodeURIComponent(jobId)}`;
}

/** The `POST /videos` answer: `{ id, polling_url, status: "pending" }`. */
export function videoSubmitJson(
  script: Pick<VideoJobScript, 'extraFields'> & { id: string },
): Record<string, unknown> {
  return {
    id: script.id,
    polling_url: videoPollingUrl(script.id),
    status: 'pending',
    ...script.extraFields,
  };
}

/**
 * The `GET /videos/{id}` answer for `status`. `origin` (`http://host:port`) makes the default
 * `unsigned_urls` absolute, as OpenRouter's are.
 */
export function videoStatusJson(
  script: VideoJobScript & { id: string },
  status: VideoJobStatus,
  origin = 'https://openrouter.ai',
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: script.id,
    polling_url: videoPollingUrl(script.id),
    status,
  };
  const ended = status !== 'pending' && status !== 'in_progress';
  const generation = script.generationId === undefined ? generationId() : script.generationId;
  if (ended && generation !== null) body.generation_id = generation;
  if (status === 'completed') {
    if (script.unsignedUrls !== null) {
      body.unsigned_urls =
        script.unsignedUrls ??
        (script.videos ?? [SAMPLE_MP4]).map(
          (_, index) => `${origin}${videoPollingUrl(script.id)}/content?index=${index}`,
        );
    }
    if (script.usage !== null) body.usage = { cost: 0.5, is_byok: false, ...script.usage };
  } else if (ended) {
    body.error = script.error ?? defaultError(status);
  }
  return { ...body, ...script.extraFields };
}

function defaultError(status: VideoJobOutcome): string {
  if (status === 'cancelled') return 'The video generation job was cancelled.';
  if (status === 'expired') return 'The video generation job expired before it completed.';
  return 'The provider could not generate the video.';
}
