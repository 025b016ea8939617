/**
 * Writes `src/platform/openrouter-model-ids.ts`: the `OpenRouterChatModelId` union (known ids for
 * editor completion, plus `string & {}` so any id still type-checks).
 *
 *   npx tsx scripts/generate-model-ids.ts                         # GET /models from OpenRouter
 *   npx tsx scripts/generate-model-ids.ts --base-url <url>        # ... from another base URL (emulator)
 *   npx tsx scripts/generate-model-ids.ts --from-json <file>      # a saved /models body, entries or ids
 *   npx tsx scripts/generate-model-ids.ts --from-reference [dir]  # ids quoted in the reference docs
 *
 * Options: `--out <file>` (default src/platform/openrouter-model-ids.ts), `--stdout`,
 * `--date YYYY-MM-DD` (default today, UTC). The API modes read `OPENROUTER_API_KEY` when set
 * (`GET /models` is public) and `OPENROUTER_BASE_URL` when `--base-url` is not given.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createOpenRouterPlatformApi } from '../src/platform/openrouter-platform-api';
import type { OpenRouterModel } from '../src/platform/openrouter-platform-schemas';

const DEFAULT_OUT = 'src/platform/openrouter-model-ids.ts';
const DEFAULT_REFERENCE_DIR = '/work/shared/reference';
const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

/** Output modalities chat completions can return; models producing only others are not chat. */
const CHAT_OUTPUTS = new Set(['text', 'image', 'audio']);

/** Authors whose `author/slug` strings in prose are model ids (not npm scopes, paths, MIME types). */
const REFERENCE_AUTHORS = [
  'openai',
  'anthropic',
  'google',
  'deepseek',
  'qwen',
  'meta-llama',
  'mistralai',
  'x-ai',
  'moonshotai',
  'z-ai',
  'sao10k',
  'openrouter',
];

/**
 * Quoted in the references but not (lasting) chat model ids: an embedding model, a service tier,
 * package names (`@openrouter/...`, also excluded by the `@` rule), a temporary stealth model seen
 * in an error capture.
 */
const REFERENCE_EXCLUDED = new Set([
  'openai/text-embedding-3-small',
  'openai/priority',
  'openrouter/ai-sdk-provider',
  'openrouter/sdk',
  'openrouter/owl-alpha',
]);

interface Args {
  mode: 'api' | 'json' | 'reference';
  source?: string;
  baseURL?: string;
  out: string;
  stdout: boolean;
  date: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    mode: 'api',
    out: DEFAULT_OUT,
    stdout: false,
    date: new Date().toISOString().slice(0, 10),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--from-json') {
      args.mode = 'json';
      args.source = value();
    } else if (arg === '--from-reference') {
      args.mode = 'reference';
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) args.source = argv[++i];
    } else if (arg === '--base-url') args.baseURL = value();
    else if (arg === '--out') args.out = value();
    else if (arg === '--date') args.date = value();
    else if (arg === '--stdout') args.stdout = true;
    else throw new Error(`Unknown argument ${arg}`);
  }
  return args;
}

function isChatModel(model: Pick<OpenRouterModel, 'architecture'>): boolean {
  const outputs = model.architecture?.output_modalities;
  return !outputs || outputs.length === 0 || outputs.some((output) => CHAT_OUTPUTS.has(output));
}

async function idsFromApi(baseURL: string): Promise<string[]> {
  const apiKey = process.env.OPENROUTER_API_KEY;
  const api = createOpenRouterPlatformApi({
    baseURL: () => baseURL.replace(/\/+$/, ''),
    headers: () => (apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
  });
  const models = await api.models.list({ outputModalities: 'all', all: true });
  return models.filter(isChatModel).map((model) => model.id);
}

/** A `/models` body (`{data: [...]}`), an array of entries, or an array of id strings. */
function idsFromJson(file: string): string[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const entries =
    typeof parsed === 'object' && parsed !== null && 'data' in parsed
      ? (parsed as { data: unknown }).data
      : parsed;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected {data: [...]} or an array`);
  return entries.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    if (typeof entry !== 'object' || entry === null) return [];
    const model = entry as { id?: unknown; architecture?: { output_modalities?: unknown } };
    if (typeof model.id !== 'string') return [];
    const outputs = model.architecture?.output_modalities;
    const chat = isChatModel({
      architecture: { output_modalities: Array.isArray(outputs) ? outputs : undefined },
    });
    return chat ? [model.id] : [];
  });
}

/**
 * Model ids quoted in the reference docs: `author/slug` for known authors and `~author/…` aliases,
 * not preceded by `@` (npm scopes) or part of a path/URL. Dated permaslugs (`…-20251001`) are
 * response-side names, and `:variant` suffixes are stripped (variants are accepted as any string).
 */
function idsFromReference(dir: string): string[] {
  const authors = REFERENCE_AUTHORS.map((author) => author.replace(/[-]/g, '\\-')).join('|');
  const pattern = new RegExp(
    `(?<![@\\w./~-])(~?(?:${authors})/[a-z0-9][a-z0-9._-]*[a-z0-9])(?::[a-z]+)*(?![\\w/:-]|\\.\\w)`,
    'g',
  );
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(pattern)) {
      const id = match[1];
      if (!id || REFERENCE_EXCLUDED.has(id) || /-\d{8}$/.test(id)) continue;
      ids.add(id);
    }
  }
  return [...ids];
}

function render(ids: readonly string[], source: readonly string[], date: string): string {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = sorted.map((id) => `  | '${id.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  return [
    '// Generated by scripts/generate-model-ids.ts: do not edit by hand; run the script instead.',
    ...source.map((line, index) => `// ${index === 0 ? 'Source: ' : ''}${line}`),
    `// Generated on ${date} (${sorted.length} ids).`,
    '',
    '/**',
    ' * OpenRouter chat model ids known when this file was generated, for editor completion. Any',
    ' * other string is accepted too (`string & {}`): new models, `:variant` suffixes (`:free`,',
    ' * `:nitro`, ...), dated permaslugs, `~author/family-latest` aliases and presets.',
    ' */',
    'export type OpenRouterChatModelId =',
    ...members,
    '  | (string & {});',
    '',
  ].join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let ids: string[];
  let source: string[];
  if (args.mode === 'reference') {
    const dir = resolve(args.source ?? DEFAULT_REFERENCE_DIR);
    ids = idsFromReference(dir);
    source = [
      `model ids quoted in ${dir}/*.md (--from-reference).`,
      'No machine this was generated on reaches openrouter.ai; regenerate from the live catalog',
      '(npx tsx scripts/generate-model-ids.ts) where it does.',
    ];
  } else if (args.mode === 'json') {
    ids = idsFromJson(args.source ?? '');
    source = [`${args.source} (--from-json)`];
  } else {
    const baseURL = args.baseURL ?? process.env.OPENROUTER_BASE_URL ?? DEFAULT_BASE_URL;
    ids = await idsFromApi(baseURL);
    source = [`GET ${baseURL}/models?output_modalities=all (chat-capable models)`];
  }
  if (ids.length === 0) throw new Error('No model ids found; nothing written.');
  const output = render(ids, source, args.date);
  if (args.stdout) process.stdout.write(output);
  else {
    writeFileSync(args.out, output);
    console.error(`Wrote ${args.out} (${new Set(ids).size} ids).`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
