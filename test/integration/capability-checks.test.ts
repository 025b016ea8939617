/**
 * The platform API on the provider, and opt-in capability checks through `ai`: warnings for
 * parameters a model does not support, `require_parameters` for structured output, the catalog
 * fetched once and only when asked for.
 */
import { generateText, Output, tool } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenRouterModelCatalog } from '../../src/platform/index';
import { modelEntry, platformHandler, scriptedChat } from '../../src/testing/index';
import { bodyAt, emulatorProvider, silenceAiWarnings, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const plainModel = modelEntry({
  id: 'acme/plain-1',
  supported_parameters: ['temperature', 'max_tokens'],
});
const toolModel = modelEntry({
  id: 'acme/tools-1',
  supported_parameters: [
    'temperature',
    'max_tokens',
    'tools',
    'tool_choice',
    'response_format',
    'structured_outputs',
  ],
});

function serveCatalogAndChat() {
  ctx.emulator.setHandler(
    platformHandler({
      models: [plainModel, toolModel],
      fallback: scriptedChat({ text: '{"ok":true}' }),
    }),
  );
}

const weather = tool({ inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' });
const catalogRequests = () => ctx.emulator.requests.filter((request) => request.path === '/models');

describe('the platform API on the provider', () => {
  it('lists, gets and inspects models through openrouter.models', async () => {
    serveCatalogAndChat();
    const openrouter = emulatorProvider(ctx.emulator);
    const models = await openrouter.models.list({ supportedParameters: ['tools'] });
    expect(models.map((model) => model.id)).toEqual(['acme/tools-1']);
    expect(ctx.emulator.requests[0]?.query).toMatchObject({ supported_parameters: 'tools' });
    expect((await openrouter.models.get('acme/plain-1')).supported_parameters).toEqual([
      'temperature',
      'max_tokens',
    ]);
  });
});

describe('capability checks (opt-in)', () => {
  it('never touches the catalog unless asked for', async () => {
    serveCatalogAndChat();
    const openrouter = emulatorProvider(ctx.emulator);
    const result = await generateText({
      model: openrouter('acme/plain-1'),
      prompt: 'hi',
      tools: { weather },
    });
    expect(result.warnings).toEqual([]);
    expect(catalogRequests()).toHaveLength(0);
  });

  it('warns about parameters the model lacks, fetching the catalog once', async () => {
    serveCatalogAndChat();
    const openrouter = emulatorProvider(ctx.emulator, { capabilityChecks: true });
    const first = await generateText({
      model: openrouter('acme/plain-1'),
      prompt: 'hi',
      tools: { weather },
      temperature: 0.2,
    });
    expect(first.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'tools' }),
    ]);
    const second = await generateText({
      model: openrouter('acme/tools-1'),
      prompt: 'hi',
      tools: { weather },
    });
    expect(second.warnings).toEqual([]);
    expect(catalogRequests()).toHaveLength(1);
  });

  it('routes structured output to endpoints that support it (provider.require_parameters)', async () => {
    serveCatalogAndChat();
    const openrouter = emulatorProvider(ctx.emulator, {
      capabilityChecks: { catalog: [toolModel] },
    });
    const result = await generateText({
      model: openrouter('acme/tools-1'),
      prompt: 'hi',
      output: Output.object({ schema: z.object({ ok: z.boolean() }) }),
    });
    expect(result.output).toEqual({ ok: true });
    expect(bodyAt(ctx.emulator).provider).toEqual({ require_parameters: true });
    // A catalog passed in is never fetched.
    expect(catalogRequests()).toHaveLength(0);

    // An explicit choice is respected.
    await generateText({
      model: openrouter('acme/tools-1'),
      prompt: 'hi',
      output: Output.object({ schema: z.object({ ok: z.boolean() }) }),
      providerOptions: { openrouter: { provider: { requireParameters: false } } },
    });
    expect(bodyAt(ctx.emulator).provider).toEqual({ require_parameters: false });
  });

  it('carries on with a warning when the catalog cannot be loaded', async () => {
    ctx.emulator.setHandler((request) =>
      request.path === '/models'
        ? { type: 'error', status: 503, message: 'Service temporarily unavailable' }
        : scriptedChat({ text: 'ok' })(request),
    );
    const catalog = OpenRouterModelCatalog.fromApi(emulatorProvider(ctx.emulator));
    const openrouter = emulatorProvider(ctx.emulator, { capabilityChecks: { catalog } });
    const result = await generateText({ model: openrouter('acme/plain-1'), prompt: 'hi' });
    expect(result.text).toBe('ok');
    expect(result.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('model catalog could not be loaded') },
    ]);
  });
});
