#!/usr/bin/env node
/**
 * `ai-sdk-openrouter-emulator`: runs the OpenRouter emulator with its defaults as a process, for
 * apps (`next dev`, a server, a demo) pointed at it with `OPENROUTER_BASE_URL`.
 */
import { startOpenRouterEmulator } from './emulator.js';

const USAGE = `Usage: ai-sdk-openrouter-emulator [--port 4010] [--host 127.0.0.1] [--no-auth]

Serves an offline stand-in for OpenRouter's API: chat completions by the demo agent (or a
scenario chosen by model id, e.g. emulator/slow, emulator/error/429), the model catalog,
/key, /credits and /generation. Point your app at the printed base URL:

  OPENROUTER_BASE_URL=<base URL> OPENROUTER_API_KEY=sk-or-emulator <your app>

Options:
  --port <n>   port to listen on (default 4010; 0 picks a free one)
  --host <h>   interface to listen on (default 127.0.0.1)
  --no-auth    accept requests without an Authorization header (default: required, like OpenRouter)
  --help       show this text`;

interface CliOptions {
  port: number;
  host: string;
  requireAuth: boolean;
}

function parseArgs(args: string[]): CliOptions | 'help' {
  const options: CliOptions = { port: 4010, host: '127.0.0.1', requireAuth: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new Error(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--help':
      case '-h':
        return 'help';
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port must be an integer from 0 to 65535`);
        }
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--no-auth':
        options.requireAuth = false;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`ai-sdk-openrouter-emulator: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startOpenRouterEmulator(options);
  process.stdout.write(`OpenRouter emulator listening at ${emulator.baseURL}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`ai-sdk-openrouter-emulator: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
