import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config.ts';
import { applyAccess } from './auth/access.ts';
import { edgeHeaders } from './auth/edge-headers.ts';
import type { AuthSettings } from './auth/signing-secret.ts';
import { createNotifier } from './convert/notify.ts';
import { createConverter, type Converter, type ConverterDeps } from './convert/workflow.ts';
import type { PlaygroundCrm } from './crm/playground/adapter.ts';
import type { CrmAdapter } from './crm/port.ts';
import { guardErp } from './erp/guard.ts';
import type { ErpAdapter } from './erp/port.ts';
import { AnswerMemo } from './lookup/answer-memo.ts';
import { createSources, type LookupSources } from './lookup/sources.ts';
import type { Logger } from './observe/logger.ts';
import { Metrics } from './observe/metrics.ts';
import { convertRoutes } from './routes/convert.ts';
import { envelope, errorResponse } from './routes/envelope.ts';
import { healthRoutes } from './routes/health.ts';
import { lookupRoutes } from './routes/lookup.ts';
import { playgroundRoutes } from './routes/playground.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import type { IdMapStore } from './mapping/id-map.ts';
import type { ConversionStore } from './store/conversions.ts';

/**
 * The HTTP app. Web-standard APIs only (Request, Response, fetch, Web Crypto), so the same
 * app runs on Node (runtime/node.ts) and on an edge worker. Everything it touches comes in
 * through `deps`.
 */

export interface AppDeps {
  config: Config;
  erp: ErpAdapter;
  crm: CrmAdapter;
  /** The playground CRM, when the server plays the CRM too; mounts /api/playground. */
  playground?: PlaygroundCrm;
  conversions: ConversionStore;
  /** CRM ids to ERP ids (customers matched or created by conversions). */
  idMap: IdMapStore;
  storeHealthy: () => Promise<boolean>;
  logger: Logger;
  now?: () => Date;
  version?: string;
  metrics?: Metrics;
  /** The token secret and dev mode, settled by the runtime (auth/signing-secret.ts); absent: tokens are refused. */
  auth?: AuthSettings;
  /** Where secrets come from (process.env on Node, bindings at the edge); the config names them. */
  env?: Record<string, string | undefined>;
  /** Awaited after each conversion step (the crash test holds a process there). */
  afterStep?: ConverterDeps['afterStep'];
}

export interface App {
  app: Hono;
  converter: Converter;
  sources: LookupSources;
  metrics: Metrics;
}

const maxBodyBytes = 256 * 1024;

/** A JWT pasted into a URL by mistake must not reach the log: three base64url parts. */
const jwtLike = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

function logPath(path: string): string {
  return path.replace(jwtLike, '[token]');
}

export function createApp(deps: AppDeps): App {
  const now = deps.now ?? (() => new Date());
  const { logger, config } = deps;
  const env = deps.env ?? {};
  const metrics = deps.metrics ?? new Metrics();
  const erp = guardErp(deps.erp, { maxConcurrent: config.lookup.maxConcurrentErpCalls, metrics });
  const sources = createSources(erp, config.cache, { metrics, now: () => now().getTime() });
  const converter = createConverter({
    erp,
    crm: deps.crm,
    store: deps.conversions,
    idMap: deps.idMap,
    config,
    logger,
    now,
    metrics,
    onOrder: (change) => sources.invalidateOrder(change),
    notify: createNotifier({
      url: config.conversion.notifyUrl,
      secret: env[config.conversion.notifySecretEnv],
      logger,
    }),
    afterStep: deps.afterStep,
  });
  metrics.gauge(
    'erp_lens_dead_letters',
    'Conversions waiting for a person: refused or out of attempts.',
    () => [{ labels: {}, value: converter.deadLetterSize() }],
  );
  const lookupDeps = {
    sources,
    conversions: deps.conversions,
    config: config.lookup,
    mapping: config.mapping,
    now,
    metrics,
    catalog: { erp, deadlineMs: config.lookup.deadlineMs },
    memo: new AnswerMemo({
      max: 5_000,
      maxBytes: 64 * 1024 * 1024,
      now: () => now().getTime(),
      metrics,
    }),
    ttl: config.cache.ttlMs,
  };

  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: logPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use('*', ...edgeHeaders(config.auth.allowedOrigins));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          envelope(
            'payload_too_large',
            `The request body is over ${maxBodyBytes / 1024} KiB; send less.`,
            false,
          ),
          413,
        ),
    }),
  );
  applyAccess(app, { config: config.auth, settings: deps.auth, logger, now });

  app.get('/metrics', (c) =>
    c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );
  app.route(
    '/api',
    healthRoutes({ erp, storeHealthy: deps.storeHealthy, version: deps.version ?? '0.0.0' }),
  );
  app.route('/api', lookupRoutes(lookupDeps));
  app.route('/api', convertRoutes({ converter, conversions: deps.conversions }));
  app.route('/api', webhookRoutes({ converter, config: config.webhooks, env, now }));
  if (deps.playground)
    app.route('/api/playground', playgroundRoutes({ crm: deps.playground, now }));

  app.notFound((c) =>
    c.json(
      envelope(
        'not_found',
        `No such endpoint: ${c.req.method} ${c.req.path}. See the README's API section.`,
        false,
      ),
      404,
    ),
  );
  app.onError((error, c) => errorResponse(c, error, logger));

  return { app, converter, sources, metrics };
}
