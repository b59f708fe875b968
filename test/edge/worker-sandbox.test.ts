import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvertResponse, DealLookupResponse, HealthResponse } from '../../shared/api.ts';
import { hmacHex } from '../../server/convert/notify.ts';
import { startWorker, type EdgeWorker } from './worker-harness.ts';
import { sandboxMigrations } from '../../server/erp/sandbox/schema.ts';
import { storeMigrations } from '../../server/store/migrations.ts';

/**
 * The worker in workerd on the sandbox ERP, with the store and the sandbox both in D1.
 * One worker for the file: its isolate boots once, as in production.
 */

const webhookSecret = 'edge-test-webhook-secret-0123456789';
let worker: EdgeWorker;

beforeAll(async () => {
  worker = await startWorker({
    config: { erp: { type: 'sandbox' } },
    bindings: { CUSTOMERMATES_WEBHOOK_SECRET: webhookSecret },
  });
});
afterAll(() => worker?.dispose());

describe('the worker on the sandbox in D1', () => {
  it('answers health with the sandbox reachable', async () => {
    const res = await worker.call('GET', '/api/health');

    expect(res.status).toBe(200);
    expect(HealthResponse.parse(res.body)).toMatchObject({
      status: 'ok',
      erp: { name: 'sandbox', reachable: true },
    });
  });

  it('applies the store and sandbox migrations to D1 at its first request', async () => {
    const applied = await worker.query<{ scope: string; version: number }>(
      'SELECT scope, version FROM schema_migrations ORDER BY scope, version',
    );

    expect(applied.filter((m) => m.scope === 'sandbox').map((m) => m.version)).toEqual(
      sandboxMigrations.map((m) => m.version),
    );
    expect(applied.filter((m) => m.scope === 'store').map((m) => m.version)).toEqual(
      storeMigrations.map((m) => m.version),
    );
    expect(await worker.query('SELECT id FROM sb_products WHERE id = ?', 'P-1001')).toHaveLength(1);
  });

  it('prices a deal with the customer’s tier and shows stock per warehouse', async () => {
    const res = await worker.call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [
        { lineId: 'l1', productId: 'P-1001', quantity: '9' },
        { lineId: 'l2', productId: 'P-1002', quantity: '5' },
      ],
    });

    expect(res.status).toBe(200);
    const answer = DealLookupResponse.parse(res.body);
    expect(answer.lines).toHaveLength(2);
    expect(res.body.lines[0].price.value).toMatchObject({
      unitPrice: { amount: '224.10', currency: 'EUR' },
      nextTier: { minQuantity: '10', unitPrice: { amount: '211.65', currency: 'EUR' } },
      lineTotal: { amount: '2016.90', currency: 'EUR' },
    });
    expect(res.body.lines[1].stock.value.warehouses).toEqual([
      { warehouseId: 'W-BER', name: 'Berlin Central', onHand: '12', available: '12' },
      { warehouseId: 'W-MUC', name: 'Munich South', onHand: '0', available: '0' },
    ]);
  });

  it('converts a won deal twice into one confirmed order, recorded in D1', async () => {
    const first = await worker.call('POST', '/api/deals/D-1003/convert');
    const second = await worker.call('POST', '/api/deals/D-1003/convert');

    expect(first.status).toBe(200);
    const { conversion } = ConvertResponse.parse(first.body);
    expect(conversion).toMatchObject({ dealId: 'D-1003', state: 'done' });
    expect(second.body.conversion.orderNumber).toBe(conversion.orderNumber);

    expect(
      await worker.query('SELECT number, state FROM sb_orders WHERE reference = ?', 'D-1003'),
    ).toEqual([{ number: conversion.orderNumber, state: 'confirmed' }]);
    expect(
      await worker.query(
        'SELECT step, status, order_number FROM conversions WHERE deal_id = ?',
        'D-1003',
      ),
    ).toEqual([{ step: 'done', status: 'done', order_number: conversion.orderNumber }]);
    const deal = await worker.query<{ erp_order_number: string }>(
      'SELECT erp_order_number FROM playground_deals WHERE id = ?',
      'D-1003',
    );
    expect(deal[0]?.erp_order_number).toBe(conversion.orderNumber);
  });

  it('makes one order from concurrent conversions of one deal', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => worker.call('POST', '/api/deals/D-1004/convert')),
    );

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.conversion.orderNumber)).size).toBe(1);
    expect(
      await worker.query('SELECT id FROM sb_orders WHERE reference = ?', 'D-1004'),
    ).toHaveLength(1);
  });

  it('keeps the audit trail of a conversion in D1', async () => {
    const audit = await worker.call('GET', '/api/deals/D-1003/audit');
    const rows = await worker.query<{ step: string }>(
      'SELECT step FROM audit_log WHERE deal_id = ? ORDER BY id',
      'D-1003',
    );

    expect(audit.status).toBe(200);
    expect(rows.map((r) => r.step)).toEqual(
      expect.arrayContaining(['customer_resolved', 'order_created', 'done']),
    );
  });

  it('answers an unknown route with the error envelope', async () => {
    const res = await worker.call('GET', '/api/nothing-here');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('converts a deal on a signed webhook and refuses a forged one, from the secret in a binding', async () => {
    const won = {
      title: 'Edge webhook deal',
      customerId: 'C-1003',
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'l1', productId: 'P-1006', quantity: '2' }],
    };
    expect((await worker.call('PUT', '/api/playground/deals/D-EDGE-HOOK', won)).status).toBe(200);
    const delivery = (entityId: string) =>
      JSON.stringify({
        event: 'deal.won',
        data: { entityId },
        timestamp: new Date().toISOString(),
      });
    const post = async (body: string, signature: string) =>
      worker.call('POST', '/api/webhooks/customermates', body, {
        'x-webhook-signature': signature,
        authorization: '',
      });

    const forged = delivery('D-EDGE-HOOK');
    const refused = await post(forged, await hmacHex('not-the-secret', forged));
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
    expect(
      await worker.query('SELECT id FROM sb_orders WHERE reference = ?', 'D-EDGE-HOOK'),
    ).toHaveLength(0);

    const body = delivery('D-EDGE-HOOK');
    const signed = await post(body, await hmacHex(webhookSecret, body));
    expect(signed.status).toBe(200);
    expect(signed.body.conversion).toMatchObject({ dealId: 'D-EDGE-HOOK', status: 'done' });
    expect(
      await worker.query('SELECT id FROM sb_orders WHERE reference = ?', 'D-EDGE-HOOK'),
    ).toHaveLength(1);
  });

  it('refuses an API call without a context token, and mints no dev tokens', async () => {
    const bare = await worker.call('GET', '/api/accounts/C-1001', undefined, { authorization: '' });
    const dev = await worker.call('GET', '/api/dev/token', undefined, { authorization: '' });

    expect(bare.status).toBe(401);
    expect(dev.status).toBe(404);
  });

  it('runs the conversions whose retry is due on its cron trigger', async () => {
    const won = {
      title: 'Edge retry deal',
      customerId: 'C-1003',
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'l1', productId: 'P-1006', quantity: '1' }],
    };
    expect((await worker.call('PUT', '/api/playground/deals/D-EDGE-CRON', won)).status).toBe(200);
    // What a transient ERP failure leaves behind: a record waiting for its next attempt.
    const at = new Date(Date.now() - 60_000).toISOString();
    await worker.query(
      `INSERT INTO conversions (deal_id, step, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, 'received', 'retrying', 1, ?, ?, ?)`,
      'D-EDGE-CRON',
      Date.now() - 1_000,
      at,
      at,
    );

    const outcome = await worker.cron();

    expect(outcome.outcome).toBe('ok');
    expect(
      await worker.query('SELECT status FROM conversions WHERE deal_id = ?', 'D-EDGE-CRON'),
    ).toEqual([{ status: 'done' }]);
    expect(
      await worker.query('SELECT id FROM sb_orders WHERE reference = ?', 'D-EDGE-CRON'),
    ).toHaveLength(1);
  });
});

describe('the worker without its token secret', () => {
  it('answers 503 naming the missing binding', async () => {
    const bare = await startWorker({
      config: { erp: { type: 'sandbox' } },
      bindings: { ERP_LENS_TOKEN_SECRET: '' },
    });
    try {
      const res = await bare.call('GET', '/api/health');

      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('ERP_LENS_TOKEN_SECRET');
    } finally {
      await bare.dispose();
    }
  });
});
