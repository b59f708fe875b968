import type { AccountState } from '../account-state.ts';
import { CreditBanner } from './credit-banner.tsx';
import { useMessages } from './locale.ts';
import { LookupStatus } from './lookup-status.tsx';
import { PaymentsPanel } from './payments-panel.tsx';
import { Skeleton } from './skeleton.tsx';

/** The account sidebar: payment status and credit for one customer. */
export function AccountLens({ state }: { state: AccountState }) {
  const t = useMessages();
  const customerId = state.customerId.value.trim();
  const result = state.answered.value === customerId ? state.result.value : null;
  const pending = state.pending.value;

  return (
    <div class="lens" aria-busy={pending}>
      <header class="lens-head">
        <h1>{result?.customer?.name ?? t.lens.account}</h1>
        <button type="button" onClick={state.refresh} disabled={!customerId}>
          {t.lens.refresh}
        </button>
      </header>

      {!customerId && <p class="muted">{t.lens.noCustomer}</p>}

      <LookupStatus
        pending={pending}
        error={state.error.value}
        hasFigures={result !== null}
        onRetry={state.refresh}
      />

      {!result && pending && <Skeleton />}

      {result && (
        <div class="panels">
          <PaymentsPanel payments={result.payments} />
          <CreditBanner credit={result.credit} scope="account" />
        </div>
      )}
    </div>
  );
}
