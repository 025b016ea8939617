import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { isPlainObject } from '../shared/check-option-value';
import { loadOnce } from '../shared/load-once';
import type { ResolvedOpenRouterOptions } from '../shared/resolve-openrouter-options';
import { applyCallSampling, modelSampling } from '../shared/sampling-defaults';
import type { OpenRouterBehaviourOptions, OpenRouterChatSettings } from './openrouter-chat-options';
import { prepareOpenRouterTools } from './openrouter-chat-prepare-tools';
import { convertToOpenRouterChatMessages } from './prompt/convert-to-openrouter-chat-messages';

type ResolvedChatOptions = ResolvedOpenRouterOptions<OpenRouterBehaviourOptions>;

/**
 * Builds the `/chat/completions` body (without `stream`). Precedence, lowest first: model
 * settings, `extraBody` (provider, then model), call `providerOptions.openrouter`; and over all
 * of them, the AI SDK call options the call sets (`temperature`, `maxOutputTokens`, ...): a
 * setting of the model for one of those is a default (`openrouter(id, { temperature: 0 })`),
 * used when the call leaves the option out, and nothing of the model's, `extraBody` included,
 * replaces a value the call gave.
 */
export async function buildOpenRouterChatRequest(options: {
  modelId: string;
  options: LanguageModelV4CallOptions;
  settings: OpenRouterChatSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): Promise<{ body: Record<string, unknown>; behaviour: OpenRouterBehaviourOptions }> {
  const { options: call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const fromSettings = await resolveOptions(settings, 'settings', warnings);
  const fromCall = await resolveOptions(
    call.providerOptions?.openrouter,
    'providerOptions.openrouter',
    warnings,
  );

  const tools = prepareOpenRouterTools({ tools: call.tools, toolChoice: call.toolChoice });
  const { messages, warnings: messageWarnings } = convertToOpenRouterChatMessages(call.prompt, {
    tools: tools.tools,
  });
  warnings.push(...messageWarnings, ...tools.warnings);

  const body: Record<string, unknown> = {
    model: options.modelId,
    messages,
    ...modelSampling(fromSettings.defaults),
    response_format: mapResponseFormat(call.responseFormat, fromSettings, fromCall),
    tools: tools.tools,
    tool_choice: tools.toolChoice,
    ...fromSettings.body,
    ...options.providerExtraBody,
    ...modelExtraBody,
    ...fromCall.body,
  };
  // What the call sets wins over everything the model brought.
  applyCallSampling(body, call, { settings: fromSettings, providerOptions: fromCall }, warnings);

  // Absent options are omitted: OpenRouter injects no defaults, so an absent key leaves the
  // upstream model's own default (https://openrouter.ai/docs/api/reference/parameters).
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  // Call options win over model settings, key by key.
  return { body, behaviour: { ...fromSettings.behaviour, ...fromCall.behaviour } };
}

const NO_OPTIONS: ResolvedChatOptions = { body: {}, behaviour: {}, defaults: {} };

/**
 * The option schemas load with the first call that has options: many apps never pass any, and
 * the schemas are a sizeable share of the bundle (bundlers split dynamic imports off).
 */
async function resolveOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): Promise<ResolvedChatOptions> {
  // Only absent or empty options skip the resolver: anything else is checked there.
  if (options == null || (isPlainObject(options) && Object.keys(options).length === 0)) {
    return NO_OPTIONS;
  }
  const { resolveOpenRouterChatOptions } = await loadChatOptions();
  return resolveOpenRouterChatOptions(options, source, warnings);
}

/** The option schemas, loaded when a call first has options (see `loadOnce`). */
const loadChatOptions = loadOnce(() => import('./openrouter-chat-options'));

function mapResponseFormat(
  responseFormat: LanguageModelV4CallOptions['responseFormat'],
  ...sources: ResolvedChatOptions[]
) {
  if (responseFormat?.type !== 'json') return undefined;
  if (!responseFormat.schema) return { type: 'json_object' };
  const strict =
    sources.reduce<boolean | undefined>(
      (value, source) => source.behaviour.structuredOutputs?.strict ?? value,
      undefined,
    ) ?? true;
  return {
    type: 'json_schema',
    json_schema: {
      // OpenRouter requires a name (<= 64 chars); the AI SDK makes it optional.
      name: responseFormat.name ?? 'response',
      ...(responseFormat.description !== undefined
        ? { description: responseFormat.description }
        : {}),
      schema: responseFormat.schema,
      strict,
    },
  };
}
