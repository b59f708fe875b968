import type { ErrorCode } from '../shared/errors.ts';

/**
 * Errors our own services raise about a request (bad input, unknown records, a deal that
 * is not won). ERP and CRM failures have their own families (erp/errors.ts, crm/port.ts);
 * routes/envelope.ts maps all of them to the API envelope in one place.
 */
export class RequestError extends Error {
  override name = 'RequestError';
  readonly code: ErrorCode;
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
  readonly details: unknown;

  constructor(code: ErrorCode, status: RequestError['status'], message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
