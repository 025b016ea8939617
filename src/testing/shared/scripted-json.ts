import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';

/** `base` with `overrides` over it; a key an override sets to `undefined` is left out. */
export function withOverrides(
  base: Record<string, unknown>,
  overrides: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out = { ...base, ...overrides };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * A handler that answers `POST <path>` with the JSON body `toBody` makes from the script (or the
 * script a function picks per request) and the request body, with the script's response headers.
 * Any other request is a 404.
 */
export function scriptedJson<SCRIPT extends { headers?: Record<string, string> }>(
  path: string,
  script: SCRIPT | ((request: RecordedRequest) => SCRIPT),
  toBody: (script: SCRIPT, requestBody: unknown) => unknown,
): EmulatorHandler {
  return (request) => {
    if (request.method !== 'POST' || request.path !== path) return notFound(request);
    const resolved = typeof script === 'function' ? script(request) : script;
    const body = toBody(resolved, request.body);
    return { type: 'json', body, ...(resolved.headers ? { headers: resolved.headers } : {}) };
  };
}
