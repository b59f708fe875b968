import { describe, expect, it } from 'vitest';
import { createNotifier, hmacHex } from '../../server/convert/notify.ts';
import { createLogger } from '../../server/observe/logger.ts';

const notice = {
  event: 'conversion.dead' as const,
  dealId: 'D-1',
  code: 'erp_unavailable',
  message: 'The ERP is not reachable right now.',
  attempts: 6,
  at: '2026-12-04T10:00:00.000Z',
};

describe('the failure notifier', () => {
  it('posts the notice as JSON, signed with HMAC-SHA256 of the raw body', async () => {
    const sent: Array<{ url: string; init: RequestInit }> = [];
    const notify = createNotifier({
      url: 'http://127.0.0.1:9/hook',
      secret: 'notify-secret',
      logger: createLogger(() => undefined),
      fetch: async (url, init) => {
        sent.push({ url: String(url), init: init! });
        return new Response(null, { status: 204 });
      },
    });
    await notify(notice);

    expect(sent).toHaveLength(1);
    const body = sent[0]!.init.body as string;
    expect(JSON.parse(body)).toEqual(notice);
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers['x-webhook-signature']).toBe(await hmacHex('notify-secret', body));
  });

  it('logs a failed delivery instead of throwing into the conversion', async () => {
    const logs: string[] = [];
    const notify = createNotifier({
      url: 'http://127.0.0.1:9/hook',
      secret: undefined,
      logger: createLogger((l) => logs.push(l)),
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(notify(notice)).resolves.toBeUndefined();
    expect(JSON.parse(logs[0]!)).toMatchObject({
      level: 'warn',
      event: 'notify.failed',
      dealId: 'D-1',
    });
  });

  it('does nothing without a URL', async () => {
    let called = false;
    const notify = createNotifier({
      url: undefined,
      secret: 's',
      logger: createLogger(() => undefined),
      fetch: async () => {
        called = true;
        return new Response();
      },
    });
    await notify(notice);
    expect(called).toBe(false);
  });

  it('signs known vectors like any HMAC-SHA256 implementation (RFC 4231 case 2)', async () => {
    expect(await hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
