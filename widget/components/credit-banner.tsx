import type { Credit } from '../../shared/api.ts';
import type { Fact } from '../../shared/facts.ts';
import { absolute, formatMoney, isNegative } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale, useMessages } from './locale.ts';

/**
 * Whose figures these are: a deal's (what it would leave), an account's (no deal), or a deal
 * that is already an ERP order (the open balance includes it, so it is not "exceeding").
 */
export type CreditScope = 'deal' | 'account' | 'ordered';

function overBy(credit: Credit, scope: CreditScope): Credit['available'] {
  const figure = scope === 'deal' ? credit.afterDeal : credit.available;
  return figure && isNegative(figure.amount) ? figure : null;
}

function Warning({ credit, scope }: { credit: Credit; scope: CreditScope }) {
  const locale = useLocale();
  const t = useMessages();

  if (credit.blocked) {
    return (
      <p class="warning">
        <span aria-hidden="true">⚠ </span>
        <strong>{t.credit.blocked}</strong> {credit.blockReason ?? t.credit.blockedReason}
      </p>
    );
  }

  if (!credit.exceedsLimit) return null;

  const over = overBy(credit, scope);
  return (
    <p class="warning">
      <span aria-hidden="true">⚠ </span>
      <strong>{scope === 'deal' ? t.credit.exceeds : t.credit.accountOver}</strong>
      {over ? t.credit.exceedsBy(formatMoney(absolute(over), locale)) : '.'}{' '}
      {t.credit.talkToFinance}
    </p>
  );
}

export interface CreditBannerProps {
  credit: Fact<Credit>;
  scope?: CreditScope;
}

/** Credit limit, open balance and what is left, with a warning when the deal cannot pass. */
export function CreditBanner({ credit, scope = 'deal' }: CreditBannerProps) {
  const locale = useLocale();
  const t = useMessages();

  if (credit.status === 'unavailable') {
    return (
      <section class="panel credit" aria-labelledby="credit-title">
        <h2 id="credit-title">{t.credit.title}</h2>
        <Unavailable what={t.credit.status} message={credit.message} />
      </section>
    );
  }

  const value = credit.value;
  const alarm = value.blocked || value.exceedsLimit;

  return (
    <section class={alarm ? 'panel credit alarm' : 'panel credit'} aria-labelledby="credit-title">
      <h2 id="credit-title">
        {t.credit.title} <AsOf fact={credit} />
      </h2>
      <div aria-live="polite">
        <Warning credit={value} scope={scope} />
        <dl class="figures">
          <dt>{t.credit.limit}</dt>
          <dd>{value.limit ? formatMoney(value.limit, locale) : t.credit.noLimit}</dd>
          <dt>{t.credit.openBalance}</dt>
          <dd>{formatMoney(value.openBalance, locale)}</dd>
          <dt>{t.credit.available}</dt>
          <dd>{value.available ? formatMoney(value.available, locale) : '—'}</dd>
          {value.afterDeal && (
            <>
              <dt>{t.credit.afterDeal}</dt>
              <dd>{formatMoney(value.afterDeal, locale)}</dd>
            </>
          )}
          {value.paymentTerms && (
            <>
              <dt>{t.credit.paymentTerms}</dt>
              <dd>{value.paymentTerms}</dd>
            </>
          )}
        </dl>
      </div>
    </section>
  );
}
