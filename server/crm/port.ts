import type { Deal } from '../../shared/api.ts';

/**
 * The CrmAdapter port: read a deal, write the ERP order number back to it.
 * Failures are CrmError; `retryable` says whether trying again may help.
 */
export interface CrmAdapter {
  readonly name: string;
  getDeal(dealId: string, opts?: { signal?: AbortSignal }): Promise<Deal | null>;
  writeOrderNumber(
    dealId: string,
    orderNumber: string,
    opts?: { signal?: AbortSignal },
  ): Promise<void>;
}

export class CrmError extends Error {
  override name = 'CrmError';
  readonly retryable: boolean;

  constructor(message: string, opts: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.retryable = opts.retryable;
  }
}
