import { describe, expect, it } from 'vitest';
import { ErpUnavailable } from '../../server/erp/errors.ts';
import { guardErp } from '../../server/erp/guard.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { Metrics } from '../../server/observe/metrics.ts';

function fakeErp(overrides: Partial<ErpAdapter>): ErpAdapter {
  const none = async () => {
    throw new Error('not used');
  };
  return {
    name: 'fake',
    searchProducts: none,
    getProducts: none,
    listWarehouses: none,
    getStock: none,
    getPrices: none,
    getCustomers: none,
    searchCustomers: none,
    createCustomer: none,
    getCredit: none,
    getInvoices: none,
    findOrderByReference: none,
    createOrder: none,
    confirmOrder: none,
    ping: async () => undefined,
    ...overrides,
  };
}

describe('the ERP guard', () => {
  it('backs off for as long as a 429 asked, without calling the ERP', async () => {
    let clock = 1_000_000;
    let calls = 0;
    const erp = guardErp(
      fakeErp({
        getStock: async () => {
          calls += 1;
          throw new ErpUnavailable('HTTP 429', { retryAfterSeconds: 30 });
        },
      }),
      { maxConcurrent: 4, now: () => clock },
    );

    await expect(erp.getStock(['a'])).rejects.toThrow('429');
    await expect(erp.getStock(['a'])).rejects.toMatchObject({ retryAfterSeconds: 30 });
    clock += 29_000;
    await expect(erp.getStock(['a'])).rejects.toMatchObject({ retryAfterSeconds: 1 });
    expect(calls).toBe(1);

    clock += 1_001;
    await expect(erp.getStock(['a'])).rejects.toThrow('429');
    expect(calls).toBe(2);
  });

  it('runs at most the configured number of calls at once', async () => {
    let running = 0;
    let peak = 0;
    const erp = guardErp(
      fakeErp({
        ping: async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        },
      }),
      { maxConcurrent: 3 },
    );
    await Promise.all(Array.from({ length: 12 }, () => erp.ping()));
    expect(peak).toBe(3);
  });

  it('counts calls and errors per operation', async () => {
    const metrics = new Metrics();
    const erp = guardErp(
      fakeErp({ getCredit: async () => Promise.reject(new ErpUnavailable('down')) }),
      {
        maxConcurrent: 2,
        metrics,
      },
    );
    await erp.ping();
    await erp.getCredit(['c']).catch(() => undefined);
    expect(erp.calls.get('ping')).toBe(1);
    expect(metrics.erpCalls.get({ operation: 'getCredit' })).toBe(1);
    expect(metrics.erpErrors.get({ operation: 'getCredit', error: 'ErpUnavailable' })).toBe(1);
    expect(metrics.render()).toContain('erp_lens_erp_calls_total{operation="ping"} 1');
  });
});
