import {
  InvalidResponseDataError,
  type SharedV4Warning,
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
import type { OpenRouterVideoCallOptions } from './build-openrouter-video-request';
import type { OpenRouterVideoOperation } from './map-openrouter-video-response';
import type { OpenRouterVideoSettings } from './openrouter-video-options';

type StatusOptions = Parameters<NonNullable<VideoModelV4['doStatus']>>[0];
type WebhookOption = Parameters<NonNullable<VideoModelV4['handleWebhookOption']>>[0];

/**
 * `POST /videos` jobs through the AI SDK's asynchronous video flow: `doStart` submits a job,
 * `doStatus` checks it once and, when it is done, fetches the video. `ai` does the waiting
 * (`experimental_generateVideo`'s `poll` option sets the interval and the limit, and its wait
 * ends at once on abort) or waits for a webhook (`webhook` option, sent as `callback_url`);
 * `experimental_startVideo` and `experimental_getVideoStatus` expose the two steps directly.
 * There is no `doGenerate`: `ai` runs this flow whenever a model has none, and retries the
 * submit and each status check on their own, so a failed check never submits (and bills) a
 * second job.
 *
 * The translation code and the wire schemas load with the first call.
 */
export class OpenRouterVideoModel implements VideoModelV4 {
  readonly specificationVersion = 'v4';
  /** A job makes one video; `experimental_generateVideo` starts one job per requested video. */
  readonly maxVideosPerCall = 1;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterVideoSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  /**
   * OpenRouter notifies a `callback_url` when a job ends, so `ai`'s `webhook` option is honoured:
   * its URL goes into the submit request and `ai` checks the job once the notification arrives.
   */
  async handleWebhookOption({ webhook }: WebhookOption) {
    const { url, received } = await webhook();
    return { webhookUrl: url, received };
  }

  async doStart(options: OpenRouterVideoCallOptions): Promise<VideoModelV4OperationStartResult> {
    const warnings: SharedV4Warning[] = this.config.setupWarnings();
    const [{ buildOpenRouterVideoRequest }, { openRouterVideoJobSchema }, mapping] =
      await Promise.all([
        import('./build-openrouter-video-request'),
        import('./openrouter-video-api'),
        import('./map-openrouter-video-response'),
      ]);
    const { body, behaviour } = buildOpenRouterVideoRequest({
      modelId: this.modelId,
      call: options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const { value: job, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: '/videos',
      body: { json: body },
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterVideoJobSchema),
    });
    const jobId = mapping.readOpenRouterVideoJobId(job);
    if (!jobId) {
      throw new InvalidResponseDataError({
        data: job,
        message: 'OpenRouter accepted the video job but named no job id to poll.',
      });
    }
    return {
      operation: { jobId } satisfies OpenRouterVideoOperation,
      warnings,
      providerMetadata: {
        openrouter: mapping.openRouterVideoMetadata({ jobId, job, responseHeaders }),
      },
      response: { timestamp: new Date(), modelId: this.modelId, headers: responseHeaders },
    };
  }

  async doStatus(options: StatusOptions): Promise<VideoModelV4OperationStatusResult> {
    const [{ openRouterVideoJobSchema }, mapping] = await Promise.all([
      import('./openrouter-video-api'),
      import('./map-openrouter-video-response'),
    ]);
    const jobId = mapping.parseOpenRouterVideoOperation(options.operation);
    const jobPath = `/videos/${encodeURIComponent(jobId)}`;
    const { value: job, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: jobPath,
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: await this.timeout(),
      successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterVideoJobSchema),
    });
    const response = { timestamp: new Date(), modelId: this.modelId, headers: responseHeaders };
    const providerMetadata = {
      openrouter: mapping.openRouterVideoMetadata({ jobId, job, responseHeaders }),
    };
    const state = mapping.classifyOpenRouterVideoJob(job, jobId);
    if (state.state === 'pending') return { status: 'pending', providerMetadata, response };
    if (state.state === 'failed') {
      return { status: 'error', error: state.message, providerMetadata, response };
    }

    const outputs = mapping.planOpenRouterVideoOutputs({
      jobId,
      unsignedUrls: job.unsigned_urls ?? undefined,
      baseURL: `${this.config.baseURL()}/`,
    });
    const videos = await Promise.all(
      outputs.map(async (output): Promise<VideoModelV4VideoData> => {
        if (output.kind === 'url')
          return { type: 'url', url: output.url, mediaType: output.mediaType };
        // Built from the configured base URL and our own job id, never from the response.
        const content = await requestOpenRouter({
          config: this.config,
          path: `${jobPath}/content`,
          query: new URLSearchParams({ index: String(output.index) }),
          headers: options.headers,
          abortSignal: options.abortSignal,
          successfulResponseHandler: openRouterBinaryResponseHandler,
        });
        return {
          type: 'binary',
          data: content.value,
          mediaType: mapping.mediaTypeOfContent(content.responseHeaders),
        };
      }),
    );
    return { status: 'completed', videos, warnings: [], providerMetadata, response };
  }

  /**
   * The `timeout` setting for status checks. A status call has no `providerOptions`, so only the
   * model settings apply; they are resolved (and validated) like in `doStart`.
   */
  private async timeout() {
    if (this.settings.timeout === undefined) return undefined;
    const { resolveOpenRouterVideoOptions } = await import('./openrouter-video-options');
    return resolveOpenRouterVideoOptions({ timeout: this.settings.timeout }, 'settings', [])
      .behaviour.timeout;
  }
}
