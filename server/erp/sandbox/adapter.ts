import { dec, isWhole, roundMoney, sum } from '../../money.ts';
import type { SqlDb } from '../../store/sql.ts';
import { ErpRejected } from '../errors.ts';
import type {
  CustomerQuery,
  ErpAdapter,
  ErpCredit,
  ErpCustomer,
  ErpInvoice,
  ErpOrder,
  ErpOrderInput,
  ErpPrice,
  ErpPriceRequest,
  ErpProduct,
  ErpStockLevel,
  ErpWarehouse,
} from '../port.ts';
import { priceFor, type PriceRule } from './pricing.ts';

/**
 * The embedded default ERP: a small ERP of its own in SQLite, with the rules a real one
 * applies (price list then tier, credit check at confirmation, stock reserved by an
 * order). It is not a test double: it keeps no idempotency of its own, so a second
 * createOrder with the same reference makes a second order, as Tryton would.
 */

interface ProductRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  fractional: number;
  list_price: string;
}

interface CustomerRow {
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

interface OrderRow {
  id: number;
  number: string | null;
  reference: string;
  customer_id: string;
  currency: string;
  state: ErpOrder['state'];
  total: string;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface SandboxOptions {
  now?: () => Date;
}

export function createSandboxAdapter(db: SqlDb, options: SandboxOptions = {}): ErpAdapter {
  const now = options.now ?? (() => new Date());
  // One writer at a time: confirm reads credit and stock, then writes; D1 and our async
  // SqlDb offer no interactive transaction, so writes queue behind each other here.
  let writes: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = writes.then(fn, fn);
    writes = next.catch(() => undefined);
    return next;
  };

  const toProduct = (r: ProductRow): ErpProduct => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    fractional: r.fractional === 1,
    listPrice: r.list_price,
    currency: 'EUR',
  });

  const toCustomer = (r: CustomerRow): ErpCustomer => ({
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    priceList: r.price_list_name,
    email: r.email,
    phone: r.phone,
    taxId: r.tax_id,
  });

  const toOrder = (r: OrderRow): ErpOrder => ({
    id: String(r.id),
    number: r.number,
    reference: r.reference,
    state: r.state,
    total: r.total,
    currency: r.currency,
  });

  const customerSql = `SELECT c.*, pl.name AS price_list_name FROM sb_customers c
    LEFT JOIN sb_price_lists pl ON pl.id = c.price_list_id`;

  async function customerRow(id: string): Promise<CustomerRow> {
    const row = await db.first<CustomerRow>(`${customerSql} WHERE c.id = ?`, [id]);
    if (!row) throw new ErpRejected('unknown_customer', `The ERP has no customer "${id}".`);
    return row;
  }

  async function rate(currency: string): Promise<string> {
    const row = await db.first<{ rate: string }>('SELECT rate FROM sb_currencies WHERE code = ?', [
      currency,
    ]);
    if (!row)
      throw new ErpRejected('erp_rejected', `The ERP has no exchange rate for ${currency}.`);
    return row.rate;
  }

  async function convert(amount: string, from: string, to: string): Promise<string> {
    if (from === to) return amount;
    const [a, b] = await Promise.all([rate(from), rate(to)]);
    return roundMoney(dec(amount).div(a).times(b), to);
  }

  async function openBalance(c: CustomerRow): Promise<string> {
    const invoices = await db.all<{ total: string; paid: string; currency: string }>(
      "SELECT total, paid, currency FROM sb_invoices WHERE customer_id = ? AND state = 'posted'",
      [c.id],
    );
    const orders = await db.all<{ total: string; currency: string }>(
      "SELECT total, currency FROM sb_orders WHERE customer_id = ? AND state = 'confirmed'",
      [c.id],
    );
    const parts = await Promise.all([
      ...invoices.map((i) => convert(dec(i.total).minus(i.paid).toFixed(), i.currency, c.currency)),
      ...orders.map((o) => convert(o.total, o.currency, c.currency)),
    ]);
    return roundMoney(sum(parts), c.currency);
  }

  async function getPrices(
    customerId: string,
    currency: string,
    items: ErpPriceRequest[],
  ): Promise<ErpPrice[]> {
    const customer = await customerRow(customerId);
    const fx = await rate(currency);
    const products = await adapter.getProducts(items.map((i) => i.productId));
    const rules = customer.price_list_id
      ? await db.all<PriceRule & { product_id: string | null }>(
          'SELECT product_id, min_quantity, factor FROM sb_price_rules WHERE price_list_id = ?',
          [customer.price_list_id],
        )
      : [];

    return items.map((item) => {
      const product = products.get(item.productId);
      if (!product) {
        throw new ErpRejected('unknown_product', `The ERP has no product "${item.productId}".`);
      }
      const own = rules.filter((r) => r.product_id === product.id);
      const result = priceFor({
        listPriceEur: product.listPrice,
        rate: fx,
        currency,
        quantity: item.quantity,
        rules: own.length > 0 ? own : rules.filter((r) => r.product_id === null),
      });
      return {
        productId: item.productId,
        quantity: item.quantity,
        currency,
        priceList:
          own.length > 0 || rules.some((r) => r.product_id === null)
            ? customer.price_list_name
            : null,
        ...result,
      };
    });
  }

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

  const adapter: ErpAdapter = {
    name: 'sandbox',

    async searchProducts(query, limit) {
      const like = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const rows = await db.all<ProductRow>(
        `SELECT * FROM sb_products WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'
         ORDER BY code LIMIT ?`,
        [like, like, limit],
      );
      return rows.map(toProduct);
    },

    async getProducts(ids) {
      if (ids.length === 0) return new Map();
      const unique = [...new Set(ids)];
      const rows = await db.all<ProductRow>(
        `SELECT * FROM sb_products WHERE id IN (${placeholders(unique.length)})`,
        unique,
      );
      return new Map(rows.map((r) => [r.id, toProduct(r)]));
    },

    async listWarehouses() {
      const rows = await db.all<ErpWarehouse>(
        'SELECT id, code, name FROM sb_warehouses ORDER BY position',
      );
      return rows;
    },

    async getStock(productIds) {
      const unique = [...new Set(productIds)];
      const result = new Map<string, ErpStockLevel[]>();
      if (unique.length === 0) return result;
      const rows = await db.all<{
        product_id: string;
        warehouse_id: string;
        warehouse_name: string;
        on_hand: string;
        reserved: string;
      }>(
        `SELECT s.*, w.name AS warehouse_name FROM sb_stock s JOIN sb_warehouses w ON w.id = s.warehouse_id
         WHERE s.product_id IN (${placeholders(unique.length)}) ORDER BY w.position`,
        unique,
      );
      for (const r of rows) {
        const levels = result.get(r.product_id) ?? [];
        levels.push({
          warehouseId: r.warehouse_id,
          warehouseName: r.warehouse_name,
          onHand: r.on_hand,
          available: dec(r.on_hand).minus(r.reserved).toFixed(),
        });
        result.set(r.product_id, levels);
      }
      return result;
    },

    getPrices,

    async getCustomers(ids) {
      if (ids.length === 0) return new Map();
      const unique = [...new Set(ids)];
      const rows = await db.all<CustomerRow>(
        `${customerSql} WHERE c.id IN (${placeholders(unique.length)})`,
        unique,
      );
      return new Map(rows.map((r) => [r.id, toCustomer(r)]));
    },

    async searchCustomers(query: CustomerQuery, limit) {
      const clauses: string[] = [];
      const params: string[] = [];
      if (query.taxId) {
        clauses.push('c.tax_id = ?');
        params.push(query.taxId);
      }
      if (query.email) {
        clauses.push('LOWER(c.email) = LOWER(?)');
        params.push(query.email);
      }
      if (query.phone) {
        clauses.push('c.phone = ?');
        params.push(query.phone);
      }
      if (query.name !== undefined) {
        clauses.push("c.name LIKE ? ESCAPE '\\'");
        params.push(`%${query.name.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
      }
      if (clauses.length === 0) return [];
      const where = `WHERE ${clauses.join(' OR ')}`;
      const rows = await db.all<CustomerRow>(`${customerSql} ${where} ORDER BY c.code LIMIT ?`, [
        ...params,
        limit,
      ]);
      return rows.map(toCustomer);
    },

    async getCredit(customerIds) {
      const result = new Map<string, ErpCredit>();
      for (const id of new Set(customerIds)) {
        const c = await db.first<CustomerRow>(`${customerSql} WHERE c.id = ?`, [id]);
        if (!c) continue;
        result.set(id, {
          customerId: id,
          customer: toCustomer(c),
          currency: c.currency,
          limit: c.credit_limit,
          openBalance: await openBalance(c),
          blocked: c.blocked === 1,
          blockReason: c.block_reason,
          paymentTerms: c.payment_terms,
        });
      }
      return result;
    },

    async getInvoices(customerIds) {
      const unique = [...new Set(customerIds)];
      const result = new Map<string, ErpInvoice[]>(unique.map((id) => [id, []]));
      if (unique.length === 0) return result;
      const rows = await db.all<{
        number: string;
        customer_id: string;
        invoice_date: string;
        due_date: string;
        currency: string;
        total: string;
        paid: string;
        state: string;
        dunning_level: number;
      }>(
        `SELECT * FROM sb_invoices WHERE customer_id IN (${placeholders(unique.length)})
         ORDER BY invoice_date DESC`,
        unique,
      );
      for (const r of rows) {
        result.get(r.customer_id)?.push({
          customerId: r.customer_id,
          number: r.number,
          invoiceDate: r.invoice_date,
          dueDate: r.due_date,
          currency: r.currency,
          total: r.total,
          open: r.state === 'posted' ? roundMoney(dec(r.total).minus(r.paid), r.currency) : '0.00',
          state: r.state,
          dunningLevel: r.dunning_level,
        });
      }
      return result;
    },

    createCustomer(input) {
      return serially(async () => {
        const row = await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM sb_customers');
        const id = `C-${String(2001 + (row?.n ?? 0)).padStart(4, '0')}`;
        const currency = input.country === 'US' ? 'USD' : input.country === 'CH' ? 'CHF' : 'EUR';
        await db.run(
          `INSERT INTO sb_customers (id, code, name, email, tax_id, currency, credit_limit, blocked,
             payment_terms, phone, country, street, postal_code, city, customer_group, reference)
           VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            id,
            input.name,
            input.email,
            input.taxId,
            currency,
            input.paymentTerms,
            input.phone,
            input.country,
            input.address?.street ?? null,
            input.address?.postalCode ?? null,
            input.address?.city ?? null,
            input.group,
            input.crmId,
          ],
        );
        return toCustomer((await db.first<CustomerRow>(`${customerSql} WHERE c.id = ?`, [id]))!);
      });
    },

    async findOrderByReference(reference) {
      const row = await db.first<OrderRow>(
        "SELECT * FROM sb_orders WHERE reference = ? AND state != 'cancelled' ORDER BY id LIMIT 1",
        [reference],
      );
      return row ? toOrder(row) : null;
    },

    createOrder(input: ErpOrderInput) {
      return serially(async () => {
        const customer = await customerRow(input.customerId);
        if (input.lines.length === 0) {
          throw new ErpRejected('erp_rejected', 'An order needs at least one line.');
        }
        const products = await adapter.getProducts(input.lines.map((l) => l.productId));
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
        const prices = await getPrices(customer.id, input.currency, input.lines);
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

    confirmOrder(orderId) {
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

    async ping() {
      await db.first('SELECT 1');
    },
  };
  return adapter;
}
