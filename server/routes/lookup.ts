import { Hono } from 'hono';
import { z } from 'zod';
import { DealLookupRequest, ErpId, ProductSearchQuery } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import { lookupAccount } from '../lookup/account-lookup.ts';
import { searchCustomers, searchProducts, type CatalogDeps } from '../lookup/catalog.ts';
import { lookupDeal, type LookupDeps } from '../lookup/deal-lookup.ts';
import { parseBody, parseParam, parseQuery } from './parse.ts';

const CustomerSearchQuery = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const AccountQuery = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() });

export function lookupRoutes(deps: LookupDeps & { mapping: MappingConfig; catalog: CatalogDeps }) {
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
      const request = await parseBody(c, DealLookupRequest);
      return c.json(await lookupDeal(deps, request));
    })
    .get('/accounts/:customerId', async (c) => {
      const customerId = parseParam(c.req.param('customerId'), ErpId, 'customer id');
      const { refresh } = parseQuery(c, AccountQuery);
      return c.json(await lookupAccount(deps, customerId, { refresh: refresh === '1' || refresh === 'true' }));
    });
}
