import { h, render } from 'preact';
import { createAccountState, type AccountState } from '../account-state.ts';
import { createApi } from '../api.ts';
import { AccountLens } from '../components/account-lens.tsx';
import { LocaleContext } from '../components/locale.ts';
import { mountShadow, upgradeProperty } from './shadow.ts';

/**
 * `<erp-lens-account>`: payments and credit for one customer.
 * Attributes: `server-url`, `token`, `locale`, `customer-id`; the same names as properties
 * (`serverUrl`, `token`, `locale`, `customerId`), the token kept off the DOM.
 */
export class ErpLensAccountElement extends HTMLElement {
  static observedAttributes = ['server-url', 'token', 'locale', 'customer-id'];

  #mount: HTMLElement | null = null;
  #state: AccountState | null = null;
  #apiKey: string | null = null;
  #token: string | null = null;
  #queued = false;

  get serverUrl(): string {
    return this.getAttribute('server-url') ?? '';
  }
  set serverUrl(value: string) {
    this.setAttribute('server-url', value);
  }

  get locale(): string | null {
    return this.getAttribute('locale');
  }
  set locale(value: string | null) {
    if (value) this.setAttribute('locale', value);
    else this.removeAttribute('locale');
  }

  get token(): string | null {
    return this.#token ?? this.getAttribute('token');
  }
  set token(value: string | null) {
    this.#token = value;
    this.#update();
  }

  get customerId(): string {
    return this.getAttribute('customer-id') ?? '';
  }
  set customerId(value: string) {
    this.setAttribute('customer-id', value);
  }

  connectedCallback(): void {
    for (const name of ['serverUrl', 'locale', 'token', 'customerId']) upgradeProperty(this, name);
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
    this.#update();
  }

  /**
   * A host changes the token and the deal's attributes one after another; rendering once
   * they have all landed keeps a request from going out with the new token and the old deal.
   */
  #update(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #render(): void {
    if (!this.#mount) return;

    const key = `${this.serverUrl}\n${this.token ?? ''}`;
    if (!this.#state || key !== this.#apiKey) {
      this.#state?.dispose();
      this.#apiKey = key;
      this.#state = createAccountState(createApi({ baseUrl: this.serverUrl, token: this.token }));
    }

    this.#state.customerId.value = this.customerId;

    const lens = h(AccountLens, { state: this.#state });
    render(h(LocaleContext.Provider, { value: this.locale ?? undefined }, lens), this.#mount);
  }
}
