/**
 * Serves scenario steps from the emulator: a step as an SSE stream or a JSON body, and the
 * handler that picks the step of a tool loop from the request's history.
 */
import { notFound } from '../../server/errors.js';
import type { RecordedRequest } from '../../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse, SseEvent } from '../../server/responses.js';
import { generationId } from '../../shared/ids.js';
import { chunkBuilders } from '../chat-fixtures.js';
import type { ReasoningScenario, ScenarioDelta, ScenarioStep } from './scenario-types.js';

/**
 * A step as a streamed completion, framed like real OpenRouter streams (keep-alive comments, the
 * role chunk, the deltas, the finish chunk, a `choices: []` usage chunk, `[DONE]`).
 */
export function scenarioStream(step: ScenarioStep, created = nowSeconds()): SseEvent[] {
  const id = generationId(created);
  const { chunk, choice } = chunkBuilders({
    id,
    provider: step.provider,
    model: step.model,
    created,
  });
  const events: SseEvent[] = [
    { comment: 'OPENROUTER PROCESSING' },
    { comment: 'OPENROUTER PROCESSING' },
    { data: chunk([choice({ role: 'assistant', content: '' })]) },
  ];
  for (const delta of step.deltas) events.push({ data: chunk([choice(deltaBody(delta))]) });
  events.push({
    data: chunk([
      choice({ role: 'assistant', content: '' }, step.finishReason, step.nativeFinishReason),
    ]),
  });
  events.push({ data: chunk([], { usage: step.usage }) });
  events.push({ done: true });
  return events;
}

function deltaBody(delta: ScenarioDelta): Record<string, unknown> {
  switch (delta.kind) {
    case 'reasoning':
      return {
        role: 'assistant',
        content: '',
        reasoning: delta.reasoning,
        reasoning_details: delta.details,
      };
    case 'text':
      return { role: 'assistant', content: delta.text };
    case 'tool-call-start': {
      const body: Record<string, unknown> = { role: 'assistant', content: null };
      if (delta.details) body.reasoning_details = delta.details;
      body.tool_calls = [
        {
          index: delta.index,
          id: delta.id,
          type: 'function',
          function: { name: delta.name, arguments: delta.arguments ?? '' },
        },
      ];
      return body;
    }
    case 'tool-call-arguments':
      return {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: delta.index, function: { arguments: delta.arguments } }],
      };
    case 'annotations':
      return { role: 'assistant', content: '', annotations: delta.annotations };
  }
}

/** A step as a non-streamed `chat.completion` body, with keys in the order of real responses. */
export function scenarioJson(step: ScenarioStep, created = nowSeconds()): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: step.content,
    refusal: null,
    reasoning: step.reasoning,
  };
  if (step.reasoningDetails !== undefined) message.reasoning_details = step.reasoningDetails;
  if (step.toolCalls.length > 0) {
    message.tool_calls = step.toolCalls.map((call, index) => ({
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (step.annotations?.length) message.annotations = step.annotations;
  return {
    id: generationId(created),
    provider: step.provider,
    model: step.model,
    object: 'chat.completion',
    created,
    choices: [
      {
        logprobs: null,
        finish_reason: step.finishReason,
        native_finish_reason: step.nativeFinishReason,
        index: 0,
        message,
      },
    ],
    usage: step.usage,
  };
}

/** `sse` when `stream`, else `json`. */
export function scenarioResponse(step: ScenarioStep, stream: boolean): EmulatorResponse {
  return stream
    ? { type: 'sse', events: scenarioStream(step) }
    : { type: 'json', body: scenarioJson(step) };
}

/** Number of assistant messages in a request: 0 on the first step of a loop, 1 on the second... */
export function assistantMessageCount(request: RecordedRequest): number {
  const body = request.body as { messages?: unknown } | undefined;
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  return messages.filter((message) => (message as { role?: unknown } | null)?.role === 'assistant')
    .length;
}

/**
 * Answers `POST /chat/completions` with step N when the request already holds N assistant
 * messages, streamed or not by the request's `stream` flag. A request beyond the last step (or
 * one that lost its history and so gets the wrong step) fails the test.
 */
export function reasoningScenarioHandler(
  scenario: ReasoningScenario | ScenarioStep[],
): EmulatorHandler {
  const steps = Array.isArray(scenario) ? scenario : scenario.steps;
  return (request) => {
    if (request.path !== '/chat/completions') return notFound(request);
    const turn = assistantMessageCount(request);
    const step = steps[turn];
    if (!step) {
      return {
        type: 'error',
        status: 500,
        message: `reasoning scenario: no step for ${turn} assistant message(s) (${steps.length} steps)`,
      };
    }
    const stream = (request.body as { stream?: unknown } | undefined)?.stream === true;
    return scenarioResponse(step, stream);
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
