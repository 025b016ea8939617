import type {
  Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  Experimental_DecisionModelV4Result as DecisionModelV4Result,
} from '@ai-sdk/provider';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import {
  buildOpenRouterDecisionRequest,
  type OpenRouterDecisionWireState,
} from './build-openrouter-decision-request';
import { mapOpenRouterDecisionResponse } from './map-openrouter-decision-response';
import { openRouterDecisionResponseSchema } from './openrouter-decision-api';
import type { OpenRouterDecisionConfig } from './openrouter-decision-config';
import type { OpenRouterDecisionSettings } from './openrouter-decision-options';

/**
 * One call of the decision model (loaded with the first call): the request body, the exchange
 * with the Decisions API (which lives outside `/api/v1`, so the request goes to the decisions
 * base URL), and the mapping of the answers.
 */
export async function generateOpenRouterDecision(args: {
  modelId: string;
  settings: OpenRouterDecisionSettings;
  config: OpenRouterDecisionConfig;
  options: Omit<DecisionModelV4CallOptions, 'state'>;
  state: OpenRouterDecisionWireState;
}): Promise<DecisionModelV4Result> {
  const { config, state } = args;
  const { value, rawValue, responseHeaders, warnings } = await callOpenRouterJson({
    ...args,
    config: { ...config, baseURL: config.decisionsBaseURL },
    path: '/decisions',
    build: (input) => buildOpenRouterDecisionRequest({ ...input, state }),
    successfulResponseHandler: createOpenRouterJsonResponseHandler(
      openRouterDecisionResponseSchema,
    ),
  });
  return {
    ...mapOpenRouterDecisionResponse({ response: value, responseHeaders }),
    warnings,
    response: {
      id: value.id ?? undefined,
      modelId: value.model ?? undefined,
      headers: responseHeaders,
      body: rawValue,
    },
  };
}
