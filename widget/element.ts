import { h, render } from 'preact';
import type { DealLine, DealStage } from '../shared/api.ts';
import { createAccountState, type AccountState } from './account-state.ts';
import { createApi, type Api } from './api.ts';
import { AccountLens } from './components/account-lens.tsx';
import { DealLens } from './components/deal-lens.tsx';
import { LocaleContext } from './components/locale.ts';
import { createDealState, type DealState } from './state.ts';
import { widgetStyles } from './styles.ts';

/** Detail of the `converted` event a deal element dispatches once the ERP order exists. */
export interface ConvertedDetail {
  dealId: string;
  orderNumber: string;
}

function readLines(text: string | null): DealLine[] {
  if (!text) return [];

  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (line): line is DealLine =>
        typeof line?.productId === 'string' && typeof line?.quantity === 'string',
    );
  } catch {
    return [];
  }
}

function readStage(text: string | null): DealStage | null {
  return text === 'open' || text === 'won' || text === 'lost' ? text : null;
}

/** Shadow root, styles and a mount point: what both elements share. */
function mountShadow(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();

  const style = document.createElement('style');
  style.textContent = widgetStyles;
  const mount = document.createElement('div');
  root.append(style, mount);

  return mount;
}

/**
 * `<erp-lens-deal server-url customer-id currency lines deal-id stage locale>`: the deal
 * sidebar. `lines` is JSON: `[{"lineId":"1","productId":"P-100","quantity":"3"}]`.
 */
export class ErpLensDealElement extends HTMLElement {
  static observedAttributes = [
    'server-url',
    'customer-id',
    'currency',
    'lines',
    'deal-id',
    'stage',
    'locale',
  ];

  #mount: HTMLElement | null = null;
  #api: Api | null = null;
  #state: DealState | null = null;
  #serverUrl: string | null = null;

  connectedCallback(): void {
    this.#mount = mountShadow(this);
    this.#update();
  }

  disconnectedCallback(): void {
    if (this.#mount) render(null, this.#mount);
    this.#state?.dispose();
    this.#state = null;
    this.#mount = null;
  }

  attributeChangedCallback(): void {
    if (this.#mount) this.#update();
  }

  #update(): void {
    const serverUrl = this.getAttribute('server-url') ?? '';
    if (!this.#state || !this.#api || serverUrl !== this.#serverUrl) {
      this.#state?.dispose();
      this.#serverUrl = serverUrl;
      this.#api = createApi({ baseUrl: serverUrl });
      this.#state = createDealState(this.#api);
    }

    this.#state.draft.value = {
      customerId: this.getAttribute('customer-id') ?? '',
      currency: this.getAttribute('currency') ?? '',
      lines: readLines(this.getAttribute('lines')),
    };

    const dealId = this.getAttribute('deal-id');
    const lens = h(DealLens, {
      api: this.#api,
      state: this.#state,
      dealId: dealId || null,
      stage: readStage(this.getAttribute('stage')),
      onConverted: (orderNumber: string) => {
        const detail: ConvertedDetail = { dealId: dealId ?? '', orderNumber };
        this.dispatchEvent(new CustomEvent('converted', { detail, bubbles: true, composed: true }));
      },
    });

    const locale = this.getAttribute('locale') ?? undefined;
    render(h(LocaleContext.Provider, { value: locale }, lens), this.#mount!);
  }
}

/** `<erp-lens-account server-url customer-id locale>`: payments and credit for one customer. */
export class ErpLensAccountElement extends HTMLElement {
  static observedAttributes = ['server-url', 'customer-id', 'locale'];

  #mount: HTMLElement | null = null;
  #state: AccountState | null = null;
  #serverUrl: string | null = null;

  connectedCallback(): void {
    this.#mount = mountShadow(this);
    this.#update();
  }

  disconnectedCallback(): void {
    if (this.#mount) render(null, this.#mount);
    this.#state?.dispose();
    this.#state = null;
    this.#mount = null;
  }

  attributeChangedCallback(): void {
    if (this.#mount) this.#update();
  }

  #update(): void {
    const serverUrl = this.getAttribute('server-url') ?? '';
    if (!this.#state || serverUrl !== this.#serverUrl) {
      this.#state?.dispose();
      this.#serverUrl = serverUrl;
      this.#state = createAccountState(createApi({ baseUrl: serverUrl }));
    }

    this.#state.customerId.value = this.getAttribute('customer-id') ?? '';

    const locale = this.getAttribute('locale') ?? undefined;
    const lens = h(AccountLens, { state: this.#state });
    render(h(LocaleContext.Provider, { value: locale }, lens), this.#mount!);
  }
}

/** Registers both elements once, however many bundles on the page import this module. */
export function defineElements(): void {
  if (!customElements.get('erp-lens-deal')) {
    customElements.define('erp-lens-deal', ErpLensDealElement);
  }
  if (!customElements.get('erp-lens-account')) {
    customElements.define('erp-lens-account', ErpLensAccountElement);
  }
}

defineElements();
