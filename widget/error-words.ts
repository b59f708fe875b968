import type { ApiError, ApiErrorCode } from './api-error.ts';

/** What a sales rep should read for each failure; the server's own message is the fallback. */
const words: Partial<Record<ApiErrorCode, string>> = {
  deal_not_won: 'Only a won deal can become an ERP order. Mark the deal as won, then convert it.',
  credit_blocked:
    'The ERP will not take this order on credit: the customer is blocked or would go over ' +
    'the credit limit. Ask finance to release it or raise the limit.',
  customer_blocked: 'The customer is blocked in the ERP. Ask finance or the account owner.',
  customer_ambiguous:
    'Several ERP customers match this account. Ask the ERP team to link the right one.',
  unknown_customer: 'The ERP does not know this customer.',
  unknown_product: 'A product on this deal is not in the ERP. Check the line items.',
  insufficient_stock: 'There is not enough stock for this order.',
  erp_unavailable: 'The ERP is not answering right now. Try again in a minute.',
  crm_unavailable: 'The CRM is not answering right now. Try again in a minute.',
  conversion_in_progress: 'This deal is already being converted. Wait a moment.',
  network_error: 'ERP Lens cannot reach its server. Check your connection and try again.',
};

export function describeError(error: Pick<ApiError, 'code' | 'message'>): string {
  return words[error.code] ?? error.message;
}

/** The server's own message, when it adds something to our words (which record, which figure). */
export function errorDetail(error: Pick<ApiError, 'code' | 'message'>): string | null {
  return words[error.code] ? error.message : null;
}
