import type { SharedV4Warning } from '@ai-sdk/provider';
import type { OpenRouterModelsListOptions, OpenRouterPlatformApi } from './openrouter-platform-api';
import type { OpenRouterModel } from './openrouter-platform-schemas';

/**
 * Opt-in capability checks against OpenRouter's model catalog (`GET /models`): everything here is
 * pure except the catalog's single, lazy, shared load. Nothing is fetched unless a catalog is
 * created and asked for a model.
 */

/** Looks models up by id, `canonical_slug` (dated permaslug) and base id (without `:variant`s). */
export class OpenRouterModelIndex {
  private readonly byKey = new Map<string, OpenRouterModel>();

  constructor(readonly models: readonly OpenRouterModel[]) {
    // Ids first, so an id always wins over another model's permaslug.
    for (const model of models) this.add(model.id, model);
    for (const model of models) if (model.canonical_slug) this.add(model.canonical_slug, model);
  }

  private add(key: string, model: OpenRouterModel) {
    const normalized = key.toLowerCase();
    if (!this.byKey.has(normalized)) this.byKey.set(normalized, model);
  }

  /**
   * `anthropic/claude-sonnet-4.5`, its permaslug, `openai/gpt-oss-20b:free:online` (tries
   * `…:free:online`, `…:free`, then the base id), `~anthropic/claude-opus-latest` (the alias entry,
   * or its `alias_target` when the alias lists no parameters). Presets and unknown ids: undefined.
   */
  find(modelId: string): OpenRouterModel | undefined {
    let candidate = modelId.trim();
    for (;;) {
      const model = this.byKey.get(candidate.toLowerCase());
      if (model) return this.resolveAlias(model);
      const colon = candidate.lastIndexOf(':');
      if (colon <= candidate.lastIndexOf('/')) return undefined;
      candidate = candidate.slice(0, colon);
    }
  }

  private resolveAlias(model: OpenRouterModel): OpenRouterModel {
    if (model.supported_parameters || !model.alias_target) return model;
    return this.byKey.get(model.alias_target.toLowerCase()) ?? model;
  }
}

/**
 * The model catalog, loaded at most once: concurrent callers share one request, a failed load is
 * not cached (the next call retries), and `invalidate()` forces a reload on next use.
 *
 * ```ts
 * const catalog = OpenRouterModelCatalog.fromApi(api); // or new OpenRouterModelCatalog(load)
 * const model = await catalog.get('anthropic/claude-sonnet-4.5');
 * ```
 */
export class OpenRouterModelCatalog {
  private index: Promise<OpenRouterModelIndex> | undefined;

  /**
   * @param load Fetches the models; it gets an abort signal when `loadTimeoutMs` is set.
   * @param loadTimeoutMs Abort a load that takes longer (it then fails and is not cached).
   */
  constructor(
    private readonly load: (options: { abortSignal?: AbortSignal }) => Promise<OpenRouterModel[]>,
    private readonly loadTimeoutMs?: number,
  ) {}

  /** A catalog over models you already have (no request is ever made). */
  static fromModels(models: readonly OpenRouterModel[]): OpenRouterModelCatalog {
    const copy = [...models];
    return new OpenRouterModelCatalog(async () => copy);
  }

  /**
   * A catalog loaded through the platform API. Lists every output modality by default
   * (`output_modalities=all`), since chat also serves image- and audio-output models.
   */
  static fromApi(
    api: Pick<OpenRouterPlatformApi, 'models'>,
    options: OpenRouterModelsListOptions = { outputModalities: 'all' },
    loadTimeoutMs?: number,
  ): OpenRouterModelCatalog {
    return new OpenRouterModelCatalog(
      ({ abortSignal }) => api.models.list({ ...options, abortSignal }),
      loadTimeoutMs,
    );
  }

  /** The model for an id (see `OpenRouterModelIndex.find`), or undefined when it is unknown. */
  async get(modelId: string): Promise<OpenRouterModel | undefined> {
    return (await this.loadIndex()).find(modelId);
  }

  /** Every model of the catalog. */
  async list(): Promise<readonly OpenRouterModel[]> {
    return (await this.loadIndex()).models;
  }

  /** Forget the loaded catalog; the next `get`/`list` loads it again. */
  invalidate(): void {
    this.index = undefined;
  }

  private loadIndex(): Promise<OpenRouterModelIndex> {
    if (!this.index) {
      const pending = Promise.resolve()
        .then(() =>
          this.load({
            abortSignal:
              this.loadTimeoutMs === undefined
                ? undefined
                : AbortSignal.timeout(this.loadTimeoutMs),
          }),
        )
        .then((models) => new OpenRouterModelIndex(models));
      this.index = pending;
      pending.catch(() => {
        // Not cached: only clear if no newer load replaced this one meanwhile.
        if (this.index === pending) this.index = undefined;
      });
    }
    return this.index;
  }
}

/** Request body key -> the `supported_parameters` names any of which means "supported". */
const PARAMETER_NAMES: Record<string, readonly string[]> = {
  tools: ['tools'],
  tool_choice: ['tool_choice'],
  parallel_tool_calls: ['parallel_tool_calls'],
  response_format: ['response_format', 'structured_outputs'],
  reasoning: ['reasoning', 'include_reasoning'],
  include_reasoning: ['include_reasoning', 'reasoning'],
  reasoning_effort: ['reasoning_effort', 'reasoning'],
  max_tokens: ['max_tokens', 'max_completion_tokens'],
  max_completion_tokens: ['max_completion_tokens', 'max_tokens'],
  temperature: ['temperature'],
  top_p: ['top_p'],
  top_k: ['top_k'],
  min_p: ['min_p'],
  top_a: ['top_a'],
  seed: ['seed'],
  stop: ['stop'],
  logprobs: ['logprobs'],
  top_logprobs: ['top_logprobs'],
  logit_bias: ['logit_bias'],
  frequency_penalty: ['frequency_penalty'],
  presence_penalty: ['presence_penalty'],
  repetition_penalty: ['repetition_penalty'],
  verbosity: ['verbosity'],
  web_search_options: ['web_search_options'],
  prediction: ['prediction'],
};

/** The body keys `checkCapabilities` knows, in the order warnings are reported. */
export const CHECKED_BODY_PARAMETERS: readonly string[] = Object.keys(PARAMETER_NAMES);

/** What `checkCapabilities` found: warnings, and whether `provider.require_parameters` should be set. */
export interface CapabilityCheckResult {
  /** One `unsupported` warning per body parameter the model does not list. */
  warnings: SharedV4Warning[];
  /**
   * True when the request asks for structured output (`response_format` json_schema or
   * json_object), so `provider.require_parameters` should be on: OpenRouter then routes only to
   * endpoints that honour it. See `applyRequireParameters`.
   */
  requireParameters: boolean;
}

/**
 * Compares a chat request body (as about to be sent) with the model's `supported_parameters`.
 * Pure; never throws. An unknown model gives a single `other` warning; a model without
 * `supported_parameters` cannot be checked and gives none.
 */
export function checkCapabilities(options: {
  model: OpenRouterModel | undefined;
  body: Record<string, unknown>;
}): CapabilityCheckResult {
  const { model, body } = options;
  const requireParameters = isStructuredOutput(body.response_format);
  const requestedId = typeof body.model === 'string' ? body.model : undefined;

  if (!model) {
    return {
      warnings: [
        {
          type: 'other',
          message: `Model "${requestedId ?? 'unknown'}" is not in the OpenRouter model catalog; its parameters were not checked.`,
        },
      ],
      requireParameters,
    };
  }

  const supported = model.supported_parameters;
  if (!supported) return { warnings: [], requireParameters };
  const listed = new Set(supported);
  const name = requestedId ?? model.id;
  const warnings: SharedV4Warning[] = [];
  const unsupported = (feature: string, details?: string) =>
    warnings.push({
      type: 'unsupported',
      feature,
      details: details ?? `${name} does not list ${feature} in supported_parameters`,
    });

  for (const [key, names] of Object.entries(PARAMETER_NAMES)) {
    const value = body[key];
    if (!isUsed(key, value)) continue;
    if (!names.some((parameter) => listed.has(parameter))) {
      unsupported(key);
      continue;
    }
    if (key === 'response_format' && isJsonSchema(value) && !listed.has('structured_outputs')) {
      unsupported(
        'structured_outputs',
        `${name} does not list structured_outputs in supported_parameters: the JSON schema may not be enforced`,
      );
    }
    if (key === 'reasoning') checkReasoning(model, value, name, unsupported);
  }
  if (
    body.reasoning !== undefined &&
    !isReasoningOn(body.reasoning) &&
    model.reasoning?.mandatory === true
  ) {
    unsupported(
      'reasoning',
      `${name} always reasons (reasoning.mandatory is true): reasoning cannot be turned off`,
    );
  }
  return { warnings, requireParameters };
}

/**
 * Returns the body with `provider.require_parameters: true` added, unless the caller already set
 * `require_parameters` (an explicit `false` is respected). Pure: the input is not modified.
 */
export function applyRequireParameters(body: Record<string, unknown>): Record<string, unknown> {
  const provider = isRecord(body.provider) ? body.provider : {};
  if (typeof provider.require_parameters === 'boolean') return body;
  return { ...body, provider: { ...provider, require_parameters: true } };
}

/** Whether a body value actually asks for the feature (defaults and "off" values do not). */
function isUsed(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (key) {
    case 'tools':
    case 'stop':
      return Array.isArray(value) ? value.length > 0 : value !== '';
    // `auto` is the default whenever tools are sent; only a forced choice needs support.
    case 'tool_choice':
      return value !== 'auto';
    case 'logprobs':
    case 'include_reasoning':
      return value !== false;
    case 'reasoning':
      return isReasoningOn(value);
    case 'reasoning_effort':
      return value !== 'none';
    case 'response_format':
      return !(isRecord(value) && value.type === 'text');
    default:
      return true;
  }
}

function isReasoningOn(value: unknown): boolean {
  if (!isRecord(value)) return value !== false;
  if (value.enabled === false) return false;
  if (value.effort === 'none') return false;
  return true;
}

function checkReasoning(
  model: OpenRouterModel,
  value: unknown,
  name: string,
  unsupported: (feature: string, details?: string) => void,
) {
  const capabilities = model.reasoning;
  if (!capabilities || !isRecord(value)) return;
  const efforts = capabilities.supported_efforts;
  if (typeof value.effort === 'string' && efforts && !efforts.includes(value.effort)) {
    unsupported(
      'reasoning.effort',
      `${name} does not list effort "${value.effort}" in reasoning.supported_efforts (${efforts.join(', ') || 'none'})`,
    );
  }
  if (value.max_tokens !== undefined && capabilities.supports_max_tokens === false) {
    unsupported(
      'reasoning.max_tokens',
      `${name} does not support a reasoning token budget (reasoning.supports_max_tokens is false)`,
    );
  }
}

function isStructuredOutput(value: unknown): boolean {
  return isRecord(value) && (value.type === 'json_schema' || value.type === 'json_object');
}

function isJsonSchema(value: unknown): boolean {
  return isRecord(value) && value.type === 'json_schema';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
