import type { ApiError } from './api-error.ts';
import { en, type Messages } from './i18n/messages.ts';

/**
 * Refusals of the deal itself: the server's sentence names the product, the currency or the
 * field, which our general words cannot, so it is shown as it comes.
 */
const serverSays: ReadonlySet<string> = new Set([
  'unknown_product',
  'unknown_currency',
  'validation_failed',
]);

/** What a sales rep should read for each failure; the server's own message is the fallback. */
export function describeError(
  error: Pick<ApiError, 'code' | 'message'>,
  messages: Messages = en,
): string {
  if (serverSays.has(error.code)) return error.message;
  return messages.errors[error.code] ?? error.message;
}

/** The server's own message, when it adds something to our words (which record, which figure). */
export function errorDetail(
  error: Pick<ApiError, 'code' | 'message'>,
  messages: Messages = en,
): string | null {
  if (serverSays.has(error.code)) return null;
  return messages.errors[error.code] ? error.message : null;
}
