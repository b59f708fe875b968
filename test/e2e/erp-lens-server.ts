import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';

export interface ErpLensServerOptions {
  /** CRM origins that may call the API and frame /frame.html (auth.allowedOrigins). */
  allowedOrigins?: string[];
}

export interface ErpLensServer {
  url: string;
  stop: () => Promise<void>;
}

const repo = resolve(import.meta.dirname, '../..');

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;

  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 150));
  }

  throw new Error(`the server did not answer /api/health within 30 s:\n${output()}`);
}

/**
 * The real server on a free loopback port, with a fresh sandbox ERP and store in a temp
 * folder, serving dist/widget, in dev mode so the tests can mint context tokens as a CRM
 * would (GET /api/dev/token). One node process (tsx as an import hook, not its CLI,
 * which would fork), so stopping it by its PID stops everything it started.
 */
export async function startErpLensServer(
  options: ErpLensServerOptions = {},
): Promise<ErpLensServer> {
  const dir = mkdtempSync(join(tmpdir(), 'erp-lens-e2e-'));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      erp: { type: 'sandbox', path: join(dir, 'sandbox.sqlite') },
      store: { path: join(dir, 'store.sqlite') },
      auth: { devMode: true, allowedOrigins: options.allowedOrigins ?? [] },
    }),
  );

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/runtime/node.ts'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ERP_LENS_CONFIG: config },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url, stop };
}
