import { z } from 'zod';

/** Stable machine words for every failure the API reports. */
export const ErrorCode = z.enum([
  'validation_failed',
  'malformed_json',
  'not_found',
  'unknown_product',
  'unknown_customer',
  'unknown_currency',
  'deal_not_won',
  'credit_blocked',
  'customer_blocked',
  'customer_ambiguous',
  'insufficient_stock',
  'erp_rejected',
  'erp_unavailable',
  'crm_unavailable',
  'conversion_in_progress',
  'override_required',
  'unauthorized',
  'payload_too_large',
  'token_expired',
  'forbidden',
  'rate_limited',
  'internal_error',
]);

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
    retryable: z.boolean(),
  }),
});

export type ErrorCode = z.infer<typeof ErrorCode>;
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
