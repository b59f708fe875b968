import type { AccountPayments, Invoice, PaymentStatus } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import type { ErpInvoice } from '../erp/port.ts';
import { dec, roundMoney, sum } from '../money.ts';

/**
 * Turns the ERP's invoices into payment statuses. The ERP's state word goes through the
 * configured map first (so a renamed state needs no release); an invoice the map calls
 * `open` is then refined by its figures: nothing left is paid, part left is partially
 * paid, and past its due date with money open it is overdue.
 */

const severity: PaymentStatus[] = [
  'paid',
  'reversed',
  'in_payment',
  'open',
  'partially_paid',
  'overdue',
];

function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export function invoiceStatus(invoice: ErpInvoice, mapping: MappingConfig, today: string): Invoice {
  const mapped = mapping.invoiceStates[invoice.state] ?? 'open';
  const open = dec(invoice.open);
  const overdueDays = invoice.dueDate ? daysBetween(invoice.dueDate, today) : 0;

  let status: PaymentStatus = mapped;
  if (mapped === 'open') {
    if (open.lte(0)) status = 'paid';
    else if (overdueDays > 0) status = 'overdue';
    else if (open.lt(invoice.total)) status = 'partially_paid';
  }

  return {
    number: invoice.number,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    total: { amount: roundMoney(invoice.total, invoice.currency), currency: invoice.currency },
    open: {
      amount: roundMoney(status === 'reversed' ? '0' : invoice.open, invoice.currency),
      currency: invoice.currency,
    },
    status,
    daysOverdue: status === 'overdue' ? overdueDays : 0,
    dunningLevel: invoice.dunningLevel,
  };
}

/** The account's picture: its worst open status, sums in the account currency. */
export function accountPayments(
  erpInvoices: ErpInvoice[],
  currency: string,
  mapping: MappingConfig,
  today: string,
): AccountPayments {
  const invoices = erpInvoices.map((i) => invoiceStatus(i, mapping, today));
  const mine = invoices.filter((i) => i.total.currency === currency);
  const openOnes = mine.filter((i) => ['open', 'partially_paid', 'overdue'].includes(i.status));

  const status = openOnes.reduce<PaymentStatus>(
    (worst, i) => (severity.indexOf(i.status) > severity.indexOf(worst) ? i.status : worst),
    'paid',
  );
  const dunningLevel = Math.max(0, ...openOnes.map((i) => i.dunningLevel));

  return {
    status,
    openAmount: { amount: roundMoney(sum(openOnes.map((i) => i.open.amount)), currency), currency },
    overdueAmount: {
      amount: roundMoney(
        sum(openOnes.filter((i) => i.status === 'overdue').map((i) => i.open.amount)),
        currency,
      ),
      currency,
    },
    dunningLevel,
    dunningLabel: dunningLevel > 0 ? (mapping.dunningLabels[String(dunningLevel)] ?? null) : null,
    invoices,
  };
}
