/**
 * npm run faults [-- --conversions 60] [-- --seed 42] [-- --rate 0.15] [-- --kills 4]
 *
 * Converts many won deals against an ERP that times out after committing, answers 502 and
 * 429 at random, while the server is SIGKILLed and restarted now and then; the client
 * keeps asking, as a CRM re-delivering a webhook would. Then it counts, in the ERP's and
 * the store's own databases:
 *   conversions=N orders=N duplicates=0 lost=0
 * (lost: neither done nor in the dead-letter list with a reason). Exits 1 on any
 * duplicate or loss.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { prng } from './faulty-erp.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const total = arg('conversions', 60);
const seed = arg('seed', Math.floor(Math.random() * 1e9));
const rate = arg('rate', 0.15);
const kills = arg('kills', 4);
const random = prng(seed);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), 'erp-lens-faults-'));
const configFile = join(dir, 'config.json');
writeFileSync(
  configFile,
  JSON.stringify({
    erp: { type: 'sandbox', path: join(dir, 'sandbox.sqlite') },
    store: { path: join(dir, 'store.sqlite') },
    conversion: {
      maxAttempts: 15,
      backoffBaseMs: 200,
      backoffCapMs: 4_000,
      pollMs: 100,
      leaseMs: 1_000,
    },
    // One client plays every rep and the CRM: the per-user limits would only slow it down.
    auth: {
      rateLimits: {
        convert: { max: 1_000_000, windowMs: 60_000 },
        lookup: { max: 1_000_000, windowMs: 60_000 },
      },
    },
  }),
);

let child: ChildProcess | undefined;
const injected = new Map<string, number>();
let base = '';
let starts = 0;

async function start(): Promise<void> {
  starts += 1;
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/faults/server.ts', String(seed + starts)],
    {
      env: {
        ...process.env,
        ERP_LENS_CONFIG: configFile,
        FAULT_RATE: String(rate),
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const m = /ready (\d+)/.exec(text);
      if (m) resolve(Number(m[1]));
      for (const kind of text.matchAll(/"event":"fault.injected","kind":"(\w+)"/g)) {
        injected.set(kind[1]!, (injected.get(kind[1]!) ?? 0) + 1);
      }
    });
    child!.once('exit', (code) =>
      reject(new Error(`fault server exited (${code}) before it was ready`)),
    );
  });
  base = `http://127.0.0.1:${port}`;
}

async function kill(): Promise<void> {
  const c = child!;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
}

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any } | null> {
  try {
    const deal = /\/deals\/([^/]+)/.exec(path)?.[1];
    const minted = await fetch(
      `${base}/api/dev/token?scope=lookup,convert${deal ? `&deal=${deal}` : ''}`,
    );
    const { token } = (await minted.json()) as { token: string };
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.json() };
  } catch {
    return null; // the server was killed under us: ask again later
  }
}

async function main() {
  log(`faults: ${total} conversions, seed ${seed}, fault rate ${rate}, ${kills} kills`);
  await start();

  const deals = Array.from({ length: total }, (_, i) => `F-${String(i + 1).padStart(4, '0')}`);
  for (const id of deals) {
    for (;;) {
      const res = await api('PUT', `/api/playground/deals/${id}`, {
        title: `Fault run ${id}`,
        customerId: 'C-1001',
        currency: 'EUR',
        stage: 'won',
        lines: [
          { lineId: 'l1', productId: 'P-1008', quantity: String(1 + Math.floor(random() * 3)) },
        ],
      });
      if (res?.status === 200) break;
      await sleep(50);
    }
  }

  const terminal = new Map<string, string>();
  const deadline = Date.now() + 180_000;
  let killsLeft = kills;
  let nextKill = Date.now() + 500 + random() * 1500;

  while (terminal.size < deals.length && Date.now() < deadline) {
    const open = deals.filter((d) => !terminal.has(d));
    // Ask for each open deal, a few at once, some twice: double clicks and re-deliveries.
    for (let i = 0; i < open.length; i += 10) {
      const batch = open.slice(i, i + 10).flatMap((d) => (random() < 0.3 ? [d, d] : [d]));
      const answers = await Promise.all(batch.map((d) => api('POST', `/api/deals/${d}/convert`)));
      answers.forEach((a, j) => {
        const status = a?.body?.conversion?.status ?? a?.body?.error?.details?.conversion?.status;
        if (status === 'done' || status === 'dead' || status === 'failed')
          terminal.set(batch[j]!, status);
      });
      if (killsLeft > 0 && Date.now() > nextKill) {
        killsLeft -= 1;
        log(
          `faults: SIGKILL the server (${kills - killsLeft} of ${kills}), ${terminal.size} of ${deals.length} settled`,
        );
        await kill();
        await start();
        nextKill = Date.now() + 500 + random() * 2000;
      }
    }
    await sleep(100);
  }
  await kill();

  const erp = new Database(join(dir, 'sandbox.sqlite'), { readonly: true });
  const store = new Database(join(dir, 'store.sqlite'), { readonly: true });
  const perDeal = erp
    .prepare(
      "SELECT reference, COUNT(*) AS n FROM sb_orders WHERE reference LIKE 'F-%' GROUP BY reference",
    )
    .all() as Array<{ reference: string; n: number }>;
  const records = store
    .prepare("SELECT deal_id, status, error_message FROM conversions WHERE deal_id LIKE 'F-%'")
    .all() as Array<{
    deal_id: string;
    status: string;
    error_message: string | null;
  }>;
  erp.close();
  store.close();

  const orders = perDeal.reduce((n, r) => n + r.n, 0);
  const duplicates = perDeal.reduce((n, r) => n + Math.max(0, r.n - 1), 0);
  const byDeal = new Map(records.map((r) => [r.deal_id, r]));
  const lost = deals.filter((d) => {
    const r = byDeal.get(d);
    if (r?.status === 'done') return false;
    return !((r?.status === 'dead' || r?.status === 'failed') && r.error_message);
  });
  const done = records.filter((r) => r.status === 'done').length;
  const dead = records.filter((r) => r.status === 'dead' || r.status === 'failed').length;

  const faults = [...injected].map(([k, n]) => `${k} ${n}`).join(', ');
  log(`faults: injected ${faults}; ${starts - 1} SIGKILLs and restarts`);
  log(`faults: ${done} done, ${dead} in the dead-letter list with a reason; data in ${dir}`);
  if (lost.length > 0) log(`faults: lost ${lost.join(', ')}`);
  process.stdout.write(
    `conversions=${deals.length} orders=${orders} duplicates=${duplicates} lost=${lost.length}\n`,
  );

  if (duplicates === 0 && lost.length === 0) rmSync(dir, { recursive: true, force: true });
  process.exit(duplicates === 0 && lost.length === 0 ? 0 : 1);
}

main().catch(async (error: unknown) => {
  log(`faults failed: ${(error as Error).stack ?? error}`);
  child?.kill('SIGKILL');
  process.exit(2);
});
