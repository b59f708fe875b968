import type { AccountPayments, Invoice, PaymentStatus } from '../../shared/api.ts';
import type { Fact } from '../../shared/facts.ts';
import { formatCalendarDate } from '../format-date.ts';
import { formatMoney, isZero } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale, useMessages } from './locale.ts';

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = useMessages();
  return <span class={`badge payment-${status}`}>{t.payments.statuses[status]}</span>;
}

function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const locale = useLocale();
  const t = useMessages();

  return (
    <tr>
      <th scope="row">{invoice.number}</th>
      <td data-label={t.payments.date}>{formatCalendarDate(invoice.invoiceDate, locale)}</td>
      <td data-label={t.payments.due}>
        {invoice.dueDate ? formatCalendarDate(invoice.dueDate, locale) : '—'}
        {invoice.daysOverdue > 0 && (
          <div class="warning-text">{t.payments.daysOverdue(invoice.daysOverdue)}</div>
        )}
      </td>
      <td class="figure" data-label={t.payments.total}>
        {formatMoney(invoice.total, locale)}
      </td>
      <td class="figure" data-label={t.payments.open}>
        {formatMoney(invoice.open, locale)}
      </td>
      <td data-label={t.payments.status}>
        <PaymentStatusBadge status={invoice.status} />
        {invoice.dunningLevel > 0 && (
          <div class="muted">{t.payments.dunning(invoice.dunningLevel)}</div>
        )}
      </td>
    </tr>
  );
}

function Summary({ payments }: { payments: AccountPayments }) {
  const locale = useLocale();
  const t = useMessages();

  return (
    <>
      <p>
        <PaymentStatusBadge status={payments.status} />
        {payments.dunningLevel > 0 && (
          <span class="dunning">
            {' '}
            {t.payments.dunningLevel(payments.dunningLevel)}
            {payments.dunningLabel &&
              `: ${t.payments.dunningLabel(payments.dunningLevel, payments.dunningLabel)}`}
          </span>
        )}
      </p>
      <dl class="figures">
        <dt>{t.payments.open}</dt>
        <dd>{formatMoney(payments.openAmount, locale)}</dd>
        <dt>{t.payments.overdue}</dt>
        <dd class={isZero(payments.overdueAmount.amount) ? '' : 'warning-text'}>
          {formatMoney(payments.overdueAmount, locale)}
        </dd>
      </dl>
    </>
  );
}

/** The account's payment status, its open and overdue amounts, and the invoices behind them. */
export function PaymentsPanel({ payments }: { payments: Fact<AccountPayments> }) {
  const t = useMessages();

  if (payments.status === 'unavailable') {
    return (
      <section class="panel" aria-labelledby="payments-title">
        <h2 id="payments-title">{t.payments.title}</h2>
        <Unavailable what={t.payments.status} message={payments.message} />
      </section>
    );
  }

  const value = payments.value;

  return (
    <section class="panel payments" aria-labelledby="payments-title">
      <h2 id="payments-title">
        {t.payments.title} <AsOf fact={payments} />
      </h2>
      <div aria-live="polite">
        <Summary payments={value} />
        {value.invoices.length === 0 ? (
          <p class="muted">{t.payments.noInvoices}</p>
        ) : (
          <div class="table-scroll" role="region" aria-label={t.payments.invoices} tabIndex={0}>
            <table class="invoices">
              <caption class="visually-hidden">{t.payments.invoices}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.payments.invoice}</th>
                  <th scope="col">{t.payments.date}</th>
                  <th scope="col">{t.payments.due}</th>
                  <th scope="col">{t.payments.total}</th>
                  <th scope="col">{t.payments.open}</th>
                  <th scope="col">{t.payments.status}</th>
                </tr>
              </thead>
              <tbody>
                {value.invoices.map((invoice) => (
                  <InvoiceRow key={invoice.number} invoice={invoice} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
