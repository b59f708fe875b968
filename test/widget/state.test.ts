import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealLookupRequest, DealLookupResponse } from '../../shared/api.ts';
import type { Api } from '../../widget/api.ts';
import { ApiError } from '../../widget/api-error.ts';
import { createDealState, toLookupRequest } from '../../widget/state.ts';
import { dealLookup, freshLine } from './fixtures.ts';

interface Call {
  request: DealLookupRequest;
  signal: AbortSignal;
  answer: (response: DealLookupResponse) => void;
  fail: (error: unknown) => void;
}

/** An API whose lookups wait until the test answers them, one by one. */
function controlledApi() {
  const calls: Call[] = [];
  const api = {
    lookupDeal: (request: DealLookupRequest, signal: AbortSignal) =>
      new Promise<DealLookupResponse>((resolve, reject) => {
        calls.push({ request, signal, answer: resolve, fail: reject });
      }),
  } as unknown as Api;
  return { api, calls };
}

const draft = (quantity: string) => ({
  customerId: 'C-TEST-1',
  currency: 'EUR',
  lines: [{ lineId: 'L1', productId: 'P-TEST-BOLT', quantity }],
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createDealState', () => {
  it('sends one lookup for a burst of edits, 250 ms after the last', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('1');
    await vi.advanceTimersByTimeAsync(200);
    state.draft.value = draft('12');
    await vi.advanceTimersByTimeAsync(200);
    state.draft.value = draft('120');
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toHaveLength(0);
    expect(state.pending.value).toBe(true);

    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.request.lines[0]!.quantity).toBe('120');
    state.dispose();
  });

  it('aborts a lookup that a newer edit supersedes and ignores its late answer', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('1');
    await vi.advanceTimersByTimeAsync(250);
    state.draft.value = draft('2');
    await vi.advanceTimersByTimeAsync(250);

    expect(calls).toHaveLength(2);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);

    calls[1]!.answer(dealLookup([{ ...freshLine, quantity: '2' }]));
    calls[0]!.answer(dealLookup([{ ...freshLine, quantity: '1' }]));
    await vi.advanceTimersByTimeAsync(0);

    expect(state.result.value?.lines[0]?.quantity).toBe('2');
    expect(state.pending.value).toBe(false);
    state.dispose();
  });

  it('keeps the previous figures on screen while the next lookup runs', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('1');
    await vi.advanceTimersByTimeAsync(250);
    const first = dealLookup();
    calls[0]!.answer(first);
    await vi.advanceTimersByTimeAsync(0);

    state.draft.value = draft('5');
    await vi.advanceTimersByTimeAsync(250);

    expect(state.pending.value).toBe(true);
    expect(state.result.value).toBe(first);
    state.dispose();
  });

  it('does not ask again when an edit leaves the request unchanged', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('3');
    await vi.advanceTimersByTimeAsync(250);
    state.draft.value = draft('3');
    await vi.advanceTimersByTimeAsync(250);

    expect(calls).toHaveLength(1);
    state.dispose();
  });

  it('keeps the last answer and reports the error when a lookup fails', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('1');
    await vi.advanceTimersByTimeAsync(250);
    calls[0]!.answer(dealLookup());
    await vi.advanceTimersByTimeAsync(0);

    state.draft.value = draft('2');
    await vi.advanceTimersByTimeAsync(250);
    const down = new ApiError({ code: 'erp_unavailable', message: 'down', retryable: true });
    calls[1]!.fail(down);
    await vi.advanceTimersByTimeAsync(0);

    expect(state.error.value).toBe(down);
    expect(state.result.value).not.toBeNull();
    state.dispose();
  });

  it('refreshes at once, past the cache', async () => {
    const { api, calls } = controlledApi();
    const state = createDealState(api);

    state.draft.value = draft('1');
    state.refresh();

    expect(calls).toHaveLength(1);
    expect(calls[0]!.request.refresh).toBe(true);
    state.dispose();
  });
});

describe('toLookupRequest', () => {
  it('leaves out lines whose quantity is still being typed', () => {
    const request = toLookupRequest({
      customerId: 'C-TEST-1',
      currency: 'EUR',
      lines: [
        { lineId: 'L1', productId: 'P-A', quantity: '2.' },
        { lineId: 'L2', productId: 'P-B', quantity: '0' },
        { lineId: 'L3', productId: 'P-C', quantity: '2.5' },
      ],
    });

    expect(request?.lines.map((line) => line.lineId)).toEqual(['L3']);
  });

  it('sends the deal id and the unit price agreed on a line', () => {
    const request = toLookupRequest({
      dealId: 'D-TEST-1',
      customerId: 'C-TEST-1',
      currency: 'EUR',
      lines: [
        { lineId: 'L1', productId: 'P-A', quantity: '2', unitPrice: '180.00' },
        { lineId: 'L2', productId: 'P-B', quantity: '3' },
      ],
    });

    expect(request).toEqual({
      dealId: 'D-TEST-1',
      customerId: 'C-TEST-1',
      currency: 'EUR',
      lines: [
        { lineId: 'L1', productId: 'P-A', quantity: '2', unitPrice: '180.00' },
        { lineId: 'L2', productId: 'P-B', quantity: '3' },
      ],
    });
  });

  it('waits for a customer', () => {
    expect(toLookupRequest({ customerId: '', currency: 'EUR', lines: [] })).toBeNull();
  });
});
