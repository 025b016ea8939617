import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { type CallSignal, openCallSignal } from '../shared/call-signal';
import { loadOnce } from '../shared/load-once';
import { type OpenRouterTimeout, parseOpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterChatCall } from './generate-openrouter-chat';
import type { OpenRouterChatConfig } from './openrouter-chat-config';
import type { OpenRouterChatSettings } from './openrouter-chat-options';

/** Every http(s) or data URL OpenRouter fetches itself, so the AI SDK need not download it. */
const FETCHABLE_URL = /^(https?:\/\/|data:)/i;

/**
 * An OpenRouter chat model (`LanguageModelV4` over `POST /chat/completions`), made by
 * `openrouter(modelId)` or `openrouter.chat(modelId)`; pass it to `generateText` or `streamText`.
 *
 * `LanguageModelV4` over `POST /chat/completions`. This class is what the provider creates
 * eagerly, so it holds the model's identity, its checks and the opening of each call's signal;
 * the call itself (`generate-openrouter-chat.ts`: request building, the HTTP exchange, the
 * stream state machine and the mapping, with provider-utils and the wire schemas) loads with the
 * first call, so importing the package costs little beyond this.
 */
export class OpenRouterChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';

  private readonly timeout: OpenRouterTimeout | undefined;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterChatSettings,
    private readonly config: OpenRouterChatConfig,
  ) {
    // A timeout that no timer can honour is refused where the model is configured.
    this.timeout = parseOpenRouterTimeout(settings?.timeout, 'settings.timeout');
  }

  get provider(): string {
    return this.config.provider;
  }

  /**
   * Images, PDFs and videos pass through as URLs. Audio is absent on purpose: OpenRouter's
   * `input_audio` takes base64 only, so the AI SDK must download audio URLs for us.
   */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [FETCHABLE_URL],
    'application/pdf': [FETCHABLE_URL],
    'video/*': [FETCHABLE_URL],
  };

  /**
   * The call's abort link and timeouts, opened before anything can wait (the call's code and
   * option schemas load lazily, the capability check may fetch the catalog), so an abort or a
   * timeout ends every step of the call. A `timeout` in `providerOptions.openrouter` replaces
   * the model's.
   */
  private openCall(options: LanguageModelV4CallOptions): CallSignal {
    const callTimeout = (options.providerOptions?.openrouter as { timeout?: unknown } | undefined)
      ?.timeout;
    const timeout =
      callTimeout === undefined
        ? this.timeout
        : parseOpenRouterTimeout(callTimeout, 'providerOptions.openrouter.timeout');
    return openCallSignal(options.abortSignal, timeout);
  }

  /** Opens the call, then loads the call's code (ending the call if that fails). */
  private async start(options: LanguageModelV4CallOptions) {
    const call = this.openCall(options);
    try {
      const code = await loadChatCall();
      const chat: OpenRouterChatCall = {
        modelId: this.modelId,
        settings: this.settings,
        config: this.config,
        options,
        call,
      };
      return { code, chat };
    } catch (error) {
      call.done();
      throw error;
    }
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { code, chat } = await this.start(options);
    return code.generateOpenRouterChat(chat);
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { code, chat } = await this.start(options);
    return code.streamOpenRouterChat(chat);
  }
}

/** The call's code, loaded with the first call (see `loadOnce`). */
const loadChatCall = loadOnce(() => import('./generate-openrouter-chat'));
