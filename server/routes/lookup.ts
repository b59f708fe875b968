import { Hono } from 'hono';
import { z } from 'zod';
import { DealLookupRequest, ErpId, ProductSearchQuery } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import { lookupAccount } from '../lookup/account-lookup.ts';
import { searchCustomers, searchProducts, type CatalogDeps } from '../lookup/catalog.ts';
import type { AnswerMemo } from '../lookup/answer-memo.ts';
import { lookupDeal, type LookupDeps } from '../lookup/deal-lookup.ts';
import type { CacheConfig } from '../config.ts';
import { parseJsonText, parseParam, parseQuery } from './parse.ts';

const CustomerSearchQuery = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const AccountQuery = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() });

export function lookupRoutes(
  deps: LookupDeps & {
    mapping: MappingConfig;
    catalog: CatalogDeps;
    memo: AnswerMemo;
    ttl: CacheConfig['ttlMs'];
  },
) {
  // A fresh object per answer: @hono/node-server keeps and extends the one it is given.
  const json = () => ({ 'content-type': 'application/json' });
  return new Hono()
    .get('/products', async (c) => {
      const { q, limit } = parseQuery(c, ProductSearchQuery);
      return c.json(await searchProducts(deps.catalog, q, limit));
    })
    .get('/customers', async (c) => {
      const { q, limit } = parseQuery(c, CustomerSearchQuery);
      return c.json(await searchCustomers(deps.catalog, q, limit));
    })
    .post('/lookup/deal', async (c) => {
      // The same body as a moment ago gets the same bytes, as long as they are still true.
      const raw = await c.req.text();
      const version = deps.sources.version();
      const remembered = deps.memo.get(raw, version);
      if (remembered) return c.body(remembered, 200, json());

      const request = parseJsonText(raw, DealLookupRequest);
      const answer = await lookupDeal(deps, request);
      const body = JSON.stringify(answer);
      if (!request.refresh) deps.memo.keep(raw, version, answer, body, deps.ttl);
      return c.body(body, 200, json());
    })
    .get('/accounts/:customerId', async (c) => {
      const customerId = parseParam(c.req.param('customerId'), ErpId, 'customer id');
      const { refresh } = parseQuery(c, AccountQuery);
      return c.json(
        await lookupAccount(deps, customerId, { refresh: refresh === '1' || refresh === 'true' }),
      );
    });
}
