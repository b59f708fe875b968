import { ErpLensAccountElement } from './elements/account-element.ts';
import { ErpLensDealElement } from './elements/deal-element.ts';

export type { ConvertedDetail, LookupDetail } from './elements/deal-element.ts';
export type { EmbeddedDeal } from './elements/embedded-deal.ts';
export { ErpLensAccountElement, ErpLensDealElement };

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
