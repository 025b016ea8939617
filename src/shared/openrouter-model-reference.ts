import { InvalidArgumentError } from '@ai-sdk/provider';

/**
 * Model references as apps keep them in configuration (env files, YAML, a registry id), parsed
 * into the wire model id and model settings:
 *
 * - `openrouter:anthropic/claude-sonnet-4.5`: an optional `openrouter:` prefix (LLM proxies,
 *   `createProviderRegistry` ids) is removed;
 * - `openrouter/anthropic/claude-sonnet-4.5`: an optional `openrouter/` prefix (OpenClaw's refs)
 *   is removed only when an `author/slug` follows, so OpenRouter's own routers
 *   (`openrouter/auto`, `openrouter/free`) keep their names;
 * - a variant suffix (`:free`, `:nitro`, `:online`, ...) is part of the id and kept;
 * - `?temperature=0.7&top_p=0.9&reasoning=high`: an optional query of model settings, in either
 *   spelling (`top_p` or `topP`), which become the model's defaults (a call option wins over
 *   them). A name that is no setting is reported (the caller warns) and not sent; a value of the
 *   wrong type is an `InvalidArgumentError` naming the parameter, before any request.
 */
export interface OpenRouterModelReference {
  /** The id OpenRouter gets (`anthropic/claude-sonnet-4.5:free`). */
  modelId: string;
  /** Settings from the query, by their camelCase names (`topP`, `maxOutputTokens`, ...). */
  settings: Record<string, unknown>;
  /** Query parameters that are not model settings, as written: reported, not sent. */
  unknownParameters: string[];
}

type Parse = (text: string) => unknown;

const number: Parse = (text) => {
  const value = NUMBER.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
};
const integer: Parse = (text) => {
  const value = number(text);
  return Number.isInteger(value) ? value : undefined;
};
const positiveInteger: Parse = (text) => {
  const value = integer(text);
  return typeof value === 'number' && value >= 1 ? value : undefined;
};
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];
const effort: Parse = (text) => (REASONING_EFFORTS.includes(text) ? text : undefined);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Each setting a query may carry: its spellings, and how its value is read (and described). */
const QUERY_SETTINGS: Array<{ setting: string; names: string[]; parse: Parse; expected: string }> =
  [
    { setting: 'temperature', names: ['temperature'], parse: number, expected: 'a number' },
    { setting: 'topP', names: ['top_p', 'topP'], parse: number, expected: 'a number' },
    { setting: 'topK', names: ['top_k', 'topK'], parse: integer, expected: 'an integer' },
    {
      setting: 'maxOutputTokens',
      names: ['max_tokens', 'maxTokens', 'max_output_tokens', 'maxOutputTokens'],
      parse: positiveInteger,
      expected: 'a positive integer',
    },
    {
      setting: 'frequencyPenalty',
      names: ['frequency_penalty', 'frequencyPenalty'],
      parse: number,
      expected: 'a number',
    },
    {
      setting: 'presencePenalty',
      names: ['presence_penalty', 'presencePenalty'],
      parse: number,
      expected: 'a number',
    },
    { setting: 'seed', names: ['seed'], parse: integer, expected: 'an integer' },
    {
      setting: 'reasoning',
      names: ['reasoning'],
      parse: effort,
      expected: `a reasoning effort (${REASONING_EFFORTS.join(', ')})`,
    },
  ];

/** The spellings a query may use, for messages. */
export const MODEL_REFERENCE_PARAMETERS = QUERY_SETTINGS.flatMap(({ names }) => names);

const NO_SETTINGS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** Parses a model reference (see {@link OpenRouterModelReference}). Pure; throws on bad input. */
export function parseOpenRouterModelReference(reference: string): OpenRouterModelReference {
  const text = reference.trim();
  const queryStart = text.indexOf('?');
  const modelId = withoutPrefixes(queryStart === -1 ? text : text.slice(0, queryStart));
  if (modelId === '') {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `The model reference ${JSON.stringify(reference)} names no model: expected an id like "openai/gpt-4o" (optionally "openrouter:openai/gpt-4o" or "openrouter/openai/gpt-4o").`,
    });
  }
  if (queryStart === -1) return { modelId, settings: NO_SETTINGS, unknownParameters: [] };

  const settings: Record<string, unknown> = {};
  const givenAs: Record<string, string> = {};
  const unknownParameters: string[] = [];
  for (const [name, value] of new URLSearchParams(text.slice(queryStart + 1))) {
    const known = QUERY_SETTINGS.find((entry) => entry.names.includes(name));
    if (!known) {
      if (!unknownParameters.includes(name)) unknownParameters.push(name);
      continue;
    }
    const invalid = (problem: string) =>
      new InvalidArgumentError({
        argument: 'modelId',
        message: `Invalid model reference ${JSON.stringify(reference)}: the query parameter "${name}" ${problem}.`,
      });
    const earlier = givenAs[known.setting];
    if (earlier !== undefined) {
      throw invalid(
        earlier === name ? 'is given twice' : `repeats "${earlier}" (the same setting)`,
      );
    }
    const parsed = known.parse(value);
    if (parsed === undefined) {
      throw invalid(`must be ${known.expected}, not ${JSON.stringify(value)}`);
    }
    givenAs[known.setting] = name;
    settings[known.setting] = parsed;
  }
  return { modelId, settings, unknownParameters };
}

/** `openrouter:` always; then `openrouter/` only when an `author/slug` follows. */
function withoutPrefixes(id: string): string {
  let rest = id.startsWith('openrouter:') ? id.slice('openrouter:'.length) : id;
  if (rest.startsWith('openrouter/') && rest.indexOf('/', 'openrouter/'.length) !== -1) {
    rest = rest.slice('openrouter/'.length);
  }
  return rest.trim();
}
