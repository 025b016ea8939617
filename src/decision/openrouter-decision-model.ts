import type {
  Experimental_DecisionModelV4 as DecisionModelV4,
  Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  Experimental_DecisionModelV4Result as DecisionModelV4Result,
} from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter } from '../shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import type { OpenRouterDecisionWireState } from './build-openrouter-decision-request';
import type { OpenRouterDecisionSettings } from './openrouter-decision-options';

/** The decision model's config: the shared one plus where the Decisions API is. */
export interface OpenRouterDecisionConfig extends OpenRouterModelConfig {
  /**
   * The Decisions API's base URL, resolved per request: the `decisionsBaseURL` setting, else the
   * base URL's origin plus `/api/alpha` (OpenRouter serves the API at
   * `https://openrouter.ai/api/alpha/decisions`, outside `/api/v1`).
   */
  decisionsBaseURL: () => string;
}

/** The question types OpenRouter's Decisions API answers (`boolean` is its `noul`). */
const SUPPORTED_QUESTION_TYPES = ['choice', 'score', 'boolean'] as const;

/**
 * The AI SDK's experimental `DecisionModelV4` over OpenRouter's alpha Decisions API
 * (`POST /api/alpha/decisions`), for `experimental_decide` (and `experimental_evaluate`, its
 * former name). `ai` rejects a question of another type (`box`) before any request, from
 * `supportedQuestionTypes`. The request building, the wire schemas and the mapping load with the
 * first call, so apps that never decide do not carry them.
 */
export class OpenRouterDecisionModel implements DecisionModelV4 {
  readonly specificationVersion = 'v4';
  readonly supportedQuestionTypes = SUPPORTED_QUESTION_TYPES;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterDecisionSettings,
    private readonly config: OpenRouterDecisionConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  /** `ai` passes the state as parts (text, JSON, files), which become the wire's `state`. */
  async doDecide(options: DecisionModelV4CallOptions): Promise<DecisionModelV4Result> {
    const { toWireState } = await import('./build-openrouter-decision-request');
    return this.decide(options, toWireState(options.state));
  }

  /**
   * The contract's former method, which `ai` versions before the rename to `doDecide` call with
   * the state as the app gave it (a string, a JSON object or an array); state parts, should they
   * arrive here, are read as in `doDecide`.
   */
  async doEvaluate(
    options: Omit<DecisionModelV4CallOptions, 'state'> & {
      state: DecisionModelV4CallOptions['state'] | OpenRouterDecisionWireState;
    },
  ): Promise<DecisionModelV4Result> {
    const { toWireState } = await import('./build-openrouter-decision-request');
    const { state } = options;
    return this.decide(
      options,
      isStateParts(state) ? toWireState(state) : (state as OpenRouterDecisionWireState),
    );
  }

  private async decide(
    options: Omit<DecisionModelV4CallOptions, 'state'>,
    state: OpenRouterDecisionWireState,
  ): Promise<DecisionModelV4Result> {
    const [build, api, map] = await Promise.all([
      import('./build-openrouter-decision-request'),
      import('./openrouter-decision-api'),
      import('./map-openrouter-decision-response'),
    ]);
    const warnings = this.config.setupWarnings();
    const { body, behaviour } = build.buildOpenRouterDecisionRequest({
      modelId: this.modelId,
      call: options,
      state,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const { value, rawValue, responseHeaders } = await requestOpenRouter({
      config: { ...this.config, baseURL: this.config.decisionsBaseURL },
      path: '/decisions',
      body: { json: body },
      headers: options.headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        api.openRouterDecisionResponseSchema,
      ),
    });
    return {
      ...map.mapOpenRouterDecisionResponse({ response: value, responseHeaders }),
      warnings,
      response: {
        id: value.id ?? undefined,
        modelId: value.model ?? undefined,
        headers: responseHeaders,
        body: rawValue,
      },
    };
  }
}

/** Whether a state is the AI SDK's parts (`[{ type: 'text', text }, ...]`) rather than JSON. */
function isStateParts(state: unknown): state is DecisionModelV4CallOptions['state'] {
  return (
    Array.isArray(state) &&
    state.length > 0 &&
    state.every(
      (part) =>
        part !== null &&
        typeof part === 'object' &&
        ((part.type === 'text' && typeof part.text === 'string') ||
          (part.type === 'json' && 'value' in part) ||
          (part.type === 'file' && 'data' in part)),
    )
  );
}
