import { createApp, type App, type AppDeps } from './app.ts';
import type { AuthSettings } from './auth/signing-secret.ts';
import type { Config } from './config.ts';
import { createPlaygroundCrm } from './crm/playground/adapter.ts';
import { seedPlaygroundDeals } from './crm/playground/seed.ts';
import type { ErpAdapter } from './erp/port.ts';
import { createSandboxAdapter } from './erp/sandbox/adapter.ts';
import { sandboxMigrations } from './erp/sandbox/schema.ts';
import { seedSandbox } from './erp/sandbox/seed.ts';
import type { Logger } from './observe/logger.ts';
import { createConversionStore } from './store/conversions.ts';
import { createSqlIdMap } from './store/id-map.ts';
import { storeMigrations } from './store/migrations.ts';
import { migrate, type SqlDb } from './store/sql.ts';

/**
 * Wires an app from a validated config and opened databases. Shared by both runtimes:
 * they differ only in how they open databases and read the config and secrets.
 */

export interface Databases {
  store: SqlDb;
  /** The sandbox ERP's database; only used when config.erp.type is 'sandbox'. */
  sandbox?: SqlDb;
}

export interface BootOptions {
  config: Config;
  dbs: Databases;
  logger: Logger;
  /** Builds a non-sandbox ERP adapter (it needs secrets the runtime reads). */
  erpFactory?: (config: Config) => ErpAdapter;
  /** Wraps the ERP adapter (the bench's latency injection, the fault tests' failures). */
  wrapErp?: (erp: ErpAdapter) => ErpAdapter;
  now?: () => Date;
  version?: string;
  /** The token secret and dev mode, from auth/signing-secret.ts. */
  auth?: AuthSettings;
  /** Secrets, by the names the config gives (process.env on Node, bindings at the edge). */
  env?: Record<string, string | undefined>;
  afterStep?: AppDeps['afterStep'];
}

export async function boot(options: BootOptions): Promise<App & { erp: ErpAdapter }> {
  const { config, dbs, logger } = options;
  const now = options.now ?? (() => new Date());

  await migrate(dbs.store, 'store', storeMigrations);
  const crm = createPlaygroundCrm(dbs.store);

  let erp: ErpAdapter;
  if (config.erp.type === 'sandbox') {
    const db = dbs.sandbox ?? dbs.store;
    await migrate(db, 'sandbox', sandboxMigrations);
    if (await seedSandbox(db, now())) logger.info('sandbox.seeded', { path: config.erp.path });
    erp = createSandboxAdapter(db, { now });
  } else {
    if (!options.erpFactory)
      throw new Error(`No adapter factory was given for ERP type "${config.erp.type}".`);
    erp = options.erpFactory(config);
  }
  if (options.wrapErp) erp = options.wrapErp(erp);

  // Demo deals are a convenience: an ERP that cannot be reached now must not stop start-up.
  try {
    const missing = await seedPlaygroundDeals(crm, erp, now());
    if (missing.length > 0)
      logger.warn('playground.demo_deals_skipped', { deals: missing, erp: erp.name });
  } catch (error) {
    logger.warn('playground.demo_deals_failed', { erp: erp.name, error });
  }

  const app = createApp({
    config,
    erp,
    crm,
    playground: crm,
    conversions: createConversionStore(dbs.store),
    idMap: createSqlIdMap(dbs.store),
    storeHealthy: async () => (await dbs.store.first('SELECT 1 AS ok')) !== null,
    logger,
    now,
    version: options.version,
    env: options.env,
    afterStep: options.afterStep,
    auth: options.auth,
  });
  return { ...app, erp };
}
