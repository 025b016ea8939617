import { defaultHandler } from './default-handler.js';
import {
  type OpenRouterEmulator,
  type OpenRouterEmulatorOptions,
  startEmulatorServer,
} from './server/server.js';

/**
 * Starts an HTTP server on loopback that answers like OpenRouter. Each request is answered by
 * the next queued response, else by the handler: `options.handler`, or without one the defaults
 * ({@link defaultHandler}: the demo agent for chat, scenarios by model id, the platform API).
 * `reset()` and `setHandler(undefined)` remove the handler, defaults included; a request then
 * gets a non-retryable 404 that says what to configure. With `requireAuth: false` the defaults
 * answer `/key`, `/credits` and `/generation` without a key too.
 */
export function startOpenRouterEmulator(
  options: OpenRouterEmulatorOptions = {},
): Promise<OpenRouterEmulator> {
  return startEmulatorServer({
    ...options,
    handler: options.handler ?? defaultHandler({ requireAuth: options.requireAuth }),
  });
}
