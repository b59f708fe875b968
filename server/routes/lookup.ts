import { Hono } from 'hono';
import { DealLookupRequest, ErpId, ProductSearchQuery } from '../../shared/api.ts';
import { z } from 'zod';
import type { MappingConfig } from '../config.ts';
import { lookupAccount } from '../lookup/account-lookup.ts';
import { searchCustomers, searchProducts } from '../lookup/catalog.ts';
import { lookupDeal, type LookupDeps } from '../lookup/deal-lookup.ts';
import { parseBody, parseParam, parseQuery } from './parse.ts';

const CustomerSearchQuery = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export function lookupRoutes(deps: LookupDeps & { mapping: MappingConfig }) {
  return new Hono()
    .get('/products', async (c) => {
      const { q, limit } = parseQuery(c, ProductSearchQuery);
      return c.json(await searchProducts(deps, q, limit));
    })
    .get('/customers', async (c) => {
      const { q, limit } = parseQuery(c, CustomerSearchQuery);
      return c.json(await searchCustomers(deps, q, limit));
    })
    .post('/lookup/deal', async (c) => {
      const request = await parseBody(c, DealLookupRequest);
      return c.json(await lookupDeal(deps, request));
    })
    .get('/accounts/:customerId', async (c) => {
      const customerId = parseParam(c.req.param('customerId'), ErpId, 'customer id');
      return c.json(await lookupAccount(deps, customerId));
    });
}
