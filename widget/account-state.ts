import { effect, signal } from '@preact/signals';
import type { AccountLookupResponse } from '../shared/api.ts';
import type { Api } from './api.ts';
import { createLatestRequest } from './latest-request.ts';

/** The account side: payments and credit for one customer, refetched when it changes. */
export function createAccountState(api: Api) {
  const customerId = signal('');
  const lookup = createLatestRequest<string, AccountLookupResponse>(
    (id, abort) => api.lookupAccount(id, abort),
    { delayMs: 0 },
  );

  const stop = effect(function followCustomer() {
    const id = customerId.value.trim();
    if (id) void lookup.run(id);
    else lookup.reset();
  });

  function refresh(): void {
    const id = customerId.peek().trim();
    if (id) void lookup.run(id);
  }

  function dispose(): void {
    stop();
    lookup.cancel();
  }

  return {
    customerId,
    result: lookup.result,
    answered: lookup.answered,
    error: lookup.error,
    pending: lookup.pending,
    refresh,
    dispose,
  };
}

export type AccountState = ReturnType<typeof createAccountState>;
