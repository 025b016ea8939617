import {
  type Experimental_DecisionModelV4Answer as DecisionModelV4Answer,
  type Experimental_DecisionModelV4Result as DecisionModelV4Result,
  InvalidResponseDataError,
  type JSONObject,
} from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type {
  OpenRouterDecisionAnswer,
  OpenRouterDecisionResponse,
} from './openrouter-decision-api';

/**
 * The Decisions API rounds probabilities and scores to two decimals; the result says so, and
 * `ai` then accepts distributions and weighted scores that differ from exact by rounding alone.
 */
export const OPENROUTER_DECISION_ROUNDING = { probabilityDecimals: 2, scoreDecimals: 2 };

/**
 * The parts of the V4 result that come from the response body. Answers keep their question ids;
 * `noul` becomes `boolean` with P(true) as `probability`. What the AI SDK's answers have no field
 * for (each answer's `confidence`, a score's `legend`) goes to
 * `providerMetadata.openrouter.answers[questionId]`, next to the provider, the generation id and
 * the usage block with the cost, as for every other kind.
 */
export function mapOpenRouterDecisionResponse(options: {
  response: OpenRouterDecisionResponse;
  responseHeaders: Record<string, string>;
}): Pick<DecisionModelV4Result, 'answers' | 'rounding' | 'usage' | 'providerMetadata'> {
  const { response } = options;
  const answers: Record<string, DecisionModelV4Answer> = {};
  const details: JSONObject = {};
  for (const [id, answer] of Object.entries(response.answers)) {
    answers[id] = toAnswer(id, answer, response);
    details[id] = answerDetails(answer);
  }
  const usage = response.usage ?? undefined;
  const metadata = buildOpenRouterResponseMetadata({
    provider: response.provider,
    generationId: response.id,
    usage: usage && {
      prompt_tokens: usage.input_tokens,
      completion_tokens: usage.output_tokens,
      cost: usage.cost,
      is_byok: usage.is_byok,
    },
    responseHeaders: options.responseHeaders,
  });
  metadata.answers = details;
  return {
    answers,
    rounding: OPENROUTER_DECISION_ROUNDING,
    usage: usage && {
      inputTokens: usage.input_tokens ?? undefined,
      outputTokens: usage.output_tokens ?? undefined,
    },
    providerMetadata: { openrouter: metadata },
  };
}

function toAnswer(
  id: string,
  answer: OpenRouterDecisionAnswer,
  response: OpenRouterDecisionResponse,
): DecisionModelV4Answer {
  const probabilities = answer.probabilities ?? undefined;
  switch (answer.type) {
    case 'noul':
      if (answer.noul != null) return { type: 'boolean', probability: answer.noul };
      break;
    case 'choice':
      if (answer.choice != null) return { type: 'choice', choice: answer.choice, probabilities };
      break;
    case 'score':
      if (answer.score != null) return { type: 'score', score: answer.score, probabilities };
      break;
    case 'refusal':
      return { type: 'refusal' };
  }
  throw new InvalidResponseDataError({
    data: response,
    message: `OpenRouter's answer to question "${id}" is not a usable ${JSON.stringify(answer.type)} answer.`,
  });
}

function answerDetails(answer: OpenRouterDecisionAnswer): JSONObject {
  const details: JSONObject = {};
  if (answer.confidence != null) details.confidence = answer.confidence;
  if (answer.legend != null) details.legend = answer.legend as JSONObject;
  return details;
}
