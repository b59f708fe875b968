import { describe, expect, it } from 'vitest';
import { hmacHex } from '../../server/convert/notify.ts';
import type { SqlDb } from '../../server/store/sql.ts';
import { sandboxApp } from '../fixtures/app.ts';

const secret = 'whsec-test-0123456789';
const env = { CUSTOMERMATES_WEBHOOK_SECRET: secret };

async function ordersFor(db: SqlDb, dealId: string) {
  return db.all<{ number: string }>('SELECT number FROM sb_orders WHERE reference = ?', [dealId]);
}

function delivery(entityId: string, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    event: 'deal.won',
    data: { entityId, name: 'A deal', stage: 'won' },
    timestamp: new Date().toISOString(),
    ...overrides,
  });
}

async function post(
  call: Awaited<ReturnType<typeof sandboxApp>>['call'],
  body: string,
  signature?: string,
) {
  return call('POST', '/api/webhooks/customermates', body, {
    'x-webhook-signature': signature ?? (await hmacHex(secret, body)),
  });
}

describe('the Customermates "deal won" webhook', () => {
  it('converts the deal and answers 200 with the order once it is recorded', async () => {
    const { call, db } = await sandboxApp({ env });
    const res = await post(call, delivery('D-1003'));
    expect(res.status).toBe(200);
    expect(res.body.conversion).toMatchObject({ dealId: 'D-1003', status: 'done' });
    expect(await ordersFor(db, 'D-1003')).toHaveLength(1);
    const audit = await call('GET', '/api/deals/D-1003/audit');
    expect(audit.body.entries[0].actor).toBe('webhook:customermates');
  });

  it('makes one order from a delivery that arrives twice, and from the button as well', async () => {
    const { call, db } = await sandboxApp({ env });
    const body = delivery('D-1004');
    const answers = await Promise.all([
      post(call, body),
      post(call, body),
      call('POST', '/api/deals/D-1004/convert'),
    ]);
    expect(new Set(answers.map((a) => a.body.conversion.orderNumber)).size).toBe(1);
    expect(await ordersFor(db, 'D-1004')).toHaveLength(1);
  });

  it('accepts the signature with a sha256= prefix', async () => {
    const { call } = await sandboxApp({ env });
    const body = delivery('D-1003');
    expect((await post(call, body, `sha256=${await hmacHex(secret, body)}`)).status).toBe(200);
  });

  it('refuses a wrong signature, a missing one and a body changed after signing with 401', async () => {
    const { call, db } = await sandboxApp({ env });
    const body = delivery('D-1003');
    const good = await hmacHex(secret, body);
    const tampered = body.replace('D-1003', 'D-1004');
    for (const [b, sig] of [
      [body, await hmacHex('another-secret', body)],
      [body, ''],
      [tampered, good],
      [body, good.slice(0, -1)],
    ] as const) {
      const res = await post(call, b, sig);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect(await ordersFor(db, 'D-1003')).toHaveLength(0);
    expect(await ordersFor(db, 'D-1004')).toHaveLength(0);
  });

  it('refuses a replayed delivery whose timestamp is too old', async () => {
    const { call } = await sandboxApp({ env });
    const old = delivery('D-1003', { timestamp: new Date(Date.now() - 10 * 60_000).toISOString() });
    const res = await post(call, old);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('replay');
    const unix = delivery('D-1003', { timestamp: Math.floor(Date.now() / 1000) });
    expect((await post(call, unix)).status).toBe(200);
  });

  it('says what is wrong with a missing header or an unreadable timestamp', async () => {
    const { call } = await sandboxApp({ env });
    const missing = await call('POST', '/api/webhooks/customermates', delivery('D-1003'));
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toContain('header is missing');
    const soon = await post(call, delivery('D-1003', { timestamp: 'soon' }));
    expect(soon.status).toBe(400);
    expect(soon.body.error.message).toContain('not a time');
  });

  it('ignores other events with 200, and converts nothing', async () => {
    const { call, db } = await sandboxApp({ env });
    const res = await post(call, delivery('D-1003', { event: 'deal.updated' }));
    expect(res.status).toBe(200);
    expect(res.body.ignored).toBe(true);
    expect(await ordersFor(db, 'D-1003')).toHaveLength(0);
  });

  it('never answers 2xx when the conversion is refused', async () => {
    const { call } = await sandboxApp({ env });
    const notWon = await post(call, delivery('D-1001'));
    const overLimit = await post(call, delivery('D-1002'));
    const unknown = await post(call, delivery('D-9999'));
    expect([notWon.status, overLimit.status, unknown.status]).toEqual([409, 422, 404]);
  });

  it('answers 400 to a signed body that is not a delivery', async () => {
    const { call } = await sandboxApp({ env });
    for (const body of [
      '{"event":"deal.won"}',
      'not json',
      '{"event":"deal.won","data":{"entityId":{}},"timestamp":1}',
    ]) {
      const res = await post(call, body);
      expect(res.status, body).toBe(400);
    }
  });

  it('is switched off with a clear message when no secret is set', async () => {
    const { call } = await sandboxApp();
    const res = await post(call, delivery('D-1003'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('CUSTOMERMATES_WEBHOOK_SECRET');
  });
});
