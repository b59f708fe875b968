/**
 * The server `npm run faults` attacks: the real app and retry worker on a sandbox whose
 * ERP calls fail at random (faulty-erp.ts). Prints `ready <port>`, then structured logs.
 * Argument: seed. Environment: ERP_LENS_CONFIG (the data folder's config), FAULT_RATE.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { boot } from '../../server/bootstrap.ts';
import { parseConfig } from '../../server/config.ts';
import { startRetryWorker } from '../../server/convert/retry-worker.ts';
import { createLogger } from '../../server/observe/logger.ts';
import { openSqlite } from '../../server/store/sqlite.ts';
import { faultyErp, prng } from './faulty-erp.ts';

const seed = Number(process.argv[2] ?? 1);
const rate = Number(process.env.FAULT_RATE ?? '0.15');
const config = parseConfig(JSON.parse(readFileSync(process.env.ERP_LENS_CONFIG!, 'utf8')));
const logger = createLogger((line) => process.stdout.write(`${line}\n`), { level: 'warn' });
const store = openSqlite(config.store.path);
const sandbox = config.erp.type === 'sandbox' ? openSqlite(config.erp.path) : undefined;
const random = prng(seed);

const { app, converter } = await boot({
  config,
  dbs: { store, sandbox },
  logger,
  auth: { secret: 'faults-only-secret-0123456789abcdef0123', devMode: true },
  wrapErp: (erp) => faultyErp(erp, random, rate, (kind) => logger.warn('fault.injected', { kind })),
});
startRetryWorker(converter, { pollMs: config.conversion.pollMs, logger });

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
  process.stdout.write(`ready ${info.port}\n`),
);
