/**
 * How the examples reach OpenRouter. With OPENROUTER_API_KEY set they use the real API (or
 * OPENROUTER_BASE_URL, for a proxy or an emulator you run yourself, where a key is optional);
 * otherwise they start the package's emulator on loopback, answering with the handler the example
 * gives, else with the emulator's defaults. Either way the example code is the same.
 */
import {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from '../../src/index';
import {
  type EmulatorHandler,
  type OpenRouterEmulator,
  startOpenRouterEmulator,
} from '../../src/testing/index';

export interface ExampleSetup {
  openrouter: OpenRouterProvider;
  /** The local emulator, when neither OPENROUTER_API_KEY nor OPENROUTER_BASE_URL is set. */
  emulator: OpenRouterEmulator | undefined;
  /** Stops the emulator, if one was started. */
  close(): Promise<void>;
}

export async function setupExample(
  options: { handler?: EmulatorHandler; settings?: OpenRouterProviderSettings } = {},
): Promise<ExampleSetup> {
  const remote = Boolean(process.env.OPENROUTER_API_KEY || process.env.OPENROUTER_BASE_URL);
  const emulator = remote ? undefined : await startOpenRouterEmulator({ handler: options.handler });
  const openrouter = createOpenRouter({
    appName: 'ai-sdk-openrouter examples',
    ...options.settings,
    ...(emulator ? { apiKey: 'sk-or-emulator-demo', baseURL: emulator.baseURL } : {}),
  });
  console.log(
    emulator
      ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
      : `Using ${process.env.OPENROUTER_BASE_URL ?? 'the OpenRouter API'}`,
  );
  return { openrouter, emulator, close: async () => emulator?.close() };
}
