import type { Context } from 'hono';
import { ErpId } from '../../shared/api.ts';
import type { Scope } from './claims.ts';

/**
 * Who may call what, one row per endpoint. The widget's token names one customer (for
 * lookups) and one deal (for conversion); a row says which scope admits a call, which of
 * the two ids the call must match, and which rate limit it counts against.
 * An /api endpoint without a row still needs a valid token (see access.ts).
 */

export type LimitKind = 'lookup' | 'convert';

export interface Target {
  claim: 'customer' | 'deal';
  /** The id the call is about; null when the input is too broken to say (the route answers 400). */
  id: string | null;
}

export interface Policy {
  method: 'GET' | 'POST' | 'PUT';
  /** A hono path pattern, so params decode exactly as the route sees them. */
  path: string;
  scopes: Scope[];
  target?: (c: Context) => Promise<Target>;
  /** Scopes that admit the call for any target (the dead-letter routes' `ops`). */
  anyTarget?: Scope[];
  limit?: LimitKind;
}

const trimmed = (value: string | undefined): string | null => {
  const parsed = ErpId.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const dealInPath = async (c: Context): Promise<Target> => ({
  claim: 'deal',
  id: trimmed(c.req.param('dealId')),
});

async function customerInBody(c: Context): Promise<Target> {
  // hono keeps the text, so the route reads the same bytes again.
  const text = await c.req.text();
  try {
    const body = JSON.parse(text) as { customerId?: unknown } | null;
    return {
      claim: 'customer',
      id: typeof body?.customerId === 'string' ? trimmed(body.customerId) : null,
    };
  } catch {
    return { claim: 'customer', id: null };
  }
}

export const policies: Policy[] = [
  { method: 'GET', path: '/api/products', scopes: ['lookup'], limit: 'lookup' },
  // Names and ids only, for picking a deal's customer; figures need the customer's own token.
  { method: 'GET', path: '/api/customers', scopes: ['lookup'], limit: 'lookup' },
  {
    method: 'POST',
    path: '/api/lookup/deal',
    scopes: ['lookup'],
    target: customerInBody,
    limit: 'lookup',
  },
  {
    method: 'GET',
    path: '/api/accounts/:customerId',
    scopes: ['lookup'],
    target: async (c) => ({ claim: 'customer', id: trimmed(c.req.param('customerId')) }),
    limit: 'lookup',
  },
  {
    method: 'POST',
    path: '/api/deals/:dealId/convert',
    scopes: ['convert'],
    target: dealInPath,
    limit: 'convert',
  },
  {
    method: 'GET',
    path: '/api/deals/:dealId/conversion',
    scopes: ['lookup', 'convert'],
    target: dealInPath,
    limit: 'lookup',
  },
  {
    method: 'GET',
    path: '/api/deals/:dealId/audit',
    scopes: ['lookup', 'convert'],
    target: dealInPath,
    limit: 'lookup',
  },
  {
    method: 'GET',
    path: '/api/deals/:dealId/preflight',
    scopes: ['lookup', 'convert'],
    target: dealInPath,
    limit: 'lookup',
  },
  // The dead-letter list: ops across deals; a rep's convert token for its own deal only.
  { method: 'GET', path: '/api/conversions', scopes: ['ops'] },
  {
    method: 'GET',
    path: '/api/conversions/:dealId',
    scopes: ['convert', 'ops'],
    target: dealInPath,
    anyTarget: ['ops'],
  },
  {
    method: 'POST',
    path: '/api/conversions/:dealId/retry',
    scopes: ['convert', 'ops'],
    target: dealInPath,
    anyTarget: ['ops'],
    limit: 'convert',
  },
  { method: 'POST', path: '/api/conversions/:dealId/dismiss', scopes: ['ops'] },
];

/** Reached without a context token: health for load balancers, the dev mint, signed webhooks. */
export function isPublic(method: string, path: string): boolean {
  if (method === 'GET' && (path === '/api/health' || path === '/api/dev/token')) return true;
  return path.startsWith('/api/webhooks/');
}
