import { effect } from '@preact/signals';
import { h, render } from 'preact';
import type { DealLookupResponse } from '../../shared/api.ts';
import { createApi, type Api } from '../api.ts';
import { DealLens } from '../components/deal-lens.tsx';
import { LocaleContext } from '../components/locale.ts';
import { createDealState, type DealState } from '../state.ts';
import { readDeal, readLines, readStage, type EmbeddedDeal } from './embedded-deal.ts';
import { LensElement } from './lens-element.ts';

/** Detail of `converted`: the deal element's ERP order now exists. */
export interface ConvertedDetail {
  dealId: string;
  orderNumber: string;
}

/** Detail of `lookup`: fresh figures arrived, for a host that wants to show a total of its own. */
export interface LookupDetail {
  customerId: string;
  total: DealLookupResponse['total'];
  exceedsCreditLimit: boolean;
}

const dealAttributes = ['customer-id', 'currency', 'lines', 'deal-id', 'stage'];

/**
 * `<erp-lens-deal>`: the deal sidebar.
 * Attributes: `server-url`, `token`, `locale`, and the deal as `deal-id`, `customer-id`,
 * `currency`, `stage`, `lines` (JSON: `[{"lineId":"1","productId":"P-100","quantity":"3"}]`).
 * Properties: `serverUrl`, `locale` (both reflect), `token` (kept off the DOM) and `deal`
 * (an object; once set it replaces the deal attributes until one of them changes again).
 * Events: `converted` ({ dealId, orderNumber }) and `lookup` ({ customerId, total,
 * exceedsCreditLimit }), both bubbling out of the shadow root.
 */
export class ErpLensDealElement extends LensElement {
  static observedAttributes = [...LensElement.sharedAttributes, ...dealAttributes];

  protected readonly ownProperties = ['deal'];
  #api: Api | null = null;
  #state: DealState | null = null;
  #apiKey: string | null = null;
  #deal: EmbeddedDeal | null = null;
  #stopEvents: (() => void) | null = null;

  get deal(): EmbeddedDeal {
    return this.#deal ?? this.#dealFromAttributes();
  }
  set deal(value: EmbeddedDeal | null) {
    this.#deal = readDeal(value);
    this.update();
  }

  protected teardown(): void {
    this.#stopEvents?.();
    this.#state?.dispose();
    this.#state = null;
    this.#api = null;
  }

  override attributeChangedCallback(name?: string): void {
    if (name && dealAttributes.includes(name)) this.#deal = null;
    super.attributeChangedCallback();
  }

  #dealFromAttributes(): EmbeddedDeal {
    return {
      id: this.getAttribute('deal-id') || null,
      customerId: this.getAttribute('customer-id') ?? '',
      currency: this.getAttribute('currency') ?? '',
      stage: readStage(this.getAttribute('stage')),
      lines: readLines(this.getAttribute('lines')),
    };
  }

  #connect(): { api: Api; state: DealState } {
    const key = this.connectionKey;
    if (this.#api && this.#state && key === this.#apiKey)
      return { api: this.#api, state: this.#state };

    this.#stopEvents?.();
    this.#state?.dispose();
    this.#apiKey = key;
    const api = createApi({ baseUrl: this.serverUrl, token: this.token });
    const state = createDealState(api);
    this.#api = api;
    this.#state = state;
    this.#stopEvents = effect(() => {
      const result = state.result.value;
      const request = state.answered.peek();
      if (!result || !request) return;
      const credit = result.credit;
      const detail: LookupDetail = {
        customerId: request.customerId,
        total: result.total,
        exceedsCreditLimit: credit.status === 'ok' && credit.value.exceedsLimit,
      };
      this.dispatchEvent(new CustomEvent('lookup', { detail, bubbles: true, composed: true }));
    });

    return { api, state };
  }

  protected renderInto(mount: HTMLElement): void {
    const { api, state } = this.#connect();
    const deal = this.deal;
    const dealId = deal.id ?? null;
    state.draft.value = {
      dealId,
      customerId: deal.customerId,
      currency: deal.currency,
      lines: deal.lines,
    };

    const lens = h(DealLens, {
      api,
      state,
      dealId,
      stage: deal.stage ?? null,
      onConverted: (orderNumber: string) => {
        const detail: ConvertedDetail = { dealId: dealId ?? '', orderNumber };
        this.dispatchEvent(new CustomEvent('converted', { detail, bubbles: true, composed: true }));
      },
    });

    render(h(LocaleContext.Provider, { value: this.locale ?? undefined }, lens), mount);
  }
}
