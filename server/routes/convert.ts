import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { ConversionStatus, ConvertRequest } from '../../shared/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Converter } from '../convert/workflow.ts';
import { RequestError } from '../errors.ts';
import { toConversion, type ConversionRecord, type ConversionStore } from '../store/conversions.ts';
import { envelope, statusFor } from './envelope.ts';
import { parseJsonText, parseParam, parseQuery } from './parse.ts';

const DealId = z.string().trim().min(1, 'a deal id is required').max(64, 'at most 64 characters');
const DismissRequest = z
  .object({ reason: z.string().trim().min(3, 'say why, in a few words').max(500) })
  .strict();
const ListQuery = z.object({
  status: z
    .string()
    .default('failed,dead')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(ConversionStatus).min(1)),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * A conversion's answer: 200 when done, 202 while it waits for an automatic retry (it is
 * recorded and will go on), the envelope with the conversion in `details` when a person
 * must act. Shared by the button, the ops retry and the webhook.
 */
export function conversionAnswer(c: Context, record: ConversionRecord): Response {
  const conversion = toConversion(record);
  if (record.status === 'done') return c.json({ conversion }, 200);
  if (record.status === 'retrying') return c.json({ conversion }, 202);
  const error = record.error ?? {
    code: 'internal_error',
    message: 'The conversion stopped.',
    retryable: true,
  };
  const code = error.code as ErrorCode;
  return c.json(envelope(code, error.message, error.retryable, { conversion }), statusFor(code));
}

/** An empty body means no options; anything else must be a valid ConvertRequest. */
async function convertOptions(c: Context) {
  const text = await c.req.text();
  return text.trim() === '' ? {} : parseJsonText(text, ConvertRequest);
}

export function convertRoutes(deps: { converter: Converter; conversions: ConversionStore }) {
  const { converter, conversions } = deps;

  return (
    new Hono()
      .post('/deals/:dealId/convert', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        const options = await convertOptions(c);
        return conversionAnswer(c, await converter.convert(dealId, 'widget', options));
      })
      .get('/deals/:dealId/preflight', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        return c.json(await converter.preflight(dealId));
      })
      .get('/deals/:dealId/conversion', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        const record = await conversions.get(dealId);
        if (!record)
          throw new RequestError('not_found', 404, `Deal "${dealId}" has not been converted yet.`);
        return c.json({ conversion: toConversion(record) });
      })
      .get('/deals/:dealId/audit', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        return c.json({ entries: await conversions.audit(dealId) });
      })
      // The dead-letter list and what a person can do with its entries.
      .get('/conversions', async (c) => {
        const { status, limit } = parseQuery(c, ListQuery);
        const records = await conversions.list(status, limit);
        return c.json({ conversions: records.map(toConversion) });
      })
      .get('/conversions/:dealId', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        const record = await conversions.get(dealId);
        if (!record)
          throw new RequestError('not_found', 404, `Deal "${dealId}" has no conversion.`);
        return c.json({ conversion: toConversion(record), audit: await conversions.audit(dealId) });
      })
      .post('/conversions/:dealId/retry', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        const options = await convertOptions(c);
        if (!(await conversions.get(dealId)))
          throw new RequestError('not_found', 404, `Deal "${dealId}" has no conversion to retry.`);
        return conversionAnswer(
          c,
          await converter.convert(dealId, 'ops', { ...options, retry: true }),
        );
      })
      .post('/conversions/:dealId/dismiss', async (c) => {
        const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
        const text = await c.req.text();
        if (text.trim() === '') {
          throw new RequestError(
            'validation_failed',
            400,
            'Say why: send {"reason": "…"} with a few words.',
          );
        }
        const { reason } = parseJsonText(text, DismissRequest);
        return c.json({ conversion: toConversion(await converter.dismiss(dealId, 'ops', reason)) });
      })
  );
}
