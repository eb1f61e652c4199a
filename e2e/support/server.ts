/**
 * Runs the real CLI as a user would: `weframe demo` into a fresh data directory, an owner
 * made with `weframe user create … --password-stdin`, then `weframe serve` on a free port,
 * with the embedded database (no DATABASE_URL).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = join(repoRoot, 'packages/cli/bin/weframe.js');
const webIndex = join(repoRoot, 'packages/web/dist/index.html');

const HEALTH_TIMEOUT_MS = 60_000;
const DEMO_TIMEOUT_MS = 120_000;

export interface RunningServer {
  /** e.g. http://localhost:41234 — no trailing slash. */
  baseUrl: string;
  dataDir: string;
  /** Everything the server wrote so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The environment the CLI sees: the temp data dir, and never an external database. */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WEFRAME_DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  return env;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('could not find a free port'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd: repoRoot, env, timeout: DEMO_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`weframe ${args.join(' ')} failed: ${error.message}\n${stdout}`));
        } else {
          resolve(stdout + stderr);
        }
      },
    );
    // Piped, as `printf '%s\n' "$PASSWORD" | weframe user create … --password-stdin` would.
    child.stdin?.end(input ?? '');
  });
}

/** The owner the browser tests sign in as, created with `weframe user create`. */
export const testOwner = {
  email: 'e2e.owner@example.org',
  password: 'e2e password, long enough',
} as const;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const body = (await response.json()) as unknown;
    return (
      typeof body === 'object' && body !== null && (body as Record<string, unknown>).status === 'ok'
    );
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 10_000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

/** Loads the sample collaborations and starts the server; resolves once it is healthy. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(cliPath)) {
    throw new Error(`The CLI is missing: ${cliPath}`);
  }
  if (!existsSync(webIndex)) {
    throw new Error(`The web app is not built (${webIndex}); run npm run build -w @weframe/web`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'weframe-e2e-'));
  const env = cliEnv(dataDir);
  let child: ChildProcess | undefined;
  let output = '';

  const stop = async () => {
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  try {
    await runCli(['demo'], env);
    await runCli(
      ['user', 'create', '--email', testOwner.email, '--password-stdin', '--role', 'owner'],
      env,
      `${testOwner.password}\n`,
    );

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const server = spawn(process.execPath, [cliPath, 'serve', '--port', String(port)], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (!(await isHealthy(baseUrl))) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(
          `weframe serve exited (${server.exitCode ?? server.signalCode}) before it was healthy:\n${output}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `weframe serve did not answer GET /api/health with {"status":"ok"} within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`,
        );
      }
      await delay(250);
    }

    return { baseUrl, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
