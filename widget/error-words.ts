import type { ApiError } from './api-error.ts';
import { en, type Messages } from './i18n/messages.ts';

/** What a sales rep should read for each failure; the server's own message is the fallback. */
export function describeError(
  error: Pick<ApiError, 'code' | 'message'>,
  messages: Messages = en,
): string {
  return messages.errors[error.code] ?? error.message;
}

/** The server's own message, when it adds something to our words (which record, which figure). */
export function errorDetail(
  error: Pick<ApiError, 'code' | 'message'>,
  messages: Messages = en,
): string | null {
  return messages.errors[error.code] ? error.message : null;
}
