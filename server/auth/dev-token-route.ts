import { Hono } from 'hono';
import { z } from 'zod';
import { ErpId } from '../../shared/api.ts';
import { parseQuery } from '../routes/parse.ts';
import { Scope } from './claims.ts';
import { mintContextToken } from './context-token.ts';

const DevTokenQuery = z.object({
  sub: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits and . _ @ -, at most 64')
    .default('playground-rep'),
  customer: ErpId.optional(),
  deal: ErpId.optional(),
  scope: z
    .string()
    .max(40)
    .default('lookup convert')
    .transform((text) => [...new Set(text.split(/[ ,]+/).filter(Boolean))])
    .pipe(z.array(Scope).min(1, 'name "lookup", "convert" or both')),
});

/**
 * GET /api/dev/token: the playground plays the CRM, so in dev mode it mints its own context
 * tokens here. Mounted only when dev mode is on (never in production, never on the worker).
 */
export function devTokenRoutes(deps: { secret: string; now: () => Date }) {
  return new Hono().get('/dev/token', async (c) => {
    const query = parseQuery(c, DevTokenQuery);
    const minted = await mintContextToken(
      { sub: query.sub, scopes: query.scope, customer: query.customer, deal: query.deal },
      deps.secret,
      { now: deps.now() },
    );
    c.header('cache-control', 'no-store');
    return c.json(minted);
  });
}
