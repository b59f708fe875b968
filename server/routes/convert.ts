import { Hono } from 'hono';
import { z } from 'zod';
import type { Converter } from '../convert/workflow.ts';
import { RequestError } from '../errors.ts';
import { toConversion, type ConversionStore } from '../store/conversions.ts';
import { envelope, statusFor } from './envelope.ts';
import { parseParam } from './parse.ts';
import type { ErrorCode } from '../../shared/errors.ts';

const DealId = z.string().trim().min(1, 'a deal id is required').max(64, 'at most 64 characters');

export function convertRoutes(deps: { converter: Converter; conversions: ConversionStore }) {
  return new Hono()
    .post('/deals/:dealId/convert', async (c) => {
      const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
      const record = await deps.converter.convert(dealId, 'widget');
      const conversion = toConversion(record);
      if (record.status === 'failed' && record.error) {
        const code = record.error.code as ErrorCode;
        return c.json(
          envelope(code, record.error.message, record.error.retryable, { conversion }),
          statusFor(code),
        );
      }
      return c.json({ conversion });
    })
    .get('/deals/:dealId/conversion', async (c) => {
      const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
      const record = await deps.conversions.get(dealId);
      if (!record) throw new RequestError('not_found', 404, `Deal "${dealId}" has not been converted yet.`);
      return c.json({ conversion: toConversion(record) });
    })
    .get('/deals/:dealId/audit', async (c) => {
      const dealId = parseParam(c.req.param('dealId'), DealId, 'deal id');
      return c.json({ entries: await deps.conversions.audit(dealId) });
    });
}
