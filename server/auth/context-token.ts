import { LRUCache } from 'lru-cache';
import { sign, verify } from 'hono/jwt';
import { AuthError } from './errors.ts';
import {
  audience,
  clockSkewSeconds,
  ContextClaims,
  maxTokenSeconds,
  type Scope,
} from './claims.ts';

/**
 * Context tokens are JWTs (RFC 7519) signed with HS256 through hono's JWT helpers, which
 * verify with Web Crypto (a constant-time HMAC check). Times are checked here, against the
 * injected clock, so that tests and the 15-minute ceiling use one notion of "now".
 */

/** Longer than any token we mint; a header this long is refused before any crypto. */
const maxTokenLength = 4096;

export interface TokenRequest {
  sub: string;
  scopes: Scope[];
  customer?: string;
  deal?: string;
}

export async function mintContextToken(
  request: TokenRequest,
  secret: string,
  options: { now: Date; ttlSeconds?: number },
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(options.now.getTime() / 1000);
  const exp = iat + Math.min(options.ttlSeconds ?? 600, maxTokenSeconds);
  const payload = {
    sub: request.sub,
    aud: audience,
    scope: request.scopes.join(' '),
    ...(request.customer ? { customer: request.customer } : {}),
    ...(request.deal ? { deal: request.deal } : {}),
    iat,
    exp,
  };
  const token = await sign(payload, secret, 'HS256');
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * Tokens whose signature already checked out. A widget sends the same token with every
 * lookup for up to 15 minutes, and the HMAC (with its key import) is the most expensive
 * part of a cached lookup; the same bytes under the same secret verify the same way.
 * The time claims are still checked on every request.
 */
const verified = new LRUCache<string, object>({ max: 10_000 });

export async function verifyContextToken(
  token: string,
  secret: string,
  now: Date,
): Promise<ContextClaims> {
  if (token.length > maxTokenLength) throw invalid('it is too long');

  let payload: unknown = verified.get(`${secret}\u0000${token}`);
  if (payload === undefined) {
    try {
      // Pinning the algorithm refuses "none" and any other alg a forger might name.
      payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
    } catch {
      throw invalid('its signature or format is wrong');
    }
    verified.set(`${secret}\u0000${token}`, payload as object);
  }

  const parsed = ContextClaims.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw invalid(`the claim "${first?.path.join('.') || '(payload)'}" is missing or wrong`);
  }
  const claims = parsed.data;
  const nowSeconds = Math.floor(now.getTime() / 1000);

  if (claims.exp - claims.iat > maxTokenSeconds) {
    throw invalid(
      `it lives longer than ${maxTokenSeconds / 60} minutes; mint tokens with exp - iat <= ${maxTokenSeconds}`,
    );
  }
  if (
    claims.iat > nowSeconds + clockSkewSeconds ||
    (claims.nbf ?? 0) > nowSeconds + clockSkewSeconds
  ) {
    throw invalid('it is not valid yet; check the CRM server clock');
  }
  if (claims.exp <= nowSeconds - clockSkewSeconds) {
    throw new AuthError(
      'token_expired',
      'The context token has expired. Reload the CRM page to get a new one.',
    );
  }
  return claims;
}

function invalid(why: string): AuthError {
  return new AuthError(
    'unauthorized',
    `The context token is not valid: ${why}. Ask the CRM integration for a new one.`,
  );
}
