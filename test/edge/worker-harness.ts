/**
 * Runs the built worker (dist/worker/worker.js, built by global-setup.ts) in workerd through
 * miniflare, with an in-memory D1 per worker. Everything listens on 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { workerBundle } from '../../scripts/edge/build-worker.ts';
import { mintContextToken } from '../../server/auth/context-token.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(
  readFileSync(`${root}wrangler.toml`, 'utf8'),
)![1]!;

/** The secret the edge tests' CRM signs context tokens with (a binding, as in production). */
export const edgeTokenSecret = 'edge-test-only-context-token-secret-0123456789';

export interface WorkerOptions {
  /** The config file's content, given to the worker as the ERP_LENS_CONFIG var. */
  config?: unknown;
  /** Further vars and secrets (TRYTON_PASSWORD). */
  bindings?: Record<string, string>;
}

export type Answer = { status: number; body: any; headers: Headers };

export async function startWorker(options: WorkerOptions = {}) {
  const logs: string[] = [];
  const mf = new Miniflare({
    modules: true,
    scriptPath: workerBundle,
    compatibilityDate,
    host: '127.0.0.1',
    d1Databases: { DB: `edge-${crypto.randomUUID()}` },
    bindings: {
      ERP_LENS_CONFIG: JSON.stringify(options.config ?? {}),
      ERP_LENS_TOKEN_SECRET: edgeTokenSecret,
      LOG_LEVEL: 'warn',
      ...options.bindings,
    },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
      stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    },
  });
  await mf.ready;

  /**
   * Calls the worker. Unless `headers` bring an authorization, the call carries a context
   * token for what it names (the deal in /api/deals/:id/..., the body's customerId), as the
   * CRM would sign it.
   */
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    // No credentials mode: undici would otherwise try to replay a POST body after a 401 and fail.
    const init: {
      method: string;
      headers: Record<string, string>;
      body?: string;
      credentials: 'omit';
    } = {
      method,
      headers: { ...headers },
      credentials: 'omit',
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers['content-type'] = 'application/json';
    }
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
      const deal = /^\/api\/deals\/([^/]+)\//.exec(path)?.[1];
      const customer = (body as { customerId?: string } | undefined)?.customerId;
      const { token } = await mintContextToken(
        {
          sub: 'edge-test-rep',
          scopes: ['lookup', 'convert'],
          deal: deal && decodeURIComponent(deal),
          customer,
        },
        edgeTokenSecret,
        { now: new Date() },
      );
      init.headers.authorization = `Bearer ${token}`;
    }
    // The worker sees this URL; miniflare delivers the request over its loopback socket.
    const res = await mf.dispatchFetch(`http://127.0.0.1${path}`, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers as unknown as Headers };
  }

  /** Reads the worker's D1 directly, as `wrangler d1 execute` would. */
  async function query<T = Record<string, unknown>>(
    sql: string,
    ...params: unknown[]
  ): Promise<T[]> {
    const db = await mf.getD1Database('DB');
    return (
      await db
        .prepare(sql)
        .bind(...params)
        .all<T>()
    ).results;
  }

  /** Fires the cron trigger once, as Cloudflare would. */
  async function cron(scheduledTime = new Date()) {
    const worker = await mf.getWorker();
    return worker.scheduled({ cron: '* * * * *', scheduledTime });
  }

  return { call, query, cron, logs, dispose: () => mf.dispose() };
}

export type EdgeWorker = Awaited<ReturnType<typeof startWorker>>;
