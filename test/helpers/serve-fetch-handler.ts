/**
 * Serves a fetch-style handler (`(request: Request) => Promise<Response>`) over real HTTP on
 * loopback, the way web-standard servers and Next.js do: the Node request becomes a `Request`
 * (its URL parsed, so `..` segments are resolved as any server resolves them; its body a stream;
 * its signal aborted when the client goes away), and the `Response` body is written piece by
 * piece as it arrives, never buffered.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface ServedHandler {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
): Promise<ServedHandler> {
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
          headers.append(name, item);
        }
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        signal: controller.signal,
        // @ts-expect-error Node's fetch needs `duplex` for a streamed request body.
        duplex: 'half',
      });
      const response = await handler(request);
      const out: Record<string, string[]> = {};
      response.headers.forEach((value, name) => {
        out[name] = [...(out[name] ?? []), value];
      });
      res.writeHead(response.status, out);
      res.flushHeaders();
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          if (res.destroyed) break;
          res.write(chunk);
        }
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`serveFetchHandler: ${String(error)}`);
      } else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

export interface RawResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP request with the path sent exactly as given (fetch would resolve `..` first), and
 * optionally a chunked body (no `Content-Length`).
 */
export function rawRequest(
  origin: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array;
    chunked?: boolean;
  },
): Promise<RawResult> {
  const { hostname, port } = new URL(origin);
  const headers = { ...options.headers };
  if (options.body !== undefined && !options.chunked) {
    headers['content-length'] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'GET',
        agent: false,
        path: options.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const bytes = Buffer.from(options.body);
        const piece = 64 * 1024;
        for (let at = 0; at < bytes.length; at += piece) req.write(bytes.subarray(at, at + piece));
      } else req.write(options.body);
    }
    req.end();
  });
}
