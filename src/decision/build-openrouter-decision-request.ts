import {
  type Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  type Experimental_DecisionModelV4Question as DecisionModelV4Question,
  type Experimental_DecisionModelV4State as DecisionModelV4State,
  InvalidArgumentError,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { isCustomReasoning } from '@ai-sdk/provider-utils';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../shared/layer-openrouter-request';
import {
  type OpenRouterDecisionBehaviourOptions,
  type OpenRouterDecisionSettings,
  openRouterDecisionOptionsSpec,
} from './openrouter-decision-options';

/** The state as the Decisions API takes it: a string, a JSON object, or an array of context. */
export type OpenRouterDecisionWireState = string | Record<string, unknown> | unknown[];

/**
 * Builds the `/decisions` body. Precedence, lowest first: model settings, `extraBody` (provider,
 * then model), call `providerOptions.openrouter`; `model`, `state` and `questions` always come
 * from the call. `state` is the AI SDK's state parts (`doDecide`) or, for `ai` versions that call
 * `doEvaluate`, the state as the app gave it (`wireState`).
 */
export function buildOpenRouterDecisionRequest(options: {
  modelId: string;
  call: Omit<DecisionModelV4CallOptions, 'state'>;
  state: OpenRouterDecisionWireState;
  settings: OpenRouterDecisionSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterDecisionBehaviourOptions } {
  const { call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const resolved = resolveOpenRouterSettingsAndCall<OpenRouterDecisionBehaviourOptions>(
    openRouterDecisionOptionsSpec,
    settings,
    call.providerOptions?.openrouter,
    warnings,
  );
  reportUnsupportedOptions(call, warnings);
  const questions: Record<string, unknown> = {};
  for (const [id, question] of Object.entries(call.questions)) {
    questions[id] = toWireQuestion(id, question);
  }
  const request = layerOpenRouterRequest({
    ...resolved,
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
  });
  // What the call owns comes last: not even extraBody replaces it.
  Object.assign(request.body, { model: options.modelId, state: options.state, questions });
  return request;
}

/**
 * The AI SDK's state parts as the Decisions API's `state`: one text part is the string, one JSON
 * object or array is that value, and anything else is an array of the parts' values in order.
 * The API takes no files (it documents text and JSON only): a file part is refused before
 * anything is sent.
 */
export function toWireState(state: DecisionModelV4State): OpenRouterDecisionWireState {
  const values = state.map((part, index) => {
    if (part.type === 'text') return part.text;
    if (part.type === 'json') return part.value;
    throw new UnsupportedFunctionalityError({
      functionality: `state part ${index} of type "${part.type}"`,
      message: `OpenRouter's Decisions API takes text and JSON state only; state part ${index} is a ${part.type} part (${'mediaType' in part ? part.mediaType : 'unknown type'}).`,
    });
  });
  const [only] = values;
  if (values.length === 1) {
    if (typeof only === 'string') return only;
    if (only !== null && typeof only === 'object') {
      return only as Record<string, unknown> | unknown[];
    }
  }
  return values;
}

/**
 * An AI SDK question as a Decisions API question: `choice` and `score` keep their shape,
 * `boolean` is a `noul` question (a yes/no question answered with P(yes)). Absent instructions
 * are left out. What the API rejects is refused here, before anything is sent (and billed): a
 * score level without a description, and boolean criteria that describe only one side.
 */
export function toWireQuestion(id: string, question: DecisionModelV4Question): unknown {
  const instructions = question.instructions ?? undefined;
  switch (question.type) {
    case 'choice':
      return { type: 'choice', instructions, criteria: question.criteria };
    case 'score':
      return {
        type: 'score',
        instructions,
        criteria: question.criteria.map((criterion, index) => {
          if (criterion == null) {
            throw new InvalidArgumentError({
              argument: `questions.${id}.criteria[${index}]`,
              message: `Question "${id}": OpenRouter's Decisions API needs a description for every score level, and level ${index} has none.`,
            });
          }
          return criterion;
        }),
      };
    case 'boolean': {
      const whenTrue = question.criteria?.true ?? undefined;
      const whenFalse = question.criteria?.false ?? undefined;
      if (whenTrue === undefined && whenFalse === undefined) return { type: 'noul', instructions };
      if (whenTrue === undefined || whenFalse === undefined) {
        throw new InvalidArgumentError({
          argument: `questions.${id}.criteria`,
          message: `Question "${id}": OpenRouter's Decisions API needs both a "true" and a "false" description when boolean criteria are given.`,
        });
      }
      return { type: 'noul', instructions, criteria: { true: whenTrue, false: whenFalse } };
    }
    default:
      throw new UnsupportedFunctionalityError({
        functionality: `${(question as { type: string }).type} questions`,
        message: `Question "${id}": OpenRouter's Decisions API answers choice, score and boolean questions, not "${(question as { type: string }).type}".`,
      });
  }
}

/** The Decisions API has no token limit or reasoning effort: say so instead of dropping them. */
function reportUnsupportedOptions(
  call: Pick<DecisionModelV4CallOptions, 'maxOutputTokens' | 'reasoning'>,
  warnings: SharedV4Warning[],
): void {
  if (call.maxOutputTokens !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'maxOutputTokens',
      details: "OpenRouter's Decisions API takes no output token limit; it was not sent.",
    });
  }
  if (isCustomReasoning(call.reasoning) && call.reasoning !== 'none') {
    warnings.push({
      type: 'unsupported',
      feature: 'reasoning',
      details: "OpenRouter's Decisions API takes no reasoning effort; it was not sent.",
    });
  }
}
