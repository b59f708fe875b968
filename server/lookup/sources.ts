import type { CacheConfig } from '../config.ts';
import type {
  ErpAdapter,
  ErpCredit,
  ErpInvoice,
  ErpPrice,
  ErpProduct,
  ErpStockLevel,
} from '../erp/port.ts';
import { plain } from '../money.ts';
import type { Metrics } from '../observe/metrics.ts';
import { KindCache } from './cache.ts';

/**
 * The cached ERP data the lookups read, one cache per kind. Keys are plain strings:
 * a product id, a customer id, or for prices customer, currency, product and quantity
 * joined by a separator no id contains.
 */

const SEP = '\u001f';

export function priceKey(
  customerId: string,
  currency: string,
  productId: string,
  quantity: string,
): string {
  return [customerId, currency, productId, plain(quantity)].join(SEP);
}

export interface LookupSources {
  products: KindCache<ErpProduct | null>;
  stock: KindCache<ErpStockLevel[] | null>;
  prices: KindCache<ErpPrice | null>;
  credit: KindCache<ErpCredit | null>;
  invoices: KindCache<ErpInvoice[]>;
  /** Drops what a new order changed: its products' stock, its customer's credit and invoices. */
  invalidateOrder(change: { customerId: string; productIds: string[] }): void;
  clear(): void;
  /** A stamp that changes whenever any kind loads or drops a value. */
  version(): string;
}

async function loadPrices(erp: ErpAdapter, keys: string[]): Promise<Map<string, ErpPrice | null>> {
  // One ERP call per customer and currency: within one deal that is one call.
  const groups = new Map<string, Array<{ key: string; productId: string; quantity: string }>>();
  for (const key of keys) {
    const [customerId, currency, productId, quantity] = key.split(SEP) as [
      string,
      string,
      string,
      string,
    ];
    const group = `${customerId}${SEP}${currency}`;
    groups.set(group, [...(groups.get(group) ?? []), { key, productId, quantity }]);
  }

  const result = new Map<string, ErpPrice | null>();
  await Promise.all(
    [...groups].map(async ([group, items]) => {
      const [customerId, currency] = group.split(SEP) as [string, string];
      const prices = await erp.getPrices(customerId, currency, items);
      items.forEach((item, i) => result.set(item.key, prices[i] ?? null));
    }),
  );
  return result;
}

export function createSources(
  erp: ErpAdapter,
  config: CacheConfig,
  options: { metrics?: Metrics; now?: () => number } = {},
): LookupSources {
  const common = {
    max: config.maxEntries,
    maxSize: config.maxBytes,
    maxStaleMs: config.maxStaleMs,
    metrics: options.metrics,
    now: options.now,
  };

  const sources: LookupSources = {
    products: new KindCache<ErpProduct | null>({
      ...common,
      kind: 'products',
      ttlMs: config.ttlMs.products,
      missing: null,
      loadMany: (ids) => erp.getProducts(ids),
    }),
    stock: new KindCache<ErpStockLevel[] | null>({
      ...common,
      kind: 'stock',
      ttlMs: config.ttlMs.stock,
      missing: null,
      loadMany: (ids) => erp.getStock(ids),
    }),
    prices: new KindCache<ErpPrice | null>({
      ...common,
      kind: 'prices',
      ttlMs: config.ttlMs.prices,
      missing: null,
      loadMany: (keys) => loadPrices(erp, keys),
    }),
    credit: new KindCache<ErpCredit | null>({
      ...common,
      kind: 'credit',
      ttlMs: config.ttlMs.credit,
      missing: null,
      loadMany: (ids) => erp.getCredit(ids),
    }),
    invoices: new KindCache<ErpInvoice[]>({
      ...common,
      kind: 'invoices',
      ttlMs: config.ttlMs.invoices,
      missing: [],
      loadMany: (ids) => erp.getInvoices(ids),
    }),

    invalidateOrder({ customerId, productIds }) {
      sources.stock.invalidate(productIds);
      sources.credit.invalidate([customerId]);
      sources.invoices.invalidate([customerId]);
    },

    clear() {
      for (const kind of [
        sources.products,
        sources.stock,
        sources.prices,
        sources.credit,
        sources.invoices,
      ])
        kind.clear();
    },

    version() {
      const { products, stock, prices, credit, invoices } = sources;
      return `${products.version}.${stock.version}.${prices.version}.${credit.version}.${invoices.version}`;
    },
  };
  return sources;
}
