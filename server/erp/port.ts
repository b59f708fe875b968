/**
 * The ErpAdapter port: the one interface every ERP hides behind.
 *
 * Batch-first: every read takes many ids, so a 50-line deal costs a handful of round trips.
 * Figures are decimal strings, dates are `YYYY-MM-DD`. Adapters translate and nothing more:
 * no caching, no business rules of ours, no HTTP of ours. Failures are thrown as the
 * ErpError family (server/erp/errors.ts).
 */

export interface ErpProduct {
  id: string;
  code: string;
  name: string;
  /** Sale unit symbol, e.g. "pc", "kg", "m". */
  unit: string;
  /** The unit allows fractional quantities. */
  fractional: boolean;
  listPrice: string;
  /** Currency of listPrice (the company currency). */
  currency: string;
}

export interface ErpWarehouse {
  id: string;
  code: string;
  name: string;
}

export interface ErpStockLevel {
  warehouseId: string;
  warehouseName: string;
  /** Physically in the warehouse. */
  onHand: string;
  /** On hand less what confirmed orders have reserved (Tryton: forecast quantity). */
  available: string;
}

export interface ErpPriceRequest {
  productId: string;
  quantity: string;
}

export interface ErpTier {
  minQuantity: string;
  unitPrice: string;
}

export interface ErpPrice {
  productId: string;
  quantity: string;
  currency: string;
  /** The customer's unit price at that quantity, rounded the way the ERP rounds it. */
  unitPrice: string;
  listPrice: string;
  priceList: string | null;
  /** The tier that gave unitPrice, if a quantity-dependent rule applied. */
  tier: ErpTier | null;
  /** The smallest tier above the quantity, priced, so a rep can be told about it. */
  nextTier: ErpTier | null;
}

export interface ErpCustomer {
  id: string;
  code: string;
  name: string;
  currency: string;
  priceList: string | null;
  email: string | null;
  /** E.164 where the ERP keeps it so. */
  phone: string | null;
  taxId: string | null;
}

/** A customer to create, from the CRM account through the configured field maps. */
export interface ErpNewCustomer {
  /** The CRM account id, kept as the customer's reference where the ERP has one. */
  crmId: string;
  name: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** Compact, with its country prefix when known ("DE123456789"). */
  taxId: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  address: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string;
  } | null;
  /** The ERP's customer group. */
  group: string | null;
  paymentTerms: string | null;
}

export interface ErpCredit {
  customerId: string;
  /** The customer record itself: a deal lookup gets who and how solvent in one round trip. */
  customer: ErpCustomer;
  currency: string;
  /** null: no limit. */
  limit: string | null;
  /** Receivables plus confirmed, not yet invoiced orders. */
  openBalance: string;
  blocked: boolean;
  blockReason: string | null;
  paymentTerms: string | null;
}

export interface ErpInvoice {
  customerId: string;
  number: string;
  invoiceDate: string;
  /** Earliest open due date, or the last due date when paid. */
  dueDate: string | null;
  currency: string;
  total: string;
  /** What is still to be paid. */
  open: string;
  /** The ERP's own state word; the mapping config turns it into our PaymentStatus. */
  state: string;
  dunningLevel: number;
}

export interface ErpOrderLine {
  productId: string;
  quantity: string;
  /** A price agreed in the CRM; omitted: the ERP prices the line itself. */
  unitPrice?: string;
}

export interface ErpOrderInput {
  customerId: string;
  currency: string;
  /** The CRM deal id: the key that makes conversion exactly-once. */
  reference: string;
  lines: ErpOrderLine[];
}

export interface ErpOrder {
  id: string;
  /** Null until the ERP assigns one (Tryton: at quote). */
  number: string | null;
  reference: string;
  state: 'draft' | 'quotation' | 'confirmed' | 'processing' | 'done' | 'cancelled';
  total: string;
  currency: string;
}

export interface CustomerQuery {
  name?: string;
  email?: string;
  taxId?: string;
  /** E.164. */
  phone?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ErpAdapter {
  readonly name: string;

  searchProducts(query: string, limit: number, opts?: CallOptions): Promise<ErpProduct[]>;
  /** Unknown ids are simply absent from the map. */
  getProducts(ids: string[], opts?: CallOptions): Promise<Map<string, ErpProduct>>;
  listWarehouses(opts?: CallOptions): Promise<ErpWarehouse[]>;
  /** Stock of each product in each warehouse shown; unknown products are absent. */
  getStock(productIds: string[], opts?: CallOptions): Promise<Map<string, ErpStockLevel[]>>;
  /** Customer-specific prices, one per request item, in the order asked. */
  getPrices(
    customerId: string,
    currency: string,
    items: ErpPriceRequest[],
    opts?: CallOptions,
  ): Promise<ErpPrice[]>;

  getCustomers(ids: string[], opts?: CallOptions): Promise<Map<string, ErpCustomer>>;
  /** Customers matching any of the keys given; no key at all finds nobody, an empty name everybody. */
  searchCustomers(query: CustomerQuery, limit: number, opts?: CallOptions): Promise<ErpCustomer[]>;
  /** Creates a customer; length limits were checked by the caller against the config. */
  createCustomer(input: ErpNewCustomer, opts?: CallOptions): Promise<ErpCustomer>;
  /** Credit with the customer record; unknown customers are absent. */
  getCredit(customerIds: string[], opts?: CallOptions): Promise<Map<string, ErpCredit>>;
  getInvoices(customerIds: string[], opts?: CallOptions): Promise<Map<string, ErpInvoice[]>>;

  findOrderByReference(reference: string, opts?: CallOptions): Promise<ErpOrder | null>;
  /** Creates a draft/quotation. Business refusals throw ErpRejected. */
  createOrder(input: ErpOrderInput, opts?: CallOptions): Promise<ErpOrder>;
  /** Confirms; idempotent on an already confirmed order. Credit refusals throw ErpRejected. */
  confirmOrder(orderId: string, opts?: CallOptions): Promise<ErpOrder>;

  /** A cheap round trip for health checks. */
  ping(opts?: CallOptions): Promise<void>;
}
