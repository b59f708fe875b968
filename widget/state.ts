import { computed, effect, signal } from '@preact/signals';
import type { DealLine, DealLookupRequest, DealLookupResponse } from '../shared/api.ts';
import type { Api } from './api.ts';
import { createLatestRequest } from './latest-request.ts';

/** What the CRM host tells the widget about the deal being edited. */
export interface DealDraft {
  /** The CRM deal; once it became an ERP order the server does not count it twice. */
  dealId?: string | null;
  customerId: string;
  currency: string;
  lines: DealLine[];
}

const quantityPattern = /^\d{1,15}(\.\d{1,6})?$/;

/** The shared contract's Quantity rule, without pulling zod into the bundle. */
export function isQuantity(value: string): boolean {
  return quantityPattern.test(value) && /[1-9]/.test(value);
}

/** A draft becomes a request once it names a customer; lines still being typed wait. */
export function toLookupRequest(draft: DealDraft | null): DealLookupRequest | null {
  if (!draft || !draft.customerId.trim() || !/^[A-Z]{3}$/.test(draft.currency)) return null;

  const lines = draft.lines
    .filter((line) => line.productId.trim() !== '' && isQuantity(line.quantity))
    .map(({ lineId, productId, quantity, unitPrice }) =>
      typeof unitPrice === 'string' && unitPrice.trim()
        ? { lineId, productId, quantity, unitPrice: unitPrice.trim() }
        : { lineId, productId, quantity },
    );

  const request: DealLookupRequest = {
    customerId: draft.customerId,
    currency: draft.currency,
    lines,
  };
  if (draft.dealId) request.dealId = draft.dealId;
  return request;
}

export interface DealStateOptions {
  debounceMs?: number;
}

/**
 * The deal side of the widget: the draft the host edits, and a lookup that follows it.
 * Edits within the debounce window make one request; an edit after it aborts the request
 * in flight; the previous answer stays on screen until the new one arrives.
 */
export function createDealState(api: Api, options: DealStateOptions = {}) {
  const draft = signal<DealDraft | null>(null);
  const request = computed(() => toLookupRequest(draft.value));
  const lookup = createLatestRequest<DealLookupRequest, DealLookupResponse>(
    (body, abort) => api.lookupDeal(body, abort),
    { delayMs: options.debounceMs ?? 250 },
  );

  let sentKey = '';
  const stop = effect(function followDraft() {
    const next = request.value;
    const key = next ? JSON.stringify(next) : '';
    if (key === sentKey) return;

    sentKey = key;
    if (next) lookup.schedule(next);
    else lookup.reset();
  });

  function refresh(): void {
    const current = request.peek();
    if (current) void lookup.run({ ...current, refresh: true });
  }

  function dispose(): void {
    stop();
    lookup.cancel();
  }

  return {
    draft,
    request,
    result: lookup.result,
    answered: lookup.answered,
    error: lookup.error,
    pending: lookup.pending,
    refresh,
    dispose,
  };
}

export type DealState = ReturnType<typeof createDealState>;
