/**
 * End-to-end test of examples/next-chat in a real browser: builds the package, installs the app
 * (`npm ci`, its own lock file; the package comes from the repository as a packed copy), builds
 * and starts it (`next build`, `next start`) beside the emulator command, then drives each page in
 * headless Chromium (Debian's `chromium`, installed with apt-get when missing) through
 * playwright-core. On the Node route, the edge route and the browser-safe page it types a
 * question and checks that the answer streams in several steps, with reasoning, two tool calls
 * with their results, and the final answer; it saves a screenshot of each page under `.e2e/`.
 *
 * `npm run test:e2e`; `-- --no-package-build` when `npm run build` has just run (CI), `--skip-install`
 * to reuse the app's node_modules and its build.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const app = join(root, 'examples/next-chat');
const outDir = join(root, '.e2e');
const CHROMIUM = '/usr/bin/chromium';
const skipInstall = process.argv.includes('--skip-install');
const packageBuilt = process.argv.includes('--no-package-build');
const started = Date.now();
const children: ChildProcess[] = [];

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (message: string) => console.log(`[e2e ${elapsed()}] ${message}`);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  log(`$ ${command} ${args.join(' ')}  (in ${cwd.replace(root, '.') || '.'})`);
  execFileSync(command, args, { cwd, env, stdio: 'inherit' });
}

/** A free port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a long-running process; its output is prefixed and kept for failures. */
function start(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  // Its own process group, so stopping it also stops what it started.
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `  [${name}] ${line}`)
      .join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  return child;
}

function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  log("Chromium is missing: installing Debian's chromium package");
  run('apt-get', ['update'], root);
  run('apt-get', ['install', '-y', 'chromium'], root, {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

interface PageCheck {
  path: string;
  label: string;
}

const QUESTION = 'What is the weather in Paris right now, in Fahrenheit?';
const ANSWER_TEXT = '[data-testid="message-assistant"] [data-testid="text"]';

/**
 * Types the question on `page` with the slow scenario picked from the catalog-fed picker, and
 * checks the streamed answer. Returns the screenshot path.
 */
async function checkChat(page: Page, baseUrl: string, check: PageCheck): Promise<string> {
  log(`${check.label}: ${baseUrl}${check.path}`);
  await page.goto(`${baseUrl}${check.path}`, { waitUntil: 'networkidle' });
  // The picker is fed by the catalog: wait for it, then pick the slow scenario by its id.
  const picker = page.getByTestId('model');
  await page.waitForFunction(
    `document.querySelectorAll('[data-testid="model"] option').length > 1`,
    undefined,
    { timeout: 30_000 },
  );
  await picker.selectOption('emulator/slow');

  // Records every distinct text of the assistant's answer as it changes (MutationObserver).
  // Scripts run in the page are strings: tsx would wrap named functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.snapshots = [];
    const texts = () => [...document.querySelectorAll('${ANSWER_TEXT}')]
      .map((node) => node.textContent ?? '').join('|');
    new MutationObserver(() => {
      const now = texts();
      if (now && window.snapshots.at(-1) !== now) window.snapshots.push(now);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);

  await page.getByTestId('input').fill(QUESTION);
  await page.getByTestId('input').press('Enter');

  await page.waitForFunction(
    `document.querySelector('[data-testid="status"]')?.textContent === 'ready' &&
     [...document.querySelectorAll('${ANSWER_TEXT}')].some((node) => node.textContent.includes('Here is what I found'))`,
    undefined,
    { timeout: 60_000 },
  );

  const error = await page.getByTestId('error').count();
  if (error > 0) throw new Error(`${check.label}: ${await page.getByTestId('error').innerText()}`);
  const snapshots = (await page.evaluate('window.snapshots')) as string[];
  const reasoning = await page.getByTestId('reasoning').allInnerTexts();
  const tools = await page.getByTestId('tool').allInnerTexts();
  const toolStates = await Promise.all(
    (await page.getByTestId('tool').all()).map((tool) => tool.getAttribute('data-state')),
  );
  const answer = (
    await page.getByTestId('message-assistant').last().getByTestId('text').allInnerTexts()
  ).join(' ');

  const failures: string[] = [];
  if (snapshots.length < 3) {
    failures.push(
      `the answer arrived in ${snapshots.length} step(s), expected streaming in several`,
    );
  }
  if (!reasoning.some((text) => text.includes('I should call getWeather first'))) {
    failures.push(`no reasoning shown (got ${JSON.stringify(reasoning)})`);
  }
  if (tools.length !== 2 || toolStates.some((state) => state !== 'output-available')) {
    failures.push(
      `expected two tool calls with results, got ${JSON.stringify({ tools, toolStates })}`,
    );
  }
  if (
    !tools[0]?.includes('getWeather({"city":"Paris"})') ||
    !tools[0]?.includes('"temperatureCelsius":18')
  ) {
    failures.push(`getWeather call or result missing: ${tools[0]}`);
  }
  if (
    !tools[1]?.includes('convertTemperature({"temperatureCelsius":18})') ||
    !tools[1]?.includes('"fahrenheit":64.4')
  ) {
    failures.push(`convertTemperature call or result missing: ${tools[1]}`);
  }
  if (!answer.includes('convertTemperature returned {"fahrenheit":64.4}')) {
    failures.push(`final answer missing the results: ${answer}`);
  }
  if (failures.length > 0) throw new Error(`${check.label}:\n  - ${failures.join('\n  - ')}`);
  log(
    `${check.label}: ok (${snapshots.length} streamed text states, reasoning, ${tools.length} tool calls with results, final answer)`,
  );
  const screenshot = join(
    outDir,
    `next-chat${check.path === '/' ? '-node' : check.path.replace('/', '-')}.png`,
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  return screenshot;
}

async function main() {
  if (!skipInstall) {
    if (!packageBuilt) run('npm', ['run', 'build'], root);
    run('npm', ['ci', '--no-audit', '--no-fund'], app);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.OPENROUTER_API_KEY; // the app must run on the emulator
  delete env.OPENROUTER_BASE_URL;
  if (!skipInstall || !existsSync(join(app, '.next/BUILD_ID'))) {
    run(process.execPath, [join(app, 'node_modules/next/dist/bin/next'), 'build'], app, env);
  }
  ensureChromium();

  // The emulator command, as a user runs it (port 0: a free one, read from its first line).
  const emulator = start(
    'emulator',
    process.execPath,
    [join(root, 'dist/testing/cli.js'), '--port', '0'],
    root,
    env,
  );
  const emulatorURL = await new Promise<string>((resolveURL, reject) => {
    let out = '';
    emulator.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening at (\S+)/.exec(out);
      if (match?.[1]) resolveURL(match[1]);
    });
    emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}): ${out}`)));
  });
  log(`emulator at ${emulatorURL}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const next = join(app, 'node_modules/next/dist/bin/next');
  start('next', process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], app, {
    ...env,
    OPENROUTER_BASE_URL: emulatorURL,
  });
  await waitFor('next start', async () => ((await fetch(baseUrl)).ok ? true : undefined), 60_000);
  log(`app at ${baseUrl}`);

  // Each chat route reports the runtime it ran on.
  for (const [route, expected] of [
    ['/api/chat', 'nodejs'],
    ['/api/chat-edge', 'edge'],
  ] as const) {
    const response = await fetch(`${baseUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'openai/gpt-4o-mini',
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
      }),
    });
    const runtime = response.headers.get('x-runtime');
    await response.text();
    if (response.status !== 200 || runtime !== expected) {
      throw new Error(
        `${route}: status ${response.status}, runtime ${runtime}, expected ${expected}`,
      );
    }
    log(`${route} runs on the ${runtime} runtime`);
  }

  mkdirSync(outDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 1100 },
  });
  const screenshots: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    for (const check of [
      { path: '/', label: 'Node.js route' },
      { path: '/edge', label: 'edge route' },
      { path: '/browser', label: 'browser-safe page (proxy)' },
    ]) {
      screenshots.push(await checkChat(page, baseUrl, check));
    }
    if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join('; ')}`);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  for (const path of screenshots) log(`screenshot: ${path}`);
  log(`passed in ${elapsed()}`);
}

main()
  .then(() => stopAll())
  .catch((error: unknown) => {
    stopAll();
    console.error(error);
    log('FAILED');
    process.exit(1);
  });
