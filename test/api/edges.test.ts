import { describe, expect, it } from 'vitest';
import { HealthResponse } from '../../shared/api.ts';
import { ErrorEnvelope } from '../../shared/errors.ts';
import { ErpUnavailable } from '../../server/erp/errors.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { sandboxApp } from '../fixtures/app.ts';

const goodDeal = {
  title: 'A deal',
  customerId: 'C-1001',
  currency: 'EUR',
  stage: 'open',
  lines: [{ lineId: 'a', productId: 'P-1001', quantity: '2' }],
};

describe('health', () => {
  it('says ok with the ERP reachable', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(res.body)).toMatchObject({
      status: 'ok',
      erp: { name: 'sandbox', reachable: true },
    });
  });

  it('says degraded with 503 when the ERP is down', async () => {
    const { call } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        ping: async () => Promise.reject(new Error('down')),
      }),
    });
    const res = await call('GET', '/api/health');
    expect(res.status).toBe(503);
    expect(res.body.erp.reachable).toBe(false);
  });
});

describe('playground deals', () => {
  it('saves a deal and reads it back', async () => {
    const { call } = await sandboxApp();
    const put = await call('PUT', '/api/playground/deals/D-9', goodDeal);
    expect(put.status).toBe(200);
    const get = await call('GET', '/api/playground/deals/D-9');
    expect(get.body.deal).toMatchObject({ ...goodDeal, id: 'D-9', erpOrderNumber: null });
    const list = await call('GET', '/api/playground/deals');
    expect(list.body.deals.map((d: any) => d.id)).toContain('D-9');
  });

  it('keeps the written-back order number when the deal is edited afterwards', async () => {
    const { call } = await sandboxApp();
    const converted = await call('POST', '/api/deals/D-1003/convert');
    const deal = (await call('GET', '/api/playground/deals/D-1003')).body.deal;
    const { id, erpOrderNumber, updatedAt, ...input } = deal;
    await call('PUT', '/api/playground/deals/D-1003', { ...input, title: 'renamed' });
    const after = await call('GET', '/api/playground/deals/D-1003');
    expect(after.body.deal.erpOrderNumber).toBe(converted.body.conversion.orderNumber);
  });

  const bad: Array<[string, unknown]> = [
    ['malformed JSON', '{'],
    ['a missing title', { ...goodDeal, title: undefined }],
    ['an unknown stage', { ...goodDeal, stage: 'maybe' }],
    [
      'a quantity as a number',
      { ...goodDeal, lines: [{ lineId: 'a', productId: 'P-1001', quantity: 1 }] },
    ],
    ['a line without id', { ...goodDeal, lines: [{ productId: 'P-1001', quantity: '1' }] }],
    ['an order number smuggled in', { ...goodDeal, erpOrderNumber: 'SO-FAKE' }],
    ['null', 'null'],
  ];
  it.each(bad)('refuses %s with 400 and the envelope', async (_name, body) => {
    const { call } = await sandboxApp();
    const res = await call('PUT', '/api/playground/deals/D-9', body);
    expect(res.status).toBe(400);
    expect(ErrorEnvelope.safeParse(res.body).success).toBe(true);
  });

  it('refuses a deal id with odd characters and answers an unknown deal with 404', async () => {
    const { call } = await sandboxApp();
    expect((await call('PUT', '/api/playground/deals/a%20b', goodDeal)).status).toBe(400);
    expect((await call('GET', '/api/playground/deals/D-404')).status).toBe(404);
  });
});

describe('the edges of the API', () => {
  it('answers an unknown endpoint with 404 and the envelope', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('refuses an oversized body with 413', async () => {
    const { call } = await sandboxApp();
    const huge = JSON.stringify({
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [],
      pad: 'x'.repeat(300_000),
    });
    const res = await call('POST', '/api/lookup/deal', huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers a lookup with every part unavailable when the ERP fails, never a 500', async () => {
    const down = async () => Promise.reject(new Error('socket hang up'));
    const { call } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        getCredit: down,
        getStock: down,
        getProducts: down,
        getPrices: down,
      }),
    });
    const res = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ productId: 'P-1001', quantity: '1' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.customer).toBeNull();
    expect(res.body.credit).toMatchObject({ status: 'unavailable', reason: 'erp_unavailable' });
    expect(res.body.lines[0].stock).toMatchObject({
      status: 'unavailable',
      reason: 'erp_unavailable',
    });
    expect(res.body.lines[0].price).toMatchObject({
      status: 'unavailable',
      reason: 'erp_unavailable',
    });
    expect(res.body.total.complete).toBe(false);
  });

  it('answers a product search with erp_unavailable and 503, keeping the ERP’s internals in the log', async () => {
    const { call, logs } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        searchProducts: async () =>
          Promise.reject(
            new ErpUnavailable('Tryton login at http://10.1.2.3:8000/prod/ is unreachable'),
          ),
      }),
    });
    const res = await call('GET', '/api/products?q=drill');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'erp_unavailable', retryable: true });
    expect(JSON.stringify(res.body)).not.toContain('10.1.2.3');
    expect(logs.join('\n')).toContain('10.1.2.3');
  });

  it('still answers when one part fails: that part is unavailable, the rest stands', async () => {
    const { call } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        getStock: async () => Promise.reject(new Error('stock service down')),
      }),
    });
    const res = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ productId: 'P-1001', quantity: '1' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.lines[0].stock).toMatchObject({
      status: 'unavailable',
      reason: 'erp_unavailable',
    });
    expect(res.body.lines[0].price.status).toBe('ok');
  });

  it('answers within the deadline when the ERP hangs', async () => {
    const { call } = await sandboxApp({
      config: { erp: { type: 'sandbox', path: ':memory:' }, lookup: { deadlineMs: 150 } },
      wrapErp: (erp): ErpAdapter => ({ ...erp, getStock: () => new Promise(() => undefined) }),
    });
    const started = Date.now();
    const res = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ productId: 'P-1001', quantity: '1' }],
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.body.lines[0].stock).toMatchObject({ status: 'unavailable', reason: 'erp_timeout' });
  });

  it('logs one structured line per request', async () => {
    const { call, logs } = await sandboxApp();
    await call('GET', '/api/products?q=drill');
    const line = JSON.parse(logs.at(-1)!);
    expect(line).toMatchObject({
      level: 'info',
      event: 'request',
      method: 'GET',
      path: '/api/products',
      status: 200,
    });
  });
});
