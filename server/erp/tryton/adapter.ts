/**
 * The ErpAdapter for Tryton 6.0, over JSON-RPC with `fetch` only (no node: imports, so it runs
 * on an edge worker too). Each concept lives in its own file; this one wires them together.
 *
 * Ids: products, warehouses, customers and orders are addressed by their Tryton ids written as
 * decimal strings ("1", "12"). Party codes are returned as `code` for people to read, never
 * accepted as ids. Quantities are in the product's default unit.
 */
import type {
  CallOptions,
  CustomerQuery,
  ErpAdapter,
  ErpCredit,
  ErpCustomer,
  ErpInvoice,
  ErpNewCustomer,
  ErpOrder,
  ErpOrderInput,
  ErpPrice,
  ErpPriceRequest,
  ErpProduct,
  ErpStockLevel,
  ErpWarehouse,
} from '../port.ts';
import { ErpError } from '../errors.ts';
import { TrytonConfig, type TrytonConfigInput } from './config.ts';
import * as customers from './customers.ts';
import { getInvoices } from './invoices.ts';
import * as orders from './orders.ts';
import { getPrices } from './prices.ts';
import * as products from './products.ts';
import { TrytonRpc } from './rpc.ts';
import { related, rpcOpts, searchRead, str, type Tryton } from './session.ts';

export interface TrytonAdapterDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

export class TrytonAdapter implements ErpAdapter {
  readonly name = 'tryton';
  readonly #t: Tryton;
  #currency: Promise<string> | null = null;

  constructor(config: TrytonConfigInput, deps: TrytonAdapterDeps = {}) {
    const parsed = TrytonConfig.parse(config);
    const rpc = new TrytonRpc({ ...parsed, fetch: deps.fetch, now: deps.now });
    this.#t = { rpc, config: parsed, companyCurrency: (opts) => this.#companyCurrency(opts) };
  }

  searchProducts(query: string, limit: number, opts?: CallOptions): Promise<ErpProduct[]> {
    return products.searchProducts(this.#t, query, limit, opts);
  }

  getProducts(ids: string[], opts?: CallOptions): Promise<Map<string, ErpProduct>> {
    return products.getProducts(this.#t, ids, opts);
  }

  listWarehouses(opts?: CallOptions): Promise<ErpWarehouse[]> {
    return products.listWarehouses(this.#t, opts);
  }

  getStock(productIds: string[], opts?: CallOptions): Promise<Map<string, ErpStockLevel[]>> {
    return products.getStock(this.#t, productIds, opts);
  }

  getPrices(
    customerId: string,
    currency: string,
    items: ErpPriceRequest[],
    opts?: CallOptions,
  ): Promise<ErpPrice[]> {
    return getPrices(this.#t, customerId, currency, items, opts);
  }

  getCustomers(ids: string[], opts?: CallOptions): Promise<Map<string, ErpCustomer>> {
    return customers.getCustomers(this.#t, ids, opts);
  }

  searchCustomers(query: CustomerQuery, limit: number, opts?: CallOptions): Promise<ErpCustomer[]> {
    return customers.searchCustomers(this.#t, query, limit, opts);
  }

  createCustomer(input: ErpNewCustomer, opts?: CallOptions): Promise<ErpCustomer> {
    return customers.createCustomer(this.#t, input, opts);
  }

  getCredit(customerIds: string[], opts?: CallOptions): Promise<Map<string, ErpCredit>> {
    return customers.getCredit(this.#t, customerIds, opts);
  }

  getInvoices(customerIds: string[], opts?: CallOptions): Promise<Map<string, ErpInvoice[]>> {
    return getInvoices(this.#t, customerIds, opts);
  }

  findOrderByReference(reference: string, opts?: CallOptions): Promise<ErpOrder | null> {
    return orders.findOrderByReference(this.#t, reference, opts);
  }

  createOrder(input: ErpOrderInput, opts?: CallOptions): Promise<ErpOrder> {
    return orders.createOrder(this.#t, input, opts);
  }

  confirmOrder(orderId: string, opts?: CallOptions): Promise<ErpOrder> {
    return orders.confirmOrder(this.#t, orderId, opts);
  }

  /** Logs in if needed and reads the user's preferences: proves server, database and user. */
  async ping(opts?: CallOptions): Promise<void> {
    await this.#t.rpc.model('res.user', 'get_preferences', [true], rpcOpts(opts));
  }

  /**
   * The company currency is fixed for the life of a company in Tryton, so it is read once per
   * adapter (a failed read is not remembered).
   */
  #companyCurrency(opts?: CallOptions): Promise<string> {
    if (!this.#currency) {
      const pending = (async () => {
        const context = await this.#t.rpc.context(rpcOpts(opts));
        const [company] = await searchRead(
          this.#t,
          'company.company',
          [['id', '=', context.company ?? -1]],
          ['currency.code'],
          opts,
        );
        const code = company ? str(related(company, 'currency.code')) : '';
        if (!code) {
          throw new ErpError('The Tryton user has no company: set one in its preferences', {
            retryable: false,
          });
        }
        return code;
      })();
      this.#currency = pending;
      pending.catch(() => {
        if (this.#currency === pending) this.#currency = null;
      });
    }
    return this.#currency;
  }
}

export function createTrytonAdapter(
  config: TrytonConfigInput,
  deps: TrytonAdapterDeps = {},
): TrytonAdapter {
  return new TrytonAdapter(config, deps);
}
