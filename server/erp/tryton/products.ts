/**
 * Products, warehouses and stock.
 *
 * Stock is read per warehouse: one `product.product` read with `locations: [warehouse]` in the
 * context gives every product's quantity there (child locations included); without
 * `locations` Tryton answers 0.0 (tryton.md §4). A deal therefore costs one call per
 * warehouse, plus one to list the warehouses when the config does not name them.
 */
import type { CallOptions, ErpProduct, ErpStockLevel, ErpWarehouse } from '../port.ts';
import { formatQuantity } from './codec.ts';
import {
  likeEscape,
  related,
  searchRead,
  str,
  trytonIds,
  type Row,
  type Tryton,
} from './session.ts';

const PRODUCT_FIELDS = ['code', 'name', 'list_price', 'default_uom.symbol', 'default_uom.digits'];

export async function searchProducts(
  t: Tryton,
  query: string,
  limit: number,
  opts?: CallOptions,
): Promise<ErpProduct[]> {
  const like = `%${likeEscape(query.trim())}%`;
  const domain = [
    ['salable', '=', true],
    ['OR', ['code', 'ilike', like], ['name', 'ilike', like]],
  ];
  const [rows, currency] = await Promise.all([
    searchRead(t, 'product.product', domain, PRODUCT_FIELDS, {
      ...opts,
      limit,
      order: [['code', 'ASC']],
    }),
    t.companyCurrency(opts),
  ]);
  return rows.map((row) => toProduct(row, currency));
}

export async function getProducts(
  t: Tryton,
  ids: string[],
  opts?: CallOptions,
): Promise<Map<string, ErpProduct>> {
  const wanted = trytonIds(ids);
  if (wanted.length === 0) return new Map();

  // search_read rather than read: an unknown id is left out instead of failing the batch.
  const [rows, currency] = await Promise.all([
    searchRead(t, 'product.product', [['id', 'in', wanted]], PRODUCT_FIELDS, opts),
    t.companyCurrency(opts),
  ]);
  return new Map(rows.map((row) => [String(row.id), toProduct(row, currency)]));
}

export async function listWarehouses(t: Tryton, opts?: CallOptions): Promise<ErpWarehouse[]> {
  const rows = await searchRead(
    t,
    'stock.location',
    [['type', '=', 'warehouse']],
    ['code', 'name'],
    {
      ...opts,
      order: [['id', 'ASC']],
    },
  );
  const all = rows.map((row) => ({ id: String(row.id), code: str(row.code), name: str(row.name) }));

  const chosen = t.config.warehouses;
  if (!chosen) return all;
  // Configured by id or code, in the configured order; unknown entries are skipped.
  return chosen.flatMap((key) => all.filter((w) => w.id === key || w.code === key).slice(0, 1));
}

export async function getStock(
  t: Tryton,
  productIds: string[],
  opts?: CallOptions,
): Promise<Map<string, ErpStockLevel[]>> {
  const wanted = trytonIds(productIds);
  if (wanted.length === 0) return new Map();
  const warehouses = await listWarehouses(t, opts);

  // Reads never conflict on SQLite, so the warehouses are asked at once.
  const perWarehouse = await Promise.all(
    warehouses.map((warehouse) =>
      searchRead(t, 'product.product', [['id', 'in', wanted]], ['quantity', 'forecast_quantity'], {
        ...opts,
        context: { locations: [Number(warehouse.id)] },
      }),
    ),
  );

  const stock = new Map<string, ErpStockLevel[]>();
  perWarehouse.forEach((rows, i) => {
    const { id: warehouseId, name: warehouseName } = warehouses[i]!;
    for (const row of rows) {
      const levels = stock.get(String(row.id)) ?? [];
      levels.push({
        warehouseId,
        warehouseName,
        onHand: formatQuantity(row.quantity),
        // forecast_quantity: on hand plus planned receipts less planned deliveries.
        available: formatQuantity(row.forecast_quantity),
      });
      stock.set(String(row.id), levels);
    }
  });
  return stock;
}

export function toProduct(row: Row, currency: string): ErpProduct {
  const digits = Number(related(row, 'default_uom.digits') ?? 0);
  return {
    id: String(row.id),
    code: str(row.code),
    name: str(row.name),
    unit: str(related(row, 'default_uom.symbol')),
    fractional: digits > 0,
    listPrice: str(row.list_price || '0'),
    currency,
  };
}
