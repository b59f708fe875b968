import type { AccountState } from '../account-state.ts';
import { CreditBanner } from './credit-banner.tsx';
import { LookupStatus } from './lookup-status.tsx';
import { PaymentsPanel } from './payments-panel.tsx';

/** The account sidebar: payment status and credit for one customer. */
export function AccountLens({ state }: { state: AccountState }) {
  const customerId = state.customerId.value.trim();
  const result = state.answered.value === customerId ? state.result.value : null;

  return (
    <div class="lens" aria-busy={state.pending.value}>
      <header class="lens-head">
        <h1>{result?.customer?.name ?? 'Account'}</h1>
        <button type="button" onClick={state.refresh} disabled={!customerId}>
          Refresh
        </button>
      </header>

      {!customerId && <p class="muted">No customer chosen.</p>}

      <LookupStatus
        pending={state.pending.value}
        error={state.error.value}
        hasFigures={result !== null}
        onRetry={state.refresh}
      />

      {result && (
        <>
          <PaymentsPanel payments={result.payments} />
          <CreditBanner credit={result.credit} />
        </>
      )}
    </div>
  );
}
