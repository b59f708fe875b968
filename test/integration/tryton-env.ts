/**
 * Where the integration tests find Tryton, and whether they must.
 *
 * Defaults are those of scripts/tryton/setup.sh. Locally, a missing Tryton skips the suites
 * with a line saying how to enable them; with CI=true or ERP_LENS_REQUIRE_TRYTON=1 it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const env = process.env;
const root = fileURLToPath(new URL('../../', import.meta.url));

export const tryton = {
  url: env.TRYTON_URL ?? `http://127.0.0.1:${env.TRYTON_PORT ?? '8000'}`,
  database: env.TRYTON_DATABASE ?? 'erplens',
  username: env.TRYTON_USER ?? 'erplens',
  password: env.TRYTON_PASSWORD ?? 'ErpLens-Api-2026x',
} as const;

export const trytonRequired = env.CI === 'true' || env.ERP_LENS_REQUIRE_TRYTON === '1';

/** True when a Tryton answers JSON-RPC at the configured URL (no login, so no lockout risk). */
export async function trytonAnswers(timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(`${tryton.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, method: 'common.server.version', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === 'string';
  } catch {
    return false;
  }
}

/**
 * Call at the top of a suite file: `const live = await trytonGate('Tryton adapter');` then
 * `describe.skipIf(!live)(...)`. Throws when Tryton is required but absent.
 */
export async function trytonGate(suite: string): Promise<boolean> {
  if (await trytonAnswers()) return true;

  const where = `${tryton.url}/${tryton.database}/`;
  if (trytonRequired) {
    throw new Error(
      `${suite}: Tryton is required (CI=true or ERP_LENS_REQUIRE_TRYTON=1) but does not answer at ` +
        `${where}. Run \`npm run tryton:setup\` first.`,
    );
  }
  console.warn(`SKIPPED ${suite}: no Tryton at ${where}. Enable with \`npm run tryton:setup\`.`);
  return false;
}

/**
 * Puts Tryton back to its freshly seeded state (stop, copy the snapshot, start: about 2 s).
 * Only possible where setup.sh made the snapshot; returns false elsewhere.
 */
export function resetTryton(): boolean {
  if (!existsSync(`${root}.tryton/seeded.sqlite`)) return false;
  execFileSync('bash', [`${root}scripts/tryton/reset.sh`], { cwd: root, stdio: 'pipe' });
  return true;
}

/** The seeded demo data (scripts/tryton/seed.ts), for assertions. */
export const seeded = {
  warehouses: { berlin: '5', hamburg: '12' },
  products: {
    drill: '1', // SKU-1001, u, 249.00; BER 40 (forecast 30), HAM 5
    screwdriver: '2', // SKU-1002, u, 89.90; BER 25, HAM 60
    gloves: '3', // SKU-1003, u, 7.50; BER 200, HAM 0
    wireRope: '4', // SKU-1004, m (fractional), 3.85; BER 0, HAM 120.5
    workbench: '5', // SKU-1005, u, 599.00; BER 3, HAM 2
    bolts: '6', // SKU-1006, kg (fractional), 12.40; BER 85.25, HAM 40
  },
  customers: { acme: '2', globex: '3' },
} as const;
