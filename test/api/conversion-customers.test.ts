import { describe, expect, it } from 'vitest';
import type { SqlDb } from '../../server/store/sql.ts';
import { sandboxApp } from '../fixtures/app.ts';

/**
 * Deals that bring only their CRM account: the conversion finds the ERP customer (id map,
 * tax id, e-mail, phone, name), stops on an ambiguous one, or creates it.
 */

const account = (over: Record<string, unknown>) => ({
  id: 'crm-acc-1',
  name: 'Somebody',
  email: null,
  phone: null,
  taxId: null,
  country: 'DE',
  addresses: [
    {
      kind: 'billing',
      street: 'Hauptstraße 1',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    },
  ],
  ...over,
});

const deal = (acc: Record<string, unknown>) => ({
  title: 'Account-only deal',
  customerId: '',
  account: acc,
  currency: 'EUR',
  stage: 'won',
  lines: [{ lineId: 'l1', productId: 'P-1008', quantity: '2' }],
});

async function customerOfOrder(db: SqlDb, dealId: string) {
  return (
    await db.first<{ customer_id: string }>(
      'SELECT customer_id FROM sb_orders WHERE reference = ?',
      [dealId],
    )
  )?.customer_id;
}

describe('a deal that only knows its CRM account', () => {
  it.each([
    ['a tax id written with spaces and dots', { name: 'Acme', taxId: 'DE 123.456.789' }, 'tax id'],
    ['a tax id without its country prefix', { name: 'Acme', taxId: '123456789' }, 'tax id'],
    ['an e-mail in other case', { name: 'Acme', email: 'Purchasing@ACME.example' }, 'email'],
    ['a national phone number', { name: 'Acme', phone: '030 123456' }, 'phone'],
    ['a phone number with its country code', { name: 'Acme', phone: '+49 (30) 12 34 56' }, 'phone'],
    ['a name without its legal form', { name: 'ACME Industries' }, 'name'],
  ])('finds ACME by %s', async (_how, over, via) => {
    const { call, db } = await sandboxApp();
    await call('PUT', '/api/playground/deals/D-A1', deal(account(over)));
    const res = await call('POST', '/api/deals/D-A1/convert');
    expect(res.status).toBe(200);
    expect(await customerOfOrder(db, 'D-A1')).toBe('C-1001');
    const audit = (await call('GET', '/api/deals/D-A1/audit')).body.entries;
    expect(audit.find((e: any) => e.step === 'customer_resolved').summary).toBe(
      `Customer C-1001 found in the ERP (by ${via.replace(' ', '_')})`,
    );
  });

  it('remembers the match, so the next deal of the account uses the id map', async () => {
    const { call, db } = await sandboxApp();
    await call(
      'PUT',
      '/api/playground/deals/D-A1',
      deal(account({ name: 'Acme', email: 'purchasing@acme.example' })),
    );
    await call('POST', '/api/deals/D-A1/convert');
    await call(
      'PUT',
      '/api/playground/deals/D-A2',
      deal(account({ name: 'A renamed company', email: 'new@elsewhere.example' })),
    );
    await call('POST', '/api/deals/D-A2/convert');

    expect(await customerOfOrder(db, 'D-A2')).toBe('C-1001');
    const row = await db.first('SELECT erp_id, via FROM id_map WHERE kind = ? AND crm_id = ?', [
      'customer',
      'crm-acc-1',
    ]);
    expect(row).toEqual({ erp_id: 'C-1001', via: 'email' });
  });

  it('stops with the candidates when the name could be several customers', async () => {
    const { call, db } = await sandboxApp();
    // Two existing customers named alike: create a second "Globex" first.
    await call(
      'PUT',
      '/api/playground/deals/D-G0',
      deal(
        account({
          id: 'crm-g0',
          name: 'Globex Retail Ltd',
          email: 'g0@globex-uk.example',
          taxId: 'GB987654321',
          country: 'GB',
          addresses: [],
        }),
      ),
    );
    expect((await call('POST', '/api/deals/D-G0/convert')).status).toBe(200);

    await call(
      'PUT',
      '/api/playground/deals/D-G1',
      deal(account({ id: 'crm-g1', name: 'Globex Retail' })),
    );
    const res = await call('POST', '/api/deals/D-G1/convert');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('customer_ambiguous');
    expect(res.body.error.message).toContain('Globex Retail GmbH');
    expect(await customerOfOrder(db, 'D-G1')).toBeUndefined();
  });

  it('creates the customer from the account when nobody matches, with umlauts and an ampersand intact', async () => {
    const { call, db } = await sandboxApp();
    const newcomer = account({
      id: 'crm-new',
      name: 'Müller & Söhne Präzisionswerkzeuge KG',
      email: 'einkauf@mueller-soehne.example',
      phone: '+49 711 987654',
    });
    await call('PUT', '/api/playground/deals/D-N1', deal(newcomer));
    const res = await call('POST', '/api/deals/D-N1/convert');
    expect(res.status).toBe(200);

    const id = await customerOfOrder(db, 'D-N1');
    const created = await db.first(
      'SELECT name, email, phone, country, city, reference FROM sb_customers WHERE id = ?',
      [id!],
    );
    expect(created).toEqual({
      name: 'Müller & Söhne Präzisionswerkzeuge KG',
      email: 'einkauf@mueller-soehne.example',
      phone: '+49711987654',
      country: 'DE',
      city: 'Berlin',
      reference: 'crm-new',
    });
    const audit = (await call('GET', '/api/deals/D-N1/audit')).body.entries;
    expect(audit.find((e: any) => e.step === 'customer_resolved').after).toMatchObject({
      created: true,
      via: 'created',
    });
  });

  it('refuses to create a customer without an e-mail or a tax id, saying what is missing', async () => {
    const { call } = await sandboxApp();
    await call(
      'PUT',
      '/api/playground/deals/D-N2',
      deal(account({ id: 'crm-bare', name: 'Nameless Newcomer Ltd' })),
    );
    const pre = await call('GET', '/api/deals/D-N2/preflight');
    expect(pre.body.ok).toBe(false);
    const res = await call('POST', '/api/deals/D-N2/convert');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/e-mail|tax id/i);
  });

  it('refuses a deal with neither a customer nor an account', async () => {
    const { call } = await sandboxApp();
    const res = await call('PUT', '/api/playground/deals/D-N3', {
      ...deal(account({})),
      account: undefined,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('customerId');
  });
});
