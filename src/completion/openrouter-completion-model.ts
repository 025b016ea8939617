import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import type { OpenRouterCompletionCall } from './generate-openrouter-completion';
import type { OpenRouterCompletionSettings } from './openrouter-completion-options';

/**
 * A language model over OpenRouter's legacy `POST /completions`: the prompt goes out as one text
 * (see `convert-to-openrouter-completion-prompt.ts`), the answer comes back as text (and
 * reasoning, when the model reasons). Works with `generateText` and `streamText`; tools, a forced
 * tool choice and JSON output give warnings, since the endpoint has none of them. This class is
 * what the provider creates eagerly; the call itself (`generate-openrouter-completion.ts`) loads
 * with the first call.
 */
export class OpenRouterCompletionLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';

  /**
   * Every URL, so the AI SDK never downloads a file for this model: a text prompt cannot carry
   * files, and the prompt conversion rejects them with a clear error whatever their form.
   */
  readonly supportedUrls: Record<string, RegExp[]> = { '*/*': [/^/] };

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterCompletionSettings,
    private readonly config: OpenRouterModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  private call(options: LanguageModelV4CallOptions): OpenRouterCompletionCall {
    return { modelId: this.modelId, settings: this.settings, config: this.config, options };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { generateOpenRouterCompletion } = await loadCompletionCall();
    return generateOpenRouterCompletion(this.call(options));
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { streamOpenRouterCompletion } = await loadCompletionCall();
    return streamOpenRouterCompletion(this.call(options));
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadCompletionCall = loadOnce(() => import('./generate-openrouter-completion'));
