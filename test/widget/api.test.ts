import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealLookupRequest } from '../../shared/api.ts';
import { ApiError } from '../../widget/api-error.ts';
import { createApi } from '../../widget/api.ts';
import { dealLookup, envelope, json } from './fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createApi', () => {
  it('posts a deal lookup the server schema accepts', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => json(dealLookup()));
    const api = createApi({ baseUrl: 'http://127.0.0.1:8787/', fetch: fetchStub });

    const request = {
      customerId: 'C-TEST-1',
      currency: 'EUR',
      lines: [{ lineId: 'L1', productId: 'P-TEST-BOLT', quantity: '8' }],
    };
    const answer = await api.lookupDeal(request, new AbortController().signal);

    expect(answer.customer?.id).toBe('C-TEST-1');
    const [url, init] = fetchStub.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/api/lookup/deal');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(DealLookupRequest.parse(JSON.parse(String(init?.body)))).toEqual(request);
  });

  it('turns the error envelope into a typed ApiError', async () => {
    const body = envelope('deal_not_won', 'Mark the deal as won first.', false);
    const api = createApi({ fetch: async () => json(body, 409) });

    const error = await api.convertDeal('D-1', {}, new AbortController().signal).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: 'ApiError',
      code: 'deal_not_won',
      message: 'Mark the deal as won first.',
      retryable: false,
      status: 409,
    });
  });

  it('reports a body without an envelope as a bad response', async () => {
    const badGateway = new Response('<h1>Bad gateway</h1>', { status: 502 });
    const api = createApi({ fetch: async () => badGateway });

    const error = await api.health(new AbortController().signal).catch((e) => e);

    expect(error).toMatchObject({ code: 'bad_response', retryable: true, status: 502 });
  });

  it('reports an unreachable server as a retryable network error', async () => {
    const api = createApi({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });

    const error = await api.lookupAccount('C-1', new AbortController().signal).catch((e) => e);

    expect(error).toMatchObject({ code: 'network_error', retryable: true });
  });

  it('lets an abort through as an abort', async () => {
    const api = createApi({
      fetch: async (_url, init) => {
        init?.signal?.throwIfAborted();
        return json({});
      },
    });
    const controller = new AbortController();
    controller.abort();

    const error = await api.getDeal('D-1', controller.signal).catch((e) => e);

    expect(error.name).toBe('AbortError');
  });

  it('escapes ids in paths', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => json({ deal: {} }));
    const api = createApi({ fetch: fetchStub });

    await api.getDeal('D/1?x', new AbortController().signal);

    expect(fetchStub.mock.calls[0]![0]).toBe('/api/playground/deals/D%2F1%3Fx');
  });
});
