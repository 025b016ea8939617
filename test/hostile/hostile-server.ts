/**
 * A purpose-built hostile HTTP server on loopback, for what the emulator does not script: bodies
 * that never end, compressed bodies, redirects, echoes of request headers. Each test gives the
 * handler; the server records every exchange and whether the client closed it before the
 * response ended.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileExchange {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Bytes of response body the handler wrote. */
  written: number;
  /** Resolves when the exchange is over; `closedEarly`: the client closed it first. */
  closed: Promise<{ closedEarly: boolean }>;
}

export interface HostileServer {
  /** `http://127.0.0.1:PORT/api/v1` (any path is served). */
  readonly baseURL: string;
  readonly origin: string;
  readonly exchanges: HostileExchange[];
  close(): Promise<void>;
}

/** The handler writes the response; `write` counts bytes and waits for the socket to drain. */
export type HostileHandler = (
  exchange: HostileExchange,
  res: ServerResponse,
  write: (chunk: string | Uint8Array) => Promise<boolean>,
) => void | Promise<void>;

export async function startHostileServer(handler: HostileHandler): Promise<HostileServer> {
  const exchanges: HostileExchange[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const exchange: HostileExchange = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      written: 0,
      closed: new Promise((resolve) => {
        res.on('close', () => resolve({ closedEarly: !res.writableFinished }));
      }),
    };
    exchanges.push(exchange);
    /** Resolves false once the client has gone away. */
    const write = (chunk: string | Uint8Array) =>
      new Promise<boolean>((resolve) => {
        if (res.destroyed) return resolve(false);
        exchange.written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        if (res.write(chunk)) return resolve(true);
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve(!res.destroyed);
        };
        res.on('drain', done);
        res.on('close', done);
      });
    try {
      await handler(exchange, res, write);
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}/api/v1`,
    origin,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `data: <json>\n\n` for one chat chunk with text content. */
export function textEvent(content: string): string {
  return `data: ${JSON.stringify({
    id: 'gen-hostile',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }],
  })}\n\n`;
}

/** The end of a complete stream: a finish reason, then `[DONE]`. */
export const STREAM_END = `data: ${JSON.stringify({
  id: 'gen-hostile',
  choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
})}\n\ndata: [DONE]\n\n`;
