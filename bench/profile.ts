/**
 * CPU profile of one client on one workload (V8 sampling profiler through node:inspector, only
 * around the measured runs: no startup, no fixture building). The emulator is another process.
 *
 *   npx tsx bench/profile.ts [text|reasoning|tools|generate] [doStream|streamText|doGenerate|
 *     generateText|floor] [ours|incumbent]
 *   npx tsx bench/analyze-profile.ts /tmp/bench-profile/<name>.cpuprofile
 *
 * For line-level attribution in our code, profile a readable bundle with a source map:
 *   npx esbuild src/index.ts --bundle --format=esm --platform=node --packages=external \
 *     --sourcemap --define:__PACKAGE_VERSION__='"0.0.0"' --outfile=node_modules/.cache/bench-profile/index.js
 *   BENCH_OURS_ENTRY=$PWD/node_modules/.cache/bench-profile/index.js npx tsx bench/profile.ts text
 * Env: PROFILE_RUNS (default 20), PROFILE_DIR (default /tmp/bench-profile).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createClients } from './clients';
import { startEmulatorProcess } from './emulator-process';
import { runOnce } from './measure';
import { buildScenarios } from './streams';

const [name = 'text', way = 'doStream', pkg = 'ours'] = process.argv.slice(2);
const runs = Number(process.env.PROFILE_RUNS ?? 20);
const dir = process.env.PROFILE_DIR ?? '/tmp/bench-profile';
const scenario = buildScenarios()[name as 'text' | 'reasoning' | 'tools' | 'generate'];
if (!scenario) throw new Error(`unknown workload ${name}`);

const emulator = await startEmulatorProcess();
const session = new Session();
try {
  const clients = createClients(emulator.baseURL);
  const client = (scenario.streaming ? clients.stream : clients.generate).find(
    (candidate) => candidate.way === way && (way === 'floor' || candidate.pkg === pkg),
  );
  if (!client) throw new Error(`unknown client ${pkg} ${way}`);
  for (let run = 0; run < 3; run++) await runOnce(client, scenario); // warm up the JIT
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  let total = 0;
  for (let run = 0; run < runs; run++) total += (await runOnce(client, scenario)).wallMs;
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${way}-${way === 'floor' ? 'floor' : pkg}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const perChunk = ((total * 1000) / runs / scenario.chunks).toFixed(2);
  process.stderr.write(
    `${client.name}, ${scenario.label}: ${perChunk} µs/chunk (profiled)\n${file}\n`,
  );
} finally {
  session.disconnect();
  emulator.stop();
}
