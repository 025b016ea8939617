import type {
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterVideoCallOptions } from './build-openrouter-video-request';
import type {
  OpenRouterVideoModelContext,
  OpenRouterVideoStatusOptions,
} from './openrouter-video-job';
import type { OpenRouterVideoSettings } from './openrouter-video-options';

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
 * The requests, the translation code and the wire schemas (`openrouter-video-job.ts`) load with
 * the first call: the main entry carries only this class.
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
    const { startOpenRouterVideoJob } = await loadVideoJob();
    return startOpenRouterVideoJob(this.context(), options);
  }

  async doStatus(
    options: OpenRouterVideoStatusOptions,
  ): Promise<VideoModelV4OperationStatusResult> {
    const { checkOpenRouterVideoJob } = await loadVideoJob();
    return checkOpenRouterVideoJob(this.context(), options);
  }

  private context(): OpenRouterVideoModelContext {
    return { modelId: this.modelId, settings: this.settings, config: this.config };
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadVideoJob = loadOnce(() => import('./openrouter-video-job'));
