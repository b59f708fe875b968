import type { AccountPayments, Invoice, PaymentStatus } from '../../shared/api.ts';
import type { Fact } from '../../shared/facts.ts';
import { formatCalendarDate } from '../format-date.ts';
import { formatMoney, isZero } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale } from './locale.ts';

const statusWords: Record<PaymentStatus, string> = {
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  in_payment: 'In payment',
  reversed: 'Reversed',
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <span class={`badge payment-${status}`}>{statusWords[status]}</span>;
}

function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const locale = useLocale();

  return (
    <tr>
      <th scope="row">{invoice.number}</th>
      <td>{formatCalendarDate(invoice.invoiceDate, locale)}</td>
      <td>
        {invoice.dueDate ? formatCalendarDate(invoice.dueDate, locale) : '—'}
        {invoice.daysOverdue > 0 && (
          <div class="warning-text">{invoice.daysOverdue} days overdue</div>
        )}
      </td>
      <td class="figure">{formatMoney(invoice.total, locale)}</td>
      <td class="figure">{formatMoney(invoice.open, locale)}</td>
      <td>
        <PaymentStatusBadge status={invoice.status} />
        {invoice.dunningLevel > 0 && <div class="muted">Dunning {invoice.dunningLevel}</div>}
      </td>
    </tr>
  );
}

function Summary({ payments }: { payments: AccountPayments }) {
  const locale = useLocale();

  return (
    <>
      <p>
        <PaymentStatusBadge status={payments.status} />
        {payments.dunningLevel > 0 && (
          <span class="dunning">
            {' '}
            Dunning level {payments.dunningLevel}
            {payments.dunningLabel && `: ${payments.dunningLabel}`}
          </span>
        )}
      </p>
      <dl class="figures">
        <dt>Open</dt>
        <dd>{formatMoney(payments.openAmount, locale)}</dd>
        <dt>Overdue</dt>
        <dd class={isZero(payments.overdueAmount.amount) ? '' : 'warning-text'}>
          {formatMoney(payments.overdueAmount, locale)}
        </dd>
      </dl>
    </>
  );
}

/** The account's payment status, its open and overdue amounts, and the invoices behind them. */
export function PaymentsPanel({ payments }: { payments: Fact<AccountPayments> }) {
  if (payments.status === 'unavailable') {
    return (
      <section class="panel" aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        <Unavailable what="Payment status" message={payments.message} />
      </section>
    );
  }

  const value = payments.value;

  return (
    <section class="panel" aria-labelledby="payments-title">
      <h2 id="payments-title">
        Payments <AsOf fact={payments} />
      </h2>
      <div aria-live="polite">
        <Summary payments={value} />
        {value.invoices.length === 0 ? (
          <p class="muted">No open invoices.</p>
        ) : (
          <table>
            <caption class="visually-hidden">Invoices</caption>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Date</th>
                <th scope="col">Due</th>
                <th scope="col">Total</th>
                <th scope="col">Open</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {value.invoices.map((invoice) => (
                <InvoiceRow key={invoice.number} invoice={invoice} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
