import { randomAlnum } from '../shared/ids.js';

/**
 * Builders for `POST /api/alpha/decisions` (OpenRouter's alpha Decisions API) response bodies:
 * `{ id, model, provider, answers: { [questionId]: answer }, usage: { input_tokens,
 * output_tokens, cost } }`, where an answer is `{ type: 'choice', choice, probabilities,
 * confidence }`, `{ type: 'score', score, probabilities, legend, confidence }` or `{ type: 'noul',
 * noul }` (P(yes)). Probabilities and scores are rounded to two decimals, as the API sends them.
 */

/** A question as the request sends it. */
export type DecisionRequestQuestion =
  | { type: 'choice'; instructions?: unknown; criteria: Record<string, unknown> }
  | { type: 'score'; instructions?: unknown; criteria: unknown[] }
  | { type: 'noul'; instructions?: unknown; criteria?: { true?: unknown; false?: unknown } };

/** What the builders need from the request. */
export interface DecisionRequestInfo {
  model?: string;
  state: unknown;
  questions: Record<string, DecisionRequestQuestion>;
}

/** A wire answer, for scripts that set one outright. */
export type DecisionWireAnswer = Record<string, unknown> & { type: string };

/** How a scripted response differs from the default one. */
export interface DecisionScript {
  /** Answers by question id, over the default ones (`decisionAnswer`). */
  answers?: Record<string, DecisionWireAnswer>;
  /** Default: the requested model with a version date (`typesafe/jev-1.13-20260917`). */
  model?: string;
  /** The serving provider's name; default `TypeSafe`. `null` omits the field. */
  provider?: string | null;
  /** The generation id; default a fresh `gen-dec-…` id. `null` omits it. */
  id?: string | null;
  /** Fields over the default usage; `undefined` removes a field. */
  usage?: Record<string, unknown>;
  /** Fields added to the body's top level. */
  extra?: Record<string, unknown>;
}

/** A generation id in the form of OpenRouter's responses. */
export function decisionGenerationId(created: number = Math.floor(Date.now() / 1000)): string {
  return `gen-dec-${created}-${randomAlnum(20)}`;
}

const words = (value: unknown): Set<string> =>
  new Set(
    (typeof value === 'string' ? value : JSON.stringify(value ?? ''))
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/** How many of `text`'s words (longer than three letters) occur in `state`. */
function overlap(state: Set<string>, text: unknown): number {
  let shared = 0;
  for (const word of words(text)) if (word.length > 3 && state.has(word)) shared++;
  return shared;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A distribution over `keys` from weights, rounded to two decimals, the rounding remainder put
 * on the largest so that it sums to 1 exactly.
 */
function distribution(keys: string[], weights: number[]): Record<string, number> {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const rounded = weights.map((weight) => round2(weight / total));
  const largest = rounded.indexOf(Math.max(...rounded));
  rounded[largest] = round2(1 - rounded.reduce((sum, p, i) => (i === largest ? sum : sum + p), 0));
  return Object.fromEntries(keys.map((key, i) => [key, rounded[i] ?? 0]));
}

/**
 * The default answer to a question: a toy judge that weighs each option (or level, or side) by
 * how many of the words of its name and description occur in the state, so a state about
 * payments picks the `payments` option. Deterministic, and shaped as the API answers.
 */
export function decisionAnswer(
  question: DecisionRequestQuestion,
  state: unknown,
): DecisionWireAnswer {
  const stateWords = words(state);
  switch (question.type) {
    case 'choice': {
      const keys = Object.keys(question.criteria);
      const weights = keys.map(
        (key) => 1 + 3 * (overlap(stateWords, key) + overlap(stateWords, question.criteria[key])),
      );
      const probabilities = distribution(keys, weights);
      const choice = keys.reduce((best, key) =>
        (probabilities[key] ?? 0) > (probabilities[best] ?? 0) ? key : best,
      );
      return { type: 'choice', choice, probabilities, confidence: probabilities[choice] };
    }
    case 'score': {
      const keys = question.criteria.map((_, index) => String(index));
      const weights = question.criteria.map((level) => 1 + 3 * overlap(stateWords, level));
      const probabilities = distribution(keys, weights);
      const score = round2(
        keys.reduce((sum, key) => sum + Number(key) * (probabilities[key] ?? 0), 0),
      );
      const legend = Object.fromEntries(
        question.criteria.map((level, index) => [String(index), level]),
      );
      return {
        type: 'score',
        score,
        probabilities,
        legend,
        confidence: Math.max(...Object.values(probabilities)),
      };
    }
    case 'noul': {
      const yes = 1 + 3 * overlap(stateWords, question.criteria?.true ?? question.instructions);
      const no = 1 + 3 * overlap(stateWords, question.criteria?.false ?? '');
      return { type: 'noul', noul: round2(yes / (yes + no)) };
    }
  }
}

/** A `POST /api/alpha/decisions` response body for `request`, as `script` says. */
export function decisionJson(
  script: DecisionScript,
  request: DecisionRequestInfo,
): Record<string, unknown> {
  const answers: Record<string, DecisionWireAnswer> = {};
  for (const [id, question] of Object.entries(request.questions)) {
    answers[id] = script.answers?.[id] ?? decisionAnswer(question, request.state);
  }
  const questionCount = Object.keys(request.questions).length;
  const inputTokens = Math.max(1, Math.ceil(JSON.stringify(request.state ?? '').length / 4));
  const usage: Record<string, unknown> = {
    input_tokens: inputTokens,
    output_tokens: questionCount,
    cost: round6((inputTokens + questionCount) * 7e-7),
  };
  for (const [key, value] of Object.entries(script.usage ?? {})) {
    if (value === undefined) delete usage[key];
    else usage[key] = value;
  }
  const body: Record<string, unknown> = {};
  const id = script.id === undefined ? decisionGenerationId() : script.id;
  if (id !== null) body.id = id;
  body.model = script.model ?? `${request.model ?? 'typesafe/jev-1.13'}-20260917`;
  const provider = script.provider === undefined ? 'TypeSafe' : script.provider;
  if (provider !== null) body.provider = provider;
  body.answers = answers;
  body.usage = usage;
  return { ...body, ...script.extra };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
