/**
 * The hostile server of the memory load test (`memory.ts`), in its own process so its buffers do
 * not count against the client's heap. Prints `READY <origin>` once listening and exits when its
 * stdin closes. Each scenario is a path prefix; the client's base URL is `<origin>/<scenario>`:
 * - `/endless-line`: an event stream whose `data:` line never ends (1 MB writes, as long as the
 *   client reads);
 * - `/stream-bomb`: an event stream, gzip: 1 MB on the wire, 1 GB once decompressed, in one line;
 * - `/endless-json`: a JSON body that never ends;
 * - `/json-bomb`: a JSON body, gzip: 1 MB on the wire, 1 GB once decompressed;
 * - `/ok`: a short valid answer, streamed or not (the client's warm-up).
 * The bombs are written one 16 KB member every 40 ms, so a client that stops early is seen to.
 * `GET /stats` reports per scenario the bytes written and whether the client closed early.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const MB = 1024 * 1024;
/** A gzip member holding 16 MB of `a`: about 16 KB. Members concatenate into one body. */
const MEMBER = gzipSync(Buffer.alloc(16 * MB, 'a'), { level: 9 });
/** 64 members: 1 GB decompressed. */
const BOMB_MEMBERS = 64;
const CHUNK = Buffer.alloc(MB, 'a');

const stats: Record<string, { bytesWritten: number; closedEarly: boolean }> = {};

function write(res: ServerResponse, chunk: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    if (res.write(chunk)) return resolve(true);
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function sendEndless(res: ServerResponse, scenario: string, head: string): Promise<void> {
  const entry = stats[scenario]!;
  if (!(await write(res, Buffer.from(head)))) return;
  while (await write(res, CHUNK)) entry.bytesWritten += CHUNK.length;
}

async function sendBomb(res: ServerResponse, scenario: string, head: string): Promise<void> {
  const entry = stats[scenario]!;
  const parts = [gzipSync(head), ...Array.from({ length: BOMB_MEMBERS }, () => MEMBER)];
  for (const part of parts) {
    if (!(await write(res, part))) return;
    entry.bytesWritten += part.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  res.end();
}

const SSE_HEAD = `data: ${JSON.stringify({ id: 'gen-memory', choices: [{ index: 0, delta: { content: 'Before. ' } }] })}\n\ndata: {"choices":"`;
const JSON_HEAD = '{"id":"gen-memory","choices":[{"index":0,"message":{"content":"';

const server = createServer((req, res) => {
  const scenario = (req.url ?? '/').split('/')[1] ?? '';
  if (scenario === 'stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  if (scenario === 'ok') {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      if (body.includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(
          `data: ${JSON.stringify({ id: 'gen-ok', choices: [{ index: 0, delta: { content: 'ok' } }] })}\n\ndata: ${JSON.stringify({ id: 'gen-ok', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
        );
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'gen-ok',
            choices: [
              { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
            ],
          }),
        );
      }
    });
    return;
  }
  req.resume();
  const entry = { bytesWritten: 0, closedEarly: false };
  stats[scenario] = entry;
  res.on('close', () => {
    entry.closedEarly = !res.writableFinished;
  });
  const sse = { 'content-type': 'text/event-stream' };
  const json = { 'content-type': 'application/json' };
  const gzip = { 'content-encoding': 'gzip' };
  switch (scenario) {
    case 'endless-line':
      res.writeHead(200, sse);
      void sendEndless(res, scenario, SSE_HEAD);
      return;
    case 'stream-bomb':
      res.writeHead(200, { ...sse, ...gzip });
      void sendBomb(res, scenario, SSE_HEAD);
      return;
    case 'endless-json':
      res.writeHead(200, json);
      void sendEndless(res, scenario, JSON_HEAD);
      return;
    case 'json-bomb':
      res.writeHead(200, { ...json, ...gzip });
      void sendBomb(res, scenario, JSON_HEAD);
      return;
    default:
      res.writeHead(404).end();
  }
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `READY http://127.0.0.1:${port} (bomb: ${((MEMBER.length * BOMB_MEMBERS) / MB).toFixed(2)} MB gzip -> ${(BOMB_MEMBERS * 16) / 1024} GB)\n`,
  );
});
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.stdin.resume();
