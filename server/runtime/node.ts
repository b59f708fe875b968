import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { resolveAuthSettings } from '../auth/signing-secret.ts';
import { boot } from '../bootstrap.ts';
import { ConfigError, parseConfig, type Config } from '../config.ts';
import { startRetryWorker } from '../convert/retry-worker.ts';
import { createRemoteErp } from '../erp/factory.ts';
import { holdAfterStep } from './crash-hold.ts';
import { createLogger } from '../observe/logger.ts';
import { openSqlite } from '../store/sqlite.ts';

/**
 * The Node entry: reads the config file, opens SQLite, boots the app, serves the built
 * widget and playground from dist/widget, and shuts down cleanly on SIGINT/SIGTERM.
 * Config file: $ERP_LENS_CONFIG, else ./erp-lens.config.json if present, else defaults
 * (the embedded sandbox ERP). PORT and HOST override the file's server section.
 */

const logger = createLogger((line) => process.stdout.write(`${line}\n`), {
  level: (process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'info',
});

function loadConfig(): Config {
  const path =
    process.env.ERP_LENS_CONFIG ??
    (existsSync('erp-lens.config.json') ? 'erp-lens.config.json' : null);
  let raw: unknown = {};
  if (path) {
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(path, [`the file cannot be read as JSON: ${(error as Error).message}`]);
    }
  }
  const config = parseConfig(raw, path ?? '(defaults)');
  if (process.env.PORT) config.server.port = Number(process.env.PORT);
  if (process.env.HOST) config.server.host = process.env.HOST;
  return config;
}

function openDb(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  return openSqlite(path);
}

async function main() {
  const config = loadConfig();
  const store = openDb(config.store.path);
  const sandbox = config.erp.type === 'sandbox' ? openDb(config.erp.path) : undefined;
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

  // Refuses to start in production, or off loopback, with dev mode on; see auth/signing-secret.ts.
  const production = process.env.NODE_ENV === 'production';
  const auth = resolveAuthSettings(config, process.env, { runtime: 'node', production });

  const { app, converter } = await boot({
    config,
    dbs: { store, sandbox },
    logger,
    version,
    env: process.env,
    auth,
    erpFactory: (c) => createRemoteErp(c, process.env),
    afterStep: holdAfterStep(process.env.ERP_LENS_HOLD_AFTER_STEP, logger),
  });
  const retries = startRetryWorker(converter, { pollMs: config.conversion.pollMs, logger });
  app.use('/*', serveStatic({ root: 'dist/widget' }));
  if (!existsSync('dist/widget/index.html')) {
    logger.warn('widget.not_built', { hint: 'run "npm run build" to serve the playground' });
  }

  const server = serve(
    { fetch: app.fetch, hostname: config.server.host, port: config.server.port },
    (info) => {
      logger.info('server.started', {
        url: `http://${config.server.host}:${info.port}/`,
        erp: config.erp.type,
      });
      process.stdout.write(
        `\nERP Lens is running. Playground: http://${config.server.host}:${info.port}/\n\n`,
      );
    },
  );

  const stop = (signal: string) => {
    logger.info('server.stopping', { signal });
    retries.stop();
    server.close(async () => {
      await store.close();
      await sandbox?.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error('server.failed_to_start', { error });
  }
  process.exit(1);
});
