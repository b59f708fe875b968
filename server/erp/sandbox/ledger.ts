import { dec, roundMoney, sum } from '../../money.ts';
import type { SqlDb } from '../../store/sql.ts';
import { ErpRejected } from '../errors.ts';
import { customerSql, type CustomerRow } from './rows.ts';

/**
 * The sandbox's books: customers, exchange rates, and what a customer owes (posted
 * invoices still open plus confirmed orders), in the customer's currency.
 */
export function createLedger(db: SqlDb) {
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

  return { customerRow, rate, convert, openBalance };
}

export type Ledger = ReturnType<typeof createLedger>;
