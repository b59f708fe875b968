import { z } from 'zod';
import { CurrencyCode, Money } from './money.ts';

/** Products and customers as the widget finds and names them. */

/** ERP record ids travel as opaque strings (a Tryton id, a sandbox code, a BC GUID). */
export const ErpId = z.string().trim().min(1, 'an id is required').max(64, 'at most 64 characters');

// ---- products ---------------------------------------------------------------------------

export const ProductSearchQuery = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const Product = z.object({
  id: ErpId,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  /** The unit allows fractions (kg, m). */
  fractional: z.boolean(),
  listPrice: Money,
});

export const ProductSearchResponse = z.object({ products: z.array(Product) });

// ---- customers --------------------------------------------------------------------------

export const Customer = z.object({
  id: ErpId,
  code: z.string(),
  name: z.string(),
  currency: CurrencyCode,
  priceList: z.string().nullable(),
});

export const CustomerSearchResponse = z.object({ customers: z.array(Customer) });

export type ProductSearchQuery = z.infer<typeof ProductSearchQuery>;
export type Product = z.infer<typeof Product>;
export type Customer = z.infer<typeof Customer>;
export type ProductSearchResponse = z.infer<typeof ProductSearchResponse>;
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponse>;
