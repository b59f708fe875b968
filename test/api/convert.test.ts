import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConvertResponse } from '../../shared/api.ts';
import { ErpUnavailable } from '../../server/erp/errors.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { openSqlite } from '../../server/store/sqlite.ts';
import type { SqlDb } from '../../server/store/sql.ts';
import { sandboxApp } from '../fixtures/app.ts';

async function ordersFor(db: SqlDb, dealId: string) {
  return db.all<{ number: string; state: string }>(
    'SELECT number, state FROM sb_orders WHERE reference = ?',
    [dealId],
  );
}

describe('converting a won deal', () => {
  it('creates and confirms one ERP order and writes its number back to the deal', async () => {
    const { call, db } = await sandboxApp();
    const res = await call('POST', '/api/deals/D-1003/convert');

    expect(res.status).toBe(200);
    const { conversion } = ConvertResponse.parse(res.body);
    expect(conversion).toMatchObject({ dealId: 'D-1003', state: 'done', error: null, attempts: 1 });
    expect(conversion.orderNumber).toMatch(/^SO-\d{5}$/);
    expect(await ordersFor(db, 'D-1003')).toEqual([
      { number: conversion.orderNumber, state: 'confirmed' },
    ]);
    const deal = await call('GET', '/api/playground/deals/D-1003');
    expect(deal.body.deal.erpOrderNumber).toBe(conversion.orderNumber);
  });

  it('returns the same order when the deal is converted again', async () => {
    const { call, db } = await sandboxApp();
    const first = await call('POST', '/api/deals/D-1003/convert');
    const second = await call('POST', '/api/deals/D-1003/convert');
    expect(second.body.conversion.orderNumber).toBe(first.body.conversion.orderNumber);
    expect(await ordersFor(db, 'D-1003')).toHaveLength(1);
  });

  it('makes one order from five concurrent requests', async () => {
    const { call, db } = await sandboxApp();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call('POST', '/api/deals/D-1004/convert')),
    );
    const numbers = new Set(answers.map((a) => a.body.conversion.orderNumber));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(numbers.size).toBe(1);
    expect(await ordersFor(db, 'D-1004')).toHaveLength(1);
  });

  it('reserves the ordered stock, so availability drops', async () => {
    const { call } = await sandboxApp();
    const lookup = () =>
      call('POST', '/api/lookup/deal', {
        customerId: 'C-1003',
        currency: 'EUR',
        lines: [{ productId: 'P-1006', quantity: '1' }],
      });
    const before = await lookup();
    await call('POST', '/api/deals/D-1003/convert');
    const after = await lookup();
    expect(before.body.lines[0].stock.value.totalAvailable).toBe('450');
    expect(after.body.lines[0].stock.value.totalAvailable).toBe('430');
    expect(after.body.lines[0].stock.value.warehouses[0]).toMatchObject({
      onHand: '300',
      available: '280',
    });
  });

  it('keeps an audit trail of every step', async () => {
    const { call } = await sandboxApp();
    await call('POST', '/api/deals/D-1003/convert');
    const res = await call('GET', '/api/deals/D-1003/audit');
    expect(res.body.entries.map((e: any) => e.step)).toEqual([
      'received',
      'validated',
      'customer_resolved',
      'order_created',
      'order_confirmed',
      'written_back',
      'done',
    ]);
    expect(res.body.entries[4].after.orderNumber).toMatch(/^SO-/);
  });

  it('reports the conversion state on its own endpoint', async () => {
    const { call } = await sandboxApp();
    expect((await call('GET', '/api/deals/D-1003/conversion')).status).toBe(404);
    await call('POST', '/api/deals/D-1003/convert');
    const res = await call('GET', '/api/deals/D-1003/conversion');
    expect(res.body.conversion.state).toBe('done');
  });
});

describe('conversion refusals', () => {
  it('refuses a deal that is not won with 409 and records nothing', async () => {
    const { call, db } = await sandboxApp();
    const res = await call('POST', '/api/deals/D-1001/convert');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'deal_not_won', retryable: false });
    expect((await call('GET', '/api/deals/D-1001/conversion')).status).toBe(404);
    expect(await ordersFor(db, 'D-1001')).toHaveLength(0);
  });

  it('refuses the over-limit customer before any order exists, with the figures', async () => {
    const { call, db } = await sandboxApp();
    const res = await call('POST', '/api/deals/D-1002/convert');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('credit_blocked');
    expect(res.body.error.message).toContain('is over their credit limit of 20000.00 EUR already');
    expect(res.body.error.details.conversion).toMatchObject({ status: 'failed', state: 'failed' });
    expect(await ordersFor(db, 'D-1002')).toHaveLength(0);

    // Retrying the same deal is refused again and still creates nothing.
    const again = await call('POST', '/api/deals/D-1002/convert');
    expect(again.body.error.code).toBe('credit_blocked');
    expect(await ordersFor(db, 'D-1002')).toHaveLength(0);
  });

  it('refuses the blocked customer with the reason', async () => {
    const { call } = await sandboxApp();
    await call('PUT', '/api/playground/deals/D-2000', {
      title: 'Stark order',
      customerId: 'C-1005',
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'a', productId: 'P-1008', quantity: '2' }],
    });
    const res = await call('POST', '/api/deals/D-2000/convert');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('customer_blocked');
    expect(res.body.error.message).toContain('returned direct debit');
  });

  it('answers an unknown deal with 404', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/deals/nope/convert');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('refuses a deal whose product the ERP does not know', async () => {
    const { call } = await sandboxApp();
    await call('PUT', '/api/playground/deals/D-2001', {
      title: 'Ghost product',
      customerId: 'C-1001',
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'a', productId: 'P-0404', quantity: '1' }],
    });
    const res = await call('POST', '/api/deals/D-2001/convert');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_product');
  });
});

describe('conversion under failure', () => {
  it('finds the order after the ERP timed out having committed it, and makes no second one', async () => {
    let failNext = true;
    const { call, db } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        async createOrder(input, opts) {
          const order = await erp.createOrder(input, opts);
          if (failNext) {
            failNext = false;
            throw new ErpUnavailable('read timeout after send', { ambiguous: true });
          }
          return order;
        },
      }),
    });
    const res = await call('POST', '/api/deals/D-1003/convert');
    expect(res.status).toBe(200);
    expect(await ordersFor(db, 'D-1003')).toHaveLength(1);
    const audit = await call('GET', '/api/deals/D-1003/audit');
    expect(audit.body.entries.find((e: any) => e.step === 'order_created').after.found).toBe(true);
  });

  it('resumes after a crash between creating the order and recording it, reusing that order', async () => {
    let crash = true;
    const { call, db } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        async createOrder(input, opts) {
          const order = await erp.createOrder(input, opts);
          if (crash) {
            crash = false;
            throw new Error('process died here');
          }
          return order;
        },
      }),
    });
    const crashed = await call('POST', '/api/deals/D-1003/convert');
    expect(crashed.status).toBe(202);
    expect(crashed.body.conversion).toMatchObject({
      status: 'retrying',
      state: 'customer_resolved',
    });

    const resumed = await call('POST', '/api/deals/D-1003/convert', { retry: true });
    expect(resumed.body.conversion.state).toBe('done');
    expect(await ordersFor(db, 'D-1003')).toHaveLength(1);
  });

  it('resumes after a failure at confirmation without creating the order again', async () => {
    let down = true;
    const { call, db } = await sandboxApp({
      wrapErp: (erp): ErpAdapter => ({
        ...erp,
        async confirmOrder(id, opts) {
          if (down) throw new ErpUnavailable('connection refused');
          return erp.confirmOrder(id, opts);
        },
      }),
    });
    const failed = await call('POST', '/api/deals/D-1003/convert');
    expect(failed.status).toBe(202);
    expect(failed.body.conversion).toMatchObject({
      status: 'retrying',
      state: 'order_created',
      error: { code: 'erp_unavailable', retryable: true },
    });
    expect(failed.body.conversion.nextAttemptAt).not.toBeNull();

    down = false;
    // A second click waits for the scheduled attempt; "Try again" goes now.
    const waiting = await call('POST', '/api/deals/D-1003/convert');
    expect(waiting.status).toBe(202);
    expect(waiting.body.conversion.attempts).toBe(1);
    const done = await call('POST', '/api/deals/D-1003/convert', { retry: true });
    expect(done.status).toBe(200);
    expect(done.body.conversion).toMatchObject({ state: 'done', attempts: 2 });
    expect(await ordersFor(db, 'D-1003')).toEqual([
      { number: done.body.conversion.orderNumber, state: 'confirmed' },
    ]);
  });
});

describe('conversion across two server processes sharing one store', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves one order when both convert the same deal at once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'erp-lens-'));
    const path = join(dir, 'shared.sqlite');
    const a = await sandboxApp({ db: openSqlite(path) });
    const b = await sandboxApp({ db: openSqlite(path) });

    const answers = await Promise.all([
      a.call('POST', '/api/deals/D-1003/convert'),
      b.call('POST', '/api/deals/D-1003/convert'),
      a.call('POST', '/api/deals/D-1003/convert'),
      b.call('POST', '/api/deals/D-1003/convert'),
    ]);
    for (const answer of answers) {
      // The loser of the lease is told to look again; it never makes an order of its own.
      expect([200, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body.error.code).toBe('conversion_in_progress');
    }
    const final = await b.call('POST', '/api/deals/D-1003/convert');
    expect(final.body.conversion.state).toBe('done');
    expect(await ordersFor(a.db, 'D-1003')).toHaveLength(1);
  });
});
