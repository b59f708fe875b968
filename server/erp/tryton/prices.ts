/**
 * Customer prices and volume tiers.
 *
 * The price is Tryton's own: `product.product.sale_price_uom` read with the customer, the
 * quantity, the currency and the customer's price list in the context. Tryton does not derive
 * the price list from the customer, so it is read from `party.sale_price_list` and passed
 * explicitly; the value comes back unrounded and is rounded here to the 4 places a sale line
 * keeps, half-even like Python's Decimal (tryton.md §4).
 *
 * Tiers are read from the price list's lines: Tryton applies the first line (by sequence) whose
 * product, category and `quantity` (a minimum) match. A matching line with a minimum above zero
 * is the tier; the smallest minimum above the asked quantity is the next tier, priced by asking
 * Tryton at that quantity.
 */
import Big from 'big.js';
import type { CallOptions, ErpPrice, ErpPriceRequest } from '../port.ts';
import { rejected, related, searchRead, str, trytonId, type Row, type Tryton } from './session.ts';

interface PriceListLine {
  sequence: number;
  product: number | null;
  category: number | null;
  minQuantity: number;
}

interface PricedProduct {
  listPrice: string;
  unitPrice: string;
}

export async function getPrices(
  t: Tryton,
  customerId: string,
  currency: string,
  items: ErpPriceRequest[],
  opts?: CallOptions,
): Promise<ErpPrice[]> {
  if (items.length === 0) return [];
  const partyId = trytonId(customerId);
  const productIds = [...new Set(items.map((item) => trytonId(item.productId) ?? 0))];

  const [parties, currencies, products] = await Promise.all([
    partyId
      ? searchRead(
          t,
          'party.party',
          [['id', '=', partyId]],
          ['sale_price_list', 'sale_price_list.name'],
          opts,
        )
      : [],
    searchRead(t, 'currency.currency', [['code', '=', currency]], ['code'], opts),
    searchRead(t, 'product.product', [['id', 'in', productIds]], ['categories_all'], opts),
  ]);
  const party = parties[0];
  if (!party) throw rejected('unknown_customer', `Tryton has no customer with id ${customerId}`);
  const currencyId = currencies[0]?.id;
  if (!currencyId) throw rejected('erp_rejected', `Tryton has no currency ${currency}`);
  const missing = items.find((item) => !products.some((p) => String(p.id) === item.productId));
  if (missing)
    throw rejected('unknown_product', `Tryton has no product with id ${missing.productId}`);

  const priceListId = (party.sale_price_list as number | null) ?? null;
  const priceListName = priceListId ? str(related(party, 'sale_price_list.name')) : null;
  const lines = priceListId ? await readPriceListLines(t, priceListId, products, opts) : new Map();

  const context = { customer: partyId, currency: currencyId, price_list: priceListId };
  const asked = items.map((item) => ({
    productId: Number(item.productId),
    quantity: item.quantity,
  }));
  const prices = await priceAt(t, asked, context, opts);

  // Next tiers need a second round: their quantities are known only from the lines.
  const nextAsked = items.flatMap((item) => {
    const next = nextTierQuantity(lines.get(Number(item.productId)) ?? [], Number(item.quantity));
    return next === null ? [] : [{ productId: Number(item.productId), quantity: String(next) }];
  });
  const nextPrices = await priceAt(t, nextAsked, context, opts);

  return items.map((item) => {
    const productLines = lines.get(Number(item.productId)) ?? [];
    const price = prices.get(key(item.productId, item.quantity))!;
    const applied = appliedLine(productLines, Number(item.quantity));
    const next = nextTierQuantity(productLines, Number(item.quantity));
    const nextPrice = next === null ? undefined : nextPrices.get(key(item.productId, String(next)));

    return {
      productId: item.productId,
      quantity: item.quantity,
      currency,
      unitPrice: price.unitPrice,
      listPrice: price.listPrice,
      priceList: priceListName,
      tier:
        applied && applied.minQuantity > 0
          ? { minQuantity: String(applied.minQuantity), unitPrice: price.unitPrice }
          : null,
      nextTier:
        next !== null && nextPrice
          ? { minQuantity: String(next), unitPrice: nextPrice.unitPrice }
          : null,
    };
  });
}

/** One read per distinct quantity, all at once: Tryton's price context has one quantity. */
async function priceAt(
  t: Tryton,
  asked: { productId: number; quantity: string }[],
  context: Record<string, unknown>,
  opts?: CallOptions,
): Promise<Map<string, PricedProduct>> {
  const byQuantity = new Map<string, number[]>();
  for (const { productId, quantity } of asked) {
    byQuantity.set(quantity, [...(byQuantity.get(quantity) ?? []), productId]);
  }

  const prices = new Map<string, PricedProduct>();
  await Promise.all(
    [...byQuantity].map(async ([quantity, ids]) => {
      const rows = await searchRead(
        t,
        'product.product',
        [['id', 'in', [...new Set(ids)]]],
        ['list_price', 'sale_price_uom'],
        {
          ...opts,
          context: { ...context, quantity: Number(quantity) },
        },
      );
      for (const row of rows) {
        prices.set(key(String(row.id), quantity), {
          listPrice: str(row.list_price || '0'),
          unitPrice: roundUnitPrice(str(row.sale_price_uom || '0')),
        });
      }
    }),
  );
  return prices;
}

/** Tryton's sale line keeps 4 decimal places (price_digits), rounded half-even. */
export function roundUnitPrice(value: string): string {
  return new Big(value).round(4, Big.roundHalfEven).toFixed(4);
}

async function readPriceListLines(
  t: Tryton,
  priceListId: number,
  products: Row[],
  opts?: CallOptions,
): Promise<Map<number, PriceListLine[]>> {
  const rows = await searchRead(
    t,
    'product.price_list.line',
    [['price_list', '=', priceListId]],
    ['sequence', 'product', 'category', 'quantity'],
    opts,
  );
  const lines: PriceListLine[] = rows.map((row) => ({
    sequence: Number(row.sequence ?? 0),
    product: (row.product as number | null) ?? null,
    category: (row.category as number | null) ?? null,
    minQuantity: Number(row.quantity ?? 0),
  }));

  // A category line applies to products in that category or any below it (Tryton walks the
  // product's categories up to their parents).
  const categories = [
    ...new Set(lines.map((l) => l.category).filter((c): c is number => c !== null)),
  ];
  const below = new Map<number, Set<number>>();
  await Promise.all(
    categories.map(async (category) => {
      const ids = await t.rpc.model<number[]>(
        'product.category',
        'search',
        [[['parent', 'child_of', [category]]], 0, null, null],
        { signal: opts?.signal },
      );
      below.set(category, new Set(ids));
    }),
  );

  return new Map(
    products.map((product) => {
      const own = (product.categories_all as number[] | undefined) ?? [];
      const applies = lines.filter(
        (line) =>
          (line.product === null || line.product === product.id) &&
          (line.category === null || own.some((c) => below.get(line.category!)?.has(c))),
      );
      return [product.id, applies];
    }),
  );
}

/** The line Tryton applies at this quantity: the first, in the model's order, that matches. */
function appliedLine(lines: PriceListLine[], quantity: number): PriceListLine | undefined {
  return lines.find((line) => line.minQuantity <= Math.abs(quantity));
}

function nextTierQuantity(lines: PriceListLine[], quantity: number): number | null {
  const above = lines.map((l) => l.minQuantity).filter((min) => min > Math.abs(quantity));
  return above.length > 0 ? Math.min(...above) : null;
}

function key(productId: string, quantity: string): string {
  return `${productId}@${quantity}`;
}
