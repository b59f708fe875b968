import { Hono } from 'hono';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { hmacHex } from '../convert/notify.ts';
import type { Converter } from '../convert/workflow.ts';
import { RequestError } from '../errors.ts';
import { conversionAnswer } from './convert.ts';
import { parseJsonText } from './parse.ts';

/**
 * "Deal won" webhooks from CRMs: the same conversion as the button, one path.
 *
 * Customermates signs the raw body with HMAC-SHA256 and the shared secret, hex, in
 * X-Webhook-Signature, and sends `{ event, data: { entityId, ... }, timestamp }`. We
 * check the signature over the exact bytes received, in constant time, refuse a delivery
 * whose timestamp is outside the tolerance (a replay), and answer 2xx only once the
 * conversion is durably recorded: 200 done, 202 recorded and retrying; a refusal is 4xx,
 * so the CRM shows it rather than believing it worked.
 */

const Envelope = z.object({
  event: z.string().min(1).max(100),
  data: z
    .object({ entityId: z.union([z.string().min(1).max(64), z.number().int().nonnegative()]) })
    .passthrough(),
  timestamp: z.union([z.string().min(1).max(40), z.number()]),
});

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** ISO text, or Unix time in seconds or milliseconds. */
function epochMs(timestamp: string | number): number {
  if (typeof timestamp === 'number') return timestamp < 1e12 ? timestamp * 1000 : timestamp;
  return /^\d+$/.test(timestamp) ? epochMs(Number(timestamp)) : Date.parse(timestamp);
}

export function webhookRoutes(deps: {
  converter: Converter;
  config: Config['webhooks'];
  env: Record<string, string | undefined>;
  now: () => Date;
}) {
  const cm = deps.config.customermates;

  return new Hono().post('/webhooks/customermates', async (c) => {
    const secret = deps.env[cm.secretEnv];
    if (!secret) {
      throw new RequestError(
        'not_found',
        404,
        `The Customermates webhook is not set up: set ${cm.secretEnv} on the server.`,
      );
    }

    const raw = await c.req.text();
    const header = c.req.header('x-webhook-signature');
    if (!header) {
      throw new RequestError(
        'unauthorized',
        401,
        'The X-Webhook-Signature header is missing; the CRM signs the raw body with the shared secret.',
      );
    }
    const given = header
      .trim()
      .toLowerCase()
      .replace(/^sha256=/, '');
    if (!constantTimeEqual(given, await hmacHex(secret, raw))) {
      throw new RequestError(
        'unauthorized',
        401,
        'The webhook signature does not match the body; check the shared secret.',
      );
    }

    const delivery = parseJsonText(raw, Envelope);
    const sent = epochMs(delivery.timestamp);
    if (!Number.isFinite(sent)) {
      throw new RequestError(
        'validation_failed',
        400,
        'The delivery’s timestamp is not a time: send ISO 8601 or Unix seconds.',
      );
    }
    if (Math.abs(deps.now().getTime() - sent) > cm.toleranceSeconds * 1000) {
      throw new RequestError(
        'unauthorized',
        401,
        `The webhook timestamp is more than ${cm.toleranceSeconds} s from now; a replay is refused.`,
      );
    }
    if (!cm.wonEvents.includes(delivery.event)) {
      return c.json(
        {
          ignored: true,
          reason: `Event "${delivery.event}" is not one of ${cm.wonEvents.join(', ')}.`,
        },
        200,
      );
    }

    const record = await deps.converter.convert(
      String(delivery.data.entityId),
      'webhook:customermates',
    );
    return conversionAnswer(c, record);
  });
}
