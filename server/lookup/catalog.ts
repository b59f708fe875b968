import type { CustomerSearchResponse, ProductSearchResponse } from '../../shared/api.ts';
import { roundMoney } from '../money.ts';
import { Deadline } from './deadline.ts';
import { toCustomer, type LookupDeps } from './deal-lookup.ts';

/** Product and customer search, for adding lines and picking the deal's customer. */

export async function searchProducts(deps: LookupDeps, q: string, limit: number): Promise<ProductSearchResponse> {
  const deadline = new Deadline(deps.config.deadlineMs);
  const products = await deadline.must(deps.erp.searchProducts(q, limit));
  return {
    products: products.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      unit: p.unit,
      fractional: p.fractional,
      listPrice: { amount: roundMoney(p.listPrice, p.currency), currency: p.currency },
    })),
  };
}

export async function searchCustomers(deps: LookupDeps, q: string, limit: number): Promise<CustomerSearchResponse> {
  const deadline = new Deadline(deps.config.deadlineMs);
  const customers = await deadline.must(deps.erp.searchCustomers({ name: q }, limit));
  return { customers: customers.map(toCustomer) };
}
