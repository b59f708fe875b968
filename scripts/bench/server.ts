/**
 * The server the bench measures: the real app on an in-memory sandbox whose every ERP call
 * takes a latency the bench sets, plus a bare Hono route on the same server as the
 * reference, and a few bench-only controls under /__bench. Started by scripts/bench/run.ts.
 */
import { serve } from '@hono/node-server';
import { boot } from '../../server/bootstrap.ts';
import { parseConfig } from '../../server/config.ts';
import { createRemoteErp } from '../../server/erp/factory.ts';
import { aroundErpCalls } from '../../server/erp/around-calls.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { createLogger } from '../../server/observe/logger.ts';
import { openSqlite } from '../../server/store/sqlite.ts';

const port = Number(process.argv[2] ?? 0);
let latencyMs = 50;
let erpCalls = 0;

/** Delays every ERP call by the current latency: a slow ERP in front of the sandbox. */
const delayed = (erp: ErpAdapter) =>
  aroundErpCalls(erp, async (_op, call) => {
    erpCalls += 1;
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return call();
  });

/** Counts port calls without delaying them (the proxy in front of Tryton delays). */
const counted = (erp: ErpAdapter) =>
  aroundErpCalls(erp, (_op, call) => {
    erpCalls += 1;
    return call();
  });

const db = openSqlite(':memory:');
// BENCH_TRYTON_URL: a real Tryton (behind run.ts's latency proxy) instead of the delayed sandbox.
const trytonUrl = process.env.BENCH_TRYTON_URL;
const config = parseConfig({
  erp: trytonUrl
    ? {
        type: 'tryton',
        url: trytonUrl,
        database: process.env.TRYTON_DATABASE ?? 'erplens',
        username: process.env.TRYTON_USER ?? 'erplens',
        timeoutMs: 30_000,
      }
    : { type: 'sandbox', path: ':memory:' },
  lookup: { maxConcurrentErpCalls: 64 },
  // One bench client plays every rep: per-user limits would measure the limiter.
  auth: {
    rateLimits: {
      lookup: { max: 1_000_000, windowMs: 60_000 },
      convert: { max: 1_000_000, windowMs: 60_000 },
    },
  },
});
/** The bench's own signing secret; run.ts signs its context token with the same. */
const benchSecret = 'bench-only-context-token-secret-0123456789';
// The request log is formatted as in production, then dropped instead of written.
const logger = createLogger(
  process.env.BENCH_LOG ? (l) => process.stderr.write(`${l}\n`) : () => undefined,
);
const { app, sources, metrics } = await boot({
  config,
  dbs: { store: db, sandbox: db },
  logger,
  wrapErp: trytonUrl ? counted : delayed,
  auth: { secret: benchSecret, devMode: false },
  env: { TRYTON_PASSWORD: process.env.TRYTON_PASSWORD ?? 'ErpLens-Api-2026x' },
  erpFactory: (c) =>
    createRemoteErp(c, { TRYTON_PASSWORD: process.env.TRYTON_PASSWORD ?? 'ErpLens-Api-2026x' }),
});

app.get('/bench/bare', (c) => c.json({ ok: true }));
// The same request as a lookup (a POST with its JSON body read), answered with a constant.
app.post('/bench/bare', async (c) => {
  await c.req.text();
  return c.json({ ok: true });
});
app.post('/__bench/latency', async (c) => {
  latencyMs = Number((await c.req.json<{ ms: number }>()).ms);
  return c.json({ latencyMs });
});
app.post('/__bench/reset', (c) => {
  sources.clear();
  return c.json({ ok: true });
});
app.get('/__bench/stats', (c) => {
  const count = (result: string) =>
    ['products', 'stock', 'prices', 'credit', 'invoices'].reduce(
      (n, kind) => n + metrics.cacheRequests.get({ kind, result }),
      0,
    );
  // A whole answer served from memory is a hit too: nothing was asked of the ERP or the caches.
  const memo = metrics.answerMemo.get({ result: 'hit' });
  return c.json({
    erpCalls,
    hits: count('hit') + memo,
    stale: count('stale'),
    misses: count('miss'),
  });
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  process.stdout.write(`ready ${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
