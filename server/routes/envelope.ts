import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorEnvelope } from '../../shared/errors.ts';
import { AuthError } from '../auth/errors.ts';
import { CrmError } from '../crm/port.ts';
import { ErpRejected, ErpUnavailable } from '../erp/errors.ts';
import { RequestError } from '../errors.ts';
import type { Logger } from '../observe/logger.ts';

/**
 * The one place where errors become HTTP answers. Services throw their own families;
 * this maps each to a status and the shared envelope. Anything unknown is a bug: it is
 * logged and answered 500 without internals.
 */

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  malformed_json: 400,
  not_found: 404,
  unknown_product: 422,
  unknown_customer: 404,
  unknown_currency: 400,
  deal_not_won: 409,
  credit_blocked: 422,
  customer_blocked: 422,
  customer_ambiguous: 409,
  insufficient_stock: 422,
  erp_rejected: 422,
  erp_unavailable: 503,
  crm_unavailable: 503,
  conversion_in_progress: 409,
  override_required: 409,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  internal_error: 500,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return statusOf[code];
}

export function envelope(
  code: ErrorCode,
  message: string,
  retryable: boolean,
  details?: unknown,
): ErrorEnvelope {
  return { error: { code, message, retryable, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(c: Context, error: unknown, logger: Logger): Response {
  if (error instanceof AuthError) {
    if (error.retryAfterSeconds !== null) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error.status === 401) c.header('WWW-Authenticate', 'Bearer realm="erp-lens"');
    return c.json(envelope(error.code, error.message, error.code === 'rate_limited'), error.status);
  }
  if (error instanceof RequestError) {
    return c.json(envelope(error.code, error.message, false, error.details), error.status);
  }
  if (error instanceof ErpRejected) {
    return c.json(envelope(error.code, error.message, false), statusOf[error.code]);
  }
  if (error instanceof ErpUnavailable) {
    // The adapter's message names hosts and databases: it goes to the log, not the browser.
    logger.warn('erp.unavailable', { path: c.req.path, error });
    if (error.retryAfterSeconds !== null) c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(
      envelope('erp_unavailable', 'The ERP is not answering right now. Try again shortly.', true),
      503,
    );
  }
  if (error instanceof CrmError) {
    return c.json(
      envelope(
        'crm_unavailable',
        `The CRM is not answering right now (${error.message}).`,
        error.retryable,
      ),
      503,
    );
  }
  logger.error('request.crashed', { path: c.req.path, method: c.req.method, error });
  return c.json(
    envelope(
      'internal_error',
      'Something went wrong on our side. Try again; if it persists, tell your admin.',
      true,
    ),
    500,
  );
}
