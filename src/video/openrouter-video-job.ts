import {
  InvalidResponseDataError,
  type Experimental_VideoModelV4 as VideoModelV4,
  type Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  type Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  type Experimental_VideoModelV4VideoData as VideoModelV4VideoData,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterBinaryResponseHandler,
} from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import {
  buildOpenRouterVideoRequest,
  type OpenRouterVideoCallOptions,
} from './build-openrouter-video-request';
import {
  classifyOpenRouterVideoJob,
  mediaTypeOfContent,
  type OpenRouterVideoOperation,
  openRouterVideoMetadata,
  parseOpenRouterVideoOperation,
  planOpenRouterVideoOutputs,
  readOpenRouterVideoJobId,
} from './map-openrouter-video-response';
import { openRouterVideoJobSchema } from './openrouter-video-api';
import {
  type OpenRouterVideoSettings,
  resolveOpenRouterVideoOptions,
} from './openrouter-video-options';

/**
 * The requests of the video model (loaded with its first call, so the main entry carries only
 * the model class): submitting a job, checking it, and downloading what it made.
 */

/** What the model hands over: its id, its settings and the provider's config. */
export interface OpenRouterVideoModelContext {
  modelId: string;
  settings: OpenRouterVideoSettings;
  config: OpenRouterModelConfig;
}

export type OpenRouterVideoStatusOptions = Parameters<NonNullable<VideoModelV4['doStatus']>>[0];

/** `POST /videos`: the job id becomes the operation. */
export async function startOpenRouterVideoJob(
  model: OpenRouterVideoModelContext,
  options: OpenRouterVideoCallOptions,
): Promise<VideoModelV4OperationStartResult> {
  const {
    value: job,
    responseHeaders,
    warnings,
  } = await callOpenRouterJson({
    ...model,
    options,
    path: '/videos',
    build: buildOpenRouterVideoRequest,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterVideoJobSchema),
  });
  const jobId = readOpenRouterVideoJobId(job);
  if (!jobId) {
    throw new InvalidResponseDataError({
      data: job,
      message: 'OpenRouter accepted the video job but named no job id to poll.',
    });
  }
  return {
    operation: { jobId } satisfies OpenRouterVideoOperation,
    warnings,
    providerMetadata: { openrouter: openRouterVideoMetadata({ jobId, job, responseHeaders }) },
    response: { timestamp: new Date(), modelId: model.modelId, headers: responseHeaders },
  };
}

/**
 * `GET /videos/{jobId}` once; when the job has completed, its outputs too (see
 * `planOpenRouterVideoOutputs` for which are fetched with the key and which are handed on).
 */
export async function checkOpenRouterVideoJob(
  model: OpenRouterVideoModelContext,
  options: OpenRouterVideoStatusOptions,
): Promise<VideoModelV4OperationStatusResult> {
  const { config } = model;
  const jobId = parseOpenRouterVideoOperation(options.operation);
  const jobPath = `/videos/${encodeURIComponent(jobId)}`;
  const { value: job, responseHeaders } = await requestOpenRouter({
    config,
    path: jobPath,
    headers: options.headers,
    abortSignal: options.abortSignal,
    timeout: statusTimeout(model.settings),
    successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterVideoJobSchema),
  });
  const response = { timestamp: new Date(), modelId: model.modelId, headers: responseHeaders };
  const providerMetadata = {
    openrouter: openRouterVideoMetadata({ jobId, job, responseHeaders }),
  };
  const state = classifyOpenRouterVideoJob(job, jobId);
  if (state.state === 'pending') return { status: 'pending', providerMetadata, response };
  if (state.state === 'failed') {
    return { status: 'error', error: state.message, providerMetadata, response };
  }

  const outputs = planOpenRouterVideoOutputs({
    jobId,
    unsignedUrls: job.unsigned_urls ?? undefined,
    baseURL: `${config.baseURL()}/`,
  });
  const videos = await Promise.all(
    outputs.map(async (output): Promise<VideoModelV4VideoData> => {
      if (output.kind === 'url') {
        return { type: 'url', url: output.url, mediaType: output.mediaType };
      }
      // Built from the configured base URL and our own job id, never from the response.
      const content = await requestOpenRouter({
        config,
        path: `${jobPath}/content`,
        query: new URLSearchParams({ index: String(output.index) }),
        headers: options.headers,
        abortSignal: options.abortSignal,
        successfulResponseHandler: openRouterBinaryResponseHandler,
      });
      return {
        type: 'binary',
        data: content.value,
        mediaType: mediaTypeOfContent(content.responseHeaders),
      };
    }),
  );
  return { status: 'completed', videos, warnings: [], providerMetadata, response };
}

/**
 * The `timeout` setting for status checks. A status call has no `providerOptions`, so only the
 * model settings apply; they are validated as in `startOpenRouterVideoJob` (a status check may be
 * the first call of a model, in another process).
 */
function statusTimeout(settings: OpenRouterVideoSettings) {
  if (settings.timeout === undefined) return undefined;
  return resolveOpenRouterVideoOptions({ timeout: settings.timeout }, 'settings', []).behaviour
    .timeout;
}
