/**
 * `npm run bench cold-start` (run `npm run build` first): the cold start of the built main
 * entry against `@openrouter/ai-sdk-provider`, in fresh Node processes (see import-time.ts):
 * `import()` alone, after `ai`, and the first chat result. Env: BENCH_COLD_RUNS (fresh processes
 * per package and mode, default 21), BENCH_DIST (our build, default dist/), BENCH_BASELINE_DIST
 * (another build of ours measured alongside, e.g. the previous commit's, labelled "baseline").
 * `--check-targets`: exit 2 when a target is missed.
 */
import { cpus } from 'node:os';
import {
  coldStartReport,
  type ImportTarget,
  incumbentImportTarget,
  ourImportTarget,
} from './import-time';
import { table } from './report';

const runs = Number(process.env.BENCH_COLD_RUNS ?? 21);
const targets: Record<string, ImportTarget> = {
  'ai-sdk-openrouter': ourImportTarget(),
  '@openrouter/ai-sdk-provider': incumbentImportTarget,
};
if (process.env.BENCH_BASELINE_DIST) {
  targets['ai-sdk-openrouter (baseline)'] = ourImportTarget(process.env.BENCH_BASELINE_DIST, true);
}

const progress = (message: string) => process.stderr.write(`${message}\n`);
process.stdout.write(
  `## Cold start (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'})\n\n`,
);
const report = coldStartReport(targets, runs, progress);
process.stdout.write(`${report.text}\n\n`);
process.stdout.write(
  `${table(
    ['target', 'value', 'met'],
    report.targets.map((target) => [target.name, target.value, target.met ? 'yes' : 'NO']),
  )}\n`,
);
if (process.argv.includes('--check-targets') && report.targets.some((target) => !target.met)) {
  process.exitCode = 2;
}
