import { batch, signal } from '@preact/signals';
import type { Customer, Deal, DealInput, Product } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import type { Api } from '../api.ts';
import { isQuantity } from '../state.ts';
import { createDealSaver } from './deal-saver.ts';

function toInput(deal: Deal): DealInput {
  return {
    title: deal.title,
    customerId: deal.customerId,
    currency: deal.currency,
    stage: deal.stage,
    lines: deal.lines,
  };
}

let lineCounter = 0;

export function newLineId(): string {
  lineCounter += 1;
  return `L-${Date.now().toString(36)}-${lineCounter}`;
}

/**
 * The playground plays the CRM: a list of deals kept on the server, one of them open in the
 * editor, and names for the products and customers it has seen.
 */
export function createPlayground(api: Api) {
  const deals = signal<Deal[]>([]);
  const deal = signal<Deal | null>(null);
  const loadError = signal<ApiError | null>(null);
  const products = signal<ReadonlyMap<string, Product>>(new Map());
  const customers = signal<ReadonlyMap<string, Customer>>(new Map());

  function remember(deal: Deal): void {
    deals.value = deals.value.some((known) => known.id === deal.id)
      ? deals.value.map((known) => (known.id === deal.id ? deal : known))
      : [...deals.value, deal];
  }

  const saver = createDealSaver(api, remember);

  async function guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
      loadError.value = null;
    } catch (caught) {
      loadError.value = caught instanceof ApiError ? caught : null;
      if (!(caught instanceof ApiError)) throw caught;
    }
  }

  function learnProducts(found: Product[]): void {
    const next = new Map(products.value);
    for (const product of found) next.set(product.id, product);
    products.value = next;
  }

  function learnCustomers(found: Customer[]): void {
    const next = new Map(customers.value);
    for (const customer of found) next.set(customer.id, customer);
    customers.value = next;
  }

  function load(): Promise<void> {
    return guard(async function loadDeals() {
      const abort = new AbortController().signal;
      const [list, catalog, people] = await Promise.all([
        api.listDeals(abort),
        api.searchProducts('', 50, abort),
        api.searchCustomers('', abort),
      ]);

      learnProducts(catalog.products);
      learnCustomers(people.customers);
      batch(() => {
        deals.value = list.deals;
        const wanted = new URLSearchParams(location.search).get('deal');
        deal.value = list.deals.find((known) => known.id === wanted) ?? list.deals[0] ?? null;
      });
    });
  }

  async function select(dealId: string): Promise<void> {
    await saver.flush();
    deal.value = deals.value.find((known) => known.id === dealId) ?? null;
  }

  /** Applies an edit at once on screen; the server hears of it after a quiet spell. */
  function edit(change: Partial<DealInput>): void {
    const current = deal.value;
    if (!current) return;

    const next = { ...current, ...change };
    deal.value = next;

    // A quantity still being typed ("2.") would be refused; the next keystroke saves it.
    if (!next.lines.every((line) => isQuantity(line.quantity))) return;
    saver.schedule(next.id, toInput(next));

    // The stage decides whether the server lets the deal convert: save it without delay.
    if (change.stage) void saver.flush();
  }

  function create(customer: Customer): Promise<void> {
    const created: Deal = {
      id: `D-${Date.now().toString(36)}`,
      title: 'New deal',
      customerId: customer.id,
      currency: customer.currency,
      stage: 'open',
      lines: [],
      erpOrderNumber: null,
    };

    return guard(async function createDeal() {
      const { deal: saved } = await api.saveDeal(
        created.id,
        toInput(created),
        new AbortController().signal,
      );
      remember(saved);
      deal.value = saved;
    });
  }

  /** After a conversion the server holds the order number; read the deal back to show it. */
  function reload(dealId: string): Promise<void> {
    return guard(async function reloadDeal() {
      const { deal: fresh } = await api.getDeal(dealId, new AbortController().signal);
      remember(fresh);
      const open = deal.value;
      if (open?.id === dealId) deal.value = { ...open, erpOrderNumber: fresh.erpOrderNumber };
    });
  }

  return {
    deals,
    deal,
    loadError,
    products,
    customers,
    saveStatus: saver.status,
    saveError: saver.error,
    learnProducts,
    learnCustomers,
    load,
    select,
    edit,
    create,
    reload,
  };
}

export type Playground = ReturnType<typeof createPlayground>;
