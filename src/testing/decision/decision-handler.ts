import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import {
  type DecisionRequestInfo,
  type DecisionRequestQuestion,
  type DecisionScript,
  decisionJson,
} from './decision-fixtures.js';

/** Where OpenRouter serves the Decisions API: outside `/api/v1`. */
export const DECISIONS_PATH = '/api/alpha/decisions';

/**
 * A handler for `POST /api/alpha/decisions` (the emulator routes paths outside `/api/v1` by their
 * whole pathname): answers every question with the script's answer or the toy judge's
 * (`decisionAnswer`). Like the API, it answers 400 to a request without a model, a state or
 * questions, to a question type other than `choice`, `score` and `noul`, to a score level
 * without a description, and to `noul` criteria that describe one side only.
 */
export function scriptedDecision(
  script: DecisionScript | ((request: RecordedRequest) => DecisionScript) = {},
): EmulatorHandler {
  return (request) => {
    if (request.method !== 'POST' || request.path !== DECISIONS_PATH) return notFound(request);
    const info = request.json<Partial<DecisionRequestInfo>>();
    const problem = requestProblem(info);
    if (problem) return { type: 'error', status: 400, message: problem };
    const resolved = typeof script === 'function' ? script(request) : script;
    return { type: 'json', body: decisionJson(resolved, info as DecisionRequestInfo) };
  };
}

function requestProblem(info: Partial<DecisionRequestInfo> | undefined): string | undefined {
  if (!info || typeof info.model !== 'string') return 'model is required';
  if (info.state === undefined || info.state === null) return 'state is required';
  const questions = info.questions;
  if (!questions || typeof questions !== 'object' || Object.keys(questions).length === 0) {
    return 'questions must be a nonempty object';
  }
  for (const [id, question] of Object.entries(questions)) {
    const problem = questionProblem(question);
    if (problem) return `questions.${id}: ${problem}`;
  }
  return undefined;
}

function questionProblem(question: DecisionRequestQuestion): string | undefined {
  switch (question.type) {
    case 'choice':
      return question.criteria && Object.keys(question.criteria).length > 0
        ? undefined
        : 'choice criteria must be a nonempty object';
    case 'score':
      return Array.isArray(question.criteria) &&
        question.criteria.length >= 2 &&
        question.criteria.every((level) => level != null)
        ? undefined
        : 'score criteria must be at least two described levels';
    case 'noul': {
      const criteria = question.criteria;
      if (criteria === undefined) return undefined;
      return criteria.true != null && criteria.false != null
        ? undefined
        : 'noul criteria must describe both true and false';
    }
    default:
      return `unknown question type ${JSON.stringify((question as { type?: unknown }).type)}`;
  }
}
