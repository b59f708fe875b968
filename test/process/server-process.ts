import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real ERP Lens server process on the embedded sandbox, in a data folder of its own,
 * for tests that kill and restart it. Every line it logs is kept for the test to read.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  base: string;
  /** Calls the API with a dev-mode context token for the deal named in the path. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  lines: string[];
  child: ChildProcess;
  /** Resolves with the first logged event of that name. */
  waitFor(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function dataDir(config: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'erp-lens-proc-'));
  const file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      erp: { type: 'sandbox', path: join(dir, 'sandbox.sqlite') },
      store: { path: join(dir, 'store.sqlite') },
      ...config,
    }),
  );
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(
  configFile: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/runtime/node.ts'], {
    cwd: root,
    env: { ...process.env, ERP_LENS_CONFIG: configFile, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ event: string; resolve: (v: Record<string, unknown>) => void }> = [];
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      for (const w of waiters.filter((x) => x.event === parsed.event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(parsed);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const waitFor = (event: string, timeoutMs = 20_000) => {
    const seen = lines.find(
      (l) => l.startsWith('{') && (JSON.parse(l) as { event: string }).event === event,
    );
    if (seen) return Promise.resolve(JSON.parse(seen) as Record<string, unknown>);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${event}" within ${timeoutMs} ms; log:\n${lines.join('\n')}`)),
        timeoutMs,
      );
      waiters.push({ event, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  };

  const started = await waitFor('server.started');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = String(started.url).replace(/\/$/, '');
  const api = async (method: string, path: string, body?: unknown) => {
    const deal = /\/deals\/([^/]+)\//.exec(path)?.[1];
    const minted = await fetch(
      `${base}/api/dev/token?scope=lookup,convert${deal ? `&deal=${deal}` : ''}`,
    );
    const { token } = (await minted.json()) as { token: string };
    return fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  return {
    base,
    api,
    lines,
    child,
    waitFor,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
