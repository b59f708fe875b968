/**
 * The ERP error family. Adapters throw these and nothing else, so that services branch on
 * type, never on status numbers or message text.
 */

export type ErpRefusalCode =
  | 'credit_blocked'
  | 'customer_blocked'
  | 'unknown_product'
  | 'unknown_customer'
  | 'insufficient_stock'
  | 'erp_rejected';

export class ErpError extends Error {
  override name = 'ErpError';
  /** Worth trying again later (network, timeout, 5xx, 429). */
  readonly retryable: boolean;
  /** The ERP may have committed the write before failing (a timeout after send, a 5xx). */
  readonly ambiguous: boolean;

  constructor(message: string, opts: { retryable: boolean; ambiguous?: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.retryable = opts.retryable;
    this.ambiguous = opts.ambiguous ?? false;
  }
}

/** The ERP could not be reached or did not answer in time. */
export class ErpUnavailable extends ErpError {
  override name = 'ErpUnavailable';
  /** Seconds the ERP asked us to wait (HTTP 429/503 Retry-After). */
  readonly retryAfterSeconds: number | null;

  constructor(
    message: string,
    opts: { ambiguous?: boolean; retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(message, { retryable: true, ambiguous: opts.ambiguous, cause: opts.cause });
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
  }
}

/** The ERP understood and said no: a business rule, shown to the rep, never retried. */
export class ErpRejected extends ErpError {
  override name = 'ErpRejected';
  readonly code: ErpRefusalCode;

  constructor(code: ErpRefusalCode, message: string, opts: { cause?: unknown } = {}) {
    super(message, { retryable: false, cause: opts.cause });
    this.code = code;
  }
}
