/**
 * Child process: the OpenRouter emulator serving the pre-serialised scenarios on loopback, routed
 * by the requested model id. A separate process, so the server's work (and its GC) is not
 * measured as client time. Started by `startEmulatorProcess`; prints nothing, talks over IPC.
 */
import { startOpenRouterEmulator } from '../src/testing/index';
import { forkServer } from './fork-server';
import { buildScenarios, type Scenario } from './streams';

async function serve(): Promise<void> {
  const scenarios = new Map<string, Scenario>(
    Object.values(buildScenarios()).map((scenario) => [scenario.id, scenario]),
  );
  const emulator = await startOpenRouterEmulator({
    handler: (request) => {
      const model = (request.body as { model?: unknown } | undefined)?.model;
      const scenario = typeof model === 'string' ? scenarios.get(model) : undefined;
      if (!scenario) return { type: 'error', status: 404, message: `no scenario ${String(model)}` };
      return {
        type: 'raw',
        body: scenario.body,
        headers: {
          'content-type': scenario.streaming ? 'text/event-stream' : 'application/json',
          'content-length': String(scenario.body.length),
        },
      };
    },
  });
  // Recorded requests would grow for the whole run: keep the list empty.
  setInterval(() => emulator.requests.splice(0), 1_000).unref();
  process.send?.({ baseURL: emulator.baseURL });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

/** The emulator of this file in a process of its own (see `forkServer`). */
export function startEmulatorProcess(): Promise<{ baseURL: string; stop: () => void }> {
  return forkServer(import.meta.url);
}

if (process.argv.includes('--serve')) await serve();
