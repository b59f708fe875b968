import { describe, expect, it } from 'vitest';
import { ErpError, ErpRejected, ErpUnavailable } from '../../server/erp/errors.ts';
import {
  date,
  decimal,
  decodeValue,
  formatQuantity,
  plainDecimal,
} from '../../server/erp/tryton/codec.ts';
import { refusalCode } from '../../server/erp/tryton/faults.ts';
import { TrytonRpc } from '../../server/erp/tryton/rpc.ts';

interface Sent {
  method: string;
  params: unknown[];
  authorization: string | null;
}

type Reply =
  Response | ((sent: Sent, signal: AbortSignal | undefined) => Response | Promise<Response>);

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const html = (status: number, title: string, headers: Record<string, string> = {}) =>
  new Response(`<!doctype html>\n<title>${title}</title>`, {
    status,
    headers: { 'content-type': 'text/html', ...headers },
  });

/**
 * A Tryton that logs in anyone (session "key-N" for the Nth login) and answers model calls
 * from `reply`. Records every request.
 */
function fakeTryton(reply: (sent: Sent, signal?: AbortSignal) => Reply) {
  const sent: Sent[] = [];
  let logins = 0;
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { method: string; params: unknown[] };
    const headers = new Headers(init?.headers);
    const request = {
      method: body.method,
      params: body.params,
      authorization: headers.get('authorization'),
    };
    sent.push(request);
    if (body.method === 'common.db.login') return json({ id: 1, result: [7, `key-${++logins}`] });
    if (body.method === 'model.res.user.get_preferences')
      return json({ id: 1, result: { company: 1, language: 'en' } });
    const answer = reply(request, init?.signal ?? undefined);
    return typeof answer === 'function' ? answer(request, init?.signal ?? undefined) : answer;
  };
  const rpc = (timeoutMs = 1_000) =>
    new TrytonRpc({
      url: 'http://127.0.0.1:8000/',
      database: 'erplens',
      username: 'erplens',
      password: 'pw',
      timeoutMs,
      fetch,
      now: () => Date.parse('2026-12-04T12:00:00Z'),
    });
  return { sent, rpc, logins: () => logins };
}

const session = (key: string) => `Session ${btoa(`erplens:7:${key}`)}`;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('Tryton value encoding', () => {
  it('writes decimals and dates as Tryton tagged objects', () => {
    expect(decimal('12.50')).toEqual({ __class__: 'Decimal', decimal: '12.50' });
    expect(date('2026-09-05')).toEqual({ __class__: 'date', year: 2026, month: 9, day: 5 });
    expect(() => decimal('1e5')).toThrow(TypeError);
    expect(() => date('5.9.2026')).toThrow(TypeError);
  });

  it('reads tagged values anywhere in a result as strings and numbers', () => {
    const decoded = decodeValue([
      {
        amount: { __class__: 'Decimal', decimal: '211.65000000000000' },
        due: { __class__: 'date', year: 2026, month: 9, day: 25 },
        at: {
          __class__: 'datetime',
          year: 2026,
          month: 1,
          day: 2,
          hour: 3,
          minute: 4,
          second: 5,
          microsecond: 0,
        },
        overdue: { __class__: 'timedelta', seconds: 1209600.0 },
        'lines.': [{ maturity: { __class__: 'date', year: 2027, month: 1, day: 31 } }],
        quantity: 12.5,
      },
    ]);

    expect(decoded).toEqual([
      {
        amount: '211.65000000000000',
        due: '2026-09-25',
        at: '2026-01-02T03:04:05',
        overdue: 1209600,
        'lines.': [{ maturity: '2027-01-31' }],
        quantity: 12.5,
      },
    ]);
  });

  it("expands Python's exponent notation for decimals", () => {
    expect(plainDecimal('0E-8')).toBe('0');
    expect(plainDecimal('1E+2')).toBe('100');
    expect(plainDecimal('-1.5E-3')).toBe('-0.0015');
    expect(plainDecimal('1307.69')).toBe('1307.69');
  });

  it('formats float quantities without float noise', () => {
    expect(formatQuantity(120.5)).toBe('120.5');
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
    expect(formatQuantity(-0)).toBe('0');
    expect(formatQuantity(40)).toBe('40');
  });
});

describe('Tryton RPC sessions', () => {
  it('logs in once, then sends the session header and the preferences as the context', async () => {
    const fake = fakeTryton(() => json({ id: 1, result: [] }));
    const rpc = fake.rpc();

    await rpc.model('party.party', 'search_read', [[], 0, null, null, ['name']], {
      context: { locations: [5] },
    });
    await rpc.model('party.party', 'read', [[1], ['name']]);

    const calls = fake.sent.filter((s) => s.method.startsWith('model.party'));
    expect(fake.logins()).toBe(1);
    expect(calls[0]).toEqual({
      method: 'model.party.party.search_read',
      params: [[], 0, null, null, ['name'], { company: 1, language: 'en', locations: [5] }],
      authorization: session('key-1'),
    });
    expect(calls[1]?.params.at(-1)).toEqual({ company: 1, language: 'en' });
  });

  it('shares one login between concurrent first calls', async () => {
    const fake = fakeTryton(() => json({ id: 1, result: null }));
    const rpc = fake.rpc();

    await Promise.all([1, 2, 3, 4, 5].map(() => rpc.model('party.party', 'read', [[1], []])));

    expect(fake.logins()).toBe(1);
  });

  it('logs in again once when the session expired (401, empty body) and retries the call', async () => {
    const fake = fakeTryton((sent) =>
      sent.authorization === session('key-1')
        ? new Response('', { status: 401 })
        : json({ id: 1, result: 'ok' }),
    );
    const rpc = fake.rpc();
    await rpc.context();

    const results = await Promise.all(
      [1, 2, 3].map(() => rpc.model('party.party', 'read', [[1], []])),
    );

    expect(results).toEqual(['ok', 'ok', 'ok']);
    expect(fake.logins()).toBe(2);
  });

  it('decodes the result of a call', async () => {
    const fake = fakeTryton(() =>
      json({ id: 1, result: [{ id: 1, total: { __class__: 'Decimal', decimal: '1307.69' } }] }),
    );

    expect(await fake.rpc().model('account.invoice', 'read', [[1], ['total']])).toEqual([
      { id: 1, total: '1307.69' },
    ]);
  });
});

describe('Tryton error mapping', () => {
  const call = (reply: Reply, method = 'read', timeoutMs?: number) =>
    rejection(
      fakeTryton(() => reply)
        .rpc(timeoutMs)
        .model('sale.sale', method, [[1]]),
    );

  it('turns a credit-limit UserError into ErpRejected credit_blocked with Tryton reason', async () => {
    const error = await call(
      json({
        id: 1,
        error: [
          'UserError',
          ['Party "ACME Industries AG" has reached their credit limit of €5000.00.', '', null],
        ],
      }),
      'confirm',
    );

    expect(error).toBeInstanceOf(ErpRejected);
    expect(error).toMatchObject({
      code: 'credit_blocked',
      retryable: false,
      message: expect.stringContaining('ACME'),
    });
  });

  it('turns a UserWarning into ErpRejected too, keeping the warning name', async () => {
    const error = await call(
      json({
        id: 1,
        error: [
          'UserWarning',
          [
            'credit_limit_amount_sale.sale,6',
            'Party "ACME" has reached their credit limit of €5000.00.',
            '',
          ],
        ],
      }),
      'confirm',
    );

    expect(error).toMatchObject({
      name: 'ErpRejected',
      code: 'credit_blocked',
      cause: { warningName: 'credit_limit_amount_sale.sale,6' },
    });
  });

  it('recognises missing records of products and parties', () => {
    expect(
      refusalCode(
        'You are trying to read records "999999" of "Variant" that don\'t exist anymore.',
      ),
    ).toBe('unknown_product');
    expect(
      refusalCode('You are trying to read records "9" of "Party" that don\'t exist anymore.'),
    ).toBe('unknown_customer');
    expect(refusalCode('A value is required for field "Default UOM" in "Product Template".')).toBe(
      'erp_rejected',
    );
  });

  it('treats an unknown model or field as a non-retryable bug, not a refusal', async () => {
    const error = await call(json({ id: 1, error: ["'no_such_field'", ''] }));

    expect(error).toBeInstanceOf(ErpError);
    expect(error).not.toBeInstanceOf(ErpRejected);
    expect(error).not.toBeInstanceOf(ErpUnavailable);
    expect(error).toMatchObject({
      retryable: false,
      message: expect.stringContaining('no_such_field'),
    });
  });

  it('reports a refused login (401 HTML) as ErpUnavailable naming the fix', async () => {
    const fetch = async () => html(401, '401 Unauthorized');
    const rpc = new TrytonRpc({
      url: 'http://127.0.0.1:8000',
      database: 'erplens',
      username: 'erplens',
      password: 'bad',
      fetch,
    });

    const error = await rejection(rpc.model('party.party', 'read', [[1], []]));

    expect(error).toBeInstanceOf(ErpUnavailable);
    expect((error as Error).message).toMatch(/username and password/);
  });

  it('reads Retry-After from 429 (seconds) and 503 (HTTP date)', async () => {
    expect(await call(html(429, '429 Too Many Requests', { 'retry-after': '7' }))).toMatchObject({
      name: 'ErpUnavailable',
      retryAfterSeconds: 7,
    });
    expect(
      await call(html(503, '503', { 'retry-after': 'Fri, 04 Dec 2026 12:00:30 GMT' })),
    ).toMatchObject({ retryAfterSeconds: 30 });
  });

  it('marks a 5xx on a write as ambiguous, a 403 HTML page as unavailable', async () => {
    expect(await call(html(500, '500 Internal Server Error'), 'create')).toMatchObject({
      name: 'ErpUnavailable',
      ambiguous: true,
    });
    expect(await call(html(403, '403 Forbidden'))).toMatchObject({
      name: 'ErpUnavailable',
      ambiguous: false,
      message: expect.stringContaining('403 Forbidden'),
    });
  });

  it('marks a refused connection as not ambiguous, even for a write', async () => {
    const refused = () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };

    expect(await call(refused, 'create')).toMatchObject({
      name: 'ErpUnavailable',
      ambiguous: false,
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('times out a call that gets no answer; ambiguous for writes only', async () => {
    const hang = (_: Sent, signal?: AbortSignal) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason)),
      );

    expect(await call(hang, 'confirm', 50)).toMatchObject({
      name: 'ErpUnavailable',
      ambiguous: true,
      message: expect.stringContaining('50 ms'),
    });
    expect(await call(hang, 'search_read', 50)).toMatchObject({
      name: 'ErpUnavailable',
      ambiguous: false,
    });
  });

  it('stops when the caller aborts', async () => {
    const fake = fakeTryton(
      () => (_: Sent, signal?: AbortSignal) =>
        new Promise<Response>((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason)),
        ),
    );
    const controller = new AbortController();
    const pending = rejection(
      fake.rpc(5_000).model('party.party', 'read', [[1], []], { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);

    expect(await pending).toMatchObject({
      name: 'ErpUnavailable',
      message: expect.stringContaining('aborted'),
    });
  });
});
