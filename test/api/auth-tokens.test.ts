import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../../shared/errors.ts';
import { sandboxApp, testTokenSecret } from '../fixtures/app.ts';

const lookupBody = (customerId: string) => ({
  customerId,
  currency: 'EUR',
  lines: [{ lineId: 'a', productId: 'P-1001', quantity: '1' }],
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('calls without a valid context token', () => {
  it('refuses a lookup without a token with 401 and the envelope', async () => {
    const { call } = await sandboxApp({ autoToken: false });
    const res = await call('POST', '/api/lookup/deal', lookupBody('C-1001'));
    expect(res.status).toBe(401);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses a forged token signed with another secret', async () => {
    const { call } = await sandboxApp();
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign(
      {
        sub: 'rep',
        aud: 'erp-lens',
        scope: 'lookup convert',
        customer: 'C-1001',
        iat: now,
        exp: now + 300,
      },
      'not-the-shared-secret-0123456789abcdef',
      'HS256',
    );
    const res = await call('GET', '/api/accounts/C-1001', undefined, bearer(forged));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('answers an expired token with 401 token_expired', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const { call, token } = await sandboxApp({ now: () => new Date(clock) });
    const old = await token({ customer: 'C-1001' });
    clock += 16 * 60_000;
    const res = await call('GET', '/api/accounts/C-1001', undefined, bearer(old));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('refuses a token that claims to live an hour', async () => {
    const { call } = await sandboxApp();
    const now = Math.floor(Date.now() / 1000);
    const long = await sign(
      {
        sub: 'rep',
        aud: 'erp-lens',
        scope: 'lookup',
        customer: 'C-1001',
        iat: now,
        exp: now + 3600,
      },
      testTokenSecret,
      'HS256',
    );
    const res = await call('GET', '/api/accounts/C-1001', undefined, bearer(long));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('15 minutes');
  });

  it('refuses every call that needs a token when the server has no secret', async () => {
    const { call, token } = await sandboxApp({ auth: null });
    const res = await call(
      'GET',
      '/api/accounts/C-1001',
      undefined,
      bearer(await token({ customer: 'C-1001' })),
    );
    expect(res.status).toBe(401);
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it('lets health through without a token', async () => {
    const { call } = await sandboxApp({ autoToken: false });
    expect((await call('GET', '/api/health')).status).toBe(200);
  });
});

describe('what a token allows', () => {
  it('lets a lookup token read its own customer', async () => {
    const { call, token } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['lookup'], customer: 'C-1001' }));
    expect((await call('POST', '/api/lookup/deal', lookupBody('C-1001'), auth)).status).toBe(200);
    expect((await call('GET', '/api/accounts/C-1001', undefined, auth)).status).toBe(200);
    expect((await call('GET', '/api/products?q=drill', undefined, auth)).status).toBe(200);
  });

  it('does not let a token for customer X read customer Y', async () => {
    const { call, token } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['lookup'], customer: 'C-1001' }));
    const account = await call('GET', '/api/accounts/C-1002', undefined, auth);
    const lookup = await call('POST', '/api/lookup/deal', lookupBody('C-1002'), auth);
    expect([account.status, lookup.status]).toEqual([403, 403]);
    expect(lookup.body.error.code).toBe('forbidden');
  });

  it('does not let padding around the id slip past the customer check', async () => {
    const { call, token } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['lookup'], customer: 'C-1001' }));
    const res = await call('POST', '/api/lookup/deal', lookupBody('  C-1002 '), auth);
    expect(res.status).toBe(403);
  });

  it('does not let a lookup token without a customer read any figures', async () => {
    const { call, token } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['lookup'] }));
    expect((await call('GET', '/api/accounts/C-1001', undefined, auth)).status).toBe(403);
  });

  it('does not let a lookup token convert', async () => {
    const { call, token, db } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['lookup'], customer: 'C-1003', deal: 'D-1003' }));
    const res = await call('POST', '/api/deals/D-1003/convert', undefined, auth);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('"convert"');
    expect(
      await db.all('SELECT number FROM sb_orders WHERE reference = ?', ['D-1003']),
    ).toHaveLength(0);
  });

  it('does not let a token for deal A convert deal B', async () => {
    const { call, token, db } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['convert'], deal: 'D-1003' }));
    const res = await call('POST', '/api/deals/D-1004/convert', undefined, auth);
    expect(res.status).toBe(403);
    expect(
      await db.all('SELECT number FROM sb_orders WHERE reference = ?', ['D-1004']),
    ).toHaveLength(0);
  });

  it('lets a convert token for the deal convert it and read its conversion', async () => {
    const { call, token } = await sandboxApp();
    const auth = bearer(await token({ scopes: ['convert'], deal: 'D-1003' }));
    expect((await call('POST', '/api/deals/D-1003/convert', undefined, auth)).status).toBe(200);
    expect((await call('GET', '/api/deals/D-1003/conversion', undefined, auth)).status).toBe(200);
    expect((await call('GET', '/api/deals/D-1004/conversion', undefined, auth)).status).toBe(403);
  });

  it('keeps the dead-letter list to ops tokens', async () => {
    const { call, token } = await sandboxApp();
    const rep = bearer(await token({ scopes: ['lookup', 'convert'], deal: 'D-1003' }));
    const ops = bearer(await token({ scopes: ['ops'] }));
    expect((await call('GET', '/api/conversions', undefined, rep)).status).toBe(403);
    expect((await call('GET', '/api/conversions', undefined, ops)).status).toBe(200);
    expect((await call('POST', '/api/conversions/D-1004/retry', undefined, rep)).status).toBe(403);
  });
});

describe('dev mode', () => {
  it('mints playground tokens that the API accepts', async () => {
    const { call } = await sandboxApp({ autoToken: false });
    const minted = await call('GET', '/api/dev/token?customer=C-1001&scope=lookup');
    expect(minted.status).toBe(200);
    expect(minted.headers.get('cache-control')).toBe('no-store');
    const res = await call('GET', '/api/accounts/C-1001', undefined, bearer(minted.body.token));
    expect(res.status).toBe(200);
  });

  it('has no token endpoint when dev mode is off', async () => {
    const { call } = await sandboxApp({
      auth: { secret: testTokenSecret, devMode: false },
      autoToken: false,
    });
    const res = await call('GET', '/api/dev/token?customer=C-1001');
    expect(res.status).toBe(404);
  });

  it('says so in the log at start-up', async () => {
    const { logs } = await sandboxApp();
    expect(logs.some((line) => JSON.parse(line).event === 'auth.dev_mode')).toBe(true);
  });
});
