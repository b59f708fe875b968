import type { CustomerSearchResponse, ProductSearchResponse } from '../../shared/api.ts';
import type { ErpAdapter } from '../erp/port.ts';
import { roundMoney } from '../money.ts';
import { Deadline } from './deadline.ts';
import { toCustomer } from './deal-lookup.ts';

/**
 * Product and customer search, for adding lines and picking the deal's customer. Not
 * cached: a rep types a different query each time.
 */

export interface CatalogDeps {
  erp: ErpAdapter;
  deadlineMs: number;
}

export async function searchProducts(
  deps: CatalogDeps,
  q: string,
  limit: number,
): Promise<ProductSearchResponse> {
  const products = await new Deadline(deps.deadlineMs).must(deps.erp.searchProducts(q, limit));
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

export async function searchCustomers(
  deps: CatalogDeps,
  q: string,
  limit: number,
): Promise<CustomerSearchResponse> {
  const customers = await new Deadline(deps.deadlineMs).must(
    deps.erp.searchCustomers({ name: q }, limit),
  );
  return { customers: customers.map(toCustomer) };
}
