import type { Credit } from '../../shared/api.ts';
import type { Fact } from '../../shared/facts.ts';
import { absolute, formatMoney, isNegative } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale } from './locale.ts';

function Warning({ credit }: { credit: Credit }) {
  const locale = useLocale();

  if (credit.blocked) {
    return (
      <p class="warning">
        <strong>Credit blocked.</strong>{' '}
        {credit.blockReason ?? 'The ERP blocks new orders for this customer.'}
      </p>
    );
  }

  if (!credit.exceedsLimit) return null;

  const over = credit.afterDeal && isNegative(credit.afterDeal.amount) ? credit.afterDeal : null;
  return (
    <p class="warning">
      <strong>This deal exceeds the credit limit</strong>
      {over ? ` by ${formatMoney(absolute(over), locale)}.` : '.'} Talk to finance before
      promising delivery.
    </p>
  );
}

/** Credit limit, open balance and what is left, with a warning when the deal cannot pass. */
export function CreditBanner({ credit }: { credit: Fact<Credit> }) {
  const locale = useLocale();

  if (credit.status === 'unavailable') {
    return (
      <section class="panel credit" aria-labelledby="credit-title">
        <h2 id="credit-title">Credit</h2>
        <Unavailable what="Credit status" message={credit.message} />
      </section>
    );
  }

  const value = credit.value;
  const alarm = value.blocked || value.exceedsLimit;

  return (
    <section class={alarm ? 'panel credit alarm' : 'panel credit'} aria-labelledby="credit-title">
      <h2 id="credit-title">
        Credit <AsOf fact={credit} />
      </h2>
      <div aria-live="polite">
        <Warning credit={value} />
        <dl class="figures">
          <dt>Limit</dt>
          <dd>{value.limit ? formatMoney(value.limit, locale) : 'No limit'}</dd>
          <dt>Open balance</dt>
          <dd>{formatMoney(value.openBalance, locale)}</dd>
          <dt>Available</dt>
          <dd>{value.available ? formatMoney(value.available, locale) : '—'}</dd>
          {value.afterDeal && (
            <>
              <dt>After this deal</dt>
              <dd>{formatMoney(value.afterDeal, locale)}</dd>
            </>
          )}
          {value.paymentTerms && (
            <>
              <dt>Payment terms</dt>
              <dd>{value.paymentTerms}</dd>
            </>
          )}
        </dl>
      </div>
    </section>
  );
}
