import type { ErrorCode } from '../../shared/errors.ts';
import { CrmError } from '../crm/port.ts';
import { ErpRejected, ErpUnavailable } from '../erp/errors.ts';
import { RequestError } from '../errors.ts';

/** What a conversion records about why it stopped: a stable code, words for the rep. */
export interface Failure {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof RequestError)
    return { code: error.code, message: error.message, retryable: false };
  if (error instanceof ErpRejected)
    return { code: error.code, message: error.message, retryable: false };
  if (error instanceof ErpUnavailable) {
    return {
      code: 'erp_unavailable',
      // The adapter's own message (hosts, databases) stays in the log and the audit summary.
      message: 'The ERP is not reachable right now; the conversion will be retried.',
      retryable: true,
    };
  }
  if (error instanceof CrmError) {
    return {
      code: 'crm_unavailable',
      message: 'The CRM could not be updated right now; the conversion will be retried.',
      retryable: error.retryable,
    };
  }
  return {
    code: 'internal_error',
    message: 'Something went wrong on our side; the conversion was kept and can be retried.',
    retryable: true,
  };
}
