import { describe, expect, it, vi } from 'vitest';
import {
  applyRequireParameters,
  CHECKED_BODY_PARAMETERS,
  checkCapabilities,
  OpenRouterModelCatalog,
  OpenRouterModelIndex,
} from '../../../src/platform/model-capabilities';
import {
  type OpenRouterModel,
  openRouterModelSchema,
} from '../../../src/platform/openrouter-platform-schemas';
import { type ModelEntryInput, modelEntry } from '../../../src/testing/index';

/** A parsed catalog entry, as the API returns it. */
const model = (input: ModelEntryInput): OpenRouterModel =>
  openRouterModelSchema.parse(modelEntry(input));

const CATALOG = [
  model({ id: 'openai/gpt-4o', canonical_slug: 'openai/gpt-4o-2024-08-06' }),
  model({
    id: 'anthropic/claude-haiku-4.5',
    canonical_slug: 'anthropic/claude-4.5-haiku-20251001',
  }),
  model({ id: 'openai/gpt-oss-20b', supported_parameters: ['tools', 'reasoning'] }),
  model({ id: 'openai/gpt-oss-20b:free', supported_parameters: ['max_tokens'] }),
  model({ id: 'anthropic/claude-opus-4.5' }),
  model({
    id: '~anthropic/claude-opus-latest',
    supported_parameters: null,
    alias_target: 'anthropic/claude-opus-4.5',
  }),
];

describe('OpenRouterModelIndex.find', () => {
  const index = new OpenRouterModelIndex(CATALOG);

  it.each([
    ['openai/gpt-4o', 'openai/gpt-4o'],
    ['openai/gpt-4o-2024-08-06', 'openai/gpt-4o'],
    ['anthropic/claude-4.5-haiku-20251001', 'anthropic/claude-haiku-4.5'],
    ['OpenAI/GPT-4o', 'openai/gpt-4o'],
    ['openai/gpt-4o:nitro', 'openai/gpt-4o'],
    ['openai/gpt-oss-20b:free', 'openai/gpt-oss-20b:free'],
    ['openai/gpt-oss-20b:free:online', 'openai/gpt-oss-20b:free'],
    ['openai/gpt-oss-20b:online', 'openai/gpt-oss-20b'],
    ['~anthropic/claude-opus-latest', 'anthropic/claude-opus-4.5'],
  ])('%s -> %s', (modelId, expected) => {
    expect(index.find(modelId)?.id).toBe(expected);
  });

  it.each(['acme/unknown', '@preset/my-preset', '', ':free', 'openai'])('%j -> undefined', (id) => {
    expect(index.find(id)).toBeUndefined();
  });

  it('prefers an id over another model whose permaslug collides', () => {
    const tricky = new OpenRouterModelIndex([
      model({ id: 'a/old', canonical_slug: 'a/new' }),
      model({ id: 'a/new', name: 'the real one' }),
    ]);
    expect(tricky.find('a/new')?.name).toBe('the real one');
  });
});

describe('OpenRouterModelCatalog', () => {
  it('loads once; concurrent callers share the request', async () => {
    let resolveLoad: (models: OpenRouterModel[]) => void = () => {};
    const load = vi.fn(
      () =>
        new Promise<OpenRouterModel[]>((resolve) => {
          resolveLoad = resolve;
        }),
    );
    const catalog = new OpenRouterModelCatalog(load);
    expect(load).not.toHaveBeenCalled(); // nothing happens until asked
    const pending = [
      catalog.get('openai/gpt-4o'),
      catalog.get('acme/none'),
      catalog.list(),
    ] as const;
    await Promise.resolve();
    resolveLoad(CATALOG);
    const [found, missing, all] = await Promise.all(pending);
    expect(found?.id).toBe('openai/gpt-4o');
    expect(missing).toBeUndefined();
    expect(all).toHaveLength(CATALOG.length);
    await catalog.get('openai/gpt-oss-20b');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failed load', async () => {
    const load = vi
      .fn<() => Promise<OpenRouterModel[]>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(CATALOG);
    const catalog = new OpenRouterModelCatalog(load);
    await expect(Promise.all([catalog.get('openai/gpt-4o'), catalog.list()])).rejects.toThrow(
      'offline',
    );
    expect((await catalog.get('openai/gpt-4o'))?.id).toBe('openai/gpt-4o');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('turns a synchronous throw of the loader into a rejection', async () => {
    const catalog = new OpenRouterModelCatalog(() => {
      throw new Error('boom');
    });
    await expect(catalog.get('a/b')).rejects.toThrow('boom');
  });

  it('reloads after invalidate()', async () => {
    const load = vi.fn(async () => CATALOG);
    const catalog = new OpenRouterModelCatalog(load);
    await catalog.get('openai/gpt-4o');
    catalog.invalidate();
    await catalog.get('openai/gpt-4o');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('fromModels serves the given models', async () => {
    const models = [...CATALOG];
    const catalog = OpenRouterModelCatalog.fromModels(models);
    models.length = 0; // a copy was taken
    expect((await catalog.get('anthropic/claude-4.5-haiku-20251001'))?.id).toBe(
      'anthropic/claude-haiku-4.5',
    );
  });

  it('fromApi lists every output modality by default', async () => {
    const list = vi.fn(async () => CATALOG);
    const catalog = OpenRouterModelCatalog.fromApi({
      models: { list, page: vi.fn(), get: vi.fn(), endpoints: vi.fn() },
    });
    await catalog.get('openai/gpt-4o');
    expect(list).toHaveBeenCalledWith({ outputModalities: 'all' });
  });
});

const base = (supported: string[] | null, extra: Partial<ModelEntryInput> = {}) =>
  model({ id: 'acme/model-1', supported_parameters: supported, ...extra });

describe('checkCapabilities', () => {
  it('warns once for a model missing from the catalog', () => {
    const result = checkCapabilities({
      model: undefined,
      body: { model: 'acme/ghost', tools: [{}], response_format: { type: 'json_object' } },
    });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message:
          'Model "acme/ghost" is not in the OpenRouter model catalog; its parameters were not checked.',
      },
    ]);
    expect(result.requireParameters).toBe(true);
  });

  it('cannot check a model without supported_parameters', () => {
    expect(checkCapabilities({ model: base(null), body: { tools: [{}] } }).warnings).toEqual([]);
  });

  it('reports each parameter the model does not list, with the wire name', () => {
    const result = checkCapabilities({
      model: base(['temperature', 'max_tokens']),
      body: {
        model: 'acme/model-1:nitro',
        messages: [],
        temperature: 0.2,
        max_tokens: 100,
        tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
        tool_choice: 'required',
        seed: 7,
      },
    });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tools',
        details: 'acme/model-1:nitro does not list tools in supported_parameters',
      },
      {
        type: 'unsupported',
        feature: 'tool_choice',
        details: 'acme/model-1:nitro does not list tool_choice in supported_parameters',
      },
      {
        type: 'unsupported',
        feature: 'seed',
        details: 'acme/model-1:nitro does not list seed in supported_parameters',
      },
    ]);
    expect(result.requireParameters).toBe(false);
  });

  it('uses the catalog id when the body has no model', () => {
    const [warning] = checkCapabilities({ model: base([]), body: { seed: 1 } }).warnings;
    expect(warning).toMatchObject({
      details: 'acme/model-1 does not list seed in supported_parameters',
    });
  });

  it.each(CHECKED_BODY_PARAMETERS)('checks %s', (key) => {
    const value =
      key === 'response_format'
        ? { type: 'json_object' }
        : key === 'reasoning'
          ? { effort: 'high' }
          : key === 'tools' || key === 'stop'
            ? ['x']
            : key === 'tool_choice'
              ? 'required'
              : 1;
    const result = checkCapabilities({ model: base([]), body: { [key]: value } });
    expect(
      result.warnings.map((warning) => warning.type === 'unsupported' && warning.feature),
    ).toEqual([key]);
  });

  it('ignores keys it does not map and values that do not ask for anything', () => {
    const result = checkCapabilities({
      model: base([]),
      body: {
        model: 'acme/model-1',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
        provider: { order: ['x'] },
        plugins: [{ id: 'web' }],
        usage: { include: true },
        tool_choice: 'auto',
        stop: [],
        tools: [],
        logprobs: false,
        include_reasoning: false,
        reasoning: { enabled: false },
        reasoning_effort: 'none',
        response_format: { type: 'text' },
        temperature: undefined,
        seed: null,
      },
    });
    expect(result.warnings).toEqual([]);
    expect(result.requireParameters).toBe(false);
  });

  it('accepts alternative names (max_completion_tokens, include_reasoning, structured_outputs)', () => {
    const result = checkCapabilities({
      model: base(['max_completion_tokens', 'include_reasoning', 'structured_outputs']),
      body: {
        max_tokens: 10,
        reasoning: { effort: 'low' },
        response_format: { type: 'json_schema', json_schema: { name: 'r', schema: {} } },
      },
    });
    expect(result.warnings).toEqual([]);
  });

  it('warns that a JSON schema may not be enforced without structured_outputs', () => {
    const result = checkCapabilities({
      model: base(['response_format']),
      body: { response_format: { type: 'json_schema', json_schema: { name: 'r', schema: {} } } },
    });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'structured_outputs',
        details:
          'acme/model-1 does not list structured_outputs in supported_parameters: the JSON schema may not be enforced',
      },
    ]);
    expect(result.requireParameters).toBe(true);
  });

  it('asks for require_parameters for json_object too, not for text or no format', () => {
    const check = (response_format: unknown) =>
      checkCapabilities({ model: base(['response_format']), body: { response_format } })
        .requireParameters;
    expect(check({ type: 'json_object' })).toBe(true);
    expect(check({ type: 'text' })).toBe(false);
    expect(check(undefined)).toBe(false);
  });

  it('checks reasoning effort and budget against the model reasoning capabilities', () => {
    const reasoner = base(['reasoning'], {
      reasoning: { supported_efforts: ['low', 'high'], supports_max_tokens: false },
    });
    expect(
      checkCapabilities({ model: reasoner, body: { reasoning: { effort: 'high' } } }).warnings,
    ).toEqual([]);
    const result = checkCapabilities({
      model: reasoner,
      body: { reasoning: { effort: 'xhigh', max_tokens: 2048 } },
    });
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'reasoning.effort',
        details:
          'acme/model-1 does not list effort "xhigh" in reasoning.supported_efforts (low, high)',
      },
      {
        type: 'unsupported',
        feature: 'reasoning.max_tokens',
        details:
          'acme/model-1 does not support a reasoning token budget (reasoning.supports_max_tokens is false)',
      },
    ]);
  });

  it('warns when reasoning is turned off on a model that always reasons', () => {
    const result = checkCapabilities({
      model: base(['reasoning'], { reasoning: { mandatory: true } }),
      body: { reasoning: { enabled: false } },
    });
    expect(result.warnings).toMatchObject([{ type: 'unsupported', feature: 'reasoning' }]);
  });

  it('does not modify the body', () => {
    const body = { model: 'acme/model-1', tools: [{}], response_format: { type: 'json_object' } };
    const copy = structuredClone(body);
    checkCapabilities({ model: base([]), body });
    expect(body).toEqual(copy);
  });
});

describe('applyRequireParameters', () => {
  it('adds provider.require_parameters, keeping other provider preferences', () => {
    const body = { model: 'a/b', provider: { order: ['openai'] } };
    expect(applyRequireParameters(body)).toEqual({
      model: 'a/b',
      provider: { order: ['openai'], require_parameters: true },
    });
    expect(body.provider).toEqual({ order: ['openai'] }); // not mutated
    expect(applyRequireParameters({ model: 'a/b' })).toEqual({
      model: 'a/b',
      provider: { require_parameters: true },
    });
  });

  it("respects the caller's explicit choice", () => {
    const body = { provider: { require_parameters: false } };
    expect(applyRequireParameters(body)).toBe(body);
  });
});
