import { describe, expect, it } from 'vitest';
import { Preflight } from '../../shared/api.ts';
import { ErpUnavailable } from '../../server/erp/errors.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import type { SqlDb } from '../../server/store/sql.ts';
import { sandboxApp } from '../fixtures/app.ts';

async function ordersFor(db: SqlDb, dealId: string) {
  return db.all<{ state: string }>('SELECT state FROM sb_orders WHERE reference = ?', [dealId]);
}

const fastRetries = { maxAttempts: 3, backoffBaseMs: 1_000, backoffCapMs: 60_000, pollMs: 1_000 };
const config = { erp: { type: 'sandbox', path: ':memory:' }, conversion: fastRetries };

/** An ERP whose confirmations fail while `down` is true, as a 503 with Retry-After would. */
function flaky(retryAfterSeconds: number | null = null) {
  const state = { down: true, confirms: 0 };
  const wrap = (erp: ErpAdapter): ErpAdapter => ({
    ...erp,
    async confirmOrder(id, opts) {
      state.confirms += 1;
      if (state.down) throw new ErpUnavailable('HTTP 503', { retryAfterSeconds });
      return erp.confirmOrder(id, opts);
    },
  });
  return { state, wrap };
}

describe('automatic retries', () => {
  it('schedules the next attempt with backoff and runs it when due', async () => {
    let clock = Date.parse('2026-12-04T10:00:00Z');
    const erp = flaky();
    const { call, db, converter } = await sandboxApp({
      config,
      wrapErp: erp.wrap,
      now: () => new Date(clock),
    });

    const first = await call('POST', '/api/deals/D-1003/convert');
    expect(first.status).toBe(202);
    const next = Date.parse(first.body.conversion.nextAttemptAt);
    expect(next - clock).toBeGreaterThanOrEqual(500); // base 1 s, jittered in its upper half
    expect(next - clock).toBeLessThanOrEqual(1_000);

    expect(await converter.runDue()).toBe(0); // not due yet
    erp.state.down = false;
    clock = next;
    expect(await converter.runDue()).toBe(1);

    const done = await call('GET', '/api/deals/D-1003/conversion');
    expect(done.body.conversion).toMatchObject({ status: 'done', attempts: 2 });
    expect(await ordersFor(db, 'D-1003')).toEqual([{ state: 'confirmed' }]);
  });

  it('waits at least as long as the ERP’s Retry-After', async () => {
    const clock = Date.parse('2026-12-04T10:00:00Z');
    const { call } = await sandboxApp({
      config,
      wrapErp: flaky(45).wrap,
      now: () => new Date(clock),
    });
    const res = await call('POST', '/api/deals/D-1003/convert');
    expect(Date.parse(res.body.conversion.nextAttemptAt) - clock).toBe(45_000);
  });

  it('lands in the dead-letter list after the configured attempts, with the reason', async () => {
    let clock = Date.parse('2026-12-04T10:00:00Z');
    const erp = flaky();
    const { call, db, converter } = await sandboxApp({
      config,
      wrapErp: erp.wrap,
      now: () => new Date(clock),
    });
    await call('POST', '/api/deals/D-1003/convert');
    for (let i = 0; i < 5; i++) {
      clock += 120_000;
      await converter.runDue();
    }
    expect(erp.state.confirms).toBe(3);

    const list = await call('GET', '/api/conversions');
    expect(list.body.conversions).toHaveLength(1);
    expect(list.body.conversions[0]).toMatchObject({
      dealId: 'D-1003',
      status: 'dead',
      attempts: 3,
      error: { code: 'erp_unavailable', retryable: true },
    });
    expect(await ordersFor(db, 'D-1003')).toEqual([{ state: 'draft' }]);
  });

  it('lets a person retry a dead conversion, which ends in the same order', async () => {
    let clock = Date.parse('2026-12-04T10:00:00Z');
    const erp = flaky();
    const { call, db, converter, app } = await sandboxApp({
      config,
      wrapErp: erp.wrap,
      now: () => new Date(clock),
    });
    await call('POST', '/api/deals/D-1003/convert');
    for (let i = 0; i < 3; i++) {
      clock += 120_000;
      await converter.runDue();
    }
    expect(await (await app.request('/metrics')).text()).toContain('erp_lens_dead_letters 1');

    erp.state.down = false;
    const retried = await call('POST', '/api/conversions/D-1003/retry');
    expect(retried.status).toBe(200);
    expect(retried.body.conversion.status).toBe('done');
    expect(await ordersFor(db, 'D-1003')).toEqual([{ state: 'confirmed' }]);
    expect((await call('GET', '/api/conversions')).body.conversions).toEqual([]);
  });

  it('lets a person dismiss a refused conversion with a reason, kept in the audit', async () => {
    const { call } = await sandboxApp();
    await call('POST', '/api/deals/D-1002/convert');
    expect((await call('GET', '/api/conversions')).body.conversions[0].status).toBe('failed');

    const res = await call('POST', '/api/conversions/D-1002/dismiss', {
      reason: 'customer pays in advance instead',
    });
    expect(res.body.conversion.status).toBe('dismissed');
    expect((await call('GET', '/api/conversions')).body.conversions).toEqual([]);
    const detail = await call('GET', '/api/conversions/D-1002');
    expect(detail.body.audit.at(-1).summary).toBe('Dismissed: customer pays in advance instead');
  });

  it('refuses bad ops input with the envelope', async () => {
    const { call } = await sandboxApp();
    expect((await call('GET', '/api/conversions?status=sleeping')).status).toBe(400);
    expect((await call('POST', '/api/conversions/D-404/retry')).status).toBe(404);
    await call('POST', '/api/deals/D-1002/convert');
    expect((await call('POST', '/api/conversions/D-1002/dismiss', { reason: '' })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/conversions/D-1002/dismiss', '{')).status).toBe(400);
    const empty = await call('POST', '/api/conversions/D-1002/dismiss');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Say why');
  });
});

describe('the pre-flight check', () => {
  const dealWith = (
    lines: Array<{ productId: string; quantity: string; unitPrice?: string }>,
    customerId = 'C-1001',
  ) => ({
    title: 'Pre-flight',
    customerId,
    currency: 'EUR',
    stage: 'won',
    lines: lines.map((l, i) => ({ lineId: `l${i}`, ...l })),
  });

  it('lists price drift and short stock as warnings, and credit after the order', async () => {
    const { call } = await sandboxApp();
    await call(
      'PUT',
      '/api/playground/deals/D-P1',
      dealWith([
        { productId: 'P-1001', quantity: '2', unitPrice: '199.00' },
        { productId: 'P-1002', quantity: '20', unitPrice: '160.65' },
      ]),
    );
    const res = await call('GET', '/api/deals/D-P1/preflight');
    const check = Preflight.parse(res.body);

    expect(check.ok).toBe(true);
    expect(check.warnings.map((w) => [w.code, w.lineId])).toEqual([
      ['price_drift', 'l0'],
      ['short_stock', 'l1'],
    ]);
    expect(check.lines[0]).toMatchObject({
      dealPrice: { amount: '199.00' },
      erpPrice: { amount: '224.10' },
      driftPercent: '11.20',
    });
    expect(check.lines[1]).toMatchObject({ available: '12', shortfall: '8', driftPercent: '0.00' });
    expect(check.credit).toMatchObject({
      openBalance: { amount: '1980.00' },
      orderTotal: { amount: '3611.00' },
      afterOrder: { amount: '44409.00' },
      exceeds: false,
    });
  });

  it('needs an override with a reason for warnings, and records the reason', async () => {
    const { call, db } = await sandboxApp();
    await call(
      'PUT',
      '/api/playground/deals/D-P2',
      dealWith([{ productId: 'P-1001', quantity: '2', unitPrice: '199.00' }]),
    );

    const refused = await call('POST', '/api/deals/D-P2/convert');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('override_required');
    expect(refused.body.error.message).toContain('224.10');
    expect(await ordersFor(db, 'D-P2')).toHaveLength(0);

    const done = await call('POST', '/api/deals/D-P2/convert', {
      override: { reason: 'price agreed with their buyer in October' },
    });
    expect(done.status).toBe(200);
    const audit = (await call('GET', '/api/deals/D-P2/audit')).body.entries;
    expect(
      audit.some(
        (e: any) => e.summary === 'Warnings overridden: price agreed with their buyer in October',
      ),
    ).toBe(true);
    const order = await db.first<{ unit_price: string }>(
      'SELECT l.unit_price FROM sb_order_lines l JOIN sb_orders o ON o.id = l.order_id WHERE o.reference = ?',
      ['D-P2'],
    );
    expect(order?.unit_price).toBe('199.00');
  });

  it('blocks a blocked customer, an unknown product and a fraction of a whole unit', async () => {
    const { call } = await sandboxApp();
    await call(
      'PUT',
      '/api/playground/deals/D-P3',
      dealWith(
        [
          { productId: 'P-1001', quantity: '1.5' },
          { productId: 'P-0000', quantity: '1' },
        ],
        'C-1005',
      ),
    );
    const check = (await call('GET', '/api/deals/D-P3/preflight')).body;
    expect(check.ok).toBe(false);
    expect(check.blocking.map((b: any) => b.code)).toEqual([
      'validation_failed',
      'unknown_product',
      'customer_blocked',
    ]);
    expect(check.blocked).toBe(true);

    const res = await call('POST', '/api/deals/D-P3/convert', {
      override: { reason: 'try anyway' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('blocks a customer already over its limit whatever the deal’s currency', async () => {
    const { call } = await sandboxApp();
    await call('PUT', '/api/playground/deals/D-P4', {
      ...dealWith([{ productId: 'P-1008', quantity: '1' }], 'C-1002'),
      currency: 'USD',
    });
    const check = (await call('GET', '/api/deals/D-P4/preflight')).body;
    expect(check.ok).toBe(false);
    expect(check.blocking[0]).toMatchObject({ code: 'credit_blocked' });
    expect(check.credit.exceeds).toBe(true);
  });

  it('needs an override when the credit limit is in another currency than the deal', async () => {
    const { call, db } = await sandboxApp();
    await call('PUT', '/api/playground/deals/D-P5', {
      ...dealWith([{ productId: 'P-1008', quantity: '2' }]),
      currency: 'USD',
    });
    const check = (await call('GET', '/api/deals/D-P5/preflight')).body;
    expect(check.ok).toBe(true);
    expect(check.warnings.map((w: any) => w.code)).toEqual(['credit_unchecked']);
    expect((await call('POST', '/api/deals/D-P5/convert')).body.error.code).toBe(
      'override_required',
    );
    expect(await ordersFor(db, 'D-P5')).toHaveLength(0);
    const done = await call('POST', '/api/deals/D-P5/convert', {
      override: { reason: 'USD deal approved by finance' },
    });
    expect(done.status).toBe(200);
  });

  it('shows the dunning level of the customer', async () => {
    const { call } = await sandboxApp();
    const check = (await call('GET', '/api/deals/D-1003/preflight')).body;
    expect(check).toMatchObject({ ok: true, dunningLevel: 2, blocked: false });
  });

  it('refuses a malformed override', async () => {
    const { call } = await sandboxApp();
    for (const body of [{ override: {} }, { override: { reason: 'x' } }, { force: true }, '[]']) {
      const res = await call('POST', '/api/deals/D-1003/convert', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
