import { beforeAll, describe, expect, it } from 'vitest';
import { hmacHex } from '../../server/convert/notify.ts';
import { ErrorEnvelope } from '../../shared/errors.ts';
import { sandboxApp } from '../fixtures/app.ts';
import { hostileSegments, mutations, type Case } from './hostile-values.ts';

/**
 * Every endpoint, fed generated malformed input: the answer is a 2xx (the input happened to
 * be acceptable) or a 4xx envelope, never a 5xx, never a crash. Each case carries a token
 * for what it names, so the input reaches the route's own parsing.
 */

const webhookSecret = 'hostile-suite-webhook-secret-0123';
const config = {
  erp: { type: 'sandbox', path: ':memory:' },
  auth: {
    rateLimits: {
      lookup: { max: 1_000_000, windowMs: 60_000 },
      convert: { max: 1_000_000, windowMs: 60_000 },
    },
  },
};

const validDeal = {
  title: 'A deal',
  customerId: 'C-1001',
  currency: 'EUR',
  stage: 'open',
  lines: [{ lineId: 'a', productId: 'P-1001', quantity: '2' }],
};

interface BodyEndpoint {
  method: 'POST' | 'PUT';
  path: string;
  valid: Record<string, unknown>;
  headers?: (text: string) => Promise<Record<string, string>>;
}

const bodyEndpoints: BodyEndpoint[] = [
  {
    method: 'POST',
    path: '/api/lookup/deal',
    valid: {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ lineId: 'a', productId: 'P-1001', quantity: '2', unitPrice: '10.00' }],
      refresh: false,
    },
  },
  {
    method: 'POST',
    path: '/api/deals/D-1001/convert',
    valid: { override: { reason: 'the rep says so' } },
  },
  {
    method: 'POST',
    path: '/api/conversions/D-1001/retry',
    valid: { override: { reason: 'the rep says so' } },
  },
  { method: 'POST', path: '/api/conversions/D-1001/dismiss', valid: { reason: 'a duplicate' } },
  { method: 'PUT', path: '/api/playground/deals/D-9', valid: validDeal },
  {
    method: 'POST',
    path: '/api/webhooks/customermates',
    valid: { event: 'deal.won', data: { entityId: 'D-1001' }, timestamp: '2026-03-02T10:00:00Z' },
    headers: async (text) => ({ 'x-webhook-signature': await hmacHex(webhookSecret, text) }),
  },
];

const pathEndpoints: Array<[string, (segment: string) => string]> = [
  ['GET /api/accounts/:id', (s) => `/api/accounts/${s}`],
  ['GET /api/deals/:id/conversion', (s) => `/api/deals/${s}/conversion`],
  ['GET /api/deals/:id/audit', (s) => `/api/deals/${s}/audit`],
  ['GET /api/deals/:id/preflight', (s) => `/api/deals/${s}/preflight`],
  ['GET /api/conversions/:id', (s) => `/api/conversions/${s}`],
  ['GET /api/playground/deals/:id', (s) => `/api/playground/deals/${s}`],
  ['GET /api/products?q=', (s) => `/api/products?q=${s}&limit=${s}`],
  ['GET /api/customers?q=', (s) => `/api/customers?q=${s}&limit=${s}`],
  ['GET /api/conversions?status=', (s) => `/api/conversions?status=${s}&limit=${s}`],
  [
    'GET /api/dev/token?customer=',
    (s) => `/api/dev/token?customer=${s}&deal=${s}&scope=${s}&sub=${s}`,
  ],
];

type Answer = { status: number; body: unknown };

function expectCalm(what: string, answer: Answer): void {
  expect(answer.status, `${what} answered ${answer.status}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(
      ErrorEnvelope.safeParse(answer.body).success,
      `${what} answered ${answer.status} without the envelope`,
    ).toBe(true);
  }
}

describe('hostile input', () => {
  let app: Awaited<ReturnType<typeof sandboxApp>>;
  beforeAll(async () => {
    app = await sandboxApp({ config, env: { CUSTOMERMATES_WEBHOOK_SECRET: webhookSecret } });
  });

  describe.each(bodyEndpoints)('$method $path', (endpoint) => {
    const cases: Case[] = mutations(endpoint.valid);

    it(`answers ${cases.length} malformed bodies with a 2xx or a 4xx envelope, never a 5xx`, async () => {
      let refused = 0;
      for (const c of cases) {
        const headers = (await endpoint.headers?.(c.text)) ?? {};
        const answer = await app.call(endpoint.method, endpoint.path, c.text, headers);
        expectCalm(`${endpoint.method} ${endpoint.path} with ${c.name}`, answer);
        if (answer.status >= 400) refused += 1;
      }
      // Most of the catalogue is plainly wrong; a suite that refuses little is testing nothing.
      expect(refused).toBeGreaterThan(cases.length / 2);
    });

    it('refuses input that is not a JSON object with 400', async () => {
      for (const text of [
        '{',
        '"text"',
        '[]',
        'null',
        `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      ]) {
        const headers = (await endpoint.headers?.(text)) ?? {};
        const answer = await app.call(endpoint.method, endpoint.path, text, headers);
        expect(answer.status, `${endpoint.path} with ${text.slice(0, 10)}`).toBe(400);
      }
    });
  });

  it.each(pathEndpoints)(
    'answers hostile ids and queries on %s with a 2xx or a 4xx envelope',
    async (name, build) => {
      for (const [what, segment] of hostileSegments) {
        const answer = await app.call('GET', build(segment));
        expectCalm(`${name} with ${what}`, answer);
      }
    },
  );

  it('leaves Object.prototype as it was', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('still answers a plain lookup after all of it', async () => {
    const answer = await app.call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ lineId: 'a', productId: 'P-1001', quantity: '2' }],
    });
    expect(answer.status).toBe(200);
  });
});
