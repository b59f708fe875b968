/**
 * Why a call was refused at the door: no or a bad context token (401), a token that does not
 * cover the call or an origin we do not know (403), too many calls (429). routes/envelope.ts
 * turns these into the API envelope. Messages name the rule, never the token or the secret.
 */

export type AuthErrorCode = 'unauthorized' | 'token_expired' | 'forbidden' | 'rate_limited';

const statusOf = {
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  rate_limited: 429,
} as const;

export class AuthError extends Error {
  override name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly status: (typeof statusOf)[AuthErrorCode];
  /** Only for rate_limited: whole seconds until the window reopens. */
  readonly retryAfterSeconds: number | null;

  constructor(code: AuthErrorCode, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.code = code;
    this.status = statusOf[code];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
