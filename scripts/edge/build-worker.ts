/**
 * Bundles the worker the way `wrangler deploy` would (its esbuild settings, wrangler.toml's
 * minify, no nodejs_compat) into dist/worker/, and prints the bundle's size. The edge tests
 * run this very bundle in workerd. A node:* import that slipped into the bundle fails here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const workerBundle = join(root, 'dist/worker/worker.js');

/** Cloudflare's limit on a worker's gzipped size on the free plan (the paid plan allows 10 MiB). */
const freePlanLimit = 3 * 1024 * 1024;

export function buildWorker(): { path: string; bytes: number; gzipBytes: number } {
  const wrangler = join(root, 'node_modules/.bin/wrangler');
  const run = spawnSync(wrangler, ['deploy', '--dry-run', '--outdir', 'dist/worker'], {
    cwd: root,
    encoding: 'utf8',
    // Telemetry would try to leave the machine; nothing here needs it.
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  if (run.status !== 0) {
    throw new Error(
      `wrangler could not bundle the worker (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
    );
  }

  const code = readFileSync(workerBundle);
  const size = { path: workerBundle, bytes: code.length, gzipBytes: gzipSync(code).length };
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `worker bundle: dist/worker/worker.js ${kib(size.bytes)}, gzip ${kib(size.gzipBytes)} ` +
      `(${((100 * size.gzipBytes) / freePlanLimit).toFixed(0)}% of the 3 MiB free-plan limit)`,
  );
  if (size.gzipBytes > freePlanLimit)
    throw new Error('The worker bundle is over the free plan’s 3 MiB (gzip).');
  return size;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildWorker();
