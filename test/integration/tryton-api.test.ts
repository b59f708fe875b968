import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountLookupResponse, DealLookupResponse } from '../../shared/api.ts';
import { mintContextToken } from '../../server/auth/context-token.ts';
import { boot } from '../../server/bootstrap.ts';
import { hmacHex } from '../../server/convert/notify.ts';
import { parseConfig } from '../../server/config.ts';
import { createRemoteErp } from '../../server/erp/factory.ts';
import { TrytonRpc } from '../../server/erp/tryton/rpc.ts';
import { createLogger } from '../../server/observe/logger.ts';
import { openSqlite } from '../../server/store/sqlite.ts';
import { namedIn } from '../fixtures/app.ts';
import { resetTryton, seeded, tryton, trytonGate } from './tryton-env.ts';

/**
 * The HTTP API on a live Tryton: what a rep sees and what a conversion leaves in Tryton,
 * checked in Tryton itself. Tryton on SQLite takes one write at a time, so this file runs
 * in order and after the adapter suite (vitest.config.ts runs this project's files serially).
 */

const live = await trytonGate('Tryton API integration tests');
const root = fileURLToPath(new URL('../../', import.meta.url));
const { products: p, customers: c, warehouses: w } = seeded;
const rpc = new TrytonRpc(tryton);
const secret = 'tryton-suite-token-secret-0123456789abcdef';
const webhookSecret = 'tryton-suite-webhook-secret';

async function app(storePath = ':memory:') {
  const logs: string[] = [];
  const config = parseConfig({
    erp: { type: 'tryton', url: tryton.url, database: tryton.database, username: tryton.username },
    store: { path: storePath },
    lookup: { currencies: ['EUR'] },
  });
  const { app } = await boot({
    config,
    dbs: { store: openSqlite(storePath) },
    logger: createLogger((line) => logs.push(line)),
    erpFactory: (cfg) => createRemoteErp(cfg, { TRYTON_PASSWORD: tryton.password }),
    auth: { secret, devMode: false },
    env: { CUSTOMERMATES_WEBHOOK_SECRET: webhookSecret },
  });
  // As a CRM would: a context token for exactly the customer or deal the call names.
  const call = async (method: string, path: string, body?: unknown) => {
    const claims = namedIn(path, body);
    const { token } = await mintContextToken(
      { sub: 'tryton-suite', scopes: ['lookup', 'convert'], ...claims },
      secret,
      {
        now: new Date(),
      },
    );
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const webhook = async (dealId: string) => {
    const body = JSON.stringify({
      event: 'deal.won',
      data: { entityId: dealId },
      timestamp: new Date().toISOString(),
    });
    const res = await app.request('/api/webhooks/customermates', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-signature': await hmacHex(webhookSecret, body),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { call, logs, webhook };
}

async function salesWithReference(reference: string) {
  return rpc.model<Array<{ number: string; state: string }>>('sale.sale', 'search_read', [
    [['reference', '=', reference]],
    0,
    null,
    null,
    ['number', 'state'],
  ]);
}

const wonDeal = (lines: Array<[string, string]>, customerId: string = c.acme) => ({
  title: 'Integration test deal',
  customerId,
  currency: 'EUR',
  stage: 'won',
  lines: lines.map(([productId, quantity], i) => ({ lineId: `l${i}`, productId, quantity })),
});

describe.skipIf(!live)('the API on a live Tryton', () => {
  const run = `IT-${Date.now()}`;

  beforeAll(() => {
    if (!resetTryton()) console.warn('Tryton was not reset: no .tryton/seeded.sqlite here');
  });

  describe('lookups with Tryton’s figures', () => {
    it('shows stock per warehouse and the price-list price at quantity 1 and at the tier', async () => {
      const { call } = await app();
      const lookup = (quantity: string) =>
        call('POST', '/api/lookup/deal', {
          customerId: c.acme,
          currency: 'EUR',
          lines: [
            { productId: p.drill, quantity },
            { productId: p.bolts, quantity: '12.5' },
          ],
        });
      const one = await lookup('1');
      const ten = await lookup('10');

      expect(one.status).toBe(200);
      const answer = DealLookupResponse.parse(one.body);
      expect(answer.customer?.name).toBe('ACME Industries AG');
      expect(one.body.lines[0].stock.value.warehouses).toEqual([
        { warehouseId: w.berlin, name: 'Berlin Warehouse', onHand: '40', available: '30' },
        { warehouseId: w.hamburg, name: 'Hamburg Warehouse', onHand: '5', available: '5' },
      ]);
      expect(one.body.lines[0].price.value).toMatchObject({
        unitPrice: { amount: '224.1000', currency: 'EUR' },
        listPrice: { amount: '249.00', currency: 'EUR' },
        priceList: 'ACME contract prices',
        nextTier: { minQuantity: '10', unitPrice: { amount: '211.65', currency: 'EUR' } },
        lineTotal: { amount: '224.10', currency: 'EUR' },
      });
      expect(ten.body.lines[0].price.value).toMatchObject({
        unitPrice: { amount: '211.6500', currency: 'EUR' },
        tier: { minQuantity: '10' },
        lineTotal: { amount: '2116.50', currency: 'EUR' },
      });
      expect(one.body.lines[1].price.value.lineTotal.amount).toBe('131.75');
    });

    it('shows the credit, and that this deal would exceed it', async () => {
      const { call } = await app();
      const res = await call('POST', '/api/lookup/deal', {
        customerId: c.acme,
        currency: 'EUR',
        lines: [{ productId: p.workbench, quantity: '5' }],
      });
      expect(res.body.credit.value).toMatchObject({
        limit: { amount: '5000.00', currency: 'EUR' },
        openBalance: { amount: '2682.69', currency: 'EUR' },
        available: { amount: '2317.31', currency: 'EUR' },
        exceedsLimit: true,
        paymentTerms: 'Net 30',
      });
    });

    it('shows the account overdue with its dunning level and the partly paid invoice', async () => {
      const { call } = await app();
      const res = await call('GET', `/api/accounts/${c.acme}`);
      const payments = AccountLookupResponse.parse(res.body).payments;
      if (payments.status !== 'ok') throw new Error(payments.message);
      expect(payments.value).toMatchObject({
        status: 'overdue',
        dunningLevel: 1,
        openAmount: { amount: '2682.69' },
        overdueAmount: { amount: '1283.59' },
      });
      expect(payments.value.invoices.map((i) => [i.status, i.open.amount])).toEqual(
        expect.arrayContaining([
          ['overdue', '1283.59'],
          ['partially_paid', '1399.10'],
        ]),
      );
    });

    it('refuses an unknown product with a clear error', async () => {
      const { call } = await app();
      const res = await call('POST', '/api/lookup/deal', {
        customerId: c.acme,
        currency: 'EUR',
        lines: [{ productId: '999999', quantity: '1' }],
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unknown_product');
      expect(res.body.error.message).toContain('999999');
    });
  });

  describe('conversion into a confirmed Tryton sale', () => {
    it('confirms the sale in Tryton, returns its number and writes it back to the deal', async () => {
      const { call } = await app();
      const id = `${run}-one`;
      await call(
        'PUT',
        `/api/playground/deals/${id}`,
        wonDeal([
          [p.gloves, '4'],
          [p.screwdriver, '1'],
        ]),
      );
      const res = await call('POST', `/api/deals/${id}/convert`);

      expect(res.status).toBe(200);
      expect(res.body.conversion.state).toBe('done');
      const sales = await salesWithReference(id);
      expect(sales).toHaveLength(1);
      expect(sales[0]).toMatchObject({
        number: res.body.conversion.orderNumber,
        state: 'processing',
      });
      const deal = await call('GET', `/api/playground/deals/${id}`);
      expect(deal.body.deal.erpOrderNumber).toBe(sales[0]!.number);
    });

    it('leaves one sale when the same deal is converted twice and concurrently', async () => {
      const { call } = await app();
      const id = `${run}-twice`;
      await call('PUT', `/api/playground/deals/${id}`, wonDeal([[p.gloves, '2']]));
      const first = await call('POST', `/api/deals/${id}/convert`);
      const again = await Promise.all(
        [1, 2, 3].map(() => call('POST', `/api/deals/${id}/convert`)),
      );

      expect(new Set([first, ...again].map((r) => r.body.conversion.orderNumber)).size).toBe(1);
      expect(await salesWithReference(id)).toHaveLength(1);
    });

    it('leaves one sale when two servers sharing a store convert the same deal at once', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'erp-lens-tryton-'));
      try {
        const store = join(dir, 'store.sqlite');
        const a = await app(store);
        const b = await app(store);
        const id = `${run}-two-servers`;
        await a.call('PUT', `/api/playground/deals/${id}`, wonDeal([[p.gloves, '3']]));
        const answers = await Promise.all(
          [a, b, a, b].map((s) => s.call('POST', `/api/deals/${id}/convert`)),
        );
        for (const answer of answers) expect([200, 409]).toContain(answer.status);

        const final = await b.call('POST', `/api/deals/${id}/convert`);
        expect(final.body.conversion.state).toBe('done');
        expect(await salesWithReference(id)).toHaveLength(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('makes one sale from a "deal won" webhook delivered twice', async () => {
      const { call, webhook } = await app();
      const id = `${run}-webhook`;
      await call('PUT', `/api/playground/deals/${id}`, wonDeal([[p.gloves, '1']]));
      const first = await webhook(id);
      const again = await webhook(id);

      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.body.conversion.orderNumber).toBe(first.body.conversion.orderNumber);
      expect(await salesWithReference(id)).toHaveLength(1);
    });

    it('needs an override for a price that drifted from Tryton’s, and orders at the agreed price', async () => {
      const { call } = await app();
      const id = `${run}-drift`;
      const deal = wonDeal([[p.screwdriver, '1']]);
      deal.lines[0] = { ...deal.lines[0]!, unitPrice: '70.00' } as (typeof deal.lines)[0];
      await call('PUT', `/api/playground/deals/${id}`, deal);

      const check = await call('GET', `/api/deals/${id}/preflight`);
      expect(check.body.warnings.map((w: { code: string }) => w.code)).toEqual(['price_drift']);
      expect(check.body.lines[0]).toMatchObject({
        dealPrice: { amount: '70.00' },
        erpPrice: { amount: '80.9100' },
      });
      expect((await call('POST', `/api/deals/${id}/convert`)).body.error.code).toBe(
        'override_required',
      );
      expect(await salesWithReference(id)).toEqual([]);

      const done = await call('POST', `/api/deals/${id}/convert`, {
        override: { reason: 'bundle price agreed in the call' },
      });
      expect(done.status).toBe(200);
      const [sale] = await rpc.model<Array<{ untaxed_amount: unknown }>>(
        'sale.sale',
        'search_read',
        [[['reference', '=', id]], 0, null, null, ['untaxed_amount']],
      );
      expect(sale!.untaxed_amount).toBe('70.00');
    });

    it('refuses an over-credit deal before creating a sale, with Tryton’s figures', async () => {
      // Tryton's own refusal (a UserError for the API user without the Credit Limit group) is
      // proven in tryton-adapter.test.ts; the pre-flight check stops the deal earlier, with
      // Tryton's credit figures, so no quotation is left behind.
      const { call } = await app();
      const id = `${run}-credit`;
      await call('PUT', `/api/playground/deals/${id}`, wonDeal([[p.workbench, '4']], c.globex));
      const res = await call('POST', `/api/deals/${id}/convert`);

      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('credit_blocked');
      expect(res.body.error.message).toMatch(
        /Globex Retail GmbH would exceed their credit limit of 3000.00 EUR/,
      );
      expect(await salesWithReference(id)).toEqual([]);
    });
  });

  describe('with trytond stopped', () => {
    let stopped = false;
    afterAll(() => {
      if (stopped)
        execFileSync('bash', [`${root}scripts/tryton/setup.sh`], { cwd: root, stdio: 'pipe' });
    });

    it('still answers within the deadline: stale figures flagged, unknown ones unavailable', async () => {
      const { call } = await app();
      const warm = {
        customerId: c.acme,
        currency: 'EUR',
        lines: [{ productId: p.drill, quantity: '2' }],
      };
      expect((await call('POST', '/api/lookup/deal', warm)).status).toBe(200);

      execFileSync('bash', [`${root}scripts/tryton/stop.sh`], { cwd: root, stdio: 'pipe' });
      stopped = true;

      const started = Date.now();
      const refreshed = await call('POST', '/api/lookup/deal', { ...warm, refresh: true });
      const cold = await call('POST', '/api/lookup/deal', { ...warm, customerId: c.globex });
      const elapsed = Date.now() - started;

      expect(elapsed).toBeLessThan(2 * 2000);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.lines[0].stock).toMatchObject({ status: 'ok', stale: true });
      expect(refreshed.body.credit).toMatchObject({ status: 'ok', stale: true });
      expect(cold.status).toBe(200);
      expect(cold.body.credit).toMatchObject({ status: 'unavailable', reason: 'erp_unavailable' });
      expect(cold.body.lines[0].price.status).toBe('unavailable');
    });
  });
});
