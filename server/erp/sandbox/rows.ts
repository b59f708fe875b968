import type { ErpCustomer, ErpOrder, ErpProduct } from '../port.ts';

/** The sandbox's rows and how they read as the port's records. */

export interface ProductRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  fractional: number;
  list_price: string;
}

export interface CustomerRow {
  id: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  tax_id: string | null;
  currency: string;
  price_list_id: string | null;
  price_list_name: string | null;
  credit_limit: string | null;
  blocked: number;
  block_reason: string | null;
  payment_terms: string | null;
}

export interface OrderRow {
  id: number;
  number: string | null;
  reference: string;
  customer_id: string;
  currency: string;
  state: ErpOrder['state'];
  total: string;
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export const toProduct = (r: ProductRow): ErpProduct => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unit: r.unit,
  fractional: r.fractional === 1,
  listPrice: r.list_price,
  currency: 'EUR',
});

export const toCustomer = (r: CustomerRow): ErpCustomer => ({
  id: r.id,
  code: r.code,
  name: r.name,
  currency: r.currency,
  priceList: r.price_list_name,
  email: r.email,
  phone: r.phone,
  taxId: r.tax_id,
});

export const toOrder = (r: OrderRow): ErpOrder => ({
  id: String(r.id),
  number: r.number,
  reference: r.reference,
  state: r.state,
  total: r.total,
  currency: r.currency,
});

export const customerSql = `SELECT c.*, pl.name AS price_list_name FROM sb_customers c
  LEFT JOIN sb_price_lists pl ON pl.id = c.price_list_id`;
