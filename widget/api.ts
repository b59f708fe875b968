import type {
  AccountLookupResponse,
  ConvertRequest,
  ConvertResponse,
  CustomerSearchResponse,
  Deal,
  DealInput,
  DealLookupRequest,
  DealLookupResponse,
  HealthResponse,
  Preflight,
  ProductSearchResponse,
} from '../shared/api.ts';
import { ApiError, errorFromResponse, isAbort } from './api-error.ts';

export interface ApiOptions {
  /** Where the server lives; '' means the page's own origin. */
  baseUrl?: string;
  /**
   * A context token from the CRM integration, sent as `Authorization: Bearer`; or a function
   * asked before each call, for a host that renews its tokens (the playground).
   */
  token?: string | null | (() => Promise<string | null>);
  /** Defaults to the global fetch, looked up per call so tests can stub it. */
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT';

/**
 * The widget's typed client. Responses are trusted to match shared/ rather than parsed:
 * the server validates what it sends, and zod stays out of the widget bundle.
 */
export function createApi(options: ApiOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');

  async function contextToken(what: string): Promise<string | null> {
    if (typeof options.token !== 'function') return options.token ?? null;
    try {
      return await options.token();
    } catch (cause) {
      throw new ApiError({
        code: 'network_error',
        message: `${what} got no context token`,
        retryable: true,
        cause,
      });
    }
  }

  async function send<T>(method: Method, path: string, signal: AbortSignal, body?: unknown) {
    const doFetch = options.fetch ?? globalThis.fetch;
    const what = `${method} ${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${await contextToken(what)}`;
    const init: RequestInit = { method, signal, headers };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, init);
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new ApiError({
        code: 'network_error',
        message: `${what} could not reach the server`,
        retryable: true,
        cause,
      });
    }

    if (!response.ok) throw await errorFromResponse(response, what);

    return (await response.json()) as T;
  }

  const id = encodeURIComponent;

  return {
    searchProducts: function searchProducts(q: string, limit: number, signal: AbortSignal) {
      const query = new URLSearchParams({ q, limit: String(limit) });
      return send<ProductSearchResponse>('GET', `/api/products?${query}`, signal);
    },

    searchCustomers: function searchCustomers(q: string, signal: AbortSignal) {
      const query = new URLSearchParams({ q });
      return send<CustomerSearchResponse>('GET', `/api/customers?${query}`, signal);
    },

    lookupDeal: function lookupDeal(request: DealLookupRequest, signal: AbortSignal) {
      return send<DealLookupResponse>('POST', '/api/lookup/deal', signal, request);
    },

    lookupAccount: function lookupAccount(customerId: string, signal: AbortSignal) {
      return send<AccountLookupResponse>('GET', `/api/accounts/${id(customerId)}`, signal);
    },

    listDeals: function listDeals(signal: AbortSignal) {
      return send<{ deals: Deal[] }>('GET', '/api/playground/deals', signal);
    },

    getDeal: function getDeal(dealId: string, signal: AbortSignal) {
      return send<{ deal: Deal }>('GET', `/api/playground/deals/${id(dealId)}`, signal);
    },

    saveDeal: function saveDeal(dealId: string, deal: DealInput, signal: AbortSignal) {
      return send<{ deal: Deal }>('PUT', `/api/playground/deals/${id(dealId)}`, signal, deal);
    },

    /** 200 when done, 202 while an automatic retry waits; either way the body is the record. */
    convertDeal: function convertDeal(
      dealId: string,
      request: ConvertRequest,
      signal: AbortSignal,
    ) {
      return send<ConvertResponse>('POST', `/api/deals/${id(dealId)}/convert`, signal, request);
    },

    preflight: function preflight(dealId: string, signal: AbortSignal) {
      return send<Preflight>('GET', `/api/deals/${id(dealId)}/preflight`, signal);
    },

    getConversion: function getConversion(dealId: string, signal: AbortSignal) {
      return send<ConvertResponse>('GET', `/api/deals/${id(dealId)}/conversion`, signal);
    },

    health: function health(signal: AbortSignal) {
      return send<HealthResponse>('GET', '/api/health', signal);
    },
  };
}

export type Api = ReturnType<typeof createApi>;
