import { h, render } from 'preact';
import { createAccountState, type AccountState } from '../account-state.ts';
import { createApi } from '../api.ts';
import { AccountLens } from '../components/account-lens.tsx';
import { LocaleContext } from '../components/locale.ts';
import { LensElement } from './lens-element.ts';

/**
 * `<erp-lens-account>`: payments and credit for one customer.
 * Attributes: `server-url`, `token`, `locale`, `customer-id`; the same names as properties
 * (`serverUrl`, `token`, `locale`, `customerId`), the token kept off the DOM.
 */
export class ErpLensAccountElement extends LensElement {
  static observedAttributes = [...LensElement.sharedAttributes, 'customer-id'];

  protected readonly ownProperties = ['customerId'];
  #state: AccountState | null = null;
  #apiKey: string | null = null;

  get customerId(): string {
    return this.getAttribute('customer-id') ?? '';
  }
  set customerId(value: string) {
    this.setAttribute('customer-id', value);
  }

  protected teardown(): void {
    this.#state?.dispose();
    this.#state = null;
  }

  protected renderInto(mount: HTMLElement): void {
    if (!this.#state || this.connectionKey !== this.#apiKey) {
      this.#state?.dispose();
      this.#apiKey = this.connectionKey;
      this.#state = createAccountState(createApi({ baseUrl: this.serverUrl, token: this.token }));
    }

    this.#state.customerId.value = this.customerId;

    const lens = h(AccountLens, { state: this.#state });
    render(h(LocaleContext.Provider, { value: this.locale ?? undefined }, lens), mount);
  }
}
