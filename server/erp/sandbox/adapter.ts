import { dec, roundMoney } from '../../money.ts';
import type { SqlDb } from '../../store/sql.ts';
import { ErpRejected } from '../errors.ts';
import type {
  CustomerQuery,
  ErpAdapter,
  ErpCredit,
  ErpInvoice,
  ErpPrice,
  ErpPriceRequest,
  ErpStockLevel,
  ErpWarehouse,
} from '../port.ts';
import { createLedger } from './ledger.ts';
import { createOrderBook } from './orders.ts';
import { priceFor, type PriceRule } from './pricing.ts';
import {
  customerSql,
  placeholders,
  toCustomer,
  toProduct,
  type CustomerRow,
  type ProductRow,
} from './rows.ts';

/**
 * The embedded default ERP: a small ERP of its own in SQLite, with the rules a real one
 * applies (price list then tier, credit check at confirmation, stock reserved by an
 * order). It is not a test double: it keeps no idempotency of its own, so a second
 * createOrder with the same reference makes a second order, as Tryton would.
 * Catalog, stock, prices and customers live here; the books in ledger.ts, orders in
 * orders.ts, rows in rows.ts.
 */

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

  const ledger = createLedger(db);
  const { customerRow, rate, openBalance } = ledger;

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

    ...createOrderBook({
      db,
      now,
      ledger,
      serially,
      getProducts: (ids) => adapter.getProducts(ids),
      getPrices,
    }),

    async ping() {
      await db.first('SELECT 1');
    },
  };
  return adapter;
}
