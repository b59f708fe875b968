import { waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../widget/element.ts';
import { accountLookup, conversion, dealLookup, envelope, json, preflight } from './fixtures.ts';

let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchStub = vi.fn<typeof fetch>(async (url, init) => {
    const path = String(url);
    if (path.endsWith('/api/lookup/deal')) return json(dealLookup());
    if (path.includes('/api/accounts/')) return json(accountLookup());
    if (path.endsWith('/convert') && init?.method === 'POST') return json(conversion());
    if (path.endsWith('/preflight')) return json(preflight());
    return json(envelope('not_found', 'Nothing here.', false), 404);
  });
  vi.stubGlobal('fetch', fetchStub);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function shadowText(element: Element): string {
  return element.shadowRoot?.textContent ?? '';
}

describe('<erp-lens-deal>', () => {
  it('looks up the deal its attributes describe and renders it in its shadow root', async () => {
    const element = document.createElement('erp-lens-deal');
    element.setAttribute('server-url', 'http://127.0.0.1:8787');
    element.setAttribute('locale', 'en-US');
    element.setAttribute('customer-id', 'C-TEST-1');
    element.setAttribute('currency', 'EUR');
    const lines = [{ lineId: 'L1', productId: 'P-TEST-BOLT', quantity: '8' }];
    element.setAttribute('lines', JSON.stringify(lines));
    document.body.append(element);

    await waitFor(() => expect(shadowText(element)).toContain('Hex bolt M8'), { timeout: 2000 });

    expect(shadowText(element)).toContain('This deal exceeds the credit limit');
    expect(element.shadowRoot?.querySelector('style')).not.toBeNull();
    const lookups = fetchStub.mock.calls.filter(([url]) => String(url).endsWith('/lookup/deal'));
    expect(lookups).toHaveLength(1);
    expect(String(lookups[0]![0])).toBe('http://127.0.0.1:8787/api/lookup/deal');
  });

  it('dispatches `converted` with the order number', async () => {
    const element = document.createElement('erp-lens-deal');
    element.setAttribute('customer-id', 'C-TEST-1');
    element.setAttribute('currency', 'EUR');
    element.setAttribute('deal-id', 'D-TEST-1');
    element.setAttribute('stage', 'won');
    const converted = vi.fn();
    document.body.addEventListener('converted', (event) => {
      converted((event as CustomEvent).detail);
    });
    document.body.append(element);

    const button = await waitFor(() => {
      const found = element.shadowRoot?.querySelector<HTMLButtonElement>('button.primary');
      expect(found?.disabled).toBe(false);
      return found!;
    });
    button.click();

    await waitFor(() => expect(converted).toHaveBeenCalled());
    expect(converted).toHaveBeenCalledWith({ dealId: 'D-TEST-1', orderNumber: 'SO-0077' });
    await waitFor(() => expect(shadowText(element)).toContain('SO-0077'));
  });
});

describe('a host switching deals', () => {
  it('sends no request with the new token for the old customer, or the old token for the new', async () => {
    const account = document.createElement('erp-lens-account') as HTMLElement & {
      token: string | null;
    };
    account.setAttribute('customer-id', 'C-TEST-1');
    account.token = 'token-for-C-TEST-1';
    document.body.append(account);
    await waitFor(() => expect(shadowText(account)).toContain('INV-2024-0042'));

    account.token = 'token-for-C-TEST-2';
    account.setAttribute('customer-id', 'C-TEST-2');
    await waitFor(() => expect(fetchStub).toHaveBeenCalledTimes(2));
    await new Promise((settle) => setTimeout(settle, 20));

    const sent = fetchStub.mock.calls.map(([url, init]) => {
      const headers = init?.headers as Record<string, string>;
      return `${String(url)} ${headers.authorization}`;
    });
    expect(sent).toEqual([
      '/api/accounts/C-TEST-1 Bearer token-for-C-TEST-1',
      '/api/accounts/C-TEST-2 Bearer token-for-C-TEST-2',
    ]);
  });
});

describe('<erp-lens-account>', () => {
  it('shows payments for its customer', async () => {
    const element = document.createElement('erp-lens-account');
    element.setAttribute('customer-id', 'C-TEST-1');
    element.setAttribute('locale', 'en-US');
    document.body.append(element);

    await waitFor(() => expect(shadowText(element)).toContain('INV-2024-0042'));
    expect(shadowText(element)).toContain('Dunning level 2');
    expect(String(fetchStub.mock.calls[0]![0])).toBe('/api/accounts/C-TEST-1');
  });
});
