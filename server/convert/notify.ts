import type { Logger } from '../observe/logger.ts';

/**
 * Tells an outside URL (a chat hook, an ops inbox) that a conversion needs a person.
 * The body is signed like the webhooks we receive: HMAC-SHA256 of the raw body, hex, in
 * X-Webhook-Signature. One attempt with a short timeout; a failure is logged, never
 * allowed to disturb the conversion.
 */

export interface FailureNotice {
  event: 'conversion.failed' | 'conversion.dead';
  dealId: string;
  code: string;
  message: string;
  attempts: number;
  at: string;
}

export async function hmacHex(secret: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createNotifier(options: {
  url: string | undefined;
  secret: string | undefined;
  logger: Logger;
  fetch?: typeof fetch;
}): (notice: FailureNotice) => Promise<void> {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);

  return async function notify(notice) {
    if (!options.url) return;
    const body = JSON.stringify(notice);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.secret) headers['x-webhook-signature'] = await hmacHex(options.secret, body);
    try {
      const res = await send(options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok)
        options.logger.warn('notify.refused', { dealId: notice.dealId, status: res.status });
    } catch (error) {
      options.logger.warn('notify.failed', { dealId: notice.dealId, error });
    }
  };
}
