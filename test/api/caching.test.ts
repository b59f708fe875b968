import { describe, expect, it } from 'vitest';
import { aroundErpCalls } from '../../server/erp/around-calls.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { sandboxApp } from '../fixtures/app.ts';

/** Wraps the sandbox so a test can count calls per operation and switch the ERP off. */
function counting() {
  const calls: string[] = [];
  let down = false;
  const wrap = (erp: ErpAdapter): ErpAdapter =>
    aroundErpCalls(erp, (name, call) => {
      calls.push(name);
      return down ? Promise.reject(new Error('ERP switched off')) : call();
    });
  return { calls, wrap, setDown: (v: boolean) => (down = v) };
}

const dealOf = (n: number, customerId = 'C-1001') => ({
  customerId,
  currency: 'EUR',
  lines: Array.from({ length: n }, (_, i) => ({
    lineId: `l${i}`,
    productId: `P-10${String((i % 10) + 1).padStart(2, '0')}`,
    quantity: String(i + 1),
  })),
});

describe('cached lookups', () => {
  it('costs one ERP call per kind for a cold 50-line deal, and none when warm', async () => {
    const erp = counting();
    const { call } = await sandboxApp({ wrapErp: erp.wrap });
    erp.calls.length = 0; // start-up's demo deals
    const cold = await call('POST', '/api/lookup/deal', dealOf(50));
    expect(cold.status).toBe(200);
    expect(erp.calls.sort()).toEqual(['getCredit', 'getPrices', 'getProducts', 'getStock']);

    erp.calls.length = 0;
    const warm = await call('POST', '/api/lookup/deal', dealOf(50));
    expect(erp.calls).toEqual([]);
    expect(warm.body.lines[49].stock.stale).toBe(false);
  });

  it('shares ERP calls between concurrent lookups of the same deal', async () => {
    const erp = counting();
    const { call } = await sandboxApp({ wrapErp: erp.wrap });
    erp.calls.length = 0;
    await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/api/lookup/deal', dealOf(10))),
    );
    expect(erp.calls).toHaveLength(4);
  });

  it('shows the last known figures as stale, with their time, when the ERP goes away', async () => {
    let clock = Date.parse('2026-12-04T14:02:00Z');
    const erp = counting();
    const { call } = await sandboxApp({ wrapErp: erp.wrap, now: () => new Date(clock) });
    await call('POST', '/api/lookup/deal', dealOf(2));

    erp.setDown(true);
    clock += 10 * 60_000; // past every TTL but the catalog's
    const res = await call('POST', '/api/lookup/deal', dealOf(2));
    expect(res.status).toBe(200);
    expect(res.body.lines[0].stock).toMatchObject({
      status: 'ok',
      stale: true,
      asOf: '2026-12-04T14:02:00.000Z',
    });
    expect(res.body.credit).toMatchObject({ status: 'ok', stale: true });
    expect(res.body.customer.name).toBe('ACME Industries AG');
  });

  it('asks the ERP again for one deal when the rep refreshes, and only for that deal', async () => {
    const erp = counting();
    const { call } = await sandboxApp({ wrapErp: erp.wrap });
    await call('POST', '/api/lookup/deal', dealOf(3));
    await call('POST', '/api/lookup/deal', dealOf(3, 'C-1003'));

    erp.calls.length = 0;
    await call('POST', '/api/lookup/deal', { ...dealOf(3), refresh: true });
    expect(erp.calls.sort()).toEqual(['getCredit', 'getPrices', 'getProducts', 'getStock']);
    erp.calls.length = 0;
    await call('POST', '/api/lookup/deal', dealOf(3, 'C-1003'));
    expect(erp.calls).toEqual([]);
  });

  it('drops the stock and credit a conversion changed, and nothing else', async () => {
    const erp = counting();
    const { call } = await sandboxApp({ wrapErp: erp.wrap });
    const initech = {
      customerId: 'C-1003',
      currency: 'EUR',
      lines: [{ productId: 'P-1006', quantity: '1' }],
    };
    const before = await call('POST', '/api/lookup/deal', initech);
    await call('POST', '/api/deals/D-1003/convert');

    erp.calls.length = 0;
    const after = await call('POST', '/api/lookup/deal', initech);
    expect(erp.calls.sort()).toEqual(['getCredit', 'getStock']);
    expect(before.body.credit.value.openBalance.amount).toBe('5550.50');
    // 20 helmets at 24.90 and 40 pairs of gloves at 6.50 now count against credit
    expect(after.body.credit.value.openBalance.amount).toBe('6308.50');
    expect(after.body.lines[0].stock.value.totalAvailable).toBe('430');
  });
});

describe('whole answers from memory', () => {
  it('serves the same bytes for a repeated deal without touching the caches, until a conversion', async () => {
    const { call, app } = await sandboxApp();
    const initech = {
      customerId: 'C-1003',
      currency: 'EUR',
      lines: [{ productId: 'P-1006', quantity: '1' }],
    };
    await call('POST', '/api/lookup/deal', initech); // cold: loads change the caches' version
    const second = await call('POST', '/api/lookup/deal', initech); // composed again, kept
    const third = await call('POST', '/api/lookup/deal', initech); // from memory
    expect(third.body).toEqual(second.body);
    expect(await (await app.request('/metrics')).text()).toContain(
      'erp_lens_answer_memo_total{result="hit"} 1',
    );

    await call('POST', '/api/deals/D-1003/convert');
    const after = await call('POST', '/api/lookup/deal', initech);
    expect(after.body.lines[0].stock.value.totalAvailable).toBe('430');
  });
});

describe('metrics', () => {
  it('exports lookup latency, cache results and ERP calls in Prometheus text format', async () => {
    const { call, app } = await sandboxApp();
    await call('POST', '/api/lookup/deal', dealOf(2));
    await call('POST', '/api/lookup/deal', dealOf(2));
    await call('POST', '/api/deals/D-1003/convert');
    const res = await app.request('/metrics');
    const text = await res.text();

    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('erp_lens_lookup_duration_seconds_count{lookup="deal"} 2');
    expect(text).toContain('erp_lens_cache_requests_total{kind="stock",result="miss"} 2');
    expect(text).toContain('erp_lens_cache_requests_total{kind="stock",result="hit"} 2');
    expect(text).toMatch(/erp_lens_erp_calls_total\{operation="getPrices"\} \d+/);
    expect(text).toContain('erp_lens_conversions_total{outcome="done",code="ok"} 1');
  });
});
