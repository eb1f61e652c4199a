// Dashboard benchmark (PRODUCT.md quality targets: the dashboard of the large collaboration is
// interactive within 1.5 s of navigation in Chromium). Imports the large synthetic
// collaboration into a fresh data folder, runs `weframe serve`, signs a user in and opens
// /c/<id> in headless Chromium; "interactive" is the app's own `weframe:interactive`
// performance mark, read from navigation start. The first navigation meets an empty diagnosis
// cache (cold), the next ones a cached diagnosis (warm). Also times the summary request the
// dashboard makes, on a warm server and on a freshly started one.
//
//   node scripts/bench-dashboard.js           measure and print the figures
//   node scripts/bench-dashboard.js --write   also put the row into docs/benchmarks.md
//   node scripts/bench-dashboard.js --json    the figures as JSON
//   import { dashboardBenchmark, dashboardRow, dashboardMarkdown } from './bench-dashboard.js'
//
// Needs the built CLI and web app (`npm run build`) and Chromium at /usr/bin/chromium (or
// WEFRAME_CHROMIUM). `npm run bench` runs it as one of its rows.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { TextDecoder } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages', 'cli', 'bin', 'weframe.js');
const webIndex = join(root, 'packages', 'web', 'dist', 'index.html');
const MARK = 'weframe:interactive';
/** PRODUCT.md: interactive within 1.5 s of navigation. */
export const TARGET_MS = 1500;

const owner = { email: 'bench.owner@example.org', password: 'benchmark password, long enough' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the CLI against the data folder; resolves with its standard output. */
function weframe(args, dataDir, input = '') {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, WEFRAME_DATA_DIR: dataDir, NO_COLOR: '1' };
    delete env.DATABASE_URL;
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: root, env, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`weframe ${args.join(' ')} failed: ${error.message}\n${stderr}`))
          : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `weframe serve` on a free port; resolves once /api/health answers. */
async function serve(dataDir) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, WEFRAME_DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`weframe serve exited early:\n${output}`);
    try {
      const res = await globalThis.fetch(`${baseUrl}/api/health`, {
        signal: globalThis.AbortSignal.timeout(2_000),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`weframe serve did not answer within 120 s:\n${output}`);
    }
    await sleep(250);
  }
  /** Peak resident memory of the server so far, in MB (Linux). */
  const peakMb = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : null;
    } catch {
      return null;
    }
  };
  return { baseUrl, stop, peakMb, output: () => output };
}

/** Signs in over HTTP; returns the session cookie header. */
async function signIn(baseUrl) {
  const res = await globalThis.fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

/** Times one GET with the session cookie; returns milliseconds and the body's size. */
async function timedGet(url, cookie) {
  const start = performance.now();
  const res = await globalThis.fetch(url, { headers: { cookie } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - start;
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}: ${new TextDecoder().decode(body)}`);
  return { ms, bytes: body.byteLength };
}

/**
 * Opens the dashboard and waits for the mark; returns the mark's time from navigation start,
 * or throws a clear error when the page never sets it.
 */
async function navigate(page, url, timeoutMs) {
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  try {
    await page.waitForFunction(
      (mark) => globalThis.performance.getEntriesByName(mark, 'mark').length > 0,
      MARK,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    throw new Error(
      `the dashboard did not set the "${MARK}" performance mark within ${timeoutMs / 1000} s` +
        ` (page heading: ${heading === null ? 'none' : JSON.stringify(heading.trim())});` +
        ' the dashboard page must call markInteractive() once the model is drawn',
    );
  }
  return page.evaluate(
    (mark) => globalThis.performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? NaN,
    MARK,
  );
}

/**
 * The whole measurement. Resolves with the figures; a step that fails (no Chromium, the mark
 * never set) is reported in `error` with whatever was measured before it.
 */
export async function dashboardBenchmark({
  large = join(root, '.bench', 'large.json'),
  warmRuns = 5,
  coldTimeoutMs = 180_000,
  warmTimeoutMs = 30_000,
  log = (line) => console.error(line),
} = {}) {
  const result = {
    collaborationId: null,
    coldMs: null,
    warmMs: [],
    warmMedianMs: null,
    apiColdMs: null,
    apiWarmMs: null,
    summaryBytes: null,
    serverPeakMb: null,
    /** The machine's one-minute load average when the browser runs were done. */
    loadAverage: null,
    cores: cpus().length,
    error: null,
  };
  if (!existsSync(cli)) throw new Error(`the CLI is not built (${cli}): run npm run build`);
  if (!existsSync(webIndex))
    throw new Error(`the web app is not built (${webIndex}): run npm run build`);
  if (!existsSync(large)) {
    log('generating the large synthetic collaboration…');
    mkdirSync(join(large, '..'), { recursive: true });
    await weframe(['generate', '--out', large], tmpdir());
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'weframe-bench-dashboard-'));
  let server = null;
  let browser = null;
  try {
    log('importing the large collaboration into a fresh data folder…');
    const imported = await weframe(['import', large], dataDir);
    const id = imported.trim().split('\n').pop()?.trim() ?? '';
    if (!id) throw new Error(`weframe import printed no id:\n${imported}`);
    result.collaborationId = id;
    await weframe(
      ['user', 'create', '--email', owner.email, '--password-stdin', '--role', 'owner'],
      dataDir,
      `${owner.password}\n`,
    );

    server = await serve(dataDir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.WEFRAME_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await context.request.post(`${server.baseUrl}/api/auth/login`, { data: owner });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
    const page = await context.newPage();
    const url = `${server.baseUrl}/c/${encodeURIComponent(id)}`;

    log('opening the dashboard with an empty diagnosis cache…');
    result.coldMs = await navigate(page, url, coldTimeoutMs);
    for (let i = 0; i < warmRuns; i++) {
      log(`opening the dashboard again (${i + 1} of ${warmRuns})…`);
      result.warmMs.push(await navigate(page, url, warmTimeoutMs));
    }
    result.warmMedianMs = median(result.warmMs);
    result.loadAverage = loadavg()[0] ?? null;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await browser?.close().catch(() => undefined);
  }

  try {
    if (!server) throw new Error(result.error ?? 'the server did not start');
    // The summary request itself, served from the cache.
    const summaryUrl = `${server.baseUrl}/api/collaborations/${result.collaborationId}/diagnosis/summary`;
    const cookie = await signIn(server.baseUrl);
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await timedGet(summaryUrl, cookie));
    result.apiWarmMs = median(warm.map((w) => w.ms));
    result.summaryBytes = warm[0]?.bytes ?? null;
    result.serverPeakMb = server.peakMb();
    await server.stop();
    // And on a server just started: nothing cached.
    server = await serve(dataDir);
    const fresh = await signIn(server.baseUrl);
    result.apiColdMs = (
      await timedGet(summaryUrl.replace(/^http:\/\/[^/]+/, server.baseUrl), fresh)
    ).ms;
  } catch (error) {
    result.error ??= error instanceof Error ? error.message : String(error);
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  return result;
}

const seconds = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);

/** The row of the benchmarks table. */
export function dashboardRow(r) {
  const measured =
    r.warmMedianMs === null
      ? `not measured: ${r.error ?? 'unknown failure'}`
      : `warm ${seconds(r.warmMedianMs)} (median of ${r.warmMs.length}; ${r.warmMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}); ` +
        `cold ${seconds(r.coldMs)} (first view after the server started; \`weframe serve\` computes diagnoses in the background as it starts); ` +
        `summary request warm ${Math.round(r.apiWarmMs ?? NaN)} ms, after a restart ${seconds(r.apiColdMs)}, ` +
        `${r.summaryBytes === null ? '?' : Math.round(r.summaryBytes / 1024)} kB; server peak ${r.serverPeakMb === null ? '?' : Math.round(r.serverPeakMb)} MB` +
        (r.loadAverage === null
          ? ''
          : `; machine load ${r.loadAverage.toFixed(1)} on ${r.cores} cores`);
  return {
    what: 'dashboard of the large collaboration in Chromium: navigation start to the `weframe:interactive` mark',
    measured,
    target: `interactive ≤ ${TARGET_MS / 1000} s`,
    met: r.warmMedianMs !== null && r.warmMedianMs <= TARGET_MS,
  };
}

/** The row as a line of the Markdown table. */
export function dashboardMarkdown(r) {
  const row = dashboardRow(r);
  return `| ${row.what} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : 'no'} |`;
}

/** Puts the row into docs/benchmarks.md: replaces the dashboard row, or ends the first table with it. */
export function writeDashboardRow(line) {
  const file = join(root, 'docs', 'benchmarks.md');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('| dashboard of the large collaboration'));
  if (at >= 0) lines[at] = line;
  else {
    const header = lines.findIndex((l) => l.startsWith('|---'));
    if (header < 0) throw new Error(`no table in ${file}`);
    let end = header + 1;
    while (lines[end]?.startsWith('|')) end++;
    lines.splice(end, 0, line);
  }
  writeFileSync(file, lines.join('\n'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await dashboardBenchmark();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(dashboardMarkdown(result));
  if (process.argv.includes('--write')) writeDashboardRow(dashboardMarkdown(result));
  if (result.error) {
    console.error(`\n${result.error}`);
    process.exitCode = 1;
  }
}
