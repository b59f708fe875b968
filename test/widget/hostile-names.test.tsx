import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountLookupResponse, DealLookupResponse, LineResult } from '../../shared/api.ts';
import { createAccountState } from '../../widget/account-state.ts';
import type { Api } from '../../widget/api.ts';
import { ApiError } from '../../widget/api-error.ts';
import { AccountLens } from '../../widget/components/account-lens.tsx';
import { DealLens } from '../../widget/components/deal-lens.tsx';
import { createDealState } from '../../widget/state.ts';
import { accountLookup, customer, dealLookup, freshLine } from './fixtures.ts';
import { renderInEnglish } from './render.tsx';

/** Names come from the ERP and the CRM, typed by people: the widget shows them as text. */

const script = '<script>window.__hostile = 1</script>';
const image = '<img src=x onerror="window.__hostile = 2">';
const rtl = '\u202eEXE.tsil-ecirp';

const hostileLine: LineResult = {
  ...freshLine,
  product: { code: `${rtl}`, name: `Bolt ${image}`, unit: '<b>pc</b>' },
  stock:
    freshLine.stock.status === 'ok'
      ? {
          ...freshLine.stock,
          value: {
            ...freshLine.stock.value,
            warehouses: freshLine.stock.value.warehouses.map((w) => ({
              ...w,
              name: `${w.name} ${script}`,
            })),
          },
        }
      : freshLine.stock,
};

const hostileCustomer = { ...customer, name: `ACME ${script}`, priceList: `List ${image}` };

function markupIn(root: ParentNode): Element[] {
  return [...root.querySelectorAll('script, img, b, iframe, [onerror]')];
}

beforeEach(() => {
  vi.useFakeTimers();
  delete (window as { __hostile?: unknown }).__hostile;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('hostile names in the widget', () => {
  it('shows markup in product, warehouse and customer names as text', async () => {
    const answer: DealLookupResponse = { ...dealLookup([hostileLine]), customer: hostileCustomer };
    const api = {
      lookupDeal: async () => answer,
      getConversion: () => new Promise(() => {}),
    } as unknown as Api;
    const state = createDealState(api);
    const { container } = renderInEnglish(
      <DealLens api={api} state={state} dealId={null} stage={null} />,
    );

    await act(async () => {
      state.draft.value = {
        customerId: customer.id,
        currency: 'EUR',
        lines: [{ lineId: 'L1', productId: 'P-1', quantity: '8' }],
      };
      await vi.advanceTimersByTimeAsync(300);
    });

    expect(container.textContent).toContain(`Bolt ${image}`);
    expect(container.textContent).toContain(script);
    expect(markupIn(container)).toEqual([]);
    expect((window as { __hostile?: unknown }).__hostile).toBeUndefined();
    state.dispose();
  });

  it('shows markup in the customer, invoice and dunning words of the account as text', async () => {
    const base = accountLookup();
    const payments = base.payments.status === 'ok' ? base.payments : null;
    const answer: AccountLookupResponse = {
      ...base,
      customer: hostileCustomer,
      payments: payments
        ? {
            ...payments,
            value: {
              ...payments.value,
              dunningLabel: `Reminder ${image}`,
              invoices: payments.value.invoices.map((i) => ({
                ...i,
                number: `${i.number}${script}`,
              })),
            },
          }
        : base.payments,
    };
    const api = { lookupAccount: async () => answer } as unknown as Api;
    const state = createAccountState(api);
    const { container } = renderInEnglish(<AccountLens state={state} />);

    await act(async () => {
      state.customerId.value = customer.id;
      await vi.advanceTimersByTimeAsync(50);
    });

    expect(container.textContent).toContain(script);
    expect(markupIn(container)).toEqual([]);
    expect((window as { __hostile?: unknown }).__hostile).toBeUndefined();
    state.dispose();
  });

  it('shows markup in a server error message as text', async () => {
    const api = {
      lookupDeal: async () => {
        throw new ApiError({
          code: 'erp_rejected',
          message: `The ERP says ${image}`,
          retryable: false,
        });
      },
      getConversion: () => new Promise(() => {}),
    } as unknown as Api;
    const state = createDealState(api);
    const { container } = renderInEnglish(
      <DealLens api={api} state={state} dealId={null} stage={null} />,
    );

    await act(async () => {
      state.draft.value = {
        customerId: customer.id,
        currency: 'EUR',
        lines: [{ lineId: 'L1', productId: 'P-1', quantity: '8' }],
      };
      await vi.advanceTimersByTimeAsync(300);
    });

    expect(screen.getByText(new RegExp('The ERP says <img'))).toBeTruthy();
    expect(markupIn(container)).toEqual([]);
    state.dispose();
  });
});
