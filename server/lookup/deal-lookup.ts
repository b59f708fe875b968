import type {
  AvailabilityLevel,
  Customer,
  DealLookupRequest,
  DealLookupResponse,
  LineResult,
  LineStock,
} from '../../shared/api.ts';
import type { Fact } from '../../shared/facts.ts';
import type { LookupConfig } from '../config.ts';
import type { ErpCustomer, ErpPrice, ErpProduct, ErpStockLevel } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import { dec, isWhole, roundMoney, sum } from '../money.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { ConversionStore } from '../store/conversions.ts';
import type { Read } from './cache.ts';
import { creditView } from './credit.ts';
import { Deadline } from './deadline.ts';
import { priceKey, type LookupSources } from './sources.ts';

/**
 * The deal lookup: for every line, stock per warehouse and the customer's price; for the
 * deal, the total and the customer's credit. All four kinds are asked at once through the
 * caches (one ERP call per kind when cold), racing one deadline; a part that misses it
 * comes back stale with its `asOf`, or `unavailable`, and the rest of the answer stands.
 */

export interface LookupDeps {
  sources: LookupSources;
  /** Where a deal's conversion is recorded, to tell an ordered deal from a draft. */
  conversions?: Pick<ConversionStore, 'get'>;
  config: LookupConfig;
  now: () => Date;
  metrics?: Metrics;
}

export function toCustomer(c: ErpCustomer): Customer {
  return { id: c.id, code: c.code, name: c.name, currency: c.currency, priceList: c.priceList };
}

export function assertCurrency(config: LookupConfig, currency: string): void {
  if (!config.currencies.includes(currency)) {
    throw new RequestError(
      'unknown_currency',
      400,
      `Currency ${currency} is not accepted; use one of ${config.currencies.join(', ')}.`,
      { accepted: config.currencies },
    );
  }
}

export function availabilityLevel(
  available: string,
  quantity: string,
  lowThreshold: string,
): AvailabilityLevel {
  const free = dec(available);
  if (free.lte(0)) return 'out_of_stock';
  if (free.lt(quantity)) return 'partial';
  if (free.minus(quantity).lt(lowThreshold)) return 'low';
  return 'in_stock';
}

/**
 * The time the ERP gets: 85 % of the budget. The rest is kept for composing and sending
 * the answer, which for fifty 50-line deals at once takes tens of milliseconds.
 */
export function answerDeadline(config: LookupConfig): Deadline {
  return new Deadline(Math.floor(config.deadlineMs * 0.85));
}

/** The order a deal became, once its conversion confirmed it. */
async function orderOf(deps: LookupDeps, dealId: string): Promise<{ number: string } | null> {
  const record = await deps.conversions?.get(dealId);
  const confirmed = ['order_confirmed', 'written_back', 'done'].includes(record?.step ?? '');
  return record && confirmed ? { number: record.orderNumber ?? record.orderId ?? '' } : null;
}

/** A cache read as a fact of the answer: its value shaped by `shape`, or why it is missing. */
export function toFact<V, T>(
  read: Read<V> | undefined,
  shape: (value: V) => T | null,
  missing: string,
): Fact<T> {
  if (!read) return { status: 'unavailable', reason: 'erp_unavailable', message: missing };
  if (!read.ok) return { status: 'unavailable', reason: read.reason, message: read.message };
  const value = shape(read.value);
  if (value === null) return { status: 'unavailable', reason: 'not_applicable', message: missing };
  return { status: 'ok', asOf: new Date(read.asOf).toISOString(), stale: read.stale, value };
}

function lineStock(levels: ErpStockLevel[], quantity: string, lowThreshold: string): LineStock {
  const totalAvailable = sum(levels.map((l) => (dec(l.available).gt(0) ? l.available : '0')));
  return {
    warehouses: levels.map((l) => ({
      warehouseId: l.warehouseId,
      name: l.warehouseName,
      onHand: l.onHand,
      available: l.available,
    })),
    totalAvailable: totalAvailable.toFixed(),
    level: availabilityLevel(totalAvailable.toFixed(), quantity, lowThreshold),
  };
}

function linePrice(p: ErpPrice, quantity: string, agreed: string | undefined) {
  const c = p.currency;
  const m = (amount: string) => ({ amount: roundMoney(amount, c), currency: c });
  const discount = dec(p.listPrice).gt(0)
    ? dec(p.listPrice).minus(p.unitPrice).div(p.listPrice).times(100).round(2).toFixed(2)
    : '0.00';
  return {
    unitPrice: { amount: p.unitPrice, currency: c },
    listPrice: m(p.listPrice),
    discountPercent: discount,
    priceList: p.priceList,
    tier: p.tier ? { minQuantity: p.tier.minQuantity, unitPrice: m(p.tier.unitPrice) } : null,
    nextTier: p.nextTier
      ? { minQuantity: p.nextTier.minQuantity, unitPrice: m(p.nextTier.unitPrice) }
      : null,
    agreedPrice: agreed === undefined ? null : { amount: agreed, currency: c },
    lineTotal: m(
      dec(agreed ?? p.unitPrice)
        .times(quantity)
        .toFixed(),
    ),
  };
}

function checkLines(
  request: DealLookupRequest,
  products: Map<string, Read<ErpProduct | null>>,
): void {
  const known = (id: string) => {
    const read = products.get(id);
    return read?.ok ? read.value : undefined;
  };
  const unknown = request.lines.filter((l) => known(l.productId) === null);
  if (unknown.length > 0) {
    throw new RequestError(
      'unknown_product',
      422,
      `The ERP has no product ${unknown.map((l) => `"${l.productId}"`).join(', ')}; remove the line or pick the product again.`,
      { productIds: unknown.map((l) => l.productId) },
    );
  }
  const split = request.lines.find((l) => {
    const p = known(l.productId);
    return p && !p.fractional && !isWhole(l.quantity);
  });
  if (split) {
    const p = known(split.productId)!;
    throw new RequestError(
      'validation_failed',
      400,
      `${p.name} is sold in whole ${p.unit}; enter a whole quantity instead of ${split.quantity}.`,
      { lines: [split.lineId ?? split.productId] },
    );
  }
}

export async function lookupDeal(
  deps: LookupDeps,
  request: DealLookupRequest,
): Promise<DealLookupResponse> {
  const started = performance.now();
  const { sources, config } = deps;
  assertCurrency(config, request.currency);

  const deadline = answerDeadline(config);
  const opts = { refresh: request.refresh === true };
  const productIds = [...new Set(request.lines.map((l) => l.productId))];
  const keys = request.lines.map((l) =>
    priceKey(request.customerId, request.currency, l.productId, l.quantity),
  );

  const [products, credits, stock, prices] = await Promise.all([
    sources.products.read(productIds, deadline, opts),
    sources.credit.read([request.customerId], deadline, opts),
    sources.stock.read(productIds, deadline, opts),
    sources.prices.read(keys, deadline, opts),
  ]);

  const credit = credits.get(request.customerId);
  if (credit?.ok && credit.value === null) {
    throw new RequestError(
      'unknown_customer',
      404,
      `The ERP has no customer "${request.customerId}".`,
    );
  }
  checkLines(request, products);

  const order = request.dealId ? await orderOf(deps, request.dealId) : null;
  const lines: LineResult[] = request.lines.map((line, i) => {
    const product = products.get(line.productId);
    const p = product?.ok ? product.value : null;
    return {
      lineId: line.lineId,
      productId: line.productId,
      quantity: line.quantity,
      product: p ? { code: p.code, name: p.name, unit: p.unit } : null,
      stock: toFact(
        stock.get(line.productId),
        // An ordered deal's stock is already reserved: what is left need not cover it again.
        (levels) => lineStock(levels ?? [], order ? '0' : line.quantity, config.lowStockThreshold),
        'No stock figure came back.',
      ),
      price: toFact(
        prices.get(keys[i]!),
        (price) => (price ? linePrice(price, line.quantity, line.unitPrice) : null),
        'No price came back.',
      ),
    };
  });

  const priced = lines.flatMap((l) =>
    l.price.status === 'ok' ? [l.price.value.lineTotal.amount] : [],
  );
  const total = {
    amount: { amount: roundMoney(sum(priced), request.currency), currency: request.currency },
    complete: priced.length === lines.length,
  };
  const answer: DealLookupResponse = {
    customer: credit?.ok && credit.value ? toCustomer(credit.value.customer) : null,
    currency: request.currency,
    lines,
    total,
    credit: toFact(
      credit,
      // An ordered deal is in the open balance already.
      (c) => (c ? creditView(c, total.complete && !order ? total.amount : null) : null),
      'The ERP keeps no credit data for this customer.',
    ),
    order,
    answeredAt: deps.now().toISOString(),
  };
  deps.metrics?.lookupSeconds.observe({ lookup: 'deal' }, (performance.now() - started) / 1000);
  return answer;
}
