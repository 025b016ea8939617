/**
 * A bench's server in a process of its own, so that its work and GC are not measured as client
 * time: forks `moduleUrl` with `--serve` (under tsx, without the parent's `--cpu-prof` /
 * `--expose-gc` flags) and waits for the base URL it sends over IPC. `stop` disconnects, and the
 * served module closes its server on that.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function forkServer(
  moduleUrl: string,
): Promise<{ baseURL: string; stop: () => void }> {
  const child = fork(fileURLToPath(moduleUrl), ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { baseURL: string }).baseURL));
    child.once('exit', (code) => reject(new Error(`The emulator process exited (${code}).`)));
  });
  return { baseURL, stop: () => child.disconnect() };
}
