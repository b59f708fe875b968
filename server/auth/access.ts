import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { Logger } from '../observe/logger.ts';
import type { ContextClaims } from './claims.ts';
import { verifyContextToken } from './context-token.ts';
import { devTokenRoutes } from './dev-token-route.ts';
import { AuthError } from './errors.ts';
import { isAllowedOrigin } from './origins.ts';
import { isPublic, policies, type LimitKind, type Policy } from './policy.ts';
import { FixedWindowLimiter } from './rate-limit.ts';
import type { AuthSettings } from './signing-secret.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The verified context token of the call, set before any /api route runs. */
    contextClaims: ContextClaims;
  }
}

export interface AccessDeps {
  config: Config['auth'];
  /** Absent: no secret was settled, so every call that needs a token is refused. */
  settings: AuthSettings | undefined;
  logger: Logger;
  now: () => Date;
}

/**
 * The door of /api: a foreign origin is turned away, a call needs a valid context token
 * unless the endpoint is public, and each policy row checks scope, target and rate limit.
 * Register after the body limit (a policy may read the body) and before the routes.
 */
export function applyAccess(app: Hono, deps: AccessDeps): void {
  const { config, settings, logger, now } = deps;
  const limiters: Record<LimitKind, FixedWindowLimiter> = {
    lookup: new FixedWindowLimiter(config.rateLimits.lookup, () => now().getTime()),
    convert: new FixedWindowLimiter(config.rateLimits.convert, () => now().getTime()),
  };

  if (!settings)
    logger.warn('auth.no_secret', { effect: 'every call that needs a context token is refused' });
  if (settings?.devMode) {
    logger.warn('auth.dev_mode', {
      effect:
        'GET /api/dev/token mints context tokens for anyone who reaches this server; never use in production',
    });
  }

  app.use('/api/*', async function guardOrigin(c, next) {
    const origin = c.req.header('origin');
    if (
      origin !== undefined &&
      !isAllowedOrigin(origin, new URL(c.req.url).origin, config.allowedOrigins)
    ) {
      throw new AuthError(
        'forbidden',
        'This page is not an allowed CRM origin; add it to auth.allowedOrigins.',
      );
    }
    await next();
  });

  app.use('/api/*', async function requireToken(c, next) {
    if (c.req.method === 'OPTIONS' || isPublic(c.req.method, c.req.path)) return next();
    if (!settings)
      throw new AuthError(
        'unauthorized',
        'This server has no token secret configured; ask your admin.',
      );
    c.set('contextClaims', await verifyContextToken(bearer(c), settings.secret, now()));
    await next();
  });

  for (const policy of policies) {
    app.on(policy.method, policy.path, admit(policy, limiters));
  }

  if (settings?.devMode) app.route('/api', devTokenRoutes({ secret: settings.secret, now }));
}

function bearer(c: Context): string {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i.exec(header);
  if (!match?.[1]) {
    throw new AuthError(
      'unauthorized',
      'This call needs a context token from the CRM: "Authorization: Bearer <token>".',
    );
  }
  return match[1];
}

function admit(policy: Policy, limiters: Record<LimitKind, FixedWindowLimiter>): MiddlewareHandler {
  return async function admitByPolicy(c, next) {
    const claims = c.get('contextClaims');

    if (!policy.scopes.some((scope) => claims.scope.includes(scope))) {
      throw new AuthError(
        'forbidden',
        `This context token does not allow this call; it needs the scope "${policy.scopes.join('" or "')}".`,
      );
    }
    const bound = !policy.anyTarget?.some((scope) => claims.scope.includes(scope));
    if (policy.target && bound) {
      const target = await policy.target(c);
      // An id too broken to read goes on to the route, which answers 400 without acting.
      if (target.id !== null && claims[target.claim] !== target.id) {
        throw new AuthError(
          'forbidden',
          `This context token is for another ${target.claim}; ask the CRM for a token for this one.`,
        );
      }
    }
    if (policy.limit) {
      const admission = limiters[policy.limit].take(claims.sub);
      if (!admission.ok) {
        throw new AuthError(
          'rate_limited',
          `Too many ${policy.limit} calls; wait ${admission.retryAfterSeconds} s.`,
          admission.retryAfterSeconds,
        );
      }
    }
    await next();
  };
}
