import type {
  Experimental_DecisionModelV4 as DecisionModelV4,
  Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  Experimental_DecisionModelV4Result as DecisionModelV4Result,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterDecisionWireState } from './build-openrouter-decision-request';
import type { OpenRouterDecisionConfig } from './openrouter-decision-config';
import type { OpenRouterDecisionSettings } from './openrouter-decision-options';

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
    const { toWireState } = await loadDecisionRequestBuilder();
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
    const { toWireState } = await loadDecisionRequestBuilder();
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
    const { generateOpenRouterDecision } = await loadDecisionCall();
    return generateOpenRouterDecision({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
      state,
    });
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

/** The call code, loaded with the first call (see `loadOnce`). */
const loadDecisionRequestBuilder = loadOnce(() => import('./build-openrouter-decision-request'));
const loadDecisionCall = loadOnce(() => import('./generate-openrouter-decision'));
