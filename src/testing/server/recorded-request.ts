import type { IncomingMessage } from 'node:http';

/** A request as the emulator received it. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v1`, e.g. `/chat/completions`, without the query string. */
  path: string;
  query: Record<string, string>;
  /** Header names are lower-cased; repeated headers are joined with `, `. */
  headers: Record<string, string>;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The parsed body cast to `T` (no validation; for test ergonomics). */
  json<T = Record<string, unknown>>(): T;
  /**
   * Resolves when the exchange is over: the response finished or the client's connection closed.
   * `closedEarly` is true when the connection closed before the response finished.
   */
  readonly closed: Promise<{ closedEarly: boolean }>;
}

/** Reads the whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The record of one request: `path` is the route (the part after the API prefix, or the whole
 * pathname for requests outside it), `url` supplies the query.
 */
export function recordRequest(
  req: IncomingMessage,
  url: URL,
  path: string,
  rawBody: string,
  closed: Promise<{ closedEarly: boolean }>,
): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  let body: unknown;
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined; // kept in rawBody; tests of malformed requests read that
    }
  }
  return {
    method: req.method ?? 'GET',
    path,
    query,
    headers,
    body,
    rawBody,
    json: <T>() => body as T,
    closed,
  };
}
