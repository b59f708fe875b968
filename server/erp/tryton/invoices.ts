/**
 * Customer invoices with due dates and dunning levels.
 *
 * Due dates are not on the invoice but on its `lines_to_pay` (move lines with a maturity date);
 * one dotted read brings them along. Dunnings hang on those move lines; the level number is the
 * level's position in its procedure (1 = first reminder). Dunnings of paid lines are inactive
 * and so not returned by Tryton's search.
 */
import type { CallOptions, ErpInvoice } from '../port.ts';
import { related, searchRead, str, trytonIds, type Row, type Tryton } from './session.ts';

/** Draft and validated invoices have no number and nothing to pay yet. */
const STATES = ['posted', 'paid', 'cancelled'];

export async function getInvoices(
  t: Tryton,
  customerIds: string[],
  opts?: CallOptions,
): Promise<Map<string, ErpInvoice[]>> {
  const wanted = trytonIds(customerIds);
  if (wanted.length === 0) return new Map();

  const [invoices, dunnings, levels] = await Promise.all([
    searchRead(
      t,
      'account.invoice',
      [
        ['party', 'in', wanted],
        ['type', '=', 'out'],
        ['state', 'in', STATES],
        ['number', '!=', null],
      ],
      [
        'party',
        'number',
        'state',
        'invoice_date',
        'currency.code',
        'total_amount',
        'amount_to_pay',
        'lines_to_pay.maturity_date',
        'lines_to_pay.reconciliation',
      ],
      {
        ...opts,
        order: [
          ['invoice_date', 'DESC'],
          ['id', 'DESC'],
        ],
      },
    ),
    searchRead(t, 'account.dunning', [['party', 'in', wanted]], ['line', 'level'], opts),
    searchRead(t, 'account.dunning.level', [], ['procedure'], opts),
  ]);

  // Level number within its procedure; the search comes in the levels' own (sequence) order.
  const levelNumber = new Map<number, number>();
  const seen = new Map<unknown, number>();
  for (const level of levels) {
    const n = (seen.get(level.procedure) ?? 0) + 1;
    seen.set(level.procedure, n);
    levelNumber.set(level.id, n);
  }
  const dunningByLine = new Map<number, number>();
  for (const dunning of dunnings) {
    const line = Number(dunning.line);
    const n = levelNumber.get(Number(dunning.level)) ?? 0;
    dunningByLine.set(line, Math.max(n, dunningByLine.get(line) ?? 0));
  }

  const result = new Map<string, ErpInvoice[]>(wanted.map((id) => [String(id), []]));
  for (const row of invoices) {
    result.get(String(row.party))?.push(toInvoice(row, dunningByLine));
  }
  return result;
}

function toInvoice(row: Row, dunningByLine: Map<number, number>): ErpInvoice {
  const lines = (row['lines_to_pay.'] as Row[] | undefined) ?? [];
  const open = lines.filter((l) => l.reconciliation == null);
  const dates = (ls: Row[]) =>
    ls
      .map((l) => str(l.maturity_date))
      .filter(Boolean)
      .sort();

  return {
    customerId: String(row.party),
    number: str(row.number),
    invoiceDate: str(row.invoice_date),
    // Earliest open due date; when everything is paid, the last one.
    dueDate: open.length > 0 ? (dates(open)[0] ?? null) : (dates(lines).at(-1) ?? null),
    currency: str(related(row, 'currency.code')),
    total: str(row.total_amount),
    open: str(row.amount_to_pay ?? '0'),
    state: str(row.state),
    dunningLevel: Math.max(0, ...open.map((l) => dunningByLine.get(l.id) ?? 0)),
  };
}
