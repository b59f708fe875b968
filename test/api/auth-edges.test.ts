import { describe, expect, it } from 'vitest';
import { sandboxApp } from '../fixtures/app.ts';

const crm = 'https://crm.example.com';
const config = { erp: { type: 'sandbox', path: ':memory:' }, auth: { allowedOrigins: [crm] } };

describe('CORS', () => {
  it('answers a preflight from an allowed CRM origin with 204 and the allowed headers', async () => {
    const { app } = await sandboxApp({ config });
    const res = await app.request('/api/lookup/deal', {
      method: 'OPTIONS',
      headers: {
        origin: crm,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(crm);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('gives a foreign origin no CORS grant on a preflight', async () => {
    const { app } = await sandboxApp({ config });
    const res = await app.request('/api/lookup/deal', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a call from a foreign origin with 403 even with a valid token', async () => {
    const { call } = await sandboxApp({ config });
    const res = await call('GET', '/api/accounts/C-1001', undefined, {
      origin: 'https://evil.example.net',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the opaque origin "null" of a sandboxed frame', async () => {
    const { call } = await sandboxApp({ config });
    expect((await call('GET', '/api/accounts/C-1001', undefined, { origin: 'null' })).status).toBe(
      403,
    );
  });

  it('answers an allowed origin with the grant and Vary: Origin, on errors too', async () => {
    const { call } = await sandboxApp({ config, autoToken: false });
    const res = await call('GET', '/api/accounts/C-1001', undefined, { origin: crm });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(crm);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it("lets the page on the server's own origin call without being listed", async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/accounts/C-1001', undefined, {
      origin: 'http://localhost',
    });
    expect(res.status).toBe(200);
  });
});

describe('secure headers', () => {
  it('lets only the server itself and the allowed CRMs frame its pages', async () => {
    const { app } = await sandboxApp({ config });
    const res = await app.request('/frame.html');
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${crm}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('limits', () => {
  it('refuses an oversized body with 413 before looking at the token', async () => {
    const { call } = await sandboxApp({ autoToken: false });
    const res = await call(
      'POST',
      '/api/lookup/deal',
      JSON.stringify({ pad: 'x'.repeat(300_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers the lookup after the limit with 429 and Retry-After, and again when the window is over', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const { call } = await sandboxApp({
      now: () => new Date(clock),
      config: {
        erp: { type: 'sandbox', path: ':memory:' },
        auth: { rateLimits: { lookup: { max: 2, windowMs: 60_000 } } },
      },
    });
    const look = () => call('GET', '/api/accounts/C-1001');
    expect([(await look()).status, (await look()).status]).toEqual([200, 200]);

    clock += 20_000;
    const limited = await look();
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(limited.headers.get('retry-after')).toBe('40');

    clock += 40_000;
    expect((await look()).status).toBe(200);
  });

  it('counts conversions apart from lookups, per user', async () => {
    const { call, token } = await sandboxApp({
      config: {
        erp: { type: 'sandbox', path: ':memory:' },
        auth: { rateLimits: { convert: { max: 1, windowMs: 60_000 } } },
      },
    });
    const as = async (sub: string) => ({
      authorization: `Bearer ${await token({ sub, deal: 'D-1003' })}`,
    });
    expect(
      (await call('POST', '/api/deals/D-1003/convert', undefined, await as('rep-a'))).status,
    ).toBe(200);
    expect(
      (await call('POST', '/api/deals/D-1003/convert', undefined, await as('rep-a'))).status,
    ).toBe(429);
    expect(
      (await call('POST', '/api/deals/D-1003/convert', undefined, await as('rep-b'))).status,
    ).toBe(200);
    expect(
      (await call('GET', '/api/deals/D-1003/conversion', undefined, await as('rep-a'))).status,
    ).toBe(200);
  });
});
