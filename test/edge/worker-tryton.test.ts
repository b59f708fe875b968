import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvertResponse, DealLookupResponse, HealthResponse } from '../../shared/api.ts';
import { TrytonRpc } from '../../server/erp/tryton/rpc.ts';
import { seeded, tryton, trytonGate } from '../integration/tryton-env.ts';
import { startSlowProxy } from './slow-proxy.ts';
import { startWorker, type EdgeWorker } from './worker-harness.ts';

/**
 * The worker in workerd against the live Tryton on loopback: the worker's own fetch speaks
 * JSON-RPC to it, the store is in D1, and what a conversion leaves is counted in Tryton
 * itself. Tryton on SQLite takes one write at a time, so the writes here run one after
 * another, on deal ids no other run uses.
 */

const live = await trytonGate('Edge worker on Tryton');
const { products: p, customers: c, warehouses: w } = seeded;
const rpc = new TrytonRpc(tryton);
const run = `EDGE-${Date.now()}`;

const trytonConfig = (url: string = tryton.url, extra: Record<string, unknown> = {}) => ({
  erp: { type: 'tryton', url, database: tryton.database, username: tryton.username },
  lookup: { currencies: ['EUR'] },
  ...extra,
});

async function salesWithReference(reference: string) {
  return rpc.model<Array<{ number: string; state: string }>>('sale.sale', 'search_read', [
    [['reference', '=', reference]],
    0,
    null,
    null,
    ['number', 'state'],
  ]);
}

describe.skipIf(!live)('the worker on a live Tryton', () => {
  let worker: EdgeWorker;

  beforeAll(async () => {
    worker = await startWorker({
      config: trytonConfig(),
      bindings: { TRYTON_PASSWORD: tryton.password },
    });
  });
  afterAll(() => worker?.dispose());

  it('answers health with Tryton reachable', async () => {
    const res = await worker.call('GET', '/api/health');

    expect(res.status).toBe(200);
    expect(HealthResponse.parse(res.body)).toMatchObject({
      status: 'ok',
      erp: { name: 'tryton', reachable: true },
    });
  });

  it('looks a deal up with Tryton’s stock and prices', async () => {
    const res = await worker.call('POST', '/api/lookup/deal', {
      customerId: c.acme,
      currency: 'EUR',
      lines: [{ lineId: 'l1', productId: p.drill, quantity: '1' }],
    });

    expect(res.status).toBe(200);
    DealLookupResponse.parse(res.body);
    expect(
      res.body.lines[0].stock.value.warehouses.map((x: { warehouseId: string }) => x.warehouseId),
    ).toEqual([w.berlin, w.hamburg]);
    expect(res.body.lines[0].price.value).toMatchObject({
      unitPrice: { amount: '224.1000', currency: 'EUR' },
      priceList: 'ACME contract prices',
    });
  });

  it('converts a deal twice and concurrently into one sale in Tryton and one record in D1', async () => {
    const id = `${run}-twice`;
    const deal = {
      title: 'Edge worker deal',
      customerId: c.acme,
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'l1', productId: p.gloves, quantity: '2' }],
    };
    expect((await worker.call('PUT', `/api/playground/deals/${id}`, deal)).status).toBe(200);

    const first = await worker.call('POST', `/api/deals/${id}/convert`);
    const again = await Promise.all(
      [1, 2].map(() => worker.call('POST', `/api/deals/${id}/convert`)),
    );

    expect(first.status).toBe(200);
    const { conversion } = ConvertResponse.parse(first.body);
    expect(conversion.state).toBe('done');
    for (const answer of again)
      expect(answer.body.conversion?.orderNumber).toBe(conversion.orderNumber);
    const sales = await salesWithReference(id);
    expect(sales).toEqual([
      { id: expect.any(Number), number: conversion.orderNumber, state: 'processing' },
    ]);
    expect(
      await worker.query('SELECT status, order_number FROM conversions WHERE deal_id = ?', id),
    ).toEqual([{ status: 'done', order_number: conversion.orderNumber }]);
  });
});

describe.skipIf(!live)('the worker with a slow Tryton', () => {
  let worker: EdgeWorker;
  let proxy: Awaited<ReturnType<typeof startSlowProxy>>;

  beforeAll(async () => {
    proxy = await startSlowProxy(tryton.url, 250);
    const config = trytonConfig(proxy.url, { lookup: { currencies: ['EUR'], deadlineMs: 50 } });
    worker = await startWorker({ config, bindings: { TRYTON_PASSWORD: tryton.password } });
  });
  afterAll(async () => {
    await worker?.dispose();
    await proxy?.close();
  });

  it('fills the cache with ERP answers that arrive after the response was sent', async () => {
    const ask = () =>
      worker.call('POST', '/api/lookup/deal', {
        customerId: c.acme,
        currency: 'EUR',
        lines: [{ lineId: 'l1', productId: p.screwdriver, quantity: '3' }],
      });

    const late = await ask();
    expect(late.status).toBe(200);
    expect(late.body.lines[0].stock.status).toBe('unavailable');

    // No request runs meanwhile: only work handed to waitUntil can still reach Tryton.
    await proxy.quiet();
    const servedBefore = proxy.served;
    const asked = Date.now();
    const cached = await ask();

    expect(cached.body.lines[0].stock).toMatchObject({ status: 'ok', stale: false });
    expect(cached.body.lines[0].price.status).toBe('ok');
    expect(Date.parse(cached.body.lines[0].stock.asOf)).toBeLessThan(asked);
    expect(proxy.served).toBe(servedBefore);
  });
});
