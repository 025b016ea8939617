import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { applyCallSampling, modelSampling } from '../shared/sampling-defaults';
import { convertToOpenRouterCompletionPrompt } from './convert-to-openrouter-completion-prompt';
import {
  type OpenRouterCompletionBehaviourOptions,
  type OpenRouterCompletionSettings,
  resolveOpenRouterCompletionOptions,
} from './openrouter-completion-options';

/** OpenAI-compatible upstreams reject more than four stop sequences. */
const MAX_STOP_SEQUENCES = 4;

/**
 * Builds the `/completions` body (without `stream`). Precedence, lowest first: model settings,
 * `extraBody` (provider, then model), call `providerOptions.openrouter`; and over all of them,
 * the AI SDK call options the call sets: a model setting for one of those (`temperature`,
 * `maxTokens`, ...) is a default, used when the call leaves the option out.
 * What the endpoint cannot do (tools, a forced tool choice, JSON output) gives a warning, never
 * an error: `ai` passes some of these on every call.
 */
export function buildOpenRouterCompletionRequest(options: {
  modelId: string;
  options: LanguageModelV4CallOptions;
  settings: OpenRouterCompletionSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterCompletionBehaviourOptions } {
  const { options: call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const fromSettings = resolveOpenRouterCompletionOptions(settings, 'settings', warnings);
  const fromCall = resolveOpenRouterCompletionOptions(
    call.providerOptions?.openrouter,
    'providerOptions.openrouter',
    warnings,
  );

  const { prompt, stopSequences } = convertToOpenRouterCompletionPrompt(call.prompt, warnings);
  reportUnsupportedOptions(call, warnings);

  const body: Record<string, unknown> = {
    model: options.modelId,
    prompt,
    ...modelSampling(fromSettings.defaults),
    ...fromSettings.body,
    ...options.providerExtraBody,
    ...modelExtraBody,
    ...fromCall.body,
  };
  // What the call sets wins over everything the model brought.
  applyCallSampling(body, call, { settings: fromSettings, providerOptions: fromCall }, warnings);
  body.stop = mergeStopSequences(body.stop as string[] | undefined, stopSequences);

  // Absent options are omitted: OpenRouter applies no defaults of its own.
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, behaviour: { ...fromSettings.behaviour, ...fromCall.behaviour } };
}

/**
 * The caller's stop sequences first; the transcript's own (`\nuser:`) when there is room for it,
 * since a request with too many is rejected as a whole.
 */
function mergeStopSequences(
  fromCall: string[] | undefined,
  fromPrompt: string[],
): string[] | undefined {
  const stop = [...(fromCall ?? [])];
  for (const sequence of fromPrompt) {
    if (stop.length < MAX_STOP_SEQUENCES && !stop.includes(sequence)) stop.push(sequence);
  }
  return stop.length > 0 ? stop : undefined;
}

function reportUnsupportedOptions(
  call: LanguageModelV4CallOptions,
  warnings: SharedV4Warning[],
): void {
  if (call.tools && call.tools.length > 0) {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details:
        'The legacy completions endpoint has no tool calling; the tools were not sent. Use openrouter.chat(...) for tools.',
    });
  }
  // `ai` sends `{ type: 'auto' }` on every call, and `none` is what happens anyway: only a
  // forced tool choice asks for something the endpoint cannot do.
  const toolChoice = call.toolChoice?.type;
  if (toolChoice === 'required' || toolChoice === 'tool') {
    warnings.push({
      type: 'unsupported',
      feature: 'toolChoice',
      details: `The legacy completions endpoint cannot call tools; toolChoice "${toolChoice}" was ignored.`,
    });
  }
  if (call.responseFormat?.type === 'json') {
    warnings.push({
      type: 'unsupported',
      feature: 'responseFormat',
      details:
        'The legacy completions endpoint cannot be asked for JSON; the model answers in free text. Use openrouter.chat(...) for structured output.',
    });
  }
}
