/**
 * npm run bench [-- --json] [-- --duration 2]
 *
 * Starts the bench server in a child process (one core for it, one for the load), then
 * measures deal lookups of 1, 10 and 50 lines at 1, 10 and 50 concurrent clients, cold
 * and warm, with the ERP answering in 50, 500 and 5000 ms, and a bare Hono route on the
 * same server under the same load as the reference. When a Tryton answers on loopback it
 * measures again through a latency-injecting proxy in front of it. Prints a table and a
 * verdict against the targets of issue 4; with --json, one JSON object instead. Exits 1
 * when a target is missed.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { mintContextToken } from '../../server/auth/context-token.ts';
import { startLatencyProxy } from './latency-proxy.ts';

// Must match scripts/bench/server.ts. Lookups carry a real context token, verified per request.
const benchSecret = 'bench-only-context-token-secret-0123456789';
const json = process.argv.includes('--json');
const durationIndex = process.argv.indexOf('--duration');
const duration = durationIndex > 0 ? Number(process.argv[durationIndex + 1]) : 2;
const trytonUrl = process.env.TRYTON_URL ?? `http://127.0.0.1:${process.env.TRYTON_PORT ?? '8000'}`;

const say = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stats {
  erpCalls: number;
  hits: number;
  stale: number;
  misses: number;
}

interface Run {
  erp: 'sandbox' | 'tryton';
  erpMs: number;
  lines: number;
  clients: number;
  mode: 'cold' | 'warm' | 'bare' | 'bare-get';
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  maxMs: number;
  erpCallsPerRequest: number;
  hitRatio: number;
  errors: number;
}

interface Target {
  erp: Run['erp'];
  customerId: string;
  /** Product ids the deal's lines cycle through. */
  products: string[];
}

const sandbox: Target = {
  erp: 'sandbox',
  customerId: 'C-1001',
  products: Array.from({ length: 10 }, (_, i) => `P-10${String(i + 1).padStart(2, '0')}`),
};
// scripts/tryton/seed.ts: ACME is party 2, the products are 1 to 6.
const tryton: Target = { erp: 'tryton', customerId: '2', products: ['1', '2', '3', '4', '5', '6'] };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function deal(target: Target, lines: number): string {
  return JSON.stringify({
    customerId: target.customerId,
    currency: 'EUR',
    lines: Array.from({ length: lines }, (_, i) => ({
      lineId: `l${i}`,
      productId: target.products[i % target.products.length],
      quantity: String(i + 1),
    })),
  });
}

async function startServer(
  env: Record<string, string> = {},
): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /ready (\d+)/.exec(chunk.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

async function trytonAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`${trytonUrl}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, method: 'common.server.version', params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    return typeof ((await res.json()) as { result?: unknown }).result === 'string';
  } catch {
    return false;
  }
}

/** Measures one server: the runs it makes are pushed onto `runs`. */
async function measurer(base: string, target: Target, runs: Run[]) {
  const { token } = await mintContextToken(
    { sub: 'bench', scopes: ['lookup'], customer: target.customerId },
    benchSecret,
    {
      now: new Date(),
      ttlSeconds: 900,
    },
  );
  const authorization = `Bearer ${token}`;
  const stats = async (): Promise<Stats> =>
    (await fetch(`${base}/__bench/stats`)).json() as Promise<Stats>;

  const summarise = (
    shape: Pick<Run, 'erpMs' | 'lines' | 'clients' | 'mode'>,
    times: number[],
    seconds: number,
    before: Stats,
    after: Stats,
    errors: number,
  ): Run => {
    const sorted = [...times].sort((a, b) => a - b);
    const asks =
      after.hits + after.stale + after.misses - (before.hits + before.stale + before.misses);
    const run: Run = {
      erp: target.erp,
      ...shape,
      requests: times.length,
      rps: Math.round(times.length / seconds),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? 0,
      erpCallsPerRequest: times.length ? (after.erpCalls - before.erpCalls) / times.length : 0,
      hitRatio: asks ? (after.hits + after.stale - before.hits - before.stale) / asks : 0,
      errors,
    };
    runs.push(run);
    say(
      `${target.erp.padEnd(7)} ${String(shape.erpMs).padStart(5)} ms  ${shape.mode.padEnd(8)}  ${String(shape.lines).padStart(2)} lines  ` +
        `${String(shape.clients).padStart(2)} clients  ${String(run.rps).padStart(6)} req/s  ` +
        `p50 ${run.p50.toFixed(1).padStart(7)}  p95 ${run.p95.toFixed(1).padStart(7)}  p99 ${run.p99.toFixed(1).padStart(7)} ms  ` +
        `ERP calls/req ${run.erpCallsPerRequest.toFixed(2).padStart(5)}  hits ${(run.hitRatio * 100).toFixed(0).padStart(3)} %` +
        (errors ? `  errors ${errors}` : ''),
    );
    return run;
  };

  async function load(path: string, body: string | undefined, clients: number) {
    const times: number[] = [];
    let errors = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${base}${path}`,
          method: body ? 'POST' : 'GET',
          headers: body ? { 'content-type': 'application/json', authorization } : { authorization },
          body,
          connections: clients,
          duration,
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, status, _bytes, ms) => {
        times.push(ms);
        if (status !== 200) errors += 1;
      });
    });
    return { times, errors: errors + result.errors + result.timeouts };
  }

  return {
    /** One round: each client sends one request at the same moment, on an empty cache. */
    async cold(erpMs: number, lines: number, clients: number) {
      await fetch(`${base}/__bench/reset`, { method: 'POST' });
      const before = await stats();
      const started = performance.now();
      let errors = 0;
      const times = await Promise.all(
        Array.from({ length: clients }, async () => {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/lookup/deal`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: deal(target, lines),
          });
          await res.arrayBuffer();
          if (res.status !== 200) errors += 1;
          return performance.now() - t0;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const run = summarise(
        { erpMs, lines, clients, mode: 'cold' },
        times,
        seconds,
        before,
        await stats(),
        errors,
      );
      // Let the ERP calls that outlived the deadline land (and fill the cache) before the next run.
      await sleep(erpMs + 300);
      return run;
    },

    /** Asks until the answer is whole (every part fresh), so that warm runs are warm. */
    async prime(lines: number, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const res = await fetch(`${base}/api/lookup/deal`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: deal(target, lines),
        });
        const answer = (await res.json()) as {
          credit: { status: string };
          lines: Array<{ stock: { status: string }; price: { status: string } }>;
        };
        const whole =
          answer.credit?.status === 'ok' &&
          answer.lines?.every((l) => l.stock.status === 'ok' && l.price.status === 'ok');
        if (whole) return;
        await sleep(250);
      }
    },

    async warm(erpMs: number, lines: number, clients: number) {
      const before = await stats();
      const { times, errors } = await load('/api/lookup/deal', deal(target, lines), clients);
      return summarise(
        { erpMs, lines, clients, mode: 'warm' },
        times,
        duration,
        before,
        await stats(),
        errors,
      );
    },

    /**
     * The reference: a bare route taking the same request as a 10-line lookup (a POST whose
     * JSON body is read) and answering a constant; `get` is the GET-only figure, without
     * the cost of reading a request body on Node.
     */
    async bare(clients: number, get = false) {
      const before = await stats();
      const { times, errors } = await load(
        '/bench/bare',
        get ? undefined : deal(target, 10),
        clients,
      );
      const mode = get ? 'bare-get' : 'bare';
      return summarise(
        { erpMs: 0, lines: get ? 0 : 10, clients, mode },
        times,
        duration,
        before,
        await stats(),
        errors,
      );
    },
  };
}

async function main() {
  const runs: Run[] = [];
  say(`ERP Lens bench: ${duration} s per warm run, Node ${process.version}`);

  const server = await startServer();
  const setLatency = (ms: number) =>
    fetch(`${server.base}/__bench/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
    });
  const m = await measurer(server.base, sandbox, runs);
  for (const clients of [1, 10, 50]) await m.bare(clients);
  await m.bare(50, true);
  for (const erpMs of [50, 500, 5000]) {
    await setLatency(erpMs);
    for (const lines of [1, 10, 50]) {
      for (const clients of [1, 10, 50]) await m.cold(erpMs, lines, clients);
      await m.prime(lines);
      for (const clients of [1, 10, 50]) await m.warm(erpMs, lines, clients);
    }
  }
  server.stop();

  let trytonMeasured = false;
  if (await trytonAnswers()) {
    say(`\nTryton at ${trytonUrl}, behind a latency proxy on loopback:`);
    const proxy = await startLatencyProxy(trytonUrl);
    const t = await startServer({ BENCH_TRYTON_URL: proxy.url });
    const mt = await measurer(t.base, tryton, runs);
    for (const erpMs of [50, 500, 5000]) {
      proxy.setLatency(erpMs);
      for (const lines of [1, 10]) {
        for (const clients of [1, 10]) await mt.cold(erpMs, lines, clients);
        await mt.prime(lines);
        for (const clients of [1, 10]) await mt.warm(erpMs, lines, clients);
      }
    }
    t.stop();
    await proxy.close();
    trytonMeasured = true;
  } else {
    say(
      `\nTryton: not measured (nothing answers at ${trytonUrl}; npm run tryton:setup starts one).`,
    );
  }

  const find = (mode: Run['mode'], lines: number, clients: number, erpMs?: number) =>
    runs.find(
      (r) =>
        r.erp === 'sandbox' &&
        r.mode === mode &&
        r.lines === lines &&
        r.clients === clients &&
        (erpMs === undefined || r.erpMs === erpMs),
    )!;
  const slowest = (erp: Run['erp']) =>
    Math.round(
      Math.max(0, ...runs.filter((r) => r.erp === erp && r.erpMs === 5000).map((r) => r.maxMs)),
    );
  const result = {
    warmRps: find('warm', 10, 50, 50).rps,
    bareRps: find('bare', 10, 50).rps,
    bareGetRps: find('bare-get', 0, 50).rps,
    warmP99Ms: Number(find('warm', 10, 10, 50).p99.toFixed(2)),
    cold50LineErpCalls: find('cold', 50, 1, 50).erpCallsPerRequest,
    slowErpMaxMs: slowest('sandbox'),
    trytonSlowErpMaxMs: trytonMeasured ? slowest('tryton') : null,
  };
  const verdicts = {
    warmAtLeastHalfBare: result.warmRps * 2 >= result.bareRps,
    warmP99AtMost10Ms: result.warmP99Ms <= 10,
    cold50LineAtMost4ErpCalls: result.cold50LineErpCalls <= 4,
    slowErpAnswersWithin2000Ms:
      result.slowErpMaxMs <= 2000 && (result.trytonSlowErpMaxMs ?? 0) <= 2000,
  };
  const pass = Object.values(verdicts).every(Boolean);

  if (json) {
    process.stdout.write(`${JSON.stringify({ ...result, verdicts, pass, runs })}\n`);
  } else {
    say('');
    say(
      `warm 10-line deal at 50 clients: ${result.warmRps} req/s; bare route, same POST: ${result.bareRps} req/s ` +
        `(${((result.warmRps / result.bareRps) * 100).toFixed(0)} %); bare GET: ${result.bareGetRps} req/s`,
    );
    say(`warm 10-line deal at 10 clients: p99 ${result.warmP99Ms} ms`);
    say(`cold 50-line deal: ${result.cold50LineErpCalls} ERP calls`);
    say(
      `slowest answer with the ERP at 5000 ms: ${result.slowErpMaxMs} ms (sandbox), ${result.trytonSlowErpMaxMs ?? '-'} ms (Tryton)`,
    );
    for (const [name, ok] of Object.entries(verdicts)) say(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  }
  process.exit(pass ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(2);
});
