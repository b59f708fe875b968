import { describe, expect, it } from 'vitest';
import { mintContextToken } from '../../server/auth/context-token.ts';
import { boot } from '../../server/bootstrap.ts';
import { parseConfig } from '../../server/config.ts';
import { hmacHex } from '../../server/convert/notify.ts';
import { createRemoteErp } from '../../server/erp/factory.ts';
import { createLogger } from '../../server/observe/logger.ts';
import { openSqlite } from '../../server/store/sqlite.ts';
import { sandboxApp } from '../fixtures/app.ts';

/**
 * A full run with every secret configured: the ERP password, the token signing key, the
 * webhook and notification secrets, the ERP's session key, and the context tokens the calls
 * carry. Nothing the server answers or logs may contain any of them.
 */

const tokenSecret = 'leak-check-token-signing-key-5d1f0c7e9a2b4c6d8e0f';
const erpPassword = 'leak-check-erp-password-Zq93!';
const erpSessionKey = 'leak-check-erp-session-key-77e1';
const webhookSecret = 'leak-check-webhook-secret-a81c0f';
const notifySecret = 'leak-check-notify-secret-3b9d2e';

const env = {
  ERP_LENS_TOKEN_SECRET: tokenSecret,
  TRYTON_PASSWORD: erpPassword,
  CUSTOMERMATES_WEBHOOK_SECRET: webhookSecret,
  ERP_LENS_NOTIFY_SECRET: notifySecret,
};

interface Seen {
  texts: string[];
  tokens: string[];
}

/** Every piece of a secret long enough to be recognised: the whole, and a JWT's signature. */
function fragments(seen: Seen): string[] {
  const secrets = [
    tokenSecret,
    erpPassword,
    erpSessionKey,
    webhookSecret,
    notifySecret,
    btoa(erpPassword),
  ];
  return [...secrets, ...seen.tokens, ...seen.tokens.map((t) => t.split('.')[2]!)];
}

async function record(seen: Seen, res: Response): Promise<number> {
  seen.texts.push(await res.text(), JSON.stringify([...res.headers]));
  return res.status;
}

/** A Tryton that logs in, then fails every call and echoes the request it got (session included). */
const echoingTryton: typeof fetch = async (_url, init) => {
  const request = JSON.parse(String(init?.body)) as { id: number; method: string };
  if (request.method === 'common.db.login') {
    return Response.json({ id: request.id, result: [1, erpSessionKey] });
  }
  const echo = `${JSON.stringify(init?.headers)} ${String(init?.body)}`;
  if (request.id % 2 === 0) {
    return new Response(`<html><title>Internal Server Error</title><pre>${echo}</pre></html>`, {
      status: 500,
    });
  }
  return Response.json({
    id: request.id,
    error: ['KeyError', [`no such thing in ${request.method}`, echo.slice(0, 40)]],
  });
};

describe('no secret leaks', () => {
  it('keeps every configured secret out of answers and log lines through a full run', async () => {
    const seen: Seen = { texts: [], tokens: [] };
    const logs: string[] = [];
    const now = () => new Date();
    const config = parseConfig({
      erp: { type: 'tryton', url: 'http://127.0.0.1:1/', database: 'erp', username: 'erp-lens' },
      store: { path: ':memory:' },
      auth: { devMode: false, allowedOrigins: ['https://crm.example.com'] },
      conversion: { maxAttempts: 1 },
    });
    const db = openSqlite(':memory:');
    const { app } = await boot({
      config,
      dbs: { store: db },
      logger: createLogger((line) => logs.push(line), { level: 'debug' }),
      env,
      auth: { secret: tokenSecret, devMode: false },
      erpFactory: (c) => createRemoteErp(c, env, { fetch: echoingTryton }),
    });

    const mint = async (claims: { customer?: string; deal?: string; sub?: string }) => {
      const { token } = await mintContextToken(
        { sub: claims.sub ?? 'rep-42', scopes: ['lookup', 'convert'], ...claims },
        tokenSecret,
        { now: now() },
      );
      seen.tokens.push(token);
      return token;
    };
    const send = async (
      method: string,
      path: string,
      token: string | null,
      body?: string,
      headers: Record<string, string> = {},
    ) =>
      record(
        seen,
        await app.request(path, {
          method,
          body,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
        }),
      );

    const rep = await mint({ customer: '7', deal: 'D-1003' });
    const lookup = JSON.stringify({
      customerId: '7',
      currency: 'EUR',
      lines: [{ lineId: 'a', productId: '3', quantity: '1' }],
    });
    await send('GET', '/api/health', null);
    await send('GET', '/api/products?q=drill', rep);
    await send('GET', '/api/customers?q=acme', rep);
    await send('POST', '/api/lookup/deal', rep, lookup);
    await send('GET', '/api/accounts/7', rep);
    const won = {
      title: 'Won',
      customerId: '7',
      currency: 'EUR',
      stage: 'won',
      lines: [{ lineId: 'a', productId: '3', quantity: '1' }],
    };
    await send('PUT', '/api/playground/deals/D-1003', rep, JSON.stringify(won));
    await send('PUT', '/api/playground/deals/D-1004', rep, JSON.stringify(won));
    await send('GET', '/api/deals/D-1003/preflight', rep);
    await send('POST', '/api/deals/D-1003/convert', rep, '');
    await send('GET', '/api/deals/D-1003/audit', rep);

    // Refusals must not echo the token they refuse.
    await send('GET', '/api/accounts/8', rep);
    await send('GET', '/api/accounts/7', `${rep}x`);
    await send('GET', '/api/accounts/7', rep, undefined, { origin: 'https://evil.example.net' });
    await send('GET', '/api/accounts/7', null, undefined, {
      authorization: `Basic ${btoa(`erp-lens:${erpPassword}`)}`,
    });
    // A token put in the query by mistake is not logged: the request line logs the path only.
    await send('GET', `/api/accounts/7?access_token=${rep}`, rep);

    // A webhook with a good and a bad signature.
    const delivery = JSON.stringify({
      event: 'deal.won',
      data: { entityId: 'D-1004' },
      timestamp: now().toISOString(),
    });
    await send('POST', '/api/webhooks/customermates', null, delivery, {
      'x-webhook-signature': await hmacHex(webhookSecret, delivery),
    });
    await send('POST', '/api/webhooks/customermates', null, delivery, {
      'x-webhook-signature': 'ab'.repeat(32),
    });

    expect(seen.texts.length).toBeGreaterThan(20);
    expect(logs.length).toBeGreaterThan(10);
    const everything = [...seen.texts, ...logs].join('\n');
    for (const secret of fragments(seen)) {
      expect(everything.includes(secret), `a secret (${secret.length} chars) leaked`).toBe(false);
    }
  });

  it('logs ids, not the names, e-mails or tax ids of customers', async () => {
    const { call, logs } = await sandboxApp();
    const account = await call('GET', '/api/accounts/C-1001');
    await call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ productId: 'P-1001', quantity: '1' }],
    });
    await call('POST', '/api/deals/D-1003/convert');
    await call('GET', '/api/customers?q=acme');

    const customer = account.body.customer;
    expect(customer.name).toBeTruthy();
    const logged = logs.join('\n');
    expect(logged).not.toContain(customer.name);
    expect(logged).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i);
  });

  it('redacts keys that look like secrets in log fields', async () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.info('anything', {
      password: erpPassword,
      authorization: 'Bearer x',
      tokenSecret,
      apiKey: 'k',
    });
    expect(lines[0]).not.toContain(erpPassword);
    expect(lines[0]).not.toContain(tokenSecret);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      password: '[redacted]',
      authorization: '[redacted]',
      apiKey: '[redacted]',
    });
  });
});
