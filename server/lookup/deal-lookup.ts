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
import type { ErpAdapter, ErpCustomer, ErpPrice, ErpProduct, ErpStockLevel, ErpWarehouse } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import { dec, isWhole, roundMoney, sum } from '../money.ts';
import { creditView } from './credit.ts';
import { Deadline, type Outcome } from './deadline.ts';

/**
 * The deal lookup: for every line, stock per warehouse and the customer's price; for the
 * deal, the total and the customer's credit. One ERP call per kind for the whole deal,
 * all of them racing one deadline; a part that misses it comes back `unavailable` and the
 * rest of the answer still stands.
 */

export interface LookupDeps {
  erp: ErpAdapter;
  config: LookupConfig;
  now: () => Date;
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

export function availabilityLevel(available: string, quantity: string, lowThreshold: string): AvailabilityLevel {
  const free = dec(available);
  if (free.lte(0)) return 'out_of_stock';
  if (free.lt(quantity)) return 'partial';
  if (free.minus(quantity).lt(lowThreshold)) return 'low';
  return 'in_stock';
}

function unavailable<T>(outcome: Extract<Outcome<unknown>, { ok: false }>): Fact<T> {
  return { status: 'unavailable', reason: outcome.reason, message: outcome.message };
}

function lineStock(
  levels: ErpStockLevel[],
  warehouses: ErpWarehouse[],
  quantity: string,
  lowThreshold: string,
): LineStock {
  const names = new Map(warehouses.map((w) => [w.id, w.name]));
  const totalAvailable = sum(levels.map((l) => (dec(l.available).gt(0) ? l.available : '0')));
  return {
    warehouses: levels.map((l) => ({
      warehouseId: l.warehouseId,
      name: names.get(l.warehouseId) ?? l.warehouseId,
      onHand: l.onHand,
      available: l.available,
    })),
    totalAvailable: totalAvailable.toFixed(),
    level: availabilityLevel(totalAvailable.toFixed(), quantity, lowThreshold),
  };
}

function linePrice(p: ErpPrice, quantity: string) {
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
    nextTier: p.nextTier ? { minQuantity: p.nextTier.minQuantity, unitPrice: m(p.nextTier.unitPrice) } : null,
    lineTotal: m(dec(p.unitPrice).times(quantity).toFixed()),
  };
}

function checkLines(request: DealLookupRequest, products: Map<string, ErpProduct>): void {
  const unknown = request.lines.filter((l) => !products.has(l.productId));
  if (unknown.length > 0) {
    throw new RequestError(
      'unknown_product',
      422,
      `The ERP has no product ${unknown.map((l) => `"${l.productId}"`).join(', ')}; remove the line or pick the product again.`,
      { productIds: unknown.map((l) => l.productId) },
    );
  }
  const split = request.lines.filter((l) => {
    const p = products.get(l.productId)!;
    return !p.fractional && !isWhole(l.quantity);
  });
  if (split.length > 0) {
    const p = products.get(split[0]!.productId)!;
    throw new RequestError(
      'validation_failed',
      400,
      `${p.name} is sold in whole ${p.unit}; enter a whole quantity instead of ${split[0]!.quantity}.`,
      { lines: split.map((l) => l.lineId ?? l.productId) },
    );
  }
}

export async function lookupDeal(deps: LookupDeps, request: DealLookupRequest): Promise<DealLookupResponse> {
  const { erp, config } = deps;
  assertCurrency(config, request.currency);
  const deadline = new Deadline(config.deadlineMs);
  const productIds = [...new Set(request.lines.map((l) => l.productId))];

  const [customers, products, warehouses] = await Promise.all([
    deadline.must(erp.getCustomers([request.customerId])),
    deadline.must(erp.getProducts(productIds)),
    deadline.must(erp.listWarehouses()),
  ]);
  const customer = customers.get(request.customerId);
  if (!customer) {
    throw new RequestError('unknown_customer', 404, `The ERP has no customer "${request.customerId}".`);
  }
  checkLines(request, products);

  const items = request.lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
  const [stock, prices, credit] = await Promise.all([
    deadline.race(erp.getStock(productIds)),
    deadline.race(items.length > 0 ? erp.getPrices(customer.id, request.currency, items) : Promise.resolve([])),
    deadline.race(erp.getCredit([customer.id])),
  ]);
  const asOf = deps.now().toISOString();

  const lines: LineResult[] = request.lines.map((line, i) => {
    const product = products.get(line.productId)!;
    const price = prices.ok ? prices.value[i] : undefined;
    return {
      lineId: line.lineId,
      productId: line.productId,
      quantity: line.quantity,
      product: { code: product.code, name: product.name, unit: product.unit },
      stock: stock.ok
        ? {
            status: 'ok',
            asOf,
            stale: false,
            value: lineStock(stock.value.get(line.productId) ?? [], warehouses, line.quantity, config.lowStockThreshold),
          }
        : unavailable(stock),
      price: prices.ok && price
        ? { status: 'ok', asOf, stale: false, value: linePrice(price, line.quantity) }
        : unavailable(prices.ok ? { ok: false, reason: 'erp_unavailable', message: 'No price came back.' } : prices),
    };
  });

  const priced = lines.flatMap((l) => (l.price.status === 'ok' ? [l.price.value.lineTotal.amount] : []));
  const total = {
    amount: { amount: roundMoney(sum(priced), request.currency), currency: request.currency },
    complete: priced.length === lines.length,
  };
  const customerCredit = credit.ok ? credit.value.get(customer.id) : undefined;

  return {
    customer: toCustomer(customer),
    currency: request.currency,
    lines,
    total,
    credit: customerCredit
      ? {
          status: 'ok',
          asOf,
          stale: false,
          value: creditView(customerCredit, total.complete ? total.amount : null),
        }
      : credit.ok
        ? { status: 'unavailable', reason: 'not_applicable', message: 'The ERP keeps no credit data for this customer.' }
        : unavailable(credit),
    answeredAt: asOf,
  };
}
