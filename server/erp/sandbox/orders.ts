import { dec, isWhole, roundMoney, sum } from '../../money.ts';
import type { SqlDb } from '../../store/sql.ts';
import { ErpRejected } from '../errors.ts';
import type { ErpOrder, ErpOrderInput, ErpPrice, ErpPriceRequest, ErpProduct } from '../port.ts';
import type { Ledger } from './ledger.ts';
import { toOrder, type OrderRow } from './rows.ts';

/**
 * The sandbox's sales orders: created as drafts priced by the customer's price list,
 * confirmed after the credit check, which reserves the stock. No idempotency of its own:
 * a second createOrder with the same reference makes a second order, as a real ERP does.
 */

export interface OrderBookDeps {
  db: SqlDb;
  now: () => Date;
  ledger: Ledger;
  /** One writer at a time (see adapter.ts). */
  serially: <T>(fn: () => Promise<T>) => Promise<T>;
  getProducts: (ids: string[]) => Promise<Map<string, ErpProduct>>;
  getPrices: (
    customerId: string,
    currency: string,
    items: ErpPriceRequest[],
  ) => Promise<ErpPrice[]>;
}

export function createOrderBook(deps: OrderBookDeps) {
  const { db, now, ledger, serially } = deps;
  const { customerRow, convert, openBalance } = ledger;

  async function reserve(orderId: number): Promise<void> {
    const lines = await db.all<{ product_id: string; quantity: string }>(
      'SELECT product_id, quantity FROM sb_order_lines WHERE order_id = ? ORDER BY position',
      [orderId],
    );
    const statements = [];
    for (const line of lines) {
      const stock = await db.all<{ warehouse_id: string; on_hand: string; reserved: string }>(
        `SELECT s.warehouse_id, s.on_hand, s.reserved FROM sb_stock s
         JOIN sb_warehouses w ON w.id = s.warehouse_id WHERE s.product_id = ? ORDER BY w.position`,
        [line.product_id],
      );
      // Take from warehouses in order; what none can cover stays reserved on the first
      // (a backorder), as ERPs confirm short orders and ship later.
      let left = dec(line.quantity);
      const takes = stock.map((s) => {
        const free = dec(s.on_hand).minus(s.reserved);
        const take = free.gt(0) ? (free.gte(left) ? left : free) : dec(0);
        left = left.minus(take);
        return { warehouse: s.warehouse_id, take };
      });
      if (left.gt(0) && takes[0]) takes[0].take = takes[0].take.plus(left);
      for (const t of takes.filter((x) => x.take.gt(0))) {
        statements.push(
          {
            sql: `UPDATE sb_stock SET reserved = ? WHERE product_id = ? AND warehouse_id = ?`,
            params: [
              dec(stock.find((s) => s.warehouse_id === t.warehouse)!.reserved)
                .plus(t.take)
                .toFixed(),
              line.product_id,
              t.warehouse,
            ],
          },
          {
            sql: 'INSERT INTO sb_reservations VALUES (?, ?, ?, ?)',
            params: [orderId, line.product_id, t.warehouse, t.take.toFixed()],
          },
        );
      }
    }
    statements.push({
      sql: "UPDATE sb_orders SET state = 'confirmed' WHERE id = ?",
      params: [orderId],
    });
    await db.batch(statements);
  }

  return {
    async findOrderByReference(reference: string): Promise<ErpOrder | null> {
      const row = await db.first<OrderRow>(
        "SELECT * FROM sb_orders WHERE reference = ? AND state != 'cancelled' ORDER BY id LIMIT 1",
        [reference],
      );
      return row ? toOrder(row) : null;
    },

    createOrder(input: ErpOrderInput): Promise<ErpOrder> {
      return serially(async () => {
        const customer = await customerRow(input.customerId);
        if (input.lines.length === 0) {
          throw new ErpRejected('erp_rejected', 'An order needs at least one line.');
        }
        const products = await deps.getProducts(input.lines.map((l) => l.productId));
        for (const line of input.lines) {
          const product = products.get(line.productId);
          if (!product) {
            throw new ErpRejected('unknown_product', `The ERP has no product "${line.productId}".`);
          }
          if (!dec(line.quantity).gt(0)) {
            throw new ErpRejected(
              'erp_rejected',
              `The quantity of ${product.code} must be above 0.`,
            );
          }
          if (!product.fractional && !isWhole(line.quantity)) {
            throw new ErpRejected(
              'erp_rejected',
              `${product.name} is sold in whole ${product.unit}; ${line.quantity} is not allowed.`,
            );
          }
        }
        const prices = await deps.getPrices(customer.id, input.currency, input.lines);
        const amounts = input.lines.map((line, i) => {
          const unitPrice = line.unitPrice ?? prices[i]!.unitPrice;
          return {
            line,
            unitPrice,
            amount: roundMoney(dec(unitPrice).times(line.quantity), input.currency),
          };
        });
        const total = roundMoney(sum(amounts.map((a) => a.amount)), input.currency);

        const created = await db.run(
          `INSERT INTO sb_orders (reference, customer_id, currency, state, total, created_at)
           VALUES (?, ?, ?, 'draft', ?, ?)`,
          [input.reference, customer.id, input.currency, total, now().toISOString()],
        );
        const id = created.lastRowId;
        await db.batch([
          {
            sql: 'UPDATE sb_orders SET number = ? WHERE id = ?',
            params: [`SO-${String(id).padStart(5, '0')}`, id],
          },
          ...amounts.map((a, i) => ({
            sql: 'INSERT INTO sb_order_lines VALUES (?, ?, ?, ?, ?, ?)',
            params: [id, i + 1, a.line.productId, a.line.quantity, a.unitPrice, a.amount],
          })),
        ]);
        const row = await db.first<OrderRow>('SELECT * FROM sb_orders WHERE id = ?', [id]);
        return toOrder(row!);
      });
    },

    confirmOrder(orderId: string): Promise<ErpOrder> {
      return serially(async () => {
        const order = await db.first<OrderRow>('SELECT * FROM sb_orders WHERE id = ?', [
          Number(orderId),
        ]);
        if (!order) throw new ErpRejected('erp_rejected', `The ERP has no order "${orderId}".`);
        if (order.state === 'confirmed') return toOrder(order);
        if (order.state !== 'draft') {
          throw new ErpRejected('erp_rejected', `Order ${order.number} is ${order.state}.`);
        }

        const customer = await customerRow(order.customer_id);
        if (customer.blocked === 1) {
          throw new ErpRejected(
            'customer_blocked',
            `Customer "${customer.name}" is blocked: ${customer.block_reason ?? 'no reason given'}.`,
          );
        }
        if (customer.credit_limit !== null) {
          const balance = await openBalance(customer);
          const orderTotal = await convert(order.total, order.currency, customer.currency);
          if (dec(balance).plus(orderTotal).gt(customer.credit_limit)) {
            throw new ErpRejected(
              'credit_blocked',
              `Customer "${customer.name}" would exceed their credit limit of ` +
                `${customer.credit_limit} ${customer.currency} (open balance ${balance}, ` +
                `this order ${orderTotal}).`,
            );
          }
        }

        await reserve(order.id);
        return toOrder({ ...order, state: 'confirmed' });
      });
    },
  };
}
