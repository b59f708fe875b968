import { resolveAuthSettings } from '../auth/signing-secret.ts';
import { boot } from '../bootstrap.ts';
import { ConfigError, parseConfig, type Config } from '../config.ts';
import { createRemoteErp } from '../erp/factory.ts';
import { version } from '../../package.json';
import { createLogger, type Logger, type LogLevel } from '../observe/logger.ts';
import { openD1, type D1Like } from '../store/d1.ts';
import { PendingWork } from './pending-work.ts';
import { runScheduled, type Booted } from './scheduled.ts';

/**
 * The edge entry (Cloudflare Workers conventions, wrangler.toml): the same app as on Node,
 * with D1 for the store and the sandbox ERP, the config from the ERP_LENS_CONFIG var (JSON
 * text or a wrangler object) and secrets from bindings (`wrangler secret put`).
 *
 * One app per isolate, booted at its first request; that boot also applies the migrations.
 * The cache therefore lives per isolate: another isolate starts cold.
 */

export interface WorkerEnv {
  /** The store: conversions, audit, id map, playground deals. */
  DB: D1Like;
  /** The sandbox ERP's tables; the store's database when absent. */
  SANDBOX_DB?: D1Like;
  ERP_LENS_CONFIG?: string | Record<string, unknown>;
  LOG_LEVEL?: string;
  /**
   * Secrets the config names: ERP_LENS_TOKEN_SECRET (context tokens; required, there is no
   * dev mode at the edge), TRYTON_PASSWORD, CUSTOMERMATES_WEBHOOK_SECRET.
   */
  [binding: string]: unknown;
}

/** The part of the runtime's ExecutionContext used here. */
interface WorkerContext {
  waitUntil(work: Promise<unknown>): void;
}

interface ScheduledEvent {
  cron: string;
  scheduledTime: number;
}

const pending = new PendingWork();
let booting: Promise<Booted & { logger: Logger }> | null = null;

function readConfig(env: WorkerEnv): Config {
  const raw = env.ERP_LENS_CONFIG;
  if (raw === undefined || typeof raw === 'object')
    return parseConfig(raw ?? {}, 'ERP_LENS_CONFIG');
  try {
    return parseConfig(JSON.parse(raw), 'ERP_LENS_CONFIG');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('ERP_LENS_CONFIG', [
      `the variable is not JSON: ${(error as Error).message}`,
    ]);
  }
}

function secrets(env: WorkerEnv): Record<string, string | undefined> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (typeof value === 'string') strings[name] = value;
  return strings;
}

async function start(env: WorkerEnv, logger: Logger): Promise<Booted> {
  const config = readConfig(env);
  const named = secrets(env);
  const auth = resolveAuthSettings(config, named, { runtime: 'worker', production: true });
  const store = openD1(env.DB);
  const sandbox = env.SANDBOX_DB ? openD1(env.SANDBOX_DB) : undefined;
  return boot({
    config,
    dbs: { store, sandbox },
    logger,
    version,
    auth,
    env: named,
    erpFactory: (c) => createRemoteErp(c, named),
    wrapErp: (erp) => pending.track(erp),
  });
}

/** The isolate's app; a failed boot (a migration raced by another isolate) is tried again next time. */
function appFor(env: WorkerEnv): Promise<Booted & { logger: Logger }> {
  if (!booting) {
    const level = (env.LOG_LEVEL as LogLevel | undefined) ?? 'info';
    const logger = createLogger((line) => console.log(line), { level });
    booting = start(env, logger).then(
      (booted) => ({ ...booted, logger }),
      (error: unknown) => {
        booting = null;
        logger.error('worker.failed_to_start', { error });
        throw error;
      },
    );
  }
  return booting;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    let booted: Booted;
    try {
      booted = await appFor(env);
    } catch (error) {
      const message =
        error instanceof ConfigError ? error.message : 'The worker could not start; see its log.';
      return Response.json(
        { error: { code: 'internal_error', message, retryable: true } },
        { status: 503 },
      );
    }
    const response = await booted.app.fetch(request, env);
    ctx.waitUntil(pending.settled());
    return response;
  },

  async scheduled(event: ScheduledEvent, env: WorkerEnv, ctx: WorkerContext): Promise<void> {
    const booted = await appFor(env);
    const ran = await runScheduled(booted);
    if (ran > 0) booted.logger.info('cron.retries_ran', { cron: event.cron, conversions: ran });
    ctx.waitUntil(pending.settled());
  },
};
