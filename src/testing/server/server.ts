import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorBody } from './errors.js';
import { type RecordedRequest, readBody, recordRequest } from './recorded-request.js';
import type {
  EmulatorHandler,
  EmulatorResponse,
  ErrorResponse,
  ResponseEnding,
} from './responses.js';
import { planSseWrites, splitPlan, type WritePlan } from './sse.js';

/** How {@link startOpenRouterEmulator} listens and answers. */
export interface OpenRouterEmulatorOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /**
   * Answers requests for which no scripted response is queued. Without one, the emulator serves
   * its defaults (`defaultHandler()`: the demo agent, scenarios by model id, the platform API).
   */
  handler?: EmulatorHandler;
  /**
   * Like OpenRouter, answer 401 "No auth credentials found" to requests without a
   * `Authorization: Bearer ...` header (default true), except on the public model catalog
   * (`GET /models...`, `GET /model/...`). Any key is accepted.
   */
  requireAuth?: boolean;
}

/** A running emulator: its base URL, the requests it received, and the script of its answers. */
export interface OpenRouterEmulator {
  /** e.g. `http://127.0.0.1:PORT/api/v1`; routes match on the path after it. */
  readonly baseURL: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Number of queued responses not consumed yet. */
  readonly pending: number;
  /** Queue responses (FIFO) for the next requests (any route); each is consumed once. */
  enqueue(...responses: Array<EmulatorResponse | EmulatorHandler>): void;
  /**
   * Replaces the handler that answers when the queue is empty (`undefined`: none, so an
   * unscripted request gets a non-retryable 404 saying what to configure).
   */
  setHandler(handler: EmulatorHandler | undefined): void;
  /** Clears the queue, the recorded requests and the handler (the defaults included). */
  reset(): void;
  /** Closes the server and destroys open sockets (hanging responses included). */
  close(): Promise<void>;
}

const API_PREFIX = '/api/v1';
/**
 * OpenRouter's APIs beside `/api/v1` (the alpha Decisions API at `/api/alpha/decisions`): served
 * too, and routed by their whole pathname (`/api/alpha/decisions`).
 */
const OTHER_API_PREFIXES = ['/api/alpha/'];

/**
 * What openrouter.ai answers for a path that is no API route (a base URL without `/api/v1`):
 * its website's 404 page, not the API's JSON error envelope.
 */
const WEBSITE_NOT_FOUND =
  '<!DOCTYPE html><html><head><title>404: This page could not be found</title></head><body><h1>404</h1><p>This page could not be found.</p></body></html>';

/**
 * Starts an HTTP server on loopback that answers like OpenRouter, as scripted by the test: the
 * core of `startOpenRouterEmulator`, which adds the defaults when no handler is given.
 */
export async function startEmulatorServer(
  options: OpenRouterEmulatorOptions = {},
): Promise<OpenRouterEmulator> {
  const queue: Array<EmulatorResponse | EmulatorHandler> = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let handler = options.handler;

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      // A bug in a handler or the emulator must fail the test loudly, not hang it.
      if (!res.headersSent) {
        void respond(res, emulatorError(`OpenRouter emulator failed: ${describe(error)}`));
      } else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true); // so split pieces leave as separate TCP segments
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const closed = new Promise<{ closedEarly: boolean }>((resolve) => {
      res.on('close', () => resolve({ closedEarly: !res.writableFinished }));
    });
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
    const path = inApi ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    const request = recordRequest(req, url, path, rawBody, closed);
    requests.push(request);

    // A client pointed at the wrong base URL must not consume responses meant for real calls,
    // and gets what openrouter.ai sends there.
    if (!inApi && !OTHER_API_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
      return respond(res, {
        type: 'raw',
        status: 404,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: WEBSITE_NOT_FOUND,
      });
    }
    const publicRoute = request.method === 'GET' && /^\/models?(\/|$)/.test(request.path);
    const authorized = /^Bearer \S+/.test(request.headers.authorization ?? '');
    if (options.requireAuth !== false && !publicRoute && !authorized) {
      return respond(res, { type: 'error', status: 401, message: 'No auth credentials found' });
    }
    const next = queue.shift() ?? handler;
    if (next === undefined) {
      // Not a 5xx: clients retry those, and a missing script is not going to appear on a retry.
      const message = `OpenRouter emulator: no scripted response for ${request.method} ${request.path}: the queue is empty and no handler is set. Enqueue a response (emulator.enqueue), set a handler (emulator.setHandler or the handler option), or serve the defaults (emulator.setHandler(defaultHandler())).`;
      return respond(res, { type: 'error', status: 404, message });
    }
    const response = typeof next === 'function' ? await next(request) : next;
    return respond(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    baseURL: `http://${host}:${port}${API_PREFIX}`,
    requests,
    get pending() {
      return queue.length;
    },
    enqueue: (...responses) => {
      queue.push(...responses);
    },
    setHandler: (next) => {
      handler = next;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      handler = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function emulatorError(message: string): ErrorResponse {
  return { type: 'error', status: 500, message };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Lower-cases header names so user headers replace defaults regardless of spelling. */
function mergeHeaders(
  defaults: Record<string, string>,
  extra: Record<string, string> | undefined,
): Record<string, string> {
  const out = { ...defaults };
  for (const [name, value] of Object.entries(extra ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function withLength(headers: Record<string, string>, bytes: Buffer): Record<string, string> {
  return { 'content-length': String(bytes.length), ...headers };
}

function generationIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

async function respond(res: ServerResponse, response: EmulatorResponse): Promise<void> {
  switch (response.type) {
    case 'json': {
      const id = generationIdOf(response.body);
      const headers = mergeHeaders(
        { 'content-type': 'application/json', ...(id ? { 'x-generation-id': id } : {}) },
        response.headers,
      );
      const bytes = Buffer.from((response.leadingWhitespace ?? '') + JSON.stringify(response.body));
      return writeResponse(res, response.status ?? 200, withLength(headers, bytes), [bytes], 'end');
    }
    case 'error': {
      const headers = mergeHeaders({ 'content-type': 'application/json' }, errorHeaders(response));
      const bytes = Buffer.from(JSON.stringify(response.bodyOverride ?? errorBody(response)));
      return writeResponse(res, response.status, withLength(headers, bytes), [bytes], 'end');
    }
    case 'sse': {
      const firstData = response.events.find((e) => 'data' in e && generationIdOf(e.data));
      const id = firstData && 'data' in firstData ? generationIdOf(firstData.data) : undefined;
      const headers = mergeHeaders(
        {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          ...(id ? { 'x-generation-id': id } : {}),
        },
        response.headers,
      );
      const plan = planSseWrites(response.events, response);
      return writeResponse(res, response.status ?? 200, headers, plan, response.ending, response);
    }
    case 'raw': {
      const bytes = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
      const plan = splitPlan([bytes], response);
      const headers = mergeHeaders({}, response.headers);
      return writeResponse(res, response.status ?? 200, headers, plan, response.ending, response);
    }
  }
}

function errorHeaders(response: ErrorResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  if (response.retryAfter !== undefined) headers['retry-after'] = String(response.retryAfter);
  if (response.rateLimit) {
    headers['x-ratelimit-limit'] = String(response.rateLimit.limit);
    headers['x-ratelimit-remaining'] = String(response.rateLimit.remaining);
    headers['x-ratelimit-reset'] = String(response.rateLimit.reset);
  }
  return { ...headers, ...response.headers };
}

async function writeResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  plan: WritePlan,
  ending: ResponseEnding = 'end',
  options: { pieceDelayMs?: number } = {},
): Promise<void> {
  res.writeHead(status, headers);
  res.flushHeaders(); // the client sees the status before a slow or hanging body
  const aborted = new Promise<void>((resolve) => res.once('close', () => resolve()));
  let previousWasBytes = false;
  for (const step of plan) {
    if (res.destroyed) return;
    if (!(step instanceof Uint8Array)) {
      await Promise.race([sleep(step.delayMs), aborted]);
      previousWasBytes = false;
      continue;
    }
    if (previousWasBytes) {
      // Let each piece leave in its own write, so clients see split events and split UTF-8.
      await Promise.race([options.pieceDelayMs ? sleep(options.pieceDelayMs) : tick(), aborted]);
      if (res.destroyed) return;
    }
    await new Promise<void>((resolve) => res.write(step, () => resolve()));
    previousWasBytes = true;
  }
  if (res.destroyed) return;
  if (ending === 'end') res.end();
  else if (ending === 'reset') res.socket?.destroy();
  // 'hang': leave the response open until the client aborts or the emulator closes.
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
